import type { Display } from "./display.js";
import { formatCount, formatPercent, formatPercentInterval } from "./format.js";
import type { FrequenciesResult } from "./frequencies.js";
import { MISSING_LABEL } from "./labels.js";
import { baseNote, hiddenText } from "./render-common.js";
import { suppressionNote } from "./suppress.js";

/** A one-way table as strings: n, %, 95% CI per level, the total and missing rows, and the footnotes. */
export function displayFrequencies(f: FrequenciesResult): Display {
  const s = f.suppression;
  const totalHidden = s.total !== "shown";
  const head = [f.variable, "n", "%", ...(f.intervals ? ["95% CI"] : [])];
  const body = f.rowLevels.map((label, i) => {
    const h = hiddenText(s.cells[i]![0]!, s.threshold);
    const p = h || totalHidden ? "" : formatPercent(f.percents[i]![0]!);
    const ci = f.intervals
      ? [h || totalHidden ? "" : formatPercentInterval(f.intervals.lower[i]![0]!, f.intervals.upper[i]![0]!)]
      : [];
    return [label, h ?? formatCount(f.counts[i]![0]!), p, ...ci];
  });
  const pad = f.intervals ? [""] : [];
  const foot = [
    [
      "Total",
      hiddenText(s.total, s.threshold) ?? formatCount(f.total),
      f.total > 0 && !totalHidden ? "100.0%" : "",
      ...pad,
    ],
  ];
  if (f.missingAs === "report") foot.push([MISSING_LABEL, formatCount(f.missing), "", ...pad]);
  const notes: string[] = [];
  const ci = f.intervals ? ` with 95% ${f.weight ? "intervals" : "Wilson intervals"}` : "";
  notes.push(
    f.missingAs === "report"
      ? `Percentages of respondents who answered${ci}; missing answers are counted separately.`
      : `Percentages of all respondents, missing answers included${ci}.`,
  );
  notes.push(baseNote(f.weight, f.base, !!f.intervals, f.suppression.total));
  const rule = suppressionNote(s.threshold, s.any, !!f.weight);
  if (rule) notes.push(rule);
  notes.push(...f.notes);
  return { caption: f.caption, head, body, foot, notes };
}
