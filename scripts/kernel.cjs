#!/usr/bin/env node
// Starts the project's tslab kernel. Jupyter runs this with the notebook's folder as working directory, but
// tslab only compiles imports below its working directory (tslab issue #63), so we move to the project root
// first: notebooks then import the shared module as "./dist/index" (src/ compiled to CommonJS with declaration
// files, so tslab reads declarations instead of compiling all of src/ in every kernel).
"use strict";
const fs = require("fs");
const path = require("path");

const connectionFile = process.argv[2];
if (!connectionFile) {
  console.error("usage: node scripts/kernel.cjs <connection_file>");
  process.exit(2);
}
const root = path.resolve(__dirname, "..");
process.chdir(root);
process.env.TZ = process.env.TZ || "Europe/London";
process.env.SP_PATHWAYS_KERNEL = "1";

// tslab's TypeScript program (lib files, @types/node, then dist/'s declarations) is built in a worker thread that
// starts now, on the other core, while this thread answers Jupyter and loads the shared module
// (scripts/converter-thread.cjs). It also keeps TypeScript itself out of this thread.
const converterThread = require("./converter-thread.cjs").startConverterThread();

// A researcher who edited src/ gets the edit: rebuild dist/ first if any source file is newer than the build.
// Type errors do not stop the kernel; dist/index.js prints them in the cell that imports it.
try {
  const r = require("./build-dist.cjs").ensureBuilt(root);
  if (r.built)
    console.error(`sp-pathways: rebuilt dist/ from src/ in ${(r.ms / 1000).toFixed(1)} s (${r.reason})`);
} catch (err) {
  console.error(`sp-pathways: could not rebuild dist/: ${err.message || err}`);
}
// dist/ is current now: the worker may read its declarations (a first cell imports them) once its program is built.
const distIndex = path.join(root, "dist", "index.js");
const distUsable = fs.existsSync(distIndex) && !fs.existsSync(path.join(root, "dist", "BUILD-ERRORS.txt"));
if (distUsable) converterThread.warm('import * as spWarm from "./dist/index";\nexport { spWarm };\n');
// Stack traces from the module point into src/*.ts, not the compiled dist/*.js.
process.setSourceMapsEnabled(true);

// tslab closes its sockets on shutdown_request, then waits for Node's event loop to empty. A headless browser
// kept for figures would hold the loop open, so we announce the shutdown: src/display closes its browser on it.
const { ZmqServer, JupyterHandlerImpl } = require("tslab/dist/jupyter");
const { createExecutor } = require("tslab/dist/executor");
const close = ZmqServer.prototype.close;
ZmqServer.prototype.close = function closeAndAnnounce(...args) {
  process.emit("sp-pathways:shutdown");
  return close.apply(this, args);
};

// tslab starts reading the shell socket before its five sockets finish binding; a request that arrives early
// (Jupyter's first kernel_info_request) makes it publish on the iopub socket while that is still binding, zeromq
// answers EBUSY, and the kernel never replies (seen as "Kernel didn't respond in 60 seconds", now and then).
// Handle shell and control messages only once every socket is bound; zeromq queues what arrives before.
const init = ZmqServer.prototype.init;
ZmqServer.prototype.init = function initAndRemember(...args) {
  this.spBound = init.apply(this, args);
  return this.spBound;
};
const handleShellMessage = ZmqServer.prototype.handleShellMessage;
ZmqServer.prototype.handleShellMessage = async function handleOnceBound(...args) {
  await this.spBound;
  try {
    return await handleShellMessage.apply(this, args);
  } finally {
    preloadSoon();
  }
};

// A researcher's mistake (an unknown column, a bad option) prints one line, an interrupt prints "Interrupted.",
// a bug keeps its stack (scripts/kernel-errors.cjs). Installed before tslab captures console.error.
require("./kernel-errors.cjs").installKernelErrors();

// tslab's own startKernel (tslab/dist/main.js) builds its TypeScript program before it binds its sockets, so
// Jupyter waits for all of it before the kernel counts as started. Here the worker builds it meanwhile, and once
// the kernel has answered its first request this thread loads the shared module (about 1 s of CPU) that nearly
// every first cell imports, so that cell finds it loaded. Not when dist/ was built with type errors: importing it
// prints them, and they belong in the cell that imports it. A failure here is only logged: the cell's own import
// then fails with the same error, where the researcher sees it.
let preloaded = process.env.SP_PRELOAD === "0" || !distUsable;
function preloadSoon() {
  if (preloaded) return;
  preloaded = true;
  setTimeout(() => {
    try {
      require(distIndex);
      // The first cell nearly always loads the surveys: load the packages that needs too.
      require(path.join(root, "dist", "lazy", "lazy-require.js")).warmSurveyPackages();
    } catch (err) {
      console.warn(`sp-pathways: could not preload dist/index: ${err?.message ?? err}`);
    }
  }, 0);
}
const executor = createExecutor(process.cwd(), converterThread.convs, {
  log: console.log,
  error: console.error,
});
const server = new ZmqServer(new JupyterHandlerImpl(executor, false), connectionFile);
process.on("SIGINT", () => executor.interrupt());
process.on("uncaughtException", (err) => console.error("UncaughtException:", err));
process.on("unhandledRejection", (reason) => console.error("UnhandledPromiseRejection:", reason));
server.init();
// If no request comes soon (a client that connects late), load it anyway.
server.spBound.then(() => setTimeout(preloadSoon, 1000).unref());
