import type { ColumnTable } from "arquero";
import { readGroups } from "../multi-select/read.js";
import { weightedQuantile } from "../stats/survey-rank-test.js";
import { missingStatus, NO_ANSWER, publishTable } from "../tabulate/publish.js";
import { toSource } from "../tabulate/source.js";
import { tableWeights } from "../tabulate/weights.js";
import { suppressCells, thresholdOf, type CellStatus } from "../tabulate/suppress.js";

/** Summary of a numeric column in one group; statistics are null when the group is suppressed or empty. */
export interface NumericGroup {
  readonly group: string;
  /** Respondents with a value, and with the value missing. */
  readonly n: number;
  readonly missing: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
  /** "primary" when n is 1 to threshold-1, "secondary" when hidden so that it cannot be recovered by subtraction. */
  readonly status: CellStatus;
  /** The missing count's status: hidden when it is 1 to threshold-1, or by the run's ledger. */
  readonly missingStatus: CellStatus;
}

/** A numeric question summarised by group. */
export interface NumericSummary {
  readonly column: string;
  readonly by: string | null;
  /** The weight column (weighted means and quartiles; n stays the unweighted count), or null. */
  readonly weight: string | null;
  readonly groups: NumericGroup[];
  /** Everyone with a group (or everyone, without `by`). */
  readonly all: NumericGroup;
  readonly threshold: number;
}

/**
 * n, missing, mean, median and quartiles of a numeric column, overall and by group. Quartiles are linear
 * interpolation between order statistics (R's type 7, numpy's and pandas' default). Missing values (null,
 * NaN) are counted, not used. Disclosure control: a group with 1 to threshold-1 values has its statistics
 * hidden (a mean of 2 respondents is nearly their values), and a second group too when the overall n would
 * reveal the hidden n by subtraction; hidden statistics are null and the status says why.
 *
 * With `weight` (a column from `rake` / `postStratify`): the weighted mean (R `svymean`) and weighted
 * quartiles as R's `svyquantile(qrule = "math")`, survey 4.x's default (the smallest value whose cumulative
 * weight share reaches p; with equal weights R's type 1, not the type 7 of the unweighted summary); `n` stays
 * the unweighted count and decides suppression, as in every weighted table.
 * @example
 * const s = numericSummary(lw, "weekly_minutes", { by: "ap_area" });
 * s.groups.map((g) => [g.group, g.n, g.median]);
 * numericSummary(weighted.table, "weekly_minutes", { by: "ap_area", weight: "w" }).all.mean;
 */
export function numericSummary(
  table: ColumnTable,
  column: string,
  options: { by?: string; suppress?: number | false; weight?: string } = {},
): NumericSummary {
  const fn = "numericSummary";
  if (!table.columnNames().includes(column))
    throw new Error(`${fn}: no column "${column}" in the table (columns: ${table.columnNames().join(", ")})`);
  const values = Array.from(table.array(column) as ArrayLike<unknown>);
  values.forEach((v, i) => {
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return;
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new Error(
        `${fn}: column "${column}" has ${JSON.stringify(v)} at row ${i}; expected a number or a missing value`,
      );
  });
  const threshold = thresholdOf(options.suppress, fn);
  if (options.weight !== undefined && !table.columnNames().includes(options.weight))
    throw new Error(`${fn}: no weight column "${options.weight}" in the table`);
  const weights = tableWeights(table, options.weight, fn);
  const groups = options.by
    ? readGroups(fn, table, options.by)
    : { levels: ["All"], labels: values.map(() => "All") };
  const buckets = groups.levels.map(() => ({ values: [] as number[], weights: [] as number[], missing: 0 }));
  const index = new Map(groups.levels.map((l, k) => [l, k]));
  groups.labels.forEach((g, i) => {
    if (g === null) return;
    const b = buckets[index.get(g)!]!;
    const v = values[i];
    if (typeof v === "number" && Number.isFinite(v)) {
      b.values.push(v);
      b.weights.push(weights ? weights[i]! : 1);
    } else b.missing++;
  });
  const ns = buckets.map((b) => b.values.length);
  const total = ns.reduce((a, b) => a + b, 0);
  const own = suppressCells(
    [...ns, total],
    options.by ? [[...ns.map((_, k) => k), ns.length]] : [],
    threshold,
  );
  const { status, missing: missingStatuses } = publishSummary(
    table,
    column,
    options.by,
    groups.levels,
    ns,
    buckets,
    own,
    threshold,
  );
  const summary = (
    group: string,
    xs: number[],
    ws: number[],
    missing: number,
    st: CellStatus,
    ms: CellStatus,
  ): NumericGroup => {
    const show = st === "shown" && xs.length > 0;
    const statistics = weights ? weightedStatistics(xs, ws, show) : unweightedStatistics(xs, show);
    return { group, n: xs.length, missing, ...statistics, status: st, missingStatus: ms };
  };
  return {
    column,
    by: options.by ?? null,
    weight: options.weight ?? null,
    groups: buckets.map((b, k) =>
      summary(groups.levels[k]!, b.values, b.weights, b.missing, status[k]!, missingStatuses[k]!),
    ),
    all: summary(
      "All",
      buckets.flatMap((b) => b.values),
      buckets.flatMap((b) => b.weights),
      buckets.reduce((a, b) => a + b.missing, 0),
      status[ns.length]!,
      missingStatuses[ns.length]!,
    ),
    threshold,
  };
}

