// Compile GOV.UK Frontend in council branding and gather the browser files
// into build/static, which Django serves as static files. Nothing here is committed.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "build", "static");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "js"), { recursive: true });

const result = sass.compile(join(root, "assets", "scss", "app.scss"), {
  style: "compressed",
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
});
// A council service shows neither GDS Transport nor the crown: the crest is
// only the footer's copyright logo, which Front Door does not use.
const css = result.css.replaceAll('url("../govuk/assets/images/govuk-crest.svg")', "none");
for (const banned of ["GDS Transport", "govuk/assets/"]) {
  if (css.includes(banned)) {
    throw new Error(`The compiled CSS still refers to ${banned}`);
  }
}
writeFileSync(join(out, "css", "app.css"), css);

cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "js", "govuk-frontend.min.js"));
cpSync(join(root, "node_modules", "htmx.org", "dist", "htmx.min.js"), join(out, "js", "htmx.min.js"));
// Charts draw over tables that carry the same numbers; Chart.js is the picture, not the data.
// The source map goes too: the minified file names it, and collectstatic's manifest refuses a missing reference.
for (const file of ["chart.umd.min.js", "chart.umd.min.js.map"]) {
  cpSync(join(root, "node_modules", "chart.js", "dist", file), join(out, "js", file));
}

console.log(`Built ${result.css.length} bytes of CSS into ${out}`);
