import type { ColumnTable } from "arquero";
import { kruskalWallis } from "../stats/kruskal-wallis.js";
import { mannWhitney } from "../stats/mann-whitney.js";
import { spearman } from "../stats/spearman.js";
import { surveyRankTest } from "../stats/survey-rank-test.js";
import { UsageError } from "../errors/usage-error.js";
import type { Display } from "../tabulate/display.js";
import { formatP } from "../tabulate/format.js";
import { HIDDEN_MARK } from "../tabulate/suppress.js";
import { numericSummary, type NumericSummary } from "./numeric-summary.js";
import { readGroups } from "../multi-select/read.js";

/** The test a numeric question gets against a breakdown. */
export interface NumericTest {
  readonly method: "mann-whitney" | "kruskal-wallis" | "spearman" | "survey-rank" | null;
  /**
   * U (Mann-Whitney, of the first group), H (Kruskal-Wallis), rho (Spearman); weighted ("survey-rank"): t for
   * two groups, F for more.
   */
  readonly statistic: number | null;
  /** Degrees of freedom (the t's; the F's numerator); `ddf` the F's denominator (weighted, 3+ groups). */
  readonly df: number | null;
  readonly ddf?: number | null;
  readonly p: number | null;
  /** "shown"; "hidden" when a group is suppressed (the test could reveal it); "none" when no test is possible. */
  readonly status: "shown" | "hidden" | "none";
  readonly reason: string;
}

/** A numeric question by a breakdown: summaries per group and the fitting test. */
export interface CompareGroupsResult {
  readonly summary: NumericSummary;
  readonly test: NumericTest;
}

/**
 * Summaries of a numeric column by group ({@link numericSummary}) and the fitting rank test: Mann-Whitney for
 * two groups (scipy's default: exact for small untied samples, else the normal approximation with tie and
 * continuity corrections), Kruskal-Wallis for more; with `ordinal: true` (a scale such as confidence 1-5 or an
 * ordered set of levels) Spearman's rho between the value and the group's rank in level order instead. When a
 * group is suppressed the test is computed but marked hidden, as in a cross-tab.
 *
 * With `weight`: weighted summaries (see {@link numericSummary}) and the design-based rank test of Lumley &
 * Scott, R's `svyranktest(..., test = "KruskalWallis")` for a design with weights only (see
 * {@link surveyRankTest}); a weighted Spearman is not implemented (`ordinal: true` with a weight is an error).
 * @example
 * const r = compareGroups(lw, "weekly_minutes", "ap_area");
 * r.test; // { method: "kruskal-wallis", statistic: ..., df: 4, p: ..., status: "shown", reason: "..." }
 */
