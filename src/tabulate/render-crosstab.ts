import type { CrosstabComparisons } from "./crosstab-compare.js";
import type { CrosstabResult } from "./crosstab.js";
import type { Display } from "./display.js";
import { formatCount, formatPercent, formatPercentInterval, formatTest } from "./format.js";
import { baseNote, hiddenText } from "./render-common.js";
import { suppressionNote, type CellStatus } from "./suppress.js";

/** A cross-tab as strings: "count (percentage, interval)" cells, margins, and the footnotes. */
export function displayCrosstab(t: CrosstabResult): Display {
  const s = t.suppression;
  const hidden = (st: CellStatus) => hiddenText(st, s.threshold);
  const cell = (i: number, j: number) => {
    const h = hidden(s.cells[i]![j]!);
    if (h) return h;
    const n = formatCount(t.counts[i]![j]!);
    if (!t.percentShown(i, j)) return n;
    const p = t.percents[i]![j]!;
    if (p === null) return n;
    const ci = t.intervals
      ? `, ${formatPercentInterval(t.intervals.lower[i]![j]!, t.intervals.upper[i]![j]!)}`
      : "";
    const letters = t.comparisons?.marks[i]?.[j] ? ` ${t.comparisons.marks[i]![j]}` : "";
    return `${n} (${formatPercent(p)}${ci})${letters}`;
  };
  const total = (value: number, st: CellStatus) => hidden(st) ?? formatCount(value);
  // With column comparisons each column heading carries its letter, as SPSS Custom Tables prints it.
  const keyed = t.colLevels.map((l, j) => (t.comparisons ? `${l} (${t.comparisons.keys[j]})` : l));
  const head = [`${t.variable} \\ ${t.by}`, ...keyed, ...(t.margins ? ["Total"] : [])];
  const body = t.rowLevels.map((label, i) => [
    label,
    ...t.colLevels.map((_, j) => cell(i, j)),
    ...(t.margins ? [total(t.rowTotals[i]!, s.rowTotals[i]!)] : []),
  ]);
  const foot = t.margins
    ? [["Total", ...t.colTotals.map((v, j) => total(v, s.colTotals[j]!)), total(t.total, s.total)]]
    : [];
  return { caption: t.caption, head, body, foot, notes: crosstabNotes(t) };
}

function crosstabNotes(t: CrosstabResult): string[] {
  const notes: string[] = [];
  const ci = t.intervals ? ` with 95% ${t.weight ? "intervals" : "Wilson intervals"}` : "";
  const per = t.percent === "total" ? "of the grand total" : `of each ${t.percent}`;
  notes.push(`Cells: count (percentage ${per}${ci}).`);
  notes.push(baseNote(t.weight, t.base, !!t.intervals, t.suppression.total));
  if (t.missing.total > 0) {
    notes.push(
      `Missing (not tabulated): ${formatCount(t.missing.total)} respondents` +
        ` (${t.variable}: ${t.missing.row}, ${t.by}: ${t.missing.column}, both: ${t.missing.both}).`,
    );
  }
  const rule = suppressionNote(t.suppression.threshold, t.suppression.any, !!t.weight);
  if (t.test && t.suppression.any) notes.push("Test not shown: it could reveal suppressed cells.");
  else if (t.test) notes.push(formatTest(t.test, { weighted: !!t.weight }));
  if (t.comparisons) notes.push(comparisonNote(t.comparisons, t.suppression.any));
  if (rule) notes.push(rule);
  notes.push(...t.notes);
  return notes;
}

/** The footnote of column-proportion letters: the test, the adjustment and what was left out. */
function comparisonNote(c: CrosstabComparisons, anyHidden: boolean): string {
  const parts = [c.note];
  if (c.weighted)
    parts.push("Weighted shares are compared on Kish effective column bases (an approximation).");
  if (anyHidden) parts.push("Cells hidden by disclosure control are not compared and carry no letter.");
  return parts.join(" ");
}
