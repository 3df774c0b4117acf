import { recordsTable, type RecordsTable } from "../area/records-table.js";
import type { AdjustedFamily } from "../stats/adjust-p.js";
import { formatP } from "../tabulate/format.js";
import { hasTest } from "../tabulate/format.js";
import type { Tabulation } from "../tabulate/tabulation.js";

/** One test of a family as a table row: what was compared, the raw p, and whether it may be shown. */
export interface FamilyRow {
  /** What the test compares, e.g. "Consult: Participants". */
  readonly label: string;
  /** The raw (unadjusted) p-value, or null when no test was possible. */
  readonly p: number | null;
  /** True when the test's table has suppressed counts: it stays in the family, but its p is not shown. */
  readonly hidden: boolean;
  /** The test as a reader should see it named, e.g. "Chi-square test, Cramér's V = 0.36". */
  readonly detail: string;
}

/**
 * The family row of a tabulation's association test: its raw p (kept even when disclosure control hides the
 * test, so an adjustment counts it) and whether it may be shown.
 * @example
 * const t = crosstab(lw, "confident_discussing", { by: "meets_guideline" });
 * familyRow("Own activity, all Link Workers", t); // { label: "...", p: 1.9e-9, hidden: false, detail: "Chi-square test, Cramér's V = 0.36" }
 */
export function familyRow(label: string, result: Tabulation): FamilyRow {
  const test = result.test;
  if (!hasTest(test)) return { label, p: null, hidden: false, detail: test ? test.reason : "no test" };
  const hidden = result.suppression.any;
  // Cramér's V is the statistic in another form (X^2 = n V^2): with the margins shown it can give a hidden cell
  // back (in a 2x2, exactly), so a hidden test keeps only its name, like its p-value.
  const v = !hidden && Number.isFinite(test.cramersV) ? `, Cramér's V = ${test.cramersV.toFixed(2)}` : "";
  return { label, p: test.p, hidden, detail: `${test.label}${v}` };
}

/**
 * A family of tests adjusted together (from `adjustFamily`) as a table to show: each comparison with its
 * test, raw p and adjusted p; the footnote names the family, the method and its size. Tests whose tables
 * hide small counts count in the family but show "not shown".
 * @example
 * const f = adjustFamily("each factor within the other", [familyRow("Training", t1), familyRow("Activity", t2)]);
 * showTable(familyTable(f, "Which factor goes with confidence?"));
 */
export function familyTable<T extends FamilyRow>(
  family: AdjustedFamily<T>,
  caption: string,
  notes: readonly string[] = [],
): RecordsTable {
  // A table column of p-values: "0.012", "< 0.001" (formatP's wording without its leading "p").
  const p = (row: T, value: number | null) =>
    row.hidden ? "not shown" : value === null ? "–" : formatP(value).replace(/^p = /, "").replace(/^p /, "");
  const rows = family.tests.map((row) => [row.label, row.detail, p(row, row.p), p(row, row.adjustedP)]);
  const method = { holm: "Holm", BH: "Benjamini-Hochberg", bonferroni: "Bonferroni" }[family.method];
  const hidden = family.tests.some((t) => t.hidden)
    ? ["'not shown': the test's table hides a small count; the test still counts in the family."]
    : [];
  return recordsTable(caption, ["Comparison", "Test", "p (unadjusted)", `p (${method}-adjusted)`], rows, [
    family.note,
    ...hidden,
    ...notes,
  ]);
}
