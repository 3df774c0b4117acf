// Starting a warm helper process (the renderer, the compile service) that kernels reach over 127.0.0.1, and
// wrapping a command (the notebook server) so that it runs with the helper's URL in its environment. Both helpers
// print one JSON line {"url": ...} once they listen and stop when their stdin closes.
import { spawn } from "node:child_process";

/**
 * Starts `script` (a Node file) and resolves once it listens. The process has its own process group (a Ctrl-C at
 * the terminal does not stop it mid-run) and stops when `stop()` is called or this process exits, since its stdin
 * is a pipe from here.
 * @example
 * const renderer = await startService(path.join(here, "renderer.cjs"), "the renderer", env); // { url, pid, exited, stop() }
 */
export function startService(script, name, env = process.env) {
  const child = spawn(process.execPath, [script], {
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
          // The timer must not keep this process alive once the service has exited (it did, for 10 s, at the
          // end of every notebook run).
          let timer;
          const timeout = new Promise((r) => (timer = setTimeout(r, 10_000, "timeout")));
          const outcome = await Promise.race([exited, timeout]);
          clearTimeout(timer);
          if (outcome === "timeout") child.kill("SIGKILL");
        },
      });
    };
    child.stdout.on("data", onData);
    exited.then((code) => reject(new Error(`${name} exited before it listened (${code})`)));
  });
}

/**
 * `node <wrapper> -- CMD [ARGS...]`: starts the service (or not, when `start` gives null), runs CMD with `envVar`
 * set to its URL, waits for CMD to exit, stops the service and exits with CMD's code.
 */
export async function wrapCommand(usage, start, envVar) {
  const dash = process.argv.indexOf("--");
  const [cmd, ...args] = dash >= 0 ? process.argv.slice(dash + 1) : [];
  if (!cmd) {
    console.error(`usage: ${usage} -- CMD [ARGS...]`);
    process.exit(2);
  }
  const service = await start();
  const env = service ? { ...process.env, [envVar]: service.url } : process.env;
  const child = spawn(cmd, args, { stdio: "inherit", env });
  // The command (e.g. the notebook server) decides what a Ctrl-C means; this wrapper waits for it to exit.
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  const code = await new Promise((r) => child.once("exit", (c, s) => r(c ?? (s ? 128 : 1))));
  await service?.stop();
  process.exit(code);
}
