#!/usr/bin/env node
"use strict";
// Runs the TypeScript CLI through tsx. Data files are found from the project folder, so the process moves
// there; file arguments are still resolved against the directory the user ran the command from.
const path = require("node:path");

const userCwd = process.cwd();
process.chdir(path.resolve(__dirname, ".."));
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
const { processIo } = require("../src/cli/io.ts");

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
