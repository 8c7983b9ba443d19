// Start GOV.UK Frontend's components. Loaded as a module from a file, so the
// Content Security Policy needs no inline script.
import { initAll } from "./govuk-frontend.min.js";

initAll();
