#!/usr/bin/env node
// `npm test`: the one gate. Runs every check even after one fails, so a run shows everything that is wrong,
// then prints one closing line, "tests: N passed, M failed" (vitest tests + notebooks + the static checks).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vitestJson = path.join(root, "build", "vitest-results.json");
mkdirSync(path.dirname(vitestJson), { recursive: true });
const notebookJson = path.join(root, "build", "notebook-results.json");
rmSync(vitestJson, { force: true });
rmSync(notebookJson, { force: true });

const env = { ...process.env, TZ: "Europe/London" };
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const steps = [
  [
    "type-check",
    "node",
    [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json", "--noEmit"],
  ],
  // Notebooks compile src/ with tslab's own TypeScript 5.0.4 and non-strict options: check it compiles there too.
  [
    "tslab compile",
    "node",
    [
      path.join(root, "node_modules", "@tslab", "typescript-for-tslab", "bin", "tsc"),
      "-p",
      "tsconfig.tslab.json",
    ],
  ],
  ["lint", bin("eslint"), ["."]],
  ["format", bin("prettier"), ["--check", "--log-level", "warn", "."]],
  [
    "unit tests",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`],
  ],
  ["notebooks", "node", [path.join(root, "scripts", "run-notebooks.mjs"), "--check"]],
  // Disclosure: no count of 1-4, or a share that implies one, in any output of the committed notebooks.
  ["audit", "node", [path.join(root, "bin", "sp-pathways.cjs"), "audit", path.join(root, "notebooks")]],
];

let passed = 0;
let failed = 0;
const lines = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name} ==`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  const ok = r.status === 0;
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (name === "unit tests" && existsSync(vitestJson)) {
    const res = JSON.parse(readFileSync(vitestJson, "utf8"));
    passed += res.numPassedTests;
    failed += res.numFailedTests + (ok || res.numFailedTests ? 0 : 1);
    lines.push(
      `  ${name.padEnd(12)} ${ok ? "ok    " : "FAILED"} ${secs.padStart(6)} s  ${res.numPassedTests} passed, ${res.numFailedTests} failed`,
    );
  } else if (name === "notebooks") {
    const results = existsSync(notebookJson) ? JSON.parse(readFileSync(notebookJson, "utf8")) : [];
    const good = results.filter((r) => r.ok).length;
    passed += good;
    failed += results.length - good + (ok || results.length > good ? 0 : 1);
    lines.push(
      `  ${name.padEnd(12)} ${ok ? "ok    " : "FAILED"} ${secs.padStart(6)} s  ${good} of ${results.length} notebooks current`,
    );
  } else {
    if (ok) passed += 1;
    else failed += 1;
    lines.push(`  ${name.padEnd(12)} ${ok ? "ok    " : "FAILED"} ${secs.padStart(6)} s`);
  }
}

console.log("\nnpm test summary");
for (const l of lines) console.log(l);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
