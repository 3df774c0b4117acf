#!/usr/bin/env node
// Starts the warm compile service (scripts/compiler-service.cjs) for a notebook run or an interactive session.
//   import { startCompiler } from "./compiler.mjs"    the notebook runner: { url, pid, exited, stop() }
//   node scripts/compiler.mjs -- CMD [ARGS...]          runs CMD with SP_COMPILE_URL set, stops the service after
// SP_COMPILE_SERVICE=0 runs CMD without it (each kernel then builds its own converter), for comparisons.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
  const child = spawn(process.execPath, [path.join(here, "compiler-service.cjs")], {
    env,
    stdio: ["pipe", "pipe", "inherit"],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    let buffered = "";
    const onData = (d) => {
      buffered += d;
      const nl = buffered.indexOf("\n");
      if (nl < 0) return;
      child.stdout.off("data", onData);
      const { url } = JSON.parse(buffered.slice(0, nl));
      child.unref();
      child.stdout.unref?.();
      resolve({
        url,
        pid: child.pid,
        exited,
        async stop() {
          child.stdin.end();
          const timeout = new Promise((r) => setTimeout(r, 10_000, "timeout"));
          if ((await Promise.race([exited, timeout])) === "timeout") child.kill("SIGKILL");
        },
      });
    };
    child.stdout.on("data", onData);
    exited.then((code) => reject(new Error(`the compile service exited before it listened (${code})`)));
  });
}

/** Whether a run should start the service: not when one is given already, nor when SP_COMPILE_SERVICE=0. */
export function wantsCompiler(env = process.env) {
  return !env.SP_COMPILE_URL && env.SP_COMPILE_SERVICE !== "0";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dash = process.argv.indexOf("--");
  const [cmd, ...args] = dash >= 0 ? process.argv.slice(dash + 1) : [];
  if (!cmd) {
    console.error("usage: node scripts/compiler.mjs -- CMD [ARGS...]");
    process.exit(2);
  }
  const compiler = wantsCompiler() ? await startCompiler() : null;
  const env = compiler ? { ...process.env, SP_COMPILE_URL: compiler.url } : process.env;
  const child = spawn(cmd, args, { stdio: "inherit", env });
  // The command (e.g. the notebook server) decides what a Ctrl-C means; this wrapper waits for it to exit.
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  const code = await new Promise((r) => child.once("exit", (c, s) => r(c ?? (s ? 128 : 1))));
  await compiler?.stop();
  process.exit(code);
}
