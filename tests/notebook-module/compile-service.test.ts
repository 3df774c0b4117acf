import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasJupyter } from "../display/jupyter.js";
import { pidsRunning, runWatching } from "../helpers/run-watching.js";

// The warm compile service (scripts/compiler-service.cjs, started by scripts/compiler.mjs) and the kernel's
// converter worker as its client (scripts/converter-worker.cjs with SP_COMPILE_URL). Each "kernel" here is a fresh
// Node process running the converter thread exactly as scripts/kernel.cjs does, so the calls go through the real
// worker, the real HTTP client and the real service; nothing is mocked.
const root = process.cwd();

interface Compiler {
  url: string;
  pid: number;
  exited: Promise<unknown>;
  stop(): Promise<void>;
}
const startCompiler = async (): Promise<Compiler> => {
  const mod = (await import(path.join(root, "scripts", "compiler.mjs") as string)) as {
    startCompiler: (env: NodeJS.ProcessEnv) => Promise<Compiler>;
  };
  return mod.startCompiler({ ...process.env });
};

/** Asks the service directly (its "status" call: converter rebuilds and calls answered). */
async function status(url: string): Promise<{ rebuilds: number; calls: number; pid: number }> {
  const res = await fetch(`${url}/call`, {
    method: "POST",
    body: JSON.stringify({ method: "status", args: [] }),
  });
  return ((await res.json()) as { value: { rebuilds: number; calls: number; pid: number } }).value;
}

// One kernel's converter thread: compiles each step's cell after the previous ones (as tslab's executor keeps
// prevDecl), killing a process first when a step says so; prints each cell's diagnostics and output.
const script = `
const { startConverterThread } = require(${JSON.stringify(path.join(root, "scripts", "converter-thread.cjs"))});
const thread = startConverterThread();
const steps = JSON.parse(process.env.SP_TEST_STEPS);
const out = [];
let prev = "";
for (const step of steps) {
  if (step.kill) {
    process.kill(step.kill, "SIGKILL");
    const t0 = Date.now();
    for (;;) { try { process.kill(step.kill, 0); } catch { break; } if (Date.now() - t0 > 10000) break; }
  }
  const r = thread.convs.node.convert(prev, step.src);
  if (!r.diagnostics.length) prev = r.declOutput;
  out.push({ output: r.output, messages: r.diagnostics.map((d) => d.messageText) });
}
const typescriptInMainThread = Object.keys(require.cache).some((f) => f.includes("typescript-for-tslab"));
thread.convs.close();
console.log(JSON.stringify({ out, typescriptInMainThread }));
`;
interface Kernel {
  readonly status: number | null;
  readonly stderr: string;
  readonly out: { output: string; messages: string[] }[];
  readonly typescriptInMainThread: boolean;
}
function kernel(env: NodeJS.ProcessEnv, steps: { src: string; kill?: number }[]): Promise<Kernel> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", script], {
      cwd: root,
      env: { ...process.env, ...env, SP_TEST_STEPS: JSON.stringify(steps) },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      const last = stdout.trim().split("\n").pop() ?? "{}";
      const parsed = (code === 0 ? JSON.parse(last) : { out: [] }) as Kernel;
      resolve({ ...parsed, status: code, stderr });
    });
  });
}

const ok = "const x: number = 1 + 1;\nx";
const bad = "const y: string = x;";
const typeError = "Type 'number' is not assignable to type 'string'.";
const fromDist = 'import { loadSurvey } from "./dist/index";\nconst w: string = loadSurvey;';

