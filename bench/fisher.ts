// Fisher's test on survey-sized r x c tables (synthetic; tests/stats/reference/fisher-fixtures.json): our
// fisherExact (mode "auto", as crosstab uses it) against R's fisher.test timed in the same run when Rscript
// is present (exact with the default workspace; where that fails, exact with workspace = 2e6; and
// simulate.p.value = TRUE, B = 1e5).
// Run: npx tsx bench/fisher.ts (also called at the end of bench/run.ts); writes bench/fisher-results.json.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fisherExact } from "../src/stats/index.js";

const root = resolve(__dirname, "..");
const { tables } = JSON.parse(
  readFileSync(join(root, "tests/stats/reference/fisher-fixtures.json"), "utf8"),
) as {
  tables: { name: string; counts: number[][]; p: number | null }[];
};
const reps = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

interface RTime {
  exactMs: number | null;
  p: number | null;
  /** Exact with workspace = 2e6, timed only where the default workspace fails. */
  bigWorkspaceMs: number | null;
  simulateMs: number;
}

function rTimes(): Record<string, RTime> {
  try {
    execFileSync("Rscript", ["--version"], { stdio: "ignore" });
  } catch {
    console.log("(Rscript not found: R timings skipped)");
    return {};
  }
  const script = `
    tabs <- list(${tables
      .map((t) => `matrix(c(${t.counts.flat().join(",")}), nrow = ${t.counts.length}, byrow = TRUE)`)
      .join(",\n")})
    for (k in seq_along(tabs)) {
      ms <- function(f) { ts <- sapply(1:${reps}, function(i) system.time(f())[["elapsed"]]); median(ts) * 1000 }
      p <- tryCatch(fisher.test(tabs[[k]])$p.value, error = function(e) NA)
      ex <- if (is.na(p)) NA else ms(function() fisher.test(tabs[[k]]))
      big <- NA
      if (is.na(p)) {
        ok <- tryCatch({ fisher.test(tabs[[k]], workspace = 2e6); TRUE }, error = function(e) FALSE)
        if (ok) big <- ms(function() fisher.test(tabs[[k]], workspace = 2e6))
      }
      set.seed(1)
      sim <- ms(function() fisher.test(tabs[[k]], simulate.p.value = TRUE, B = 1e5))
      cat(k, ex, p, sim, big, "\\n")
    }`;
  const out = execFileSync("Rscript", ["-e", script], { encoding: "utf8", maxBuffer: 1 << 24 });
  const res: Record<string, RTime> = {};
  for (const line of out.trim().split("\n")) {
    const [k, ex, p, sim, big] = line.trim().split(/\s+/);
    res[tables[Number(k) - 1]!.name] = {
      exactMs: ex === "NA" ? null : Number(ex),
      p: p === "NA" ? null : Number(p),
      bigWorkspaceMs: big === "NA" ? null : Number(big),
      simulateMs: Number(sim),
    };
  }
  return res;
}

const loadBefore = loadavg()[0]!;
const rows = tables.map((t) => {
  const times: number[] = [];
  // The first call is timed on its own: in a fresh process the JIT has not compiled the search yet.
  const t0 = performance.now();
  let result = fisherExact(t.counts);
  const firstMs = performance.now() - t0;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    result = fisherExact(t.counts);
    times.push(performance.now() - t0);
  }
  return {
    table: t.name,
    firstMs,
    oursMs: median(times),
    exact: result.exact,
    p: result.p,
    method: result.method,
  };
});
const r = rTimes();
const loadAfter = loadavg()[0]!;
const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? "–" : x < 10 ? x.toFixed(2) : x.toFixed(0);
console.log(
  "table        first call ms  ours (auto) ms  how            R exact ms  R ws=2e6 ms  R simulate (B=1e5) ms",
);
const results = rows.map((row) => {
  const rr = r[row.table];
  console.log(
    `${row.table.padEnd(12)} ${fmt(row.firstMs).padStart(13)}  ${fmt(row.oursMs).padStart(14)}  ${(row.exact ? "exact" : "Monte Carlo").padEnd(13)}` +
      ` ${fmt(rr?.exactMs).padStart(10)}  ${fmt(rr?.bigWorkspaceMs).padStart(11)}  ${fmt(rr?.simulateMs).padStart(10)}`,
  );
  return {
    ...row,
    rExactMs: rr?.exactMs ?? null,
    rP: rr?.p ?? null,
    rBigWorkspaceMs: rr?.bigWorkspaceMs ?? null,
    rSimulateMs: rr?.simulateMs ?? null,
  };
});
const load = {
  before: loadBefore,
  after: loadAfter,
  nproc: Number(execFileSync("nproc", { encoding: "utf8" }).trim()),
};
console.log(
  `load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${load.nproc} cores`,
);
writeFileSync(
  join(root, "bench/fisher-results.json"),
  JSON.stringify(
    {
      note: "Synthetic survey-sized tables; ms: firstMs one call, the others medians of 3 runs.",
      load,
      results,
    },
    null,
    2,
  ) + "\n",
);