export function compareGroups(
  table: ColumnTable,
  column: string,
  by: string,
  options: { suppress?: number | false; ordinal?: boolean; weight?: string } = {},
): CompareGroupsResult {
  const fn = "compareGroups";
  if (options.weight !== undefined && options.ordinal)
    throw new UsageError(
      fn,
      `weighted Spearman is not implemented; with weight "${options.weight}" compare the groups as categories (ordinal: false: design-based Kruskal-Wallis)`,
    );
  const summary = numericSummary(table, column, {
    by,
    suppress: options.suppress,
    ...(options.weight !== undefined ? { weight: options.weight } : {}),
  });
  const groups = readGroups(fn, table, by);
  const values = Array.from(table.array(column) as ArrayLike<number | null>);
  const buckets = groups.levels.map((level) => values.filter((_, i) => groups.labels[i] === level));
  const filled = buckets.filter((b) => b.some((v) => v !== null && Number.isFinite(v)));
  const hidden = summary.groups.some((g) => g.status !== "shown");
  const none = (reason: string): CompareGroupsResult => ({
    summary,
    test: { method: null, statistic: null, df: null, p: null, status: "none", reason },
  });
  if (filled.length < 2) return none("no test: fewer than 2 groups with values");
  const mark = (t: Omit<NumericTest, "status" | "reason">, why: string): CompareGroupsResult => ({
    summary,
    test: {
      ...t,
      status: hidden ? "hidden" : "shown",
      reason: hidden ? `${why}; not shown: a group is suppressed` : why,
    },
  });
  try {
    if (options.weight !== undefined) {
      const w = Array.from(table.array(options.weight) as ArrayLike<number>);
      const xs = values.map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));
      const r = surveyRankTest(xs, groups.labels, w);
      return mark(
        {
          method: "survey-rank",
          statistic: r.statistic,
          df: r.df[r.kind === "t" ? 1 : 0],
          ddf: r.kind === "F" ? r.df[1] : null,
          p: r.p,
        },
        `Design-based Kruskal-Wallis test weighted by ${options.weight} (Lumley & Scott, as R's svyranktest)`,
      );
    }
    if (options.ordinal) {
      const rank = new Map(groups.levels.map((l, k) => [l, k + 1]));
      const xs = values.map((v, i) => (groups.labels[i] === null ? null : v));
      const ys = groups.labels.map((l) => (l === null ? null : rank.get(l)!));
      const r = spearman(xs, ys);
      return mark(
        { method: "spearman", statistic: r.rho, df: r.n - 2, p: r.p },
        `Spearman's rho against the order of ${by} (t approximation, as scipy)`,
      );
    }
    if (filled.length === 2) {
      const r = mannWhitney(filled[0]!, filled[1]!);
      return mark(
        { method: "mann-whitney", statistic: r.U, df: null, p: r.p },
        `Mann-Whitney U test (${r.method}, as scipy's default)`,
      );
    }
    const r = kruskalWallis(filled);
    return mark(
      { method: "kruskal-wallis", statistic: r.statistic, df: r.df, p: r.p },
      "Kruskal-Wallis test (tie-corrected, as scipy)",
    );
  } catch (error) {
    return none(`no test: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The summaries as a table to show or export, hidden groups marked "<5" (primary) or "[c]" (secondary),
 * the test in a footnote unless hidden.
 * @example
 * toCsv(compareGroupsDisplay(compareGroups(lw, "weekly_minutes", "ap_area")));
 */
export function compareGroupsDisplay(r: CompareGroupsResult, caption?: string): Display {
  const s = r.summary;
  const f = (v: number | null) => (v === null ? "–" : v.toFixed(1));
  const row = (g: NumericSummary["all"]) => {
    if (g.status !== "shown") {
      const m = HIDDEN_MARK;
      return [g.group, m, "–", "–", "–", "–", "–"];
    }
    const missing = g.missingStatus === "shown" ? String(g.missing) : HIDDEN_MARK;
    return [g.group, String(g.n), missing, f(g.mean), f(g.median), f(g.q1), f(g.q3)];
  };
  const t = r.test;
  const notes = [
    s.weight
      ? `Weighted by "${s.weight}": means as R's svymean, quartiles as svyquantile (qrule "math": the smallest value whose cumulative weight share reaches the quartile); n is unweighted; missing answers are counted, not used.`
      : "Quartiles by linear interpolation (R type 7, numpy's default); missing answers are counted, not used.",
  ];
  if (t.status === "shown") notes.push(`${t.reason}: ${numericStatistic(t)}, ${formatP(t.p!)}.`);
  else notes.push(`Test: ${t.reason}.`);
  if (s.threshold > 0)
    notes.push(
      `Disclosure control: groups of 1-${s.threshold - 1} respondents are not summarised ("${HIDDEN_MARK}"), nor a further group chosen so that none could be recovered by subtraction.`,
    );
  return {
    caption: caption ?? `${s.column}${s.by ? ` by ${s.by}` : ""}`,
    head: [s.by ?? "", "n", "Missing", "Mean", "Median", "Lower quartile", "Upper quartile"],
    body: s.groups.map(row),
    foot: [row(s.all)],
    notes,
  };
}

/**
 * A numeric test's statistic with its name and df: "rho = 0.395", "U = 120.000", "H = 3.210, df = 4",
 * "t = 1.53, df = 36", "F = 6.97, df = 4, 182".
 * @example
 * numericStatistic(compareGroups(lw, "weekly_minutes", "ap_area").test);
 */
export function numericStatistic(t: NumericTest): string {
  const v = t.statistic!;
  if (t.method === "spearman") return `rho = ${v.toFixed(3)}`;
  if (t.method === "mann-whitney") return `U = ${v.toFixed(3)}`;
  if (t.method === "survey-rank")
    return t.ddf == null
      ? `t = ${v.toFixed(2)}, df = ${t.df}`
      : `F = ${v.toFixed(2)}, df = ${t.df}, ${t.ddf}`;
  return `H = ${v.toFixed(3)}, df = ${t.df}`;
}
