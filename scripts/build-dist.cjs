#!/usr/bin/env node
// Builds src/ into dist/ (CommonJS + declaration files) for notebooks, and tells whether the build is stale.
// Notebooks import "./dist/index": tslab then reads declaration files instead of type-checking and compiling all
// of src/ in every kernel (8-12 s per kernel on this machine kind). So that a researcher editing src/ never runs
// stale code, the kernel launcher (scripts/kernel.cjs), scripts/setup and the notebook runner call ensureBuilt(),
// which rebuilds when any file in src/ (or the compiler configuration) is newer than the build, or a file was
// added or removed.
//   node scripts/build-dist.cjs            build if stale (prints one line when it builds)
//   node scripts/build-dist.cjs --force    build now
//   node scripts/build-dist.cjs --status   print why the build is stale, or "current"; exit 1 when stale
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const STAMP = ".build.json";
const CONFIG_FILES = ["tsconfig.json", "tsconfig.dist.json", "package-lock.json"];
const LOCK_STALE_MS = 5 * 60 * 1000;

/** Every file under src/, relative to the project root, sorted. */
function sourceFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk("src");
  return out.sort();
}

function readStamp(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "dist", STAMP), "utf8"));
  } catch {
    return null;
  }
}

/**
 * Why dist/ is stale, or null when it is current. Compares modification times with the time the last build
 * started (an edit made during a build counts as newer) and the list of source files with the one built.
 */
function staleReason(root) {
  const stamp = readStamp(root);
  if (!stamp || typeof stamp.startedMs !== "number" || !Array.isArray(stamp.files)) return "no build yet";
  const files = sourceFiles(root);
  if (files.join("\n") !== stamp.files.join("\n")) {
    const added = files.filter((f) => !stamp.files.includes(f));
    const removed = stamp.files.filter((f) => !files.includes(f));
    return `source files changed (${[...added.map((f) => `+${f}`), ...removed.map((f) => `-${f}`)].join(", ")})`;
  }
  for (const f of [...files, ...CONFIG_FILES]) {
    let mtime;
    try {
      mtime = fs.statSync(path.join(root, f)).mtimeMs;
    } catch {
      continue; // a config file that does not exist (e.g. no package-lock.json in a copy)
    }
    if (mtime > stamp.startedMs) return `${f} is newer than the build`;
  }
  return null;
}

function takeLock(lock) {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      // Another process (a second kernel started at the same moment) is building; a lock older than any build
      // could take belongs to a process that died.
      let age;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if (age > LOCK_STALE_MS || Date.now() > deadline) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/**
 * Compiles src/ with the project's TypeScript into dist/. After edits to existing files the build is incremental
 * (about half the time of a full one); a new or removed file, a changed configuration or a previous build with
 * errors starts from an empty dist/ so nothing stale is left. Type errors do not stop the build (the JavaScript
 * is still emitted): they are returned, written to dist/BUILD-ERRORS.txt and printed by dist/index.js in the
 * notebook cell that imports it, so they are not missed.
 */
function build(root, reason) {
  const startedMs = Date.now();
  const files = sourceFiles(root);
  const dist = path.join(root, "dist");
  const stamp = readStamp(root);
  const incremental =
    stamp &&
    !stamp.errors &&
    reason.endsWith(" is newer than the build") &&
    !reason.startsWith("tsconfig") &&
    !reason.startsWith("package-lock");
  if (!incremental) fs.rmSync(dist, { recursive: true, force: true });
  fs.rmSync(path.join(dist, STAMP), { force: true });
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.dist.json", "--pretty", "false"], {
    cwd: root,
    encoding: "utf8",
  });
  if (!fs.existsSync(path.join(dist, "index.js"))) {
    throw new Error(`building dist/ failed (tsc exit ${r.status}):\n${(r.stdout + r.stderr).trim()}`);
  }
  const errors = r.status === 0 ? "" : (r.stdout + r.stderr).trim();
  fs.rmSync(path.join(dist, "BUILD-ERRORS.txt"), { force: true });
  if (errors) {
    fs.writeFileSync(path.join(dist, "BUILD-ERRORS.txt"), errors + "\n");
    const count = errors.split("\n").filter((l) => / error TS\d+:/.test(l)).length;
    const warning =
      `sp-pathways: src/ has ${count} type error${count === 1 ? "" : "s"}; dist/ was built anyway` +
      ` (details in dist/BUILD-ERRORS.txt):\n` +
      errors.split("\n").slice(0, 5).join("\n") +
      "\n";
    fs.appendFileSync(path.join(dist, "index.js"), `\nprocess.stderr.write(${JSON.stringify(warning)});\n`);
  }
  const ms = Date.now() - startedMs;
  fs.writeFileSync(
    path.join(dist, STAMP),
    JSON.stringify(
      { startedMs, ms, incremental: Boolean(incremental), errors: Boolean(errors), files },
      null,
      1,
    ) + "\n",
  );
  return { ms, errors, incremental: Boolean(incremental) };
}

/**
 * Rebuilds dist/ when it is stale (one process at a time: a lock folder under build/). Returns what it did.
 * @example
 * ensureBuilt(root); // { built: false, reason: null } when current
 */
function ensureBuilt(root, { force = false } = {}) {
  const first = force ? "forced" : staleReason(root);
  if (!first) return { built: false, reason: null };
  fs.mkdirSync(path.join(root, "build"), { recursive: true });
  const lock = path.join(root, "build", "dist.lock");
  takeLock(lock);
  try {
    const reason = force ? "forced" : staleReason(root); // another process may have built it meanwhile
    if (!reason) return { built: false, reason: null };
    const { ms, errors, incremental } = build(root, reason);
    return { built: true, reason, ms, errors, incremental };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { ensureBuilt, staleReason, sourceFiles };

if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  const args = process.argv.slice(2);
  if (args.includes("--status")) {
    const reason = staleReason(root);
    console.log(reason ? `stale: ${reason}` : "current");
    process.exit(reason ? 1 : 0);
  }
  try {
    const r = ensureBuilt(root, { force: args.includes("--force") });
    if (r.built) {
      console.log(`dist/: built from src/ in ${(r.ms / 1000).toFixed(1)} s (${r.reason})`);
      if (r.errors) console.error(`dist/: src/ has type errors (dist/BUILD-ERRORS.txt):\n${r.errors}`);
    }
  } catch (err) {
    console.error(String(err.message || err));
    process.exit(1);
  }
}
