// Benchmark: reading, validating and cleaning a 5,000-respondent export, and matching 10,000 and 40,000 headers.
// Run: npx tsx bench/read-export.ts   (prints figures and the machine load; not a timed test)
// The export is the bundled synthetic Link Worker CSV repeated to 5,000 rows, each copy with its own response
// ids, emails and fieldwork year, so that copies are not duplicates of each other. Synthetic data.
import { cpus, loadavg, tmpdir } from "node:os";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { codebook } from "../src/codebook/codebooks.js";
import { cleanExport } from "../src/clean/clean-export.js";
import { syntheticExport } from "../src/load/find-export.js";
import { matchHeaders } from "../src/load/match-headers.js";
import { readExport } from "../src/load/read-export.js";
import { verdict } from "../src/load/verdict.js";

const ROWS = 5000;

function bigExport(): string {
  const parsed = Papa.parse<string[]>(
    readFileSync(syntheticExport("link-worker"), "utf8").replace(/^\uFEFF/, ""),
    {
      skipEmptyLines: true,
    },
  );
  const [header, ...rows] = parsed.data as [string[], ...string[][]];
  const [id, email] = [header.indexOf("Response ID"), header.indexOf("Email address")];
  const out: string[][] = [header];
  for (let k = 0; out.length <= ROWS; k++) {
    for (const row of rows) {
      if (out.length > ROWS) break;
      const copy = row.map((cell) =>
        cell.replace(/\/(2021|2022) /, (_, y: string) => `/${Number(y) + 2 * k} `),
      );
      copy[id] = `${k}-${row[id]}`;
      if (row[email]) copy[email] = `c${k}.${row[email]}`;
      out.push(copy);
    }
  }
  const path = join(mkdtempSync(join(tmpdir(), "sp-bench-")), "link-worker-5000.csv");
  writeFileSync(path, `\uFEFF${Papa.unparse(out, { newline: "\r\n" })}\r\n`);
  return path;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

const path = bigExport();
const runs: { read: number; clean: number; total: number }[] = [];
let summary = "";
for (let i = 0; i < 5; i++) {
  const read = time(() => readExport(path, "link-worker"));
  const clean = time(() => {
    const cleaned = cleanExport(read.value, "link-worker");
    return verdict(read.value.report, cleaned.lineage);
  });
  runs.push({ read: read.ms, clean: clean.ms, total: read.ms + clean.ms });
  summary = `${read.value.report.rowsRead} rows read, ${clean.value.rowsKept} kept, verdict ${clean.value.usable ? "usable" : clean.value.reason}`;
}
const cb = codebook("link-worker");
const wide = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 3 === 0
      ? `${cb.questions[i % 24]?.text ?? ""} [x${i}]`
      : i % 3 === 1
        ? `Extra column ${i} about physical activity`
        : `Q${i}`,
  );
matchHeaders(wide(1000), cb, "warm-up.csv");
const headers = [10_000, 40_000].map((n) => ({
  n,
  ms: time(() => matchHeaders(wide(n), cb, "wide.csv")).ms,
}));

const f = (x: number) => `${Math.round(x)} ms`;
console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
console.log(
  `load average at the start of the summary: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(", ")}`,
);
console.log(`5,000-respondent export (${summary}); medians of 5 runs:`);
console.log(`  readExport (parse, sniff, match, build): ${f(median(runs.map((r) => r.read)))}`);
console.log(`  cleanExport + verdict:                   ${f(median(runs.map((r) => r.clean)))}`);
console.log(
  `  total:                                   ${f(median(runs.map((r) => r.total)))} (all runs: ${runs.map((r) => f(r.total)).join(", ")})`,
);
for (const h of headers) console.log(`matchHeaders, ${h.n.toLocaleString("en-GB")} columns: ${f(h.ms)}`);
