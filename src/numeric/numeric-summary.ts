import type { ColumnTable } from "arquero";
import { readGroups } from "../multi-select/read.js";
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
}

/** A numeric question summarised by group. */
export interface NumericSummary {
  readonly column: string;
  readonly by: string | null;
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
 * @example
 * const s = numericSummary(lw, "weekly_minutes", { by: "ap_area" });
 * s.groups.map((g) => [g.group, g.n, g.median]);
 */
export function numericSummary(
  table: ColumnTable,
  column: string,
  options: { by?: string; suppress?: number | false } = {},
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
  const groups = options.by
    ? readGroups(fn, table, options.by)
    : { levels: ["All"], labels: values.map(() => "All") };
  const buckets = groups.levels.map(() => ({ values: [] as number[], missing: 0 }));
  const index = new Map(groups.levels.map((l, k) => [l, k]));
  groups.labels.forEach((g, i) => {
    if (g === null) return;
    const b = buckets[index.get(g)!]!;
    const v = values[i];
    if (typeof v === "number" && Number.isFinite(v)) b.values.push(v);
    else b.missing++;
  });
  const ns = buckets.map((b) => b.values.length);
  const total = ns.reduce((a, b) => a + b, 0);
  const status = suppressCells(
    [...ns, total],
    options.by ? [[...ns.map((_, k) => k), ns.length]] : [],
    threshold,
  );
  const summary = (group: string, xs: number[], missing: number, st: CellStatus): NumericGroup => {
    const sorted = [...xs].sort((a, b) => a - b);
    const show = st === "shown" && sorted.length > 0;
    const q = (p: number) => (show ? quantile7(sorted, p) : null);
    const mean = show ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null;
    return { group, n: sorted.length, missing, mean, median: q(0.5), q1: q(0.25), q3: q(0.75), status: st };
  };
  return {
    column,
    by: options.by ?? null,
    groups: buckets.map((b, k) => summary(groups.levels[k]!, b.values, b.missing, status[k]!)),
    all: summary(
      "All",
      buckets.flatMap((b) => b.values),
      buckets.reduce((a, b) => a + b.missing, 0),
      status[ns.length]!,
    ),
    threshold,
  };
}

/** R's type 7 quantile of sorted values: (n - 1) p, linearly interpolated. */
function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
