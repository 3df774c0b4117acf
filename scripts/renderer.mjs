#!/usr/bin/env node
// Starts the shared warm renderer (scripts/renderer.cjs) for a notebook run or an interactive session.
//   import { startRenderer } from "./renderer.mjs"    the notebook runner: { url, stop() }
//   node scripts/renderer.mjs -- CMD [ARGS...]          runs CMD with SP_RENDER_URL set, stops the renderer after
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts the renderer process and resolves once it listens. Kernels given `SP_RENDER_URL: url` in their
 * environment render through it. The process has its own process group (a Ctrl-C at the terminal does not stop
 * it mid-run) and stops when `stop()` is called or this process exits, since its stdin is a pipe from here.
 */
export function startRenderer(env = process.env) {
  const child = spawn(process.execPath, [path.join(here, "renderer.cjs")], {
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
    exited.then((code) => reject(new Error(`the renderer exited before it listened (${code})`)));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dash = process.argv.indexOf("--");
  const [cmd, ...args] = dash >= 0 ? process.argv.slice(dash + 1) : [];
  if (!cmd) {
    console.error("usage: node scripts/renderer.mjs -- CMD [ARGS...]");
    process.exit(2);
  }
  const renderer = await startRenderer();
  const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, SP_RENDER_URL: renderer.url } });
  // The command (e.g. the notebook server) decides what a Ctrl-C means; this wrapper waits for it to exit.
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  const code = await new Promise((r) => child.once("exit", (c, s) => r(c ?? (s ? 128 : 1))));
  await renderer.stop();
  process.exit(code);
}
