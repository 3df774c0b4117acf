#!/usr/bin/env node
// Executes every notebook in notebooks/ with the project kernel, as many at once as the machine has cores, with
// one shared warm renderer for their figures (scripts/renderer.mjs), one warm compile service for their cells
// (scripts/compiler.mjs; SP_COMPILE_SERVICE=0 runs without it) and dist/ rebuilt first if src/ changed.
//   node scripts/run-notebooks.mjs            execute in place (bundled data) or into build/notebooks (other data)
//   node scripts/run-notebooks.mjs --html     ... and render each to build/html/
//   node scripts/run-notebooks.mjs --check    execute copies; fail if a committed notebook is stale or errors
//   any of them followed by notebook paths or name fragments runs only those.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { jupyterEnv, python } from "./jupyter-env.mjs";
import { startCompiler, wantsCompiler } from "./compiler.mjs";
import { startRenderer } from "./renderer.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const html = args.includes("--html");
const filters = args.filter((a) => !a.startsWith("--"));

const all = readdirSync(path.join(root, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .sort()
  .map((f) => path.join("notebooks", f));
const notebooks = filters.length ? all.filter((nb) => filters.some((f) => nb.includes(f))) : all;
if (notebooks.length === 0) {
  console.error(`No notebooks match ${filters.join(", ") || "notebooks/*.ipynb"}.`);
  process.exit(2);
}

// Runs on other data (an Active Partnership's own export, or one area) never overwrite committed notebooks.
// --check always compares against the bundled synthetic data (SP_DATA=bundled makes loadSurvey ignore data/local/).
if (check) {
  process.env.SP_DATA = "bundled";
  delete process.env.SP_AREA;
}
const customData =
  Boolean(process.env.SP_AREA || (process.env.SP_DATA_DIR && process.env.SP_DATA !== "bundled")) ||
  (process.env.SP_DATA !== "bundled" &&
    existsSync(path.join(root, "data", "local")) &&
    readdirSync(path.join(root, "data", "local")).some((f) => /\.(csv|tsv|txt|xlsx)$/i.test(f)));
const outDir = customData ? path.join(root, "build", "notebooks") : null;
if (outDir) mkdirSync(outDir, { recursive: true });

// Build dist/ once here, so that parallel kernels do not each find it stale and wait for one another.
const built = createRequire(import.meta.url)("./build-dist.cjs").ensureBuilt(root);
if (built.built)
  console.log(`dist/ rebuilt from src/ in ${(built.ms / 1000).toFixed(1)} s (${built.reason})`);
if (built.errors) console.error(`src/ has type errors (dist/BUILD-ERRORS.txt):\n${built.errors}`);

const env = jupyterEnv(root);
// SP_JOBS=1 runs one notebook at a time; the default is one per core (the kernel is mostly one busy thread).
const jobs = Math.max(1, Math.min(notebooks.length, Number(process.env.SP_JOBS) || availableParallelism()));
// One warm renderer and one warm compile service (tslab's TypeScript program built once, not in every kernel),
// both started after dist/ is current and stopped at the end.
const [renderer, compiler] = await Promise.all([
  env.SP_RENDER_URL ? null : startRenderer(env),
  wantsCompiler(env) ? startCompiler(env) : null,
]);
if (renderer) env.SP_RENDER_URL = renderer.url;
if (compiler) env.SP_COMPILE_URL = compiler.url;
const started = Date.now();
const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;
const verb = check ? "Checking" : "Running";
console.log(
  `${verb} ${notebooks.length} notebook${notebooks.length === 1 ? "" : "s"} with the tslab kernel` +
    (customData
      ? ` on ${process.env.SP_AREA ? `area ${process.env.SP_AREA}` : "local data"}; outputs go to build/notebooks/ and the disclosure audit runs before any HTML is written`
      : " on the bundled synthetic data") +
    `, ${jobs} at a time`,
);

// Longest first, so that the last notebook to start is a short one and no core idles at the end waiting for a
// long one: each notebook's last duration (build/notebook-times.json, kept across runs, partial ones included)
// when every one has one, else file size (a notebook's figures and tables make up most of it). The summary below
// keeps notebook order.
const timesFile = path.join(root, "build", "notebook-times.json");
function lastTimes() {
  try {
    return JSON.parse(readFileSync(timesFile, "utf8"));
  } catch {
    return {};
  }
}
function scheduleOrder() {
  const previous = lastTimes();
  const known = notebooks.every((nb) => typeof previous[nb] === "number");
  const weight = (nb) => (known ? previous[nb] : statSync(path.join(root, nb)).size);
  return notebooks.map((nb, i) => ({ nb, i })).sort((a, b) => weight(b.nb) - weight(a.nb) || a.i - b.i);
}

// One Python process runs every notebook, `jobs` at a time (scripts/notebook.py's batch mode): Python, nbclient and
// jupyter_client load once per run, not once per notebook. It prints a JSON line as each notebook starts and ends;
// each finished notebook prints one whole line here (never a half-written one interleaved with another).
const results = new Array(notebooks.length);
let finished = 0;
function runAll() {
  const order = scheduleOrder();
  const argv = [
    path.join(root, "scripts", "notebook.py"),
    check ? "check" : "execute",
    "--jobs",
    String(jobs),
  ];
  if (!check && outDir) argv.push("--out-dir", outDir);
  // On other data, HTML goes to a staging folder and reaches build/html/ only after the disclosure audit passes.
  if (html && !check) argv.push("--html", path.join(root, "build", outDir ? "html-pending" : "html"));
  argv.push(...order.map((o) => path.join(root, o.nb)));
  const begun = new Array(notebooks.length);
  return new Promise((resolve) => {
    const child = spawn(python, argv, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    const lines = (stream, onLine) => {
      let buffered = "";
      stream.setEncoding("utf8");
      stream.on("data", (d) => {
        buffered += d;
        let nl;
        while ((nl = buffered.indexOf("\n")) >= 0) {
          onLine(buffered.slice(0, nl));
          buffered = buffered.slice(nl + 1);
        }
      });
      stream.on("end", () => buffered && onLine(buffered));
    };
    lines(child.stdout, (line) => {
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        console.log(line);
        return;
      }
      const { nb, i } = order[event.index];
      if (event.event === "start") {
        begun[i] = Date.now();
        if (jobs > 1) console.log(`[${i + 1}/${notebooks.length}] ${nb} started`);
        return;
      }
      const r = { nb, code: event.code, facts: event.facts, err: event.err ?? "", ms: Date.now() - begun[i] };
      results[i] = r;
      finished += 1;
      const what = r.code === 0 ? (check ? "current" : "done") : "FAILED";
      console.log(
        `[${i + 1}/${notebooks.length}] ${nb} ${what} in ${fmt(r.ms)} ` +
          `(${finished} of ${notebooks.length} finished, elapsed ${fmt(Date.now() - started)})`,
      );
      if (r.code !== 0) console.error(indent(r.err || "(no message)"));
    });
    // Kernels' and nbclient's own messages (e.g. "rebuilt dist/") pass through as they come.
    lines(child.stderr, (line) => line.trim() && console.error(indent(line)));
    child.on("close", (code) => {
      // A batch that died (Python itself failed) leaves notebooks without a result: each counts as failed.
      notebooks.forEach((nb, i) => {
        if (!results[i])
          results[i] = { nb, code: 1, facts: null, err: `not run: the batch ended (exit ${code})`, ms: 0 };
      });
      resolve();
    });
  });
}
try {
  await runAll();
} finally {
  await Promise.all([renderer?.stop(), compiler?.stop()]);
}

function indent(text) {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

const failed = results.filter((r) => r.code !== 0);
// For `npm test`'s closing count: one entry per notebook.
writeFileSync(
  path.join(root, "build", "notebook-results.json"),
  JSON.stringify(
    results.map((r) => ({ notebook: r.nb, ok: r.code === 0, seconds: r.ms / 1000, ...r.facts })),
    null,
    2,
  ) + "\n",
);
const times = lastTimes();
for (const r of results) if (r.code === 0) times[r.nb] = Number((r.ms / 1000).toFixed(2));
writeFileSync(timesFile, JSON.stringify(times, null, 2) + "\n");
const sum = (k) => results.reduce((s, r) => s + (r.facts?.[k] ?? 0), 0);
console.log("");
console.log("Summary");
for (const r of results) {
  const f = r.facts;
  const extra = f
    ? `${f.figures} figure${f.figures === 1 ? "" : "s"}` +
      (f.receipts_passed + f.receipts_failed
        ? `, receipts ${f.receipts_passed} passed / ${f.receipts_failed} failed`
        : "")
    : "failed";
  console.log(`  ${r.nb.padEnd(48)} ${fmt(r.ms).padStart(8)}  ${extra}`);
}
const receipts = sum("receipts_passed") + sum("receipts_failed");
console.log(
  `  ${results.length - failed.length} of ${results.length} notebooks ${check ? "current" : "ran"}, ` +
    `${sum("figures")} figures` +
    (receipts
      ? `, published-figure receipts: ${sum("receipts_passed")} passed, ${sum("receipts_failed")} failed`
      : "") +
    `, ${fmt(Date.now() - started)} in all`,
);
// Other data (data/local/, SP_AREA): the disclosure audit runs on every executed notebook before any HTML is
// published; on a finding the staged HTML is deleted.
let auditFailed = false;
if (outDir && !check) {
  console.log(
    "  Disclosure audit of build/notebooks/ (other data: before any HTML is written to build/html/):",
  );
  const audit = spawnSync("node", [path.join(root, "bin", "sp-pathways.cjs"), "audit", outDir], {
    stdio: "inherit",
  });
  auditFailed = audit.status !== 0;
  const pending = path.join(root, "build", "html-pending");
  if (existsSync(pending)) {
    if (!auditFailed) {
      mkdirSync(path.join(root, "build", "html"), { recursive: true });
      for (const f of readdirSync(pending))
        renameSync(path.join(pending, f), path.join(root, "build", "html", f));
    }
    rmSync(pending, { recursive: true, force: true });
  }
  if (auditFailed)
    console.log("  The audit found disclosures: no HTML written. Fix them before sharing any output.");
}
if (html && !check && failed.length < results.length && !auditFailed)
  console.log(`  HTML: ${path.join("build", "html")}/`);
// The reading edition (build/site/, or build/site-<data> for other data), from the notebooks just written.
if (html && !check && failed.length < results.length && !auditFailed) {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const from = outDir ?? path.join(root, "notebooks");
  const site = spawnSync(tsx, [path.join(root, "scripts", "build-site.ts"), "--notebooks", from], {
    stdio: "inherit",
  });
  if (site.status !== 0) process.exitCode = 1;
}
if (outDir && !check) console.log(`  Executed notebooks: build/notebooks/ (committed notebooks untouched)`);
if (failed.length || sum("receipts_failed") > 0 || auditFailed) process.exit(1);
