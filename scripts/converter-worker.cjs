// The worker thread of scripts/converter-thread.cjs: it holds tslab's TypeScript converters, so that building the
// TypeScript program (lib files, @types/node: seconds of CPU) runs on the other core while the kernel's main thread
// answers Jupyter and loads the shared module. It builds the Node converter at once, then, when the main thread says
// dist/ is current, reads dist/'s declarations with a throw-away cell (their parsed files stay in the program, so
// the first real cell only type-checks). Requests arrive on a MessagePort; each reply is posted on the same port and
// signalled through the shared Int32 so that the blocked main thread wakes (Atomics.wait there).
"use strict";
const { workerData } = require("worker_threads");
const { port, signal } = workerData;

// Files under node_modules and lib do not change during a kernel's life, and tslab re-reads a changed cell
// without watchers; watching hundreds of declaration files only costs start-up time (inotify or stat polling).
const ts = require("@tslab/typescript-for-tslab");
const noWatch = () => ({ close() {} });
ts.sys.watchFile = noWatch;
ts.sys.watchDirectory = noWatch;
const { createConverter, isCompleteCode } = require("tslab/dist/converter");
const { getCodeMetadata } = require("tslab/dist/metadata");

const timings = process.env.SP_KERNEL_TIMINGS ? [] : null;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
function timed(what, fn) {
  if (!timings) return fn();
  const t0 = Date.now();
  const c0 = cpu();
  try {
    return fn();
  } finally {
    timings.push({ what, ms: Date.now() - t0, cpuS: Number((cpu() - c0).toFixed(3)) });
  }
}

const convs = {};
let startError = null;
function conv(kind) {
  if (startError) throw startError;
  if (!convs[kind])
    convs[kind] = timed(`createConverter ${kind}`, () =>
      createConverter({ isJS: false, isBrowser: kind === "browser" }),
    );
  return convs[kind];
}
try {
  conv("node");
} catch (err) {
  startError = err;
}

// What the main thread may call. Results must survive structured cloning: completion's `original` (TypeScript's
// own CompletionInfo, unused by tslab's Jupyter handler) is dropped.
const methods = {
  convert: (kind, prevDecl, src) => timed("convert", () => conv(kind).convert(prevDecl, src)),
  inspect: (kind, prevDecl, src, pos) => conv(kind).inspect(prevDecl, src, pos),
  complete: (kind, prevDecl, src, pos) => {
    const { original: _unused, ...rest } = conv(kind).complete(prevDecl, src, pos);
    return rest;
  },
  addModule: (kind, name, src, meta) => conv(kind).addModule(name, src, meta),
  isCompleteCode: (code) => isCompleteCode(code),
  getCodeMetadata: (src) => getCodeMetadata(src),
  // Reads the declarations a first cell will import; the cell is thrown away (the executor keeps its own
  // prevDecl, so nothing of it reaches the researcher's cells).
  warm: (src) => {
    timed("warm", () => conv("node").convert("", src));
    return true;
  },
  timings: () => timings,
};

port.on("message", (msg) => {
  let reply;
  try {
    reply = { id: msg.id, ok: true, value: methods[msg.method](...msg.args) };
  } catch (err) {
    // fatal: the converter could not even be built, so the main thread should build its own.
    const error = { message: String(err?.message ?? err), stack: err?.stack };
    reply = { id: msg.id, ok: false, fatal: err === startError, error };
  }
  if (msg.async) {
    port.postMessage(reply);
    return;
  }
  try {
    port.postMessage(reply);
  } catch (err) {
    port.postMessage({ id: msg.id, ok: false, error: { message: `reply not transferable: ${err.message}` } });
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
