import type { ColumnTable } from "arquero";
import { kruskalWallis } from "../stats/kruskal-wallis.js";
import { mannWhitney } from "../stats/mann-whitney.js";
import { spearman } from "../stats/spearman.js";
import type { Display } from "../tabulate/display.js";
import { formatP } from "../tabulate/format.js";
import { HIDDEN_MARK } from "../tabulate/suppress.js";
import { numericSummary, type NumericSummary } from "./numeric-summary.js";
import { readGroups } from "../multi-select/read.js";

/** The test a numeric question gets against a breakdown. */
export interface NumericTest {
  readonly method: "mann-whitney" | "kruskal-wallis" | "spearman" | null;
  /** U (Mann-Whitney, of the first group), H (Kruskal-Wallis) or rho (Spearman). */
  readonly statistic: number | null;
  readonly df: number | null;
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
 * @example
 * const r = compareGroups(lw, "weekly_minutes", "ap_area");
 * r.test; // { method: "kruskal-wallis", statistic: ..., df: 4, p: ..., status: "shown", reason: "..." }
 */
export function compareGroups(
  table: ColumnTable,
  column: string,
  by: string,
  options: { suppress?: number | false; ordinal?: boolean } = {},
): CompareGroupsResult {
  const fn = "compareGroups";
  const summary = numericSummary(table, column, { by, suppress: options.suppress });
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
    return [g.group, String(g.n), String(g.missing), f(g.mean), f(g.median), f(g.q1), f(g.q3)];
  };
  const t = r.test;
  const notes = [
    "Quartiles by linear interpolation (R type 7, numpy's default); missing answers are counted, not used.",
  ];
  if (t.status === "shown")
    notes.push(
      `${t.reason}: ${t.method === "spearman" ? "rho" : t.method === "mann-whitney" ? "U" : "H"} = ${t.statistic!.toFixed(3)}, ${formatP(t.p!)}.`,
    );
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
