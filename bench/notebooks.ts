// Notebook speed on this machine: fresh kernels (start, first cell importing the module and loading both surveys,
// first and later figures), Restart & Run All of notebook 04, and the whole notebook check against the same number
// of one-cell python3-kernel notebooks run one after another with nbconvert. Every figure is stored with the load
// average at the time (os.loadavg, as `uptime` prints it). Writes bench/notebooks.json.
//   npx tsx bench/notebooks.ts [--reps 3] [--check-reps 1] [--skip-check]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const argReps = process.argv.indexOf("--reps");
const reps = argReps > 0 ? Number(process.argv[argReps + 1]) : 3;
const skipCheck = process.argv.includes("--skip-check");
const argCheckReps = process.argv.indexOf("--check-reps");
const checkReps = argCheckReps > 0 ? Number(process.argv[argCheckReps + 1]) : 1;

interface Measure {
  readonly what: string;
  readonly seconds: number[];
  readonly load: string[];
  readonly cpu?: number[];
}
const measures: Measure[] = [];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const record = (what: string, seconds: number, cpu?: number) => {
  let m = measures.find((x) => x.what === what);
  if (!m) measures.push((m = { what, seconds: [], load: [], ...(cpu === undefined ? {} : { cpu: [] }) }));
  m.seconds.push(seconds);
  m.load.push(load());
  if (cpu !== undefined) m.cpu!.push(cpu);
  const extra = cpu === undefined ? "" : ` (kernel CPU ${cpu.toFixed(2)} s)`;
  console.log(`${what.padEnd(62)} ${seconds.toFixed(2).padStart(7)}${extra}  load ${load()}`);
};
const lastJson = <T>(stdout: string) => JSON.parse(stdout.trim().split("\n").pop()!) as T;

