// Fisher's test on survey-sized r x c tables (synthetic; tests/stats/reference/fisher-fixtures.json): our
// fisherExact (mode "auto", as crosstab uses it, and mode "exact" where R answers exactly) against R's
// fisher.test timed in the same run when Rscript is present (exact with the default workspace; where that
// fails, exact with workspace = 2e6; and simulate.p.value = TRUE, B = 1e5).
// Both sides report the median per-call time of many calls: R's system.time resolves only 1 ms, so R times a
// loop of k calls (k doubled until the loop takes >= 0.2 s) three times and divides; ours times each call
// after the first (the first call in a process runs before the JIT has compiled the search, so it is
// reported on its own). CPU time (process.cpuUsage; R's user + system) is reported beside wall time: on a
// busy machine wall time also counts the time other processes held the CPU.
// Run: npx tsx bench/fisher.ts (also called at the end of bench/run.ts); writes bench/fisher-results.json.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fisherExact, type FisherMode } from "../src/stats/index.js";

const root = resolve(__dirname, "..");
const { tables } = JSON.parse(
  readFileSync(join(root, "tests/stats/reference/fisher-fixtures.json"), "utf8"),
) as {
  tables: { name: string; counts: number[][]; p: number | null }[];
};
/** Our later calls: at least 5; then until 200 calls, or 3 s, or 30 calls and 1 s (the JIT needs a few dozen
 * calls of a small table to compile the search, so a median of 3 mostly times the interpreter). */
const enough = (calls: number, ms: number) =>
  calls >= 5 && (calls >= 200 || ms >= 3000 || (calls >= 30 && ms >= 1000));
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Timing {
  /** ms of one call (wall, CPU). */
  wallMs: number;
  cpuMs: number;
  calls: number;
}

/** First call on its own, then the median of calls 2.. until the budget is spent. */
function timeOurs(counts: number[][], mode: FisherMode) {
  const c0 = cpuMs();
  const t0 = performance.now();
  let result = fisherExact(counts, { mode });
  const first: Timing = { wallMs: performance.now() - t0, cpuMs: cpuMs() - c0, calls: 1 };
  const walls: number[] = [];
  const cpus: number[] = [];
  const start = performance.now();
  while (!enough(walls.length, performance.now() - start)) {
    const c1 = cpuMs();
    const t1 = performance.now();
    result = fisherExact(counts, { mode });
    walls.push(performance.now() - t1);
    cpus.push(cpuMs() - c1);
  }
  const later: Timing = { wallMs: median(walls), cpuMs: median(cpus), calls: walls.length };
  return { first, later, result };
}

interface RTime {
  p: number | null;
  exact: Timing | null;
  /** Exact with workspace = 2e6, timed only where the default workspace fails. */
  bigWorkspace: Timing | null;
  simulate: Timing;
}

