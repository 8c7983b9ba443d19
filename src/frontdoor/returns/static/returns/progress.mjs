// Follows a return as the worker builds it, and shows the finished page when it is done.
const box = document.getElementById("build-progress");
if (box) {
  const bar = document.getElementById("progress-bar");
  const stage = document.getElementById("progress-stage");
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.progressUrl, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const build = await response.json();
        if (build.finished) {
          window.location.reload();
          return;
        }
        bar.value = build.progress;
        bar.textContent = `${build.progress}%`;
        stage.textContent = `${build.progress}% ${build.stage || "Waiting to start"}`;
      }
    } catch {
      // A dropped connection: try again on the next tick.
    }
    window.setTimeout(poll, 1500);
  };
  window.setTimeout(poll, 1500);
}
