// Start GOV.UK Frontend's components. Loaded as a module from a file, so the
// Content Security Policy needs no inline script.
import { initAll } from "./govuk-frontend.min.js";

initAll();

// A print button only works with JavaScript, so it is hidden until it can.
for (const button of document.querySelectorAll("[data-fd-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