function rTimes(): Record<string, RTime> {
  try {
    execFileSync("Rscript", ["--version"], { stdio: "ignore" });
  } catch {
    console.log("(Rscript not found: R timings skipped)");
    return {};
  }
  // per.call(f): k doubled from 1 until k calls take >= 0.2 s; then three loops of k calls; medians of
  // elapsed / k and (user + system) / k, in ms.
  const script = `
    tabs <- list(${tables
      .map((t) => `matrix(c(${t.counts.flat().join(",")}), nrow = ${t.counts.length}, byrow = TRUE)`)
      .join(",\n")})
    per.call <- function(f) {
      k <- 1
      repeat {
        st <- system.time(for (i in seq_len(k)) f())
        if (st[["elapsed"]] >= 0.2 || k >= 4096) break
        k <- k * 2
      }
      runs <- sapply(1:3, function(r) {
        st <- system.time(for (i in seq_len(k)) f())
        c(st[["elapsed"]], st[["user.self"]] + st[["sys.self"]]) / k * 1000
      })
      c(median(runs[1, ]), median(runs[2, ]), k)
    }
    for (k in seq_along(tabs)) {
      p <- tryCatch(fisher.test(tabs[[k]])$p.value, error = function(e) NA)
      ex <- if (is.na(p)) c(NA, NA, NA) else per.call(function() fisher.test(tabs[[k]]))
      big <- c(NA, NA, NA)
      if (is.na(p)) {
        ok <- tryCatch({ fisher.test(tabs[[k]], workspace = 2e6); TRUE }, error = function(e) FALSE)
        if (ok) big <- per.call(function() fisher.test(tabs[[k]], workspace = 2e6))
      }
      set.seed(1)
      sim <- per.call(function() fisher.test(tabs[[k]], simulate.p.value = TRUE, B = 1e5))
      cat(k, format(p, digits = 16), ex, big, sim, "\\n")
    }`;
  const out = execFileSync("Rscript", ["-e", script], { encoding: "utf8", maxBuffer: 1 << 24 });
  const timing = (xs: string[]): Timing | null =>
    xs[0] === "NA" ? null : { wallMs: Number(xs[0]), cpuMs: Number(xs[1]), calls: Number(xs[2]) };
  const res: Record<string, RTime> = {};
  for (const line of out.trim().split("\n")) {
    const f = line.trim().split(/\s+/);
    res[tables[Number(f[0]) - 1]!.name] = {
      p: f[1] === "NA" ? null : Number(f[1]),
      exact: timing(f.slice(2, 5)),
      bigWorkspace: timing(f.slice(5, 8)),
      simulate: timing(f.slice(8, 11))!,
    };
  }
  return res;
}

const uptime = () => execFileSync("uptime", { encoding: "utf8" }).trim();
const loadBefore = loadavg()[0]!;
const uptimeBefore = uptime();
const rows = tables.map((t) => {
  const auto = timeOurs(t.counts, "auto");
  // Exact against exact wherever R answers (with either workspace): "auto" may simulate a large network.
  const exact = t.p !== null ? timeOurs(t.counts, "exact") : null;
  return { table: t.name, auto, exact };
});
const r = rTimes();
const loadAfter = loadavg()[0]!;
const uptimeAfter = uptime();
const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? "–" : x < 10 ? x.toFixed(2) : x.toFixed(0);
const both = (t: Timing | null | undefined) => (t ? `${fmt(t.cpuMs)} / ${fmt(t.wallMs)}` : "–");
console.log("ms per call, CPU / wall; ours: first call, then the median of later calls; R: median per call");
console.log(
  "table      | ours first (auto) | ours (auto)    | how         | ours exact    | R exact       | R ws=2e6      | R simulate B=1e5",
);
const results = rows.map((row) => {
  const rr = r[row.table];
  const how = row.auto.result.exact ? "exact" : "Monte Carlo";
  console.log(
    [
      row.table.padEnd(10),
      both(row.auto.first).padStart(17),
      both(row.auto.later).padStart(14),
      how.padEnd(11),
      both(row.exact?.later).padStart(13),
      both(rr?.exact).padStart(13),
      both(rr?.bigWorkspace).padStart(13),
      both(rr?.simulate).padStart(13),
    ].join(" | "),
  );
  return {
    table: row.table,
    oursFirstCall: row.auto.first,
    oursAuto: row.auto.later,
    how,
    p: row.auto.result.p,
    method: row.auto.result.method,
    oursExact: row.exact?.later ?? null,
    rP: rr?.p ?? null,
    rExact: rr?.exact ?? null,
    rBigWorkspace: rr?.bigWorkspace ?? null,
    rSimulate: rr?.simulate ?? null,
  };
});
const load = {
  before: loadBefore,
  after: loadAfter,
  uptimeBefore,
  uptimeAfter,
  nproc: Number(execFileSync("nproc", { encoding: "utf8" }).trim()),
};
console.log(`before: ${uptimeBefore}\nafter:  ${uptimeAfter}\non ${load.nproc} cores`);
writeFileSync(
  join(root, "bench/fisher-results.json"),
  JSON.stringify(
    {
      note:
        "Synthetic survey-sized tables. Times in ms per call (wall and CPU). Ours: the first call in the process," +
        " then the median of later calls (calls counted). R: k calls in one system.time (k doubled until >= 0.2 s)," +
        " three such loops, median of their per-call times.",
      load,
      results,
    },
    null,
    2,
  ) + "\n",
);
