#!/usr/bin/env node
"use strict";
// Runs the CLI. Data files are found from the project folder, so the process moves there; file arguments are still
// resolved against the directory the user ran the command from. When dist/ (src/ compiled by
// scripts/build-dist.cjs) is current the CLI runs from it: compiling src/ through tsx on every call costs seconds
// before a refusal can be printed. When src/ is newer than the build it runs src/ through tsx, so an edit is
// never ignored.
const path = require("node:path");

const userCwd = process.cwd();
const root = path.resolve(__dirname, "..");
process.chdir(root);

function loadCli() {
  let stale = "no build script";
  try {
    stale = require("../scripts/build-dist.cjs").staleReason(root);
  } catch {
    // A copy without scripts/ falls back to the sources.
  }
  if (!stale) {
    try {
      process.setSourceMapsEnabled(true);
      return { ...require("../dist/cli/main.js"), ...require("../dist/cli/io.js") };
    } catch {
      // A partial or broken build: the sources below are the truth.
    }
  }
  require("tsx/cjs");
  return { ...require("../src/cli/main.ts"), ...require("../src/cli/io.ts") };
}

const { main, processIo } = loadCli();
main(process.argv.slice(2), processIo(userCwd)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `sp-pathways: internal error: ${error && error.message ? error.message : String(error)}\n`,
    );
    process.exitCode = 3;
  },
);
