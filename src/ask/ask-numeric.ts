import type { ColumnTable } from "arquero";
import { numericBox } from "../figures/numeric-box.js";
import { UsageError } from "../errors/usage-error.js";
import {
  compareGroups,
  compareGroupsDisplay,
  numericStatistic,
  type CompareGroupsResult,
  type NumericTest,
} from "../numeric/compare-groups.js";
import { numericSummary } from "../numeric/numeric-summary.js";
import { formatP } from "../tabulate/format.js";
import type { NumericAnswer } from "./answer.js";
import { weightedBy, type Parts } from "./parts.js";
import { ResultTable } from "./result-table.js";

/**
 * A rank test of a numeric question in one line: "Kruskal-Wallis test (tie-corrected, as scipy): H = 3.21,
 * df = 4, p = 0.523.", or why it is not shown.
 * @example
 * formatNumericTest(compareGroups(lw, "weekly_minutes", "ap_area").test);
 */
export function formatNumericTest(t: NumericTest | null): string {
  if (!t || t.method === null)
    return `No test: ${(t?.reason ?? "no breakdown was asked for").replace(/^no test: /, "")}.`;
  if (t.status === "hidden") return "Test not shown: a group is suppressed, and the test could reveal it.";
  const stat =
    t.method === "spearman"
      ? `rho = ${t.statistic!.toFixed(2)}`
      : t.method === "mann-whitney"
        ? `U = ${t.statistic!.toFixed(1)}`
        : t.method === "survey-rank"
          ? numericStatistic(t)
          : `H = ${t.statistic!.toFixed(2)}, df = ${t.df}`;
  return `${t.reason}: ${stat}, ${formatP(t.p!)}.`;
}

/** True when a column holds numbers (the first non-missing value decides). */
export function isNumericColumn(t: ColumnTable, column: string): boolean {
  const first = (t.array(column) as unknown as unknown[]).find((v) => v !== null && v !== undefined);
  return typeof first === "number";
}

/** A numeric question, alone or by a group: summaries (small groups suppressed), a box chart, a rank test. */
export function askNumeric(
  p: Parts,
  options: { ordinal: boolean; ordinalAsked?: boolean; unit: string | null },
): Omit<NumericAnswer, "question" | "by" | "area" | "synthetic" | "data" | "weight"> {
  if (p.weight && options.ordinal && options.ordinalAsked)
    throw new UsageError(
      "ask",
      `"${p.question}" by "${p.by}" weighted: a weighted Spearman is not implemented; drop ordinal (design-based Kruskal-Wallis across the groups) or weight "${p.weight}"`,
    );
  const w = p.weight ? { weight: p.weight } : {};
  // Weighted: the groups are compared as categories (design-based Kruskal-Wallis), even on a Likert breakdown.
  const ordinal = options.ordinal && !p.weight;
  const r: CompareGroupsResult = p.by
    ? compareGroups(p.t, p.question, p.by, { ...w, suppress: p.suppress, ordinal })
    : {
        summary: numericSummary(p.t, p.question, { ...w, suppress: p.suppress }),
        test: {
          method: null,
          statistic: null,
          df: null,
          p: null,
          status: "none",
          reason: "no breakdown was asked for",
        },
      };
  const s = r.summary;
  const caption = `${p.text}${p.by ? `, by ${p.by}` : ""} (${p.where}${weightedBy(p)})`;
  const d = compareGroupsDisplay(r, caption);
  const table = new ResultTable("numericSummary", r, { ...d, notes: [...d.notes, p.note] });
  const groups = (p.by ? s.groups : [s.all]).map((g) => ({
    label: g.group,
    n: g.status === "shown" ? g.n : null,
    q1: g.q1,
    median: g.median,
    q3: g.q3,
    mean: g.mean,
    suppressed: g.status !== "shown",
  }));
  const t = r.test;
  const name =
    t.method === "spearman"
      ? "Spearman"
      : t.method === "mann-whitney"
        ? "Mann-Whitney"
        : t.method === "survey-rank"
          ? "design-based Kruskal-Wallis"
          : "Kruskal-Wallis";
  const title = !p.by
    ? `${p.question}: median ${s.all.median === null ? "not shown" : s.all.median.toFixed(0)}`
    : t.status !== "shown"
      ? `${p.question} by ${p.by}${t.status === "hidden" ? " (test not shown: a group is suppressed)" : ": no test"}`
      : t.p! < 0.05
        ? `${p.question} differs by ${p.by} (${name} ${formatP(t.p!)})`
        : `${p.question} shows no detectable difference by ${p.by} (${name} ${formatP(t.p!)})`;
  const figure = numericBox(groups, {
    title,
    base:
      s.all.status === "shown"
        ? { n: s.all.n, unit: `answering${weightedBy(p)}` }
        : `n < ${s.threshold} answering`,
    axisTitle: options.unit ?? p.question,
    note: p.note,
  });
  return {
    kind: "numeric",
    table,
    figure,
    test: p.by ? t : null,
    testLine: formatNumericTest(p.by ? t : null),
  };
}
