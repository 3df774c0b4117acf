import { assembleFigure } from "./common.js";
import { checkLabels, describeDatum, emptyAnnotation, hasValue, sortByValue, wrapped } from "./common.js";
import {
  DEFAULT_WIDTH,
  PALETTE,
  formatValueInterval,
  formatValue,
  percentAxis,
  round,
  themeLayout,
  categoryAxis,
} from "./theme.js";
import type { Datum, Figure, FigureOptions } from "./types.js";

/** A published figure and the value computed from the data, for one quoted number or verbal claim. */
export interface PublishedComparison {
  /** A human-readable row name ("Link Workers receiving referrals from GPs"), not an internal id. */
  readonly label: string;
  /**
   * What the report publishes. A number ("89%"): `value` with the band its rounding allows (88.5-89.5), drawn
   * as a diamond on the band. A verbal claim ("almost half"): `words` with the band our reading gives it
   * (`lower`-`upper`), drawn as the band alone with the words on it: the report gives no point value.
   * `interval` says which ends the band includes ("[)": lower <= x < upper); default both.
   */
  readonly published: {
    readonly value?: number | null;
    readonly lower?: number;
    readonly upper?: number;
    readonly interval?: "[]" | "[)" | "(]" | "()";
    readonly words?: string;
  };
  readonly computed: Datum;
}

const isVerbal = (r: PublishedComparison): boolean =>
  typeof r.published.words === "string" && r.published.words !== "";

/** The point a row sorts by: the published value, or the middle of a verbal claim's band. */
function anchor(r: PublishedComparison): number {
  if (!isVerbal(r) && typeof r.published.value === "number") return r.published.value;
  return ((r.published.lower as number) + (r.published.upper as number)) / 2;
}

/**
 * Dot-and-range chart of published vs computed values: a published number as a diamond on the band its
 * rounding allows, a verbal claim ("almost half") as its band labelled with the words, and the computed value
 * as a dot with its interval. Sorted by published value (verbal claims by the middle of their band) unless
 * `ordered`.
 * @example
 * const fig = publishedVsComputed([
 *   { label: "Referrals from GPs", published: { value: 89, lower: 88.5, upper: 89.5 }, computed: { label: "GPs", value: 89.3, lower: 84.4, upper: 92.8, n: 214 } },
 *   { label: "Want more physical activity provision", published: { words: "almost half", lower: 47, upper: 50, interval: "[)" }, computed: { label: "PA", value: 48.6, lower: 43, upper: 54, n: 294 } },
 * ], { title: "Every computed figure falls within its published range", base: { n: 214, unit: "Link Workers" } });
 */
export function publishedVsComputed(rows: readonly PublishedComparison[], options: FigureOptions): Figure {
  checkLabels(
    "publishedVsComputed",
    rows.map((r) => r.label),
  );
  for (const r of rows) {
    const { value, lower, upper } = r.published;
    if (isVerbal(r)) {
      if (!Number.isFinite(lower) || !Number.isFinite(upper))
        throw new Error(
          `publishedVsComputed: row "${r.label}" is a verbal claim ("${r.published.words}") and needs a lower and upper bound`,
        );
    } else if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new Error(
        `publishedVsComputed: row "${r.label}" has published value ${String(value)} (give a number, or words with a range)`,
      );
    }
  }
  return buildDotRange(rows, options);
}

/** Whether the computed value falls inside the published range, its open ends honoured (null when it cannot be judged). */
export function withinPublished(row: PublishedComparison): boolean | null {
  if (!hasValue(row.computed)) return null;
  const lo = row.published.lower ?? row.published.value;
  const hi = row.published.upper ?? row.published.value;
  if (typeof lo !== "number" || typeof hi !== "number") return null;
  const ends = row.published.interval ?? "[]";
  const x = row.computed.value;
  return (ends[0] === "[" ? x >= lo : x > lo) && (ends[1] === "]" ? x <= hi : x < hi);
}

/** The published range to one decimal: "88.5–89.5%" (whole-number rounding would misstate it). */
function publishedRange(r: PublishedComparison, unit: "%" | ""): string {
  const lo = round((r.published.lower ?? r.published.value) as number, 1);
  const hi = round((r.published.upper ?? r.published.value) as number, 1);
  return `${lo}–${hi}${unit}`;
}

function publishedText(r: PublishedComparison, unit: "%" | ""): string {
  return isVerbal(r) ? `"${r.published.words}"` : formatValue(r.published.value, unit);
}