describe("the warm compile service shared by kernels", () => {
  let compiler: Compiler;
  beforeAll(async () => {
    compiler = await startCompiler();
  }, 60_000);
  afterAll(async () => {
    await compiler?.stop();
  });

  it("compiles cells, reports a type error, and serves two kernels at once (none builds its own converter)", async () => {
    const before = await status(compiler.url);
    const steps = [{ src: ok }, { src: bad }, { src: fromDist }];
    const [a, b] = await Promise.all([
      kernel({ SP_COMPILE_URL: compiler.url }, steps),
      kernel({ SP_COMPILE_URL: compiler.url }, steps),
    ]);
    for (const k of [a, b]) {
      expect(k.status, k.stderr).toBe(0);
      expect(k.stderr).toBe("");
      expect(k.out[0]!.messages).toEqual([]);
      expect(k.out[0]!.output).toContain("1 + 1");
      expect(k.out[1]!.messages).toEqual([typeError]);
      // dist/'s declarations reach the cell through the service: loadSurvey is a function, not a string.
      expect(k.out[2]!.messages.length).toBe(1);
      expect(k.out[2]!.messages[0]).toMatch(/is not assignable to type 'string'/);
      expect(k.typescriptInMainThread).toBe(false);
    }
    // Both kernels' cells were answered by the one service.
    expect((await status(compiler.url)).calls - before.calls).toBeGreaterThanOrEqual(6);
  }, 300_000);

  it("a kernel whose service is killed mid-session compiles the next cell itself, and says so once", async () => {
    const own = await startCompiler();
    try {
      const k = await kernel({ SP_COMPILE_URL: own.url }, [
        { src: ok },
        { src: bad, kill: own.pid },
        { src: "const z: number = x * 2;" },
      ]);
      expect(k.status, k.stderr).toBe(0);
      expect(k.out.map((c) => c.messages)).toEqual([[], [typeError], []]);
      // The fallback keeps the earlier cells' declarations (x is still known after the service died).
      expect(k.out[2]!.output).toContain("x * 2");
      const lines = k.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^sp-pathways: the compile service at ${own.url} failed \\(.+\\); this kernel builds its own TypeScript converter$`,
        ),
      );
      expect(await own.exited).toBe("SIGKILL");
    } finally {
      await own.stop();
    }
  }, 300_000);

  it("a kernel given an unreachable service compiles anyway", async () => {
    const k = await kernel({ SP_COMPILE_URL: "http://127.0.0.1:9" }, [{ src: ok }, { src: bad }]);
    expect(k.status, k.stderr).toBe(0);
    expect(k.out.map((c) => c.messages)).toEqual([[], [typeError]]);
    expect(k.stderr).toMatch(
      /^sp-pathways: the compile service at http:\/\/127\.0\.0\.1:9 failed \(.*ECONNREFUSED.*\)/,
    );
  }, 300_000);

  it("never serves stale declarations: when dist/ is rebuilt (its stamp changes) it reads them again", async () => {
    // A declaration file of our own in dist/, changed under the service: without the stamp changing, the service's
    // program keeps what it read (it does not watch files); once the stamp changes, the next cell sees the change.
    const probe = path.join(root, "dist", `zz-compile-service-probe-${process.pid}`);
    const stamp = path.join(root, "dist", ".build.json");
    const original = fs.readFileSync(stamp, "utf8");
    const cell = `import { probe } from "./dist/${path.basename(probe)}";\nconst p: string = probe;`;
    try {
      fs.writeFileSync(`${probe}.d.ts`, "export declare const probe: number;\n");
      fs.writeFileSync(`${probe}.js`, "exports.probe = 1;\n");
      const first = await kernel({ SP_COMPILE_URL: compiler.url }, [{ src: cell }]);
      expect(first.out[0]!.messages).toEqual([typeError]);

      fs.writeFileSync(`${probe}.d.ts`, "export declare const probe: string;\n");
      const unchangedStamp = await kernel({ SP_COMPILE_URL: compiler.url }, [{ src: cell }]);
      expect(unchangedStamp.out[0]!.messages).toEqual([typeError]);

      const rebuildsBefore = (await status(compiler.url)).rebuilds;
      // What a rebuild of dist/ does last: write a new stamp (same JSON here, so dist/ stays current).
      fs.writeFileSync(stamp, `${original.trimEnd()}\n\n`);
      const afterBuild = await kernel({ SP_COMPILE_URL: compiler.url }, [{ src: cell }]);
      expect(afterBuild.stderr).toBe("");
      expect(afterBuild.out[0]!.messages).toEqual([]);
      expect((await status(compiler.url)).rebuilds).toBe(rebuildsBefore + 1);
    } finally {
      fs.writeFileSync(stamp, original);
      fs.rmSync(`${probe}.d.ts`, { force: true });
      fs.rmSync(`${probe}.js`, { force: true });
    }
  }, 300_000);

  it("stops when the process that started it exits, even one killed outright", async () => {
    const parent = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { startCompiler } from ${JSON.stringify(path.join(root, "scripts", "compiler.mjs"))};
         const c = await startCompiler(); console.log(c.pid); setInterval(() => {}, 1000);`,
      ],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    const pid = await new Promise<number>((resolve) =>
      parent.stdout.once("data", (d: Buffer) => resolve(Number(String(d).trim()))),
    );
    // Alive and not a zombie waiting for its new parent to reap it.
    const alive = (p: number) => {
      const st = spawnSync("ps", ["-o", "stat=", "-p", String(p)], { encoding: "utf8" });
      return st.status === 0 && !st.stdout.trim().startsWith("Z");
    };
    expect(alive(pid)).toBe(true);
    parent.kill("SIGKILL");
    // Building the program is synchronous: a service killed mid-build notices its closed stdin when the build
    // ends, which on a loaded machine can take tens of seconds.
    const deadline = Date.now() + 120_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(alive(pid)).toBe(false);
  }, 180_000);
});

// The runner as `npm run notebooks:check` runs it, on its smallest notebook: the kernel compiles through the one
// service (no fallback line), and the service is gone when the runner exits.
const serviceScript = path.join(root, "scripts", "compiler-service.cjs");

describe.skipIf(!hasJupyter)("the notebook runner and the compile service", () => {
  it("starts one service for the run, its kernel uses it, and none outlives the runner", async () => {
    const {
      code,
      out: stdout,
      seen,
    } = await runWatching(["scripts/run-notebooks.mjs", "--check", "00-introduction"], serviceScript, root, {
      ...process.env,
      SP_COMPILE_URL: "",
    });
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/00-introduction-and-approach\.ipynb current/);
    expect(stdout).not.toMatch(/compile service/);
    expect(seen.size).toBe(1);
    const left = pidsRunning(serviceScript).filter((p) => seen.has(p));
    expect(left).toEqual([]);
  }, 600_000);
});
