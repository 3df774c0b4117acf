// tslab's TypeScript converters behind the calls a kernel makes (convert, inspect, complete, addModule,
// isCompleteCode, getCodeMetadata), built lazily per variant ("node" or "browser"). Shared by the kernel's
// converter worker (scripts/converter-worker.cjs) and the warm compile service (scripts/compiler-service.cjs), so
// both answer exactly what tslab's own converter answers. Requiring this module loads TypeScript.
"use strict";

/** Names of the calls that use a converter (and so the program with dist/'s declarations). */
const CONVERTER_CALLS = new Set(["convert", "inspect", "complete", "addModule", "warm"]);

/**
 * Returns { methods, close } where methods[name](...args) answers one kernel call. `timed(what, fn)` wraps the
 * costly ones for SP_KERNEL_TIMINGS.
 * @example
 * const { methods } = createConverterMethods();
 * methods.convert("node", "", "const x = 1;").diagnostics; // []
 */
function createConverterMethods({ timed = (_what, fn) => fn() } = {}) {
  // Files under node_modules and lib do not change while a converter lives, and tslab re-reads a changed cell
  // without watchers; watching hundreds of declaration files only costs start-up time (inotify or stat polling).
  // dist/ does change: the compile service rebuilds its converters when dist/.build.json changes.
  const ts = require("@tslab/typescript-for-tslab");
  const noWatch = () => ({ close() {} });
  ts.sys.watchFile = noWatch;
  ts.sys.watchDirectory = noWatch;
  const { createConverter, isCompleteCode } = require("tslab/dist/converter");
  const { getCodeMetadata } = require("tslab/dist/metadata");

  const convs = {};
  function conv(kind) {
    if (!convs[kind])
      convs[kind] = timed(`createConverter ${kind}`, () =>
        createConverter({ isJS: false, isBrowser: kind === "browser" }),
      );
    return convs[kind];
  }
  // Results must survive structured cloning and JSON: completion's `original` (TypeScript's own CompletionInfo,
  // unused by tslab's Jupyter handler) is dropped.
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
  };
  return {
    methods,
    /** Builds the converter of `kind` now (the start-up work). */
    build: (kind) => conv(kind),
    close() {
      for (const k of Object.keys(convs)) {
        convs[k].close();
        delete convs[k];
      }
    },
  };
}

module.exports = { createConverterMethods, CONVERTER_CALLS };
