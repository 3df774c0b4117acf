#!/usr/bin/env node
// Starts the warm compile service (scripts/compiler-service.cjs) for a notebook run or an interactive session.
//   import { startCompiler } from "./compiler.mjs"    the notebook runner: { url, pid, exited, stop() }
//   node scripts/compiler.mjs -- CMD [ARGS...]          runs CMD with SP_COMPILE_URL set, stops the service after
// SP_COMPILE_SERVICE=0 runs CMD without it (each kernel then builds its own converter), for comparisons.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startService, wrapCommand } from "./service.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts the service process and resolves once it listens (it then builds tslab's converter while the caller
 * starts kernels). Kernels given `SP_COMPILE_URL: url` in their environment compile through it. The process has
 * its own process group (a Ctrl-C at the terminal does not stop it mid-run) and stops when `stop()` is called or
 * this process exits, since its stdin is a pipe from here.
 * @example
 * const compiler = await startCompiler(env);
 * env.SP_COMPILE_URL = compiler.url;
 * // ... run kernels ...
 * await compiler.stop();
 */
export function startCompiler(env = process.env) {
  return startService(path.join(here, "compiler-service.cjs"), "the compile service", env);
}

/** Whether a run should start the service: not when one is given already, nor when SP_COMPILE_SERVICE=0. */
export function wantsCompiler(env = process.env) {
  return !env.SP_COMPILE_URL && env.SP_COMPILE_SERVICE !== "0";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await wrapCommand(
    "node scripts/compiler.mjs",
    () => (wantsCompiler() ? startCompiler() : null),
    "SP_COMPILE_URL",
  );
}
