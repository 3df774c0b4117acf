// Helpers for the tests that drive real Jupyter processes: the project environment, notebook execution through
// scripts/notebook.py, process checks and a headless Chromium for screenshots.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { projectRoot } from "../../src/codebook/project-root.js";

export const root = projectRoot();
export const python = fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
export const hasJupyter = spawnSync(python, ["-c", "import nbclient, nbconvert, notebook"]).status === 0;

/** The project's Jupyter environment (scripts/jupyter-env.mjs), plus overrides. */
export async function projectEnv(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const spec = path.join(root, "scripts", "jupyter-env.mjs");
  const mod = (await import(spec as string)) as { jupyterEnv: (root: string) => NodeJS.ProcessEnv };
  return { ...mod.jupyterEnv(root), ...extra };
}

export interface NotebookRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Executes a notebook with the project kernel through scripts/notebook.py. */
export function executeNotebook(
  input: string,
  output: string,
  env: NodeJS.ProcessEnv,
  html?: string,
): Promise<NotebookRun> {
  const args = [path.join(root, "scripts", "notebook.py"), "execute", input, "--out", output];
  if (html) args.push("--html", html);
  return new Promise((resolve) => {
    const child = spawn(python, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

export interface Output {
  readonly output_type: string;
  readonly name?: string;
  readonly text?: string | string[];
  readonly data?: Record<string, unknown>;
  readonly metadata?: Record<string, unknown>;
}

/** The outputs of each code cell of an .ipynb file. */
export function cellOutputs(file: string): Output[][] {
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as {
    cells: { cell_type: string; outputs?: Output[] }[];
  };
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => c.outputs ?? []);
}

export const textOf = (o: Output): string => (Array.isArray(o.text) ? o.text.join("") : (o.text ?? ""));

/** Command lines of running processes that mention `marker` (a unique temp folder given to the kernel). */
export function processesMentioning(marker: string): string[] {
  const ps = spawnSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return ps.stdout.split("\n").filter((l) => l.includes(marker) && !l.includes("ps -eo"));
}

/** A fresh folder under build/test-display (kept for inspection). */
export function workDir(name: string): string {
  const dir = path.join(root, "build", "test-display", name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A private temp folder: the kernel's TMPDIR, so its browser profile path marks its Chromium processes. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A PATH of symlinks to node and python only: what a machine without Chromium looks like to the kernel. */
export function pathWithoutChromium(dir: string): string {
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin, { recursive: true });
  const link = (name: string, target: string) => fs.symlinkSync(target, path.join(bin, name));
  link("node", process.execPath);
  link("python3", python);
  for (const tool of ["sh", "bash", "env", "uname"]) {
    const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (found) link(tool, found);
  }
  return bin;
}

/** A free TCP port on localhost. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** A MIME value as nbformat stores it (a string, or a list of lines) joined into one string. */
export const mimeText = (value: unknown): string =>
  Array.isArray(value) ? value.join("") : String(value ?? "");

/** Resolves once a Jupyter server answers `url`; fails with the tail of its log after 60 s. */
export async function waitForServer(url: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the notebook server did not start:\n${log().slice(-2000)}`);
}

/** A running classic Jupyter Notebook server (the project's config) and how to reach and stop it. */
export interface NotebookServer {
  /** The URL of a path on the server, with the token: `url("notebooks/x.ipynb")`. */
  url(pathname: string): string;
  stop(): Promise<void>;
}

/** Starts `python -m notebook` on `dir` with `env` on a free port, and resolves once it answers. */
export async function startNotebookServer(dir: string, env: NodeJS.ProcessEnv): Promise<NotebookServer> {
  const port = await freePort();
  const token = "sp-pathways-test";
  const args = ["-m", "notebook", "--no-browser", `--port=${port}`, "--ip=127.0.0.1"];
  args.push(`--NotebookApp.token=${token}`, `--notebook-dir=${dir}`);
  // As root (containers, CI machines) Jupyter refuses to start without --allow-root.
  if (process.getuid?.() === 0) args.push("--allow-root");
  const server = spawn(python, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stderr.on("data", (d) => (log += d));
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    server.kill("SIGTERM");
    await new Promise((r) => server.once("close", r));
  };
  const url = (pathname: string) => `http://127.0.0.1:${port}/${pathname}?token=${token}`;
  try {
    await waitForServer(url("api/status"), () => log);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}