async function main() {
  const { jupyterEnv, python } = (await import(join(root, "scripts", "jupyter-env.mjs"))) as {
    jupyterEnv: (root: string) => NodeJS.ProcessEnv;
    python: string;
  };
  const { startRenderer } = (await import(join(root, "scripts", "renderer.mjs"))) as {
    startRenderer: (env: NodeJS.ProcessEnv) => Promise<{ url: string; stop(): Promise<void> }>;
  };
  const { startCompiler } = (await import(join(root, "scripts", "compiler.mjs"))) as {
    startCompiler: (env: NodeJS.ProcessEnv) => Promise<{ url: string; stop(): Promise<void> }>;
  };
  const build = spawnSync(process.execPath, [join(root, "scripts", "build-dist.cjs")], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("building dist/ failed");
  const env: NodeJS.ProcessEnv = { ...jupyterEnv(root), SP_DATA: "bundled" };
  // As in `npm run jupyter` and the notebook runner: one warm renderer and one warm compile service for the
  // session (SP_COMPILE_SERVICE=0: each kernel builds its own TypeScript program, as before the service).
  const renderer = await startRenderer(env);
  env.SP_RENDER_URL = renderer.url;
  const compiler = process.env.SP_COMPILE_SERVICE === "0" ? null : await startCompiler(env);
  if (compiler) {
    env.SP_COMPILE_URL = compiler.url;
    // A session's service is warm by the time a researcher opens a notebook: wait until it has built its program.
    await fetch(`${compiler.url}/call`, {
      method: "POST",
      body: JSON.stringify({ method: "convert", args: ["node", "", "1"] }),
    });
  }
  try {
    for (let i = 0; i < reps; i++) {
      const r = spawnSync(python, [join(root, "bench", "kernel_timings.py"), root, "10"], {
        cwd: root,
        env,
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(`kernel timing failed:\n${r.stderr}${r.stdout}`);
      const t = lastJson<{
        kernel_start: number;
        kernel_start_cpu: number;
        first_cell: number;
        first_cell_cpu: number;
        first_figure: number;
        later_figures: number[];
      }>(r.stdout);
      record("kernel start (until it answers Jupyter), s", t.kernel_start, t.kernel_start_cpu);
      record("first cell: import ./dist/index, load both surveys, s", t.first_cell, t.first_cell_cpu);
      record(
        "kernel start + first cell, s",
        t.kernel_start + t.first_cell,
        t.kernel_start_cpu + t.first_cell_cpu,
      );
      record("first figure of the kernel, s", t.first_figure);
      record("later figures (median of 10 in the kernel), s", median(t.later_figures));
    }
    const out = join(root, "build", "bench");
    mkdirSync(out, { recursive: true });
    for (let i = 0; i < reps; i++) {
      const nb = join(root, "notebooks", "04-social-prescription.ipynb");
      const r = spawnSync(
        python,
        [join(root, "scripts", "notebook.py"), "execute", nb, "--out", join(out, "04.ipynb")],
        { cwd: root, env, encoding: "utf8" },
      );
      if (r.status !== 0) throw new Error(`notebook 04 failed:\n${r.stderr}`);
      // notebook.py's seconds run from starting the kernel to the end of the last cell: Restart & Run All.
      record("Restart & Run All, notebook 04, s", lastJson<{ seconds: number }>(r.stdout).seconds);
    }
  } finally {
    await Promise.all([renderer.stop(), compiler?.stop()]);
  }

  // Each round runs the check, then the python3 notebooks, so that the two halves of a ratio share the machine's
  // state of that moment.
  for (let round = 0; !skipCheck && round < checkReps; round++) {
    const count = readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).length;
    let t0 = Date.now();
    const check = spawnSync(process.execPath, [join(root, "scripts", "run-notebooks.mjs"), "--check"], {
      cwd: root,
      encoding: "utf8",
    });
    const checkSeconds = (Date.now() - t0) / 1000;
    record(`notebook check, ${count} notebooks, ${availableParallelism()} at a time, s`, checkSeconds);
    if (check.status !== 0)
      console.log(`(the check reported failures; timed anyway)\n${check.stdout.slice(-1500)}`);
    const dir = mkdtempSync(join(tmpdir(), "sp-bench-py-"));
    try {
      const pyNb = JSON.stringify({
        cells: [
          {
            cell_type: "code",
            execution_count: null,
            id: "c",
            metadata: {},
            outputs: [],
            source: "print(1 + 1)",
          },
        ],
        metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" } },
        nbformat: 4,
        nbformat_minor: 5,
      });
      for (let i = 0; i < count; i++) writeFileSync(join(dir, `nb${i}.ipynb`), pyNb);
      t0 = Date.now();
      for (let i = 0; i < count; i++) {
        const r = spawnSync(
          python,
          [
            "-m",
            "nbconvert",
            "--execute",
            "--to",
            "notebook",
            "--output",
            `out${i}`,
            join(dir, `nb${i}.ipynb`),
          ],
          { cwd: dir, env: { ...process.env, PYTHONNOUSERSITE: "1" }, encoding: "utf8" },
        );
        if (r.status !== 0) throw new Error(`python notebook failed:\n${r.stderr}`);
      }
      const pySeconds = (Date.now() - t0) / 1000;
      record(`${count} one-cell python3 notebooks one after another (nbconvert), s`, pySeconds);
      record("ratio: notebook check / python3 notebooks", checkSeconds / pySeconds);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const results = measures.map((m) => ({
    what: m.what,
    median: Number(median(m.seconds).toFixed(3)),
    runs: m.seconds.map((s) => Number(s.toFixed(3))),
    ...(m.cpu ? { kernelCpuMedian: Number(median(m.cpu).toFixed(2)) } : {}),
    load: m.load,
  }));
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version };
  writeFileSync(
    join(root, "bench", "notebooks.json"),
    JSON.stringify({ date: new Date().toISOString(), ...machine, reps, results }, null, 1) + "\n",
  );
  console.log("\nMedians (bench/notebooks.json)");
  for (const r of results) console.log(`  ${r.what.padEnd(62)} ${r.median.toFixed(2).padStart(7)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
