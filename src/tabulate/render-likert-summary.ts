import type { Display } from "./display.js";
import { formatCount, formatPercent, formatPercentInterval } from "./format.js";
import type { LikertSummaryResult } from "./likert-summary.js";
import { hiddenText, surveyIntervalNote } from "./render-common.js";
import { suppressionNote, type CellStatus } from "./suppress.js";

/** A Likert grid as strings: "count (percentage)" cells, each item's n and top box, and the footnotes. */
export function displayLikert(l: LikertSummaryResult): Display {
  const s = l.suppression;
  const hidden = (st: CellStatus) => hiddenText(st, s.threshold);
  const cell = (i: number, j: number) => {
    const h = hidden(s.cells[i]![j]!);
    if (h) return h;
    const p = l.percents[i]![j]!;
    const n = formatCount(l.counts[i]![j]!);
    return p === null || !l.percentShown(i, j) ? n : `${n} (${formatPercent(p)})`;
  };
  const withCi = l.topBox.some((t) => t.lower !== null);
  const first = l.by && l.items.length === 1 ? l.by : l.by ? `Item: ${l.by}` : "Item";
  const head = [first, ...l.colLevels, "n", "Top box", ...(withCi ? ["95% CI"] : [])];
  const body = l.rowLevels.map((label, i) => {
    const t = l.topBox[i]!;
    const hideTop = s.topBox[i]!;
    return [
      label,
      ...l.colLevels.map((_, j) => cell(i, j)),
      hidden(s.rowBases[i]!) ?? formatCount(l.rowTotals[i]!),
      hideTop ? "" : formatPercent(t.percent),
      ...(withCi ? [hideTop ? "" : formatPercentInterval(t.lower, t.upper)] : []),
    ];
  });
  const notes = [
    `Cells: count (percentage of valid answers to the item). Top box: ${l.topBoxLevels.join(" or ")}` +
      (withCi ? `, with a 95% ${l.weight ? "interval" : "Wilson interval"}.` : "."),
  ];
  if (l.by)
    notes.push(
      `Rows: each group of ${l.by}${l.items.length > 1 ? " for each item" : ""} (respondents without an answer for ${l.by} left out); each item is suppressed as its cross-tab by ${l.by}, so a hidden cell hides only the cells that protect it.`,
    );
  if (l.weight)
    notes.push(
      `Weighted by "${l.weight}"; n is weighted.${withCi ? ` ${surveyIntervalNote(l.weight)}` : ""}`,
    );
  const missing = l.missing.map((m, i) => `${l.rowLevels[i]}: ${m}`).filter((_, i) => l.missing[i]! > 0);
  notes.push(
    missing.length ? `Missing answers (not tabulated): ${missing.join("; ")}.` : "No missing answers.",
  );
  const rule = suppressionNote(s.threshold, s.any, !!l.weight);
  if (rule) notes.push(rule);
  if (s.any) notes.push(`Top-box shares are hidden for ${l.by ? "rows" : "items"} with a hidden cell.`);
  notes.push(...l.notes);
  return { caption: l.caption, head, body, foot: [], notes };
}