/** The statistics of one group; null where the group is hidden or has nothing to summarise. */
type Statistics = Pick<NumericGroup, "mean" | "median" | "q1" | "q3">;

/** Mean and type-7 quartiles of the values, or nulls when `show` is false. */
function unweightedStatistics(xs: readonly number[], show: boolean): Statistics {
  const sorted = [...xs].sort((a, b) => a - b);
  const q = (p: number) => (show ? quantile7(sorted, p) : null);
  const mean = show ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null;
  return { mean, median: q(0.5), q1: q(0.25), q3: q(0.75) };
}

/** Weighted mean (svymean) and quartiles (svyquantile, qrule "math"); nulls when hidden or the weights sum to 0. */
function weightedStatistics(xs: readonly number[], ws: readonly number[], show: boolean): Statistics {
  const W = ws.reduce((a, b) => a + b, 0);
  const ok = show && W > 0;
  const q = (p: number) => (ok ? weightedQuantile(xs, ws, p) : null);
  const mean = ok ? xs.reduce((a, x, i) => a + ws[i]! * x, 0) / W : null;
  return { mean, median: q(0.5), q1: q(0.25), q3: q(0.75) };
}

// The run's ledger: each group's n (respondents in the group with a value) and missing count, and the totals,
// so that a group an earlier table hid (a frequencies or crosstab cell of `by`) is not summarised here and the
// n and missing shown here do not give a hidden count back by subtraction. The numeric column is read as a
// variable of its own, "<column>: has a value" (yes, or no answer), so a group's n plus its missing count is the
// group's count in any table of `by`. A missing count of 1..threshold-1 is hidden (as a frequencies table's is);
// the ledger may hide a further n or missing count so that no hidden count comes back by subtraction.
function publishSummary(
  table: ColumnTable,
  column: string,
  by: string | undefined,
  levels: readonly string[],
  ns: readonly number[],
  buckets: readonly { missing: number }[],
  own: readonly CellStatus[],
  threshold: number,
): { status: CellStatus[]; missing: CellStatus[] } {
  const answered = `${column}: has a value`;
  const yes = ["yes"];
  const missing = buckets.map((b) => b.missing);
  const groupWhere = (k: number): Record<string, readonly string[]> => (by ? { [by]: [levels[k]!] } : {});
  const allWhere: Record<string, readonly string[]> = by ? { [by]: levels } : {};
  const totalMissing = missing.reduce((a, b) => a + b, 0);
  const cells = [
    ...ns.map((n, k) => ({ where: { ...groupWhere(k), [answered]: yes }, count: n, status: own[k]! })),
    {
      where: { ...allWhere, [answered]: yes },
      count: ns.reduce((a, b) => a + b, 0),
      status: own[ns.length]!,
    },
    ...missing.map((m, k) => ({
      where: { ...groupWhere(k), [answered]: [NO_ANSWER] },
      count: m,
      status: missingStatus(m, threshold),
    })),
    {
      where: { ...allWhere, [answered]: [NO_ANSWER] },
      count: totalMissing,
      status: missingStatus(totalMissing, threshold),
    },
  ];
  const published = publishTable({
    source: toSource(table, "numericSummary"),
    label: `numericSummary ${column}${by ? ` by ${by}` : ""}`,
    threshold,
    variables: { ...(by ? { [by]: levels } : {}), [answered]: yes },
    cells,
  });
  const rows = ns.length + 1;
  return { status: published.slice(0, rows), missing: published.slice(rows) };
}

/** R's type 7 quantile of sorted values: (n - 1) p, linearly interpolated. */
function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
