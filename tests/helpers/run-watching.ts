import { spawn, spawnSync } from "node:child_process";

/** Pids of the running processes whose command line contains `needle` (Linux `ps`). */
export function pidsRunning(needle: string): number[] {
  return spawnSync("ps", ["-eo", "pid,args"], { encoding: "utf8" })
    .stdout.split("\n")
    .filter((l) => l.includes(needle))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

/**
 * Runs `node args...` in `cwd` to its end while watching for new processes whose command line contains
 * `needle`; resolves to the exit code, stdout and stderr together, and the pids seen.
 * @example
 * const run = await runWatching(["scripts/run-notebooks.mjs", "--check", "00-"], "notebook.py", root);
 * run.seen.size; // 1: one Python process ran the check
 */
export async function runWatching(
  args: string[],
  needle: string,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; out: string; seen: Set<number> }> {
  const before = new Set(pidsRunning(needle));
  const seen = new Set<number>();
  const child = spawn(process.execPath, args, { cwd, env });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const poll = setInterval(() => {
    for (const p of pidsRunning(needle)) if (!before.has(p)) seen.add(p);
  }, 200);
  const code = await new Promise<number | null>((r) => child.on("close", r));
  clearInterval(poll);
  return { code, out, seen };
}
