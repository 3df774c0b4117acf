// Exits 0 when node_modules holds exactly the packages package-lock.json asks for, 1 otherwise (missing,
// stale, or installed from another lock). npm writes node_modules/.package-lock.json on every install.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
function read(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
  } catch {
    return null;
  }
}
const wanted = read("package-lock.json");
const installed = read("node_modules/.package-lock.json");
if (!wanted || !installed) process.exit(1);
const have = installed.packages || {};
for (const [name, entry] of Object.entries(wanted.packages || {})) {
  if (!name.startsWith("node_modules/")) continue; // the project itself and workspace links
  const got = have[name];
  if (!got && entry.optional) continue; // optional platform binaries for other machines
  if (!got || got.version !== entry.version) process.exit(1);
}
process.exit(0);
