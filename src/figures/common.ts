import {
  CONFIG,
  MUTED,
  SYNTHETIC_NOTE,
  baseText,
  formatValueInterval,
  formatValue,
  round,
  wrapLabel,
} from "./theme.js";
import { plainTextDeep } from "../output/plain-text.js";
import type { Datum, Figure, FigureOptions } from "./types.js";
import { withDisclosure } from "../disclosure/rules.js";

/** True when a datum has a value to draw. */
export function hasValue(d: Datum): d is Datum & { value: number } {
  return !d.suppressed && d.value !== null && d.value !== undefined && Number.isFinite(d.value);
}

/** Rejects duplicate labels, which plotly would silently merge into one bar. */
export function checkLabels(fn: string, labels: readonly string[]): void {
  const seen = new Set<string>();
  for (const label of labels) {
    if (typeof label !== "string" || label === "") throw new Error(`${fn}: a label is empty or not a string`);
    if (seen.has(label)) throw new Error(`${fn}: label "${label}" appears twice; labels must be unique`);
    seen.add(label);
  }
}

/**
 * A builder's raw numbers, checked: labels unique, and the disclosure rule applied to each datum (raw numbers
 * carry no status of their own; the rule is in src/disclosure/rules.ts).
 */
export function disclosedData(fn: string, data: readonly Datum[], unit: "%" | ""): Datum[] {
  checkLabels(
    fn,
    data.map((d) => d.label),
  );
  return data.map((d) => withDisclosure(d, unit));
}

/** Largest first (ties keep input order), missing and suppressed last; input order when `ordered`. */
export function sortByValue<T>(
  items: readonly T[],
  value: (item: T) => number | null,
  ordered: boolean,
): T[] {
  const indexed = items.map((item, i) => ({ item, i, v: value(item) }));
  if (!ordered) {
    indexed.sort((a, b) => {
      if (a.v === null && b.v === null) return a.i - b.i;
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      return b.v - a.v || a.i - b.i;
    });
  }
  return indexed.map((x) => x.item);
}

/** The sort key of a datum: its value, or null when missing or suppressed. */
export function valueOf(d: Datum): number | null {
  return hasValue(d) ? d.value : null;
}

/** "74% (95% CI 68–80%), n = 214", "suppressed" or "no valid responses". */
export function describeDatum(d: Datum, unit: "%" | "" = "%"): string {
  if (d.suppressed) return "suppressed";
  if (!hasValue(d)) return "no valid responses";
  const ci = formatValueInterval(d.lower, d.upper, unit);
  const n = d.n !== null && d.n !== undefined ? `, n = ${d.n}` : "";
  return `${formatValue(d.value, unit)}${ci ? ` (95% CI ${ci})` : ""}${n}`;
}

/** Table cells for a datum: value, interval, base. */
export function datumCells(d: Datum, unit: "%" | "" = "%"): string[] {
  // "suppressed" and nothing more: an n beside it says which side of the share is small.
  if (d.suppressed) return ["suppressed", "", ""];
  return [
    formatValue(hasValue(d) ? d.value : null, unit),
    formatValueInterval(d.lower, d.upper, unit),
    d.n !== null && d.n !== undefined ? String(d.n) : "",
  ];
}

/** Plotly error-bar arrays from intervals (zero length where an interval is missing). */
export function whiskers(data: readonly Datum[]): { plus: number[]; minus: number[]; any: boolean } {
  const plus: number[] = [];
  const minus: number[] = [];
  let any = false;
  for (const d of data) {
    const ok = hasValue(d) && typeof d.lower === "number" && typeof d.upper === "number";
    if (ok) any = true;
    plus.push(ok ? round(Math.max(0, (d.upper as number) - d.value)) : 0);
    minus.push(ok ? round(Math.max(0, d.value - (d.lower as number))) : 0);
  }
  return { plus, minus, any };
}

/** Plotly's horizontal error bars (`error_x`) for the intervals of `data`, or undefined when none has one. */
export function intervalBars(data: readonly Datum[], style: { thickness: number; width: number }) {
  const err = whiskers(data);
  if (!err.any) return undefined;
  return {
    type: "data",
    symmetric: false,
    array: err.plus,
    arrayminus: err.minus,
    color: "#333333",
    ...style,
  };
}

/** The centred message an empty figure shows instead of axes. */
export function emptyAnnotation(allSuppressed = false): Record<string, unknown> {
  return {
    // A chart whose every value is hidden (a small area) must say why it is empty, not "no responses".
    text: allSuppressed
      ? "Every value is suppressed (small counts): nothing to show for these respondents"
      : "No valid responses to show",
    showarrow: false,
    xref: "paper",
    yref: "paper",
    x: 0.5,
    y: 0.5,
    font: { size: 16, color: MUTED },
  };
}

/** Wrapped category labels for a y axis. */
export function wrapped(labels: readonly string[], width = 30): string[] {
  return labels.map((l) => wrapLabel(l, width));
}

/** The parts of a figure's summary a builder supplies; title, base and note come from its options. */
export interface SummaryTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly footnotes: readonly string[];
}

/** Puts a builder's traces, layout and value table together with the shared config and option-derived text. */
export function assembleFigure(
  options: FigureOptions,
  plot: { data: Figure["data"]; layout: Figure["layout"]; width: number; height: number },
  table: SummaryTable,
): Figure {
  // Labels and hover text may carry respondents' words: plain text only, no live links or styling.
  return {
    data: plainTextDeep(plot.data),
    // The chart title is composed by the builder from the caller's title (with its own styled subtitle).
    layout: { ...plainTextDeep(plot.layout), title: plot.layout.title },
    config: CONFIG,
    width: plot.width,
    height: plot.height,
    summary: {
      title: options.title,
      base: baseText(options.base),
      note: options.note ?? SYNTHETIC_NOTE,
      ...table,
    },
  };
}
