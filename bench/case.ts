// One benchmark case in a fresh process, so that peak memory (maxRSS) belongs to this case alone.
// Usage: tsx bench/case.ts '{"n":1000000,"op":"crosstab","impl":"ours","reps":5}'
import { writeFileSync } from "node:fs";
import { op as aqop, table as aqtable, type ColumnTable } from "arquero";
import { crosstab, frequencies, multiResponse } from "../src/tabulate/index.js";
import { clearEncodingCache } from "../src/tabulate/encode.js";
import { clearMultiCache } from "../src/tabulate/encode-multi.js";
import { AGE_BANDS, SOURCES, activityCodes, codes, columns } from "./data.js";

export type Op = "frequencies" | "crosstab" | "weighted-crosstab" | "multiResponse";
export type Impl = "ours" | "floor" | "arquero" | "export";
interface Args {
  n: number;
  op: Op;
  impl: Impl;
  reps: number;
  seed?: number;
  out?: string;
}

const args = JSON.parse(process.argv[2] ?? "{}") as Args;
const seed = args.seed ?? 20231;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

function report(result: Record<string, unknown>, dataRss: number): void {
  const peak = process.resourceUsage().maxRSS * 1024;
  const out = {
    ...args,
    ...result,
    dataRssMB: mb(dataRss),
    peakRssMB: mb(peak),
    opPeakMB: mb(peak - dataRss),
  };
  process.stdout.write(JSON.stringify(out) + "\n");
}

function runFloor(): void {
  const { n, op, reps } = args;
  const c = codes(n, seed);
  const m = op === "multiResponse" ? activityCodes(n, seed + 1) : null;
  const rss = process.memoryUsage().rss;
  // The floor: one pass over pre-encoded typed arrays, nothing else (no levels, no percentages).
  const loop = () => {
    if (op === "frequencies") {
      const out = new Float64Array(SOURCES.length + 1);
      for (let i = 0; i < n; ++i) out[c.source[i]!]! += 1;
      return out;
    }
    if (op === "crosstab" || op === "weighted-crosstab") {
      const kb = AGE_BANDS.length + 1;
      const out = new Float64Array((SOURCES.length + 1) * kb);
      if (op === "crosstab") for (let i = 0; i < n; ++i) out[c.source[i]! * kb + c.age[i]!]! += 1;
      else for (let i = 0; i < n; ++i) out[c.source[i]! * kb + c.age[i]!]! += c.weight[i]!;
      return out;
    }
    const out = new Float64Array(8);
    for (let i = 0; i < n; ++i)
      for (let j = m!.offsets[i]!; j < m!.offsets[i + 1]!; ++j) out[m!.codes[j]!]! += 1;
    return out;
  };
  loop();
  const runs = Array.from({ length: reps }, () => time(loop));
  report({ medianMs: median(runs), runs }, rss);
}

function buildTable(): ColumnTable {
  return aqtable(columns(args.n, seed, { multi: args.op === "multiResponse" }));
}

function runOurs(): void {
  const t = buildTable();
  if (typeof global.gc === "function") global.gc();
  const rss = process.memoryUsage().rss;
  const call = () => {
    if (args.op === "frequencies") return frequencies(t, "source");
    if (args.op === "crosstab") return crosstab(t, "source", "age_band");
    if (args.op === "weighted-crosstab") return crosstab(t, "source", "age_band", { weight: "weight" });
    return multiResponse(t, "activities", { by: "source" });
  };
  // First call: encoding included (caches cleared before each timed first call).
  const first: number[] = [];
  for (let r = 0; r < Math.max(1, Math.min(args.reps, 3)); ++r) {
    clearEncodingCache();
    clearMultiCache();
    first.push(time(call));
  }
  call();
  const runs = Array.from({ length: args.reps }, () => time(call));
  report({ firstMs: median(first), firstRuns: first, medianMs: median(runs), runs }, rss);
}

function runArquero(): void {
  const t = buildTable();
  if (typeof global.gc === "function") global.gc();
  const rss = process.memoryUsage().rss;
  const call = () => {
    if (args.op === "frequencies") return t.groupby("source").count();
    if (args.op === "crosstab") return t.groupby("source", "age_band").count();
    if (args.op === "weighted-crosstab")
      return t.groupby("source", "age_band").rollup({ w: aqop.sum("weight") });
    return t.unroll("activities").groupby("source", "activities").count();
  };
  const runs = Array.from({ length: args.reps }, () => time(call));
  report({ medianMs: median(runs), runs }, rss);
}

function runExport(): void {
  // Writes the same synthetic data for the pandas comparison: uint8 codes, float64 weights, levels as JSON.
  const c = codes(args.n, seed);
  const base = args.out!;
  writeFileSync(`${base}.source.u8`, c.source);
  writeFileSync(`${base}.age.u8`, c.age);
  writeFileSync(`${base}.weight.f64`, Buffer.from(c.weight.buffer));
  writeFileSync(`${base}.levels.json`, JSON.stringify({ source: SOURCES, age_band: AGE_BANDS }));
  process.stdout.write("{}\n");
}

if (args.impl === "floor") runFloor();
else if (args.impl === "ours") runOurs();
else if (args.impl === "arquero") runArquero();
else if (args.impl === "export") runExport();
else throw new Error(`bench/case: unknown impl ${String(args.impl)}`);