function buildDotRange(rows: readonly PublishedComparison[], options: FigureOptions): Figure {
  const unit = options.unit ?? "%";
  const order = sortByValue(rows, anchor, options.ordered ?? false);
  const labels = wrapped(
    order.map((r) => r.label),
    34,
  );
  const width = options.width ?? DEFAULT_WIDTH;
  const height = Math.max(280, 190 + 40 * order.length);
  const exact = (r: PublishedComparison) => !isVerbal(r);
  const published = {
    type: "scatter" as const,
    mode: "markers",
    name: "Published number (range its rounding allows)",
    x: order.map((r) => (exact(r) ? round(r.published.value as number) : null)),
    y: labels,
    marker: { symbol: "diamond", size: 12, color: PALETTE[1], line: { color: "#7a5200", width: 1 } },
    error_x: {
      type: "data",
      symmetric: false,
      array: order.map((r) =>
        exact(r)
          ? round((r.published.upper ?? (r.published.value as number)) - (r.published.value as number))
          : 0,
      ),
      arrayminus: order.map((r) =>
        exact(r)
          ? round((r.published.value as number) - (r.published.lower ?? (r.published.value as number)))
          : 0,
      ),
      color: "rgba(230,159,0,0.45)",
      thickness: 10,
      width: 0,
    },
    customdata: order.map(
      (r) =>
        `${r.label}: published ${publishedText(r, unit)}` +
        (r.published.lower !== undefined || r.published.upper !== undefined
          ? ` (range ${publishedRange(r, unit)})`
          : ""),
    ),
    hovertemplate: "%{customdata}<extra></extra>",
  };
  // Verbal claims: one band per row (segments separated by nulls), no point: the report gives none.
  const verbalRows = order.map((r, i) => ({ r, y: labels[i]! })).filter(({ r }) => isVerbal(r));
  const bands = {
    type: "scatter" as const,
    mode: "lines",
    name: "Published in words (range our reading gives)",
    x: verbalRows.flatMap(({ r }) => [
      round(r.published.lower as number),
      round(r.published.upper as number),
      null,
    ]),
    y: verbalRows.flatMap(({ y }) => [y, y, null]),
    line: { color: "rgba(230,159,0,0.45)", width: 10 },
    hoverinfo: "skip",
  };
  const words = {
    type: "scatter" as const,
    mode: "text",
    showlegend: false,
    x: verbalRows.map(({ r }) => round(anchor(r))),
    y: verbalRows.map(({ y }) => y),
    text: verbalRows.map(({ r }) => r.published.words as string),
    textposition: "top center",
    textfont: { size: 11, color: "#7a5200" },
    customdata: verbalRows.map(
      ({ r }) => `${r.label}: published "${r.published.words}" (read as ${publishedRange(r, unit)})`,
    ),
    hovertemplate: "%{customdata}<extra></extra>",
  };
  const computed = {
    type: "scatter" as const,
    mode: "markers",
    name: "Computed (95% CI)",
    x: order.map((r) => (hasValue(r.computed) ? round(r.computed.value) : null)),
    y: labels,
    marker: { symbol: "circle", size: 10, color: PALETTE[0] },
    error_x: {
      type: "data",
      symmetric: false,
      array: order.map((r) =>
        hasValue(r.computed) && r.computed.upper != null ? round(r.computed.upper - r.computed.value) : 0,
      ),
      arrayminus: order.map((r) =>
        hasValue(r.computed) && r.computed.lower != null ? round(r.computed.value - r.computed.lower) : 0,
      ),
      color: "#0b3c5d",
      thickness: 1.5,
      width: 5,
    },
    customdata: order.map((r) => `${r.label}: computed ${describeDatum(r.computed, unit)}`),
    hovertemplate: "%{customdata}<extra></extra>",
  };
  const layout = themeLayout(options, { width, height, marginBottom: 80 });
  Object.assign(layout, {
    showlegend: true,
    legend: { orientation: "h", x: 0, y: 1.0, yanchor: "bottom" },
    xaxis: percentAxis(options.axisTitle, unit),
    yaxis: {
      ...categoryAxis(labels),
      showgrid: true,
      gridcolor: "#f0f0f0",
    },
  });
  if (order.length === 0) (layout.annotations as unknown[]).push(emptyAnnotation());
  const verdict = (r: PublishedComparison) => {
    const w = withinPublished(r);
    return w === null ? "–" : w ? "yes" : "no";
  };
  return assembleFigure(
    options,
    { data: [published, bands, words, computed], layout, width, height },
    {
      columns: ["", "Published", "Published range", "Computed", "95% CI", "n", "Within range"],
      rows: order.map((r) => [
        r.label,
        publishedText(r, unit),
        publishedRange(r, unit),
        r.computed.suppressed
          ? "suppressed"
          : formatValue(hasValue(r.computed) ? r.computed.value : null, unit),
        formatValueInterval(r.computed.lower, r.computed.upper, unit),
        r.computed.n != null ? String(r.computed.n) : "",
        verdict(r),
      ]),
      footnotes: order.some((r) => !hasValue(r.computed))
        ? ["–: no computed value (missing or suppressed)."]
        : [],
    },
  );
}
