// Saves the assessment draft a few seconds after the worker stops typing, so nothing is lost
// if the browser closes. The form carries the version it started from; a save that finds the
// record moved on (someone else saved) is refused by the server and said so here, never overwritten.
const form = document.querySelector("form[data-autosave-url]");
const status = document.getElementById("autosave-status");
const DELAY_MS = 4000;
let timer = null;
let saving = false;

async function save() {
  if (saving) return;
  saving = true;
  try {
    const response = await fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    });
    const answer = await response.json();
    if (answer.saved) {
      form.querySelector("input[name=version]").value = answer.version;
      status.textContent = `Draft saved at ${answer.at}`;
    } else {
      const messages = Object.values(answer.errors || {}).flat();
      status.textContent = `Not saved: ${messages.join(" ") || "check the form"}`;
    }
  } catch {
    status.textContent = "Not saved: the connection was lost. Your writing is still on this page.";
  } finally {
    saving = false;
  }
}

if (form && status) {
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
}
