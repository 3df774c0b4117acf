import type { Display } from "./display.js";
import { formatCount, formatPercent, formatPercentInterval } from "./format.js";
import type { MultiResponseResult } from "./multi-response.js";
import { hiddenText, surveyIntervalNote } from "./render-common.js";
import { suppressionNote, type CellStatus } from "./suppress.js";

/** A multiple-response table as strings: "count (percentage, interval)" cells, the base row, the footnotes. */
export function displayMulti(m: MultiResponseResult): Display {
  const s = m.suppression;
  const hidden = (st: CellStatus) => hiddenText(st, s.threshold);
  const cell = (i: number, j: number) => {
    const h = hidden(s.cells[i]![j]!);
    if (h) return h;
    const n = formatCount(m.counts[i]![j]!);
    const p = m.percents[i]![j]!;
    if (p === null || !m.percentShown(i, j)) return n;
    const ci = m.intervals
      ? `, ${formatPercentInterval(m.intervals.lower[i]![j]!, m.intervals.upper[i]![j]!)}`
      : "";
    return `${n} (${formatPercent(p)}${ci})`;
  };
  const head = [m.by ? `${m.variable} \\ ${m.by}` : m.variable, ...m.colLevels];
  const body = m.rowLevels.map((label, i) => [label, ...m.colLevels.map((_, j) => cell(i, j))]);
  const baseLabel = m.basis === "respondents" ? "Respondents (base)" : "Responses (base)";
  const baseValues = m.basis === "respondents" ? m.respondents : m.responses;
  const foot = [[baseLabel, ...baseValues.map((v, j) => hidden(s.colBases[j]!) ?? formatCount(v))]];
  const notes: string[] = [];
  const ci = m.intervals ? ` with 95% ${m.weight ? "intervals" : "Wilson intervals"}` : "";
  notes.push(
    m.basis === "respondents"
      ? `Cells: count (percentage of respondents who answered${ci}); respondents could choose several options, so percentages can sum past 100%.`
      : "Cells: count (percentage of all options chosen); percentages sum to 100%.",
  );
  if (m.weight) {
    notes.push(
      `Weighted by "${m.weight}"; unweighted respondents n = ${formatCount(m.base)}.` +
        (m.intervals ? ` ${surveyIntervalNote(m.weight)}` : ""),
    );
  }
  const miss = [`${formatCount(m.missing.question)} did not answer the question`];
  if (m.by) miss.push(`${formatCount(m.missing.by)} had no answer for ${m.by}`);
  notes.push(`Not tabulated: ${miss.join("; ")}.`);
  const rule = suppressionNote(s.threshold, s.any, !!m.weight);
  if (rule) notes.push(rule);
  notes.push(...m.notes);
  return { caption: m.caption, head, body, foot, notes };
}
