#!/usr/bin/env node
// The warm compile service: one process holding tslab's TypeScript converters (scripts/converter-methods.cjs) for
// every kernel of a notebook run or an interactive session, so that the TypeScript program (lib files, @types/node,
// dist/'s declarations: 3-4 CPU-seconds) is built once, not once per kernel. Kernels reach it through SP_COMPILE_URL
// (scripts/converter-worker.cjs). tslab's convert(prevDecl, src) depends only on its arguments and the program (it
// sets the cell and previous-declaration files per call), and each call is synchronous here, so calls from many
// kernels are answered one after another without mixing.
// Protocol: POST /call {"method": ..., "args": [...]} -> 200 {"ok": true, "value": ...}, or {"ok": false,
// "error": {message, stack}} when tslab's converter threw (the kernel shows that error as its own); any other
// status means the service failed (the kernel then builds its own converter).
// dist/ may be rebuilt while the service runs (a kernel rebuilds it when src/ changed): before each call that uses a
// converter, the service compares dist/.build.json with the one its converters read, and rebuilds them when it
// changed, so no kernel gets stale declarations. Prints {"url":...,"pid":...} on its first stdout line, then builds
// the Node converter. It stops when its stdin closes (so it never outlives the process that started it, even one
// killed with SIGKILL) or on SIGINT/SIGTERM/SIGHUP. Started by scripts/compiler.mjs.
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");
const { createConverterMethods, CONVERTER_CALLS } = require("./converter-methods.cjs");

const root = path.resolve(__dirname, "..");
// tslab's converter resolves the cell's imports ("./dist/index") from the working directory, as in a kernel.
process.chdir(root);
// Normally current already (the runner and scripts/setup build it first); cheap when it is.
require("./build-dist.cjs").ensureBuilt(root);
const stampFile = path.join(root, "dist", ".build.json");
const readStamp = () => {
  try {
    return fs.readFileSync(stampFile, "utf8");
  } catch {
    return null; // no build, or a build in progress (it removes the stamp first and writes it last)
  }
};
const distUsable = () =>
  fs.existsSync(path.join(root, "dist", "index.js")) &&
  !fs.existsSync(path.join(root, "dist", "BUILD-ERRORS.txt"));
const WARM_CELL = 'import * as spWarm from "./dist/index";\nexport { spWarm };\n';

let current = null; // { conv, stamp }
let rebuilds = 0; // for tests and benchmarks: how often dist/ changed under the service
let calls = 0;
function converters() {
  const stamp = readStamp();
  if (current && stamp !== null && stamp !== current.stamp) {
    current.conv.close();
    current = null;
    rebuilds += 1;
  }
  if (!current) {
    const conv = createConverterMethods();
    conv.build("node");
    // Parse dist/'s declarations now, so that each kernel's first cell only type-checks.
    if (distUsable()) conv.methods.warm(WARM_CELL);
    current = { conv, stamp };
  }
  return current.conv.methods;
}

let plain = null; // isCompleteCode and getCodeMetadata need TypeScript but no program
function answer(method, args) {
  if (method === "status") return { rebuilds, calls, pid: process.pid };
  calls += 1;
  if (CONVERTER_CALLS.has(method)) return converters()[method](...args);
  if (method === "isCompleteCode" || method === "getCodeMetadata") {
    plain = plain || createConverterMethods().methods;
    return plain[method](...args);
  }
  throw Object.assign(new Error(`unknown method ${method}`), { unknown: true });
}

const server = http.createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/call") {
    res.writeHead(404).end();
    return;
  }
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (d) => (body += d));
  req.on("end", () => {
    let status = 200;
    let reply;
    try {
      const { method, args } = JSON.parse(body);
      reply = { ok: true, value: answer(method, args) };
    } catch (err) {
      const error = { message: String(err?.message ?? err), stack: err?.stack };
      // A converter that cannot be built, or a malformed request, is the service's failure, not the cell's.
      if (err?.unknown || err instanceof SyntaxError || !current) status = 500;
      reply = { ok: false, error };
    }
    const text = JSON.stringify(reply);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  });
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${port}`, pid: process.pid }) + "\n");
  // Build now, while the kernels start; a request that arrives meanwhile waits in the socket's queue.
  setTimeout(() => {
    try {
      converters();
    } catch (err) {
      console.error(`sp-pathways compile service: could not build tslab's converter: ${err.message || err}`);
    }
  }, 0);
});
const stop = () => {
  server.close();
  process.exit(0);
};
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, stop);
