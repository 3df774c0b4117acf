#!/usr/bin/env node
// The shared warm renderer (src/display/render-service.ts) as a process: one headless Chromium with plotly
// loaded, serving PNG renders to every kernel of a run over 127.0.0.1. Prints {"url":...} on its first stdout
// line, then warms the browser. It stops, closing the browser, when its stdin closes (so it never outlives the
// process that started it, even one killed with SIGKILL) or on SIGINT/SIGTERM/SIGHUP. A crashed browser is
// replaced at the next figure. Started by scripts/renderer.mjs.
"use strict";
const path = require("path");

const root = path.resolve(__dirname, "..");
process.chdir(root);
require("./build-dist.cjs").ensureBuilt(root);
// Renders happen here, never through another service.
delete process.env.SP_RENDER_URL;
const { serveRenders } = require("../dist/display/render-service.js");
const { renderInProcess, warmUp, closeBrowser } = require("../dist/display/renderer.js");

serveRenders(renderInProcess, closeBrowser).then(
  (service) => {
    process.stdout.write(JSON.stringify({ url: service.url, pid: process.pid }) + "\n");
    void warmUp();
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      service
        .close()
        .catch(() => undefined)
        .finally(() => process.exit(0));
    };
    process.stdin.on("end", stop);
    process.stdin.on("close", stop);
    process.stdin.resume();
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, stop);
  },
  (err) => {
    console.error(`sp-pathways renderer: could not start: ${err.message || err}`);
    process.exit(1);
  },
);
