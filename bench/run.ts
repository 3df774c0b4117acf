// Benchmark of the tabulation helpers on synthetic referral-style records (1e5, 1e6, 1e7 rows).
// Run: npx tsx bench/run.ts [--sizes 1e5,1e6] ; writes bench/results.json and prints a table.
// Each case runs in its own Node process so that its peak memory (maxRSS) is its own.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";

type Row = Record<string, unknown> & {
  n: number;
  op: string;
  impl: string;
  medianMs: number;
  peakRssMB: number;
};

const root = resolve(__dirname, "..");
const argSizes = process.argv.indexOf("--sizes");
const sizes = (argSizes > 0 ? process.argv[argSizes + 1]! : "1e5,1e6,1e7").split(",").map(Number);
const ops = ["frequencies", "crosstab", "weighted-crosstab", "multiResponse"] as const;
const reps = (n: number, impl: string) => (n >= 1e7 ? (impl === "arquero" ? 1 : 3) : n >= 1e6 ? 5 : 7);

function child(args: Record<string, unknown>): Row[] {
  // Reuse this process's tsx loader flags so the child runs TypeScript too.
  const r = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      "--expose-gc",
      "--max-old-space-size=16000",
      join(root, "bench/case.ts"),
      JSON.stringify(args),
    ],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 },
  );
  if (r.status !== 0) throw new Error(`bench case ${JSON.stringify(args)} failed:\n${r.stderr}`);
  return r.stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
}

function pandas(n: number): Row[] {
  const python = "/usr/bin/python3";
  try {
    execFileSync(python, ["-c", "import pandas"], { stdio: "ignore" });
  } catch {
    console.log("(pandas not available to /usr/bin/python3: skipped)");
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), "sp-bench-"));
  try {
    child({ n, op: "crosstab", impl: "export", reps: 0, out: join(dir, "data") });
    const out = execFileSync(
      python,
      [join(root, "bench/pandas_crosstab.py"), join(dir, "data"), String(n), String(reps(n, "pandas"))],
      {
        encoding: "utf8",
      },
    );
    return out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const started = Date.now();
const results: Row[] = [];
const fmt = (x: unknown) => (typeof x === "number" ? (x < 10 ? x.toFixed(2) : x.toFixed(0)) : "");
for (const n of sizes) {
  for (const op of ops) {
    for (const impl of ["floor", "ours", "arquero"]) {
      const [row] = child({ n, op, impl, reps: reps(n, impl) });
      results.push(row!);
      console.log(
        `${String(n).padStart(9)} ${op.padEnd(18)} ${impl.padEnd(8)} median ${fmt(row!.medianMs).padStart(7)} ms` +
          (row!.firstMs !== undefined ? `  first ${fmt(row!.firstMs).padStart(7)} ms` : "".padEnd(20)) +
          `  peak RSS ${fmt(row!.peakRssMB).padStart(6)} MB (+${fmt(row!.opPeakMB)} over data)`,
      );
    }
  }
  for (const row of pandas(n)) {
    results.push(row);
    console.log(
      `${String(n).padStart(9)} ${row.op.padEnd(18)} pandas   median ${fmt(row.medianMs).padStart(7)} ms${"".padEnd(20)}` +
        `  peak RSS ${fmt(row.peakRssMB).padStart(6)} MB (+${fmt(row.opPeakMB)} over data)`,
    );
  }
}

const machine = {
  nproc: Number(execFileSync("nproc", { encoding: "utf8" }).trim()),
  cpu: (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
const seconds = Math.round((Date.now() - started) / 1000);
writeFileSync(
  join(root, "bench/results.json"),
  JSON.stringify(
    { note: "Synthetic referral-style data; medians in ms, memory in MB.", machine, seconds, results },
    null,
    2,
  ) + "\n",
);
console.log(`\n${JSON.stringify(machine)}; ${seconds} s; wrote bench/results.json`);

// Fisher's test on survey-sized tables, with R's fisher.test timed in the same run (bench/fisher.ts).
console.log("\nFisher's test on survey-sized tables (bench/fisher.ts):");
execFileSync(process.execPath, [...process.execArgv, join(root, "bench/fisher.ts")], {
  cwd: root,
  stdio: "inherit",
});
