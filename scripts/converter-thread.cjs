// tslab's TypeScript converters in a worker thread (scripts/converter-worker.cjs), called synchronously.
// tslab's executor calls convert/inspect/complete synchronously, so each call posts its request and blocks on
// Atomics.wait until the worker signals its reply (receiveMessageOnPort then takes it without the event loop).
// What this buys: the worker starts building the TypeScript program (seconds of CPU) the moment the kernel launches,
// on the other core, while the main thread binds its sockets, answers Jupyter and loads the shared module.
// synckit does the same call pattern, but it offers no way to start work before the first call, to terminate the
// worker, or to notice a worker that died (its wait has no end); the pattern itself is a few lines of Node's own API.
// If the worker fails (it cannot start, a call throws an error that is not tslab's, or it stops answering), the
// converters are built in the main thread instead, as tslab does by default.
"use strict";
const path = require("path");
const { MessageChannel, Worker, receiveMessageOnPort } = require("worker_threads");

const CONVERTER_PATH = require.resolve("tslab/dist/converter");
const METADATA_PATH = require.resolve("tslab/dist/metadata");
// A worker that has not answered in this long is taken for dead (building the program takes seconds, one cell's
// type-check well under one; a loaded machine can stretch both many times).
const CALL_TIMEOUT_MS = Number(process.env.SP_CONVERTER_TIMEOUT_MS) || 180_000;

/**
 * Starts the converter worker and replaces tslab's converter module (before tslab/dist/jupyter loads it) with one
 * whose isCompleteCode asks the worker, so the main thread never loads TypeScript unless it has to fall back.
 * Returns the `convs` object tslab's createExecutor takes, plus warm() and close().
 * @example
 * const thread = startConverterThread();
 * const executor = createExecutor(process.cwd(), thread.convs, console);
 */
function startConverterThread({ log = (msg) => process.stderr.write(`${msg}\n`) } = {}) {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker = null;
  let failed = null;
  try {
    worker = new Worker(path.join(__dirname, "converter-worker.cjs"), {
      workerData: { port: port2, signal },
      transferList: [port2],
    });
    // The kernel's shutdown waits for Node's event loop to empty: the worker must not hold it open.
    worker.unref();
    port1.unref();
    worker.on("error", (err) => (failed = failed || err));
    worker.on("exit", (code) => (failed = failed || new Error(`the converter worker exited (code ${code})`)));
  } catch (err) {
    failed = err;
  }
  let nextId = 1;

  function call(method, args) {
    if (failed) throw failed;
    const id = nextId++;
    Atomics.store(signal, 0, 0);
    port1.postMessage({ id, method, args });
    const deadline = Date.now() + CALL_TIMEOUT_MS;
    for (;;) {
      let msg = receiveMessageOnPort(port1);
      while (msg && msg.message.id !== id) msg = receiveMessageOnPort(port1); // replies to warm()
      if (msg) {
        const reply = msg.message;
        if (reply.ok) return reply.value;
        const err = new Error(reply.error.message);
        err.workerStack = reply.error.stack;
        if (reply.fatal) failed = err;
        throw err;
      }
      if (Date.now() > deadline) {
        failed = new Error(`the converter worker did not answer ${method} in ${CALL_TIMEOUT_MS / 1000} s`);
        throw failed;
      }
      Atomics.wait(signal, 0, 0, 100);
    }
  }

  // Falling back: the real converter module, built in this thread (what tslab does without the worker).
  let local = null;
  function fallback(reason) {
    if (!local) {
      log(
        `sp-pathways: TypeScript runs in the kernel's main thread (the converter worker failed: ${reason})`,
      );
      if (worker) void worker.terminate();
      worker = null;
      failed = failed || new Error(reason);
      delete require.cache[CONVERTER_PATH];
      const real = require(CONVERTER_PATH);
      local = { real, convs: {} };
    }
    return local;
  }
  function localConv(kind) {
    const l = fallback("see above");
    if (!l.convs[kind])
      l.convs[kind] = l.real.createConverter({ isJS: false, isBrowser: kind === "browser" });
    return l.convs[kind];
  }
  // A call that throws because the worker is gone falls back; an error thrown by tslab's converter itself (a bug
  // there, or a module it cannot handle) would throw in the main thread too, so it is re-thrown as is.
  function viaWorker(method, args, inThread) {
    if (!local && !failed) {
      try {
        return call(method, args);
      } catch (err) {
        if (!failed) throw err;
      }
    }
    if (!local) fallback(String(failed?.message ?? failed));
    return inThread();
  }

  function proxy(kind) {
    return {
      convert: (prevDecl, src) =>
        viaWorker("convert", [kind, prevDecl, src], () => localConv(kind).convert(prevDecl, src)),
      inspect: (prevDecl, src, pos) =>
        viaWorker("inspect", [kind, prevDecl, src, pos], () => localConv(kind).inspect(prevDecl, src, pos)),
      complete: (prevDecl, src, pos) =>
        viaWorker("complete", [kind, prevDecl, src, pos], () => localConv(kind).complete(prevDecl, src, pos)),
      addModule: (name, src, meta) =>
        viaWorker("addModule", [kind, name, src, meta], () => localConv(kind).addModule(name, src, meta)),
      close: () => {},
    };
  }

  // tslab/dist/jupyter requires "./converter" only for isCompleteCode (console clients ask it while typing).
  const stub = {
    isCompleteCode: (code) =>
      viaWorker("isCompleteCode", [code], () => fallback("see above").real.isCompleteCode(code)),
    createConverter: (options) => fallback("createConverter called").real.createConverter(options),
  };
  preset(CONVERTER_PATH, stub);
  // tslab's executor reads a cell's leading JSDoc tags (@module, @browser, @node, @jsx) with TypeScript's scanner.
  // A cell that does not open with a block comment has none (the scanner stops at its first token), so only a
  // cell that does is sent to the worker.
  preset(METADATA_PATH, {
    getCodeMetadata: (src) =>
      opensWithBlockComment(src)
        ? viaWorker("getCodeMetadata", [src], () => {
            delete require.cache[METADATA_PATH];
            return require(METADATA_PATH).getCodeMetadata(src);
          })
        : {},
  });

  const convs = {
    node: proxy("node"),
    browser: proxy("browser"),
    close() {
      if (worker) void worker.terminate();
      worker = null;
      failed = failed || new Error("closed");
      if (local) for (const c of Object.values(local.convs)) c.close();
    },
  };
  return {
    convs,
    /** Asks the worker, without waiting, to read the declarations `src` imports (a throw-away cell). */
    warm(src) {
      if (failed || local || !worker) return;
      port1.postMessage({ id: nextId++, method: "warm", args: [src], async: true });
    },
    /** Per-call timings the worker kept (SP_KERNEL_TIMINGS=1), for benchmarks. */
    timings: () => viaWorker("timings", [], () => null),
  };
}

/** Puts `exports` in require's cache as the module at `file`, unless it is loaded already. */
function preset(file, exports) {
  if (require.cache[file]) return;
  const Module = require("module");
  const mod = new Module(file, module);
  mod.filename = file;
  mod.loaded = true;
  mod.exports = exports;
  require.cache[file] = mod;
}

/** True when the first thing in `src` after white space, line comments and a #! line is a block comment. */
function opensWithBlockComment(src) {
  const rest = src.replace(/^#![^\n]*/, "").replace(/^(?:\s+|\/\/[^\n]*)*/, "");
  return rest.startsWith("/*");
}

module.exports = { startConverterThread, opensWithBlockComment };
