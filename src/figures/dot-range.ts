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

/** A published figure and the value computed from the data, for one quoted number. */
export interface PublishedComparison {
  readonly label: string;
  /** The report's value and the range its wording allows (e.g. "just shy of 40%" -> 36-40). */
  readonly published: { readonly value: number; readonly lower?: number; readonly upper?: number };
  readonly computed: Datum;
}

/**
 * Dot-and-range chart of published vs computed values: the published value as a diamond on a band showing
 * its rounding range, the computed value as a dot with its interval. Sorted by published value unless `ordered`.
 * @example
 * const fig = publishedVsComputed([
 *   { label: "Referrals from GPs", published: { value: 89, lower: 88.5, upper: 89.5 }, computed: { label: "GPs", value: 89.3, lower: 84.4, upper: 92.8, n: 214 } },
 * ], { title: "Every computed figure falls within its published range", base: { n: 214, unit: "Link Workers" } });
 */
export function publishedVsComputed(rows: readonly PublishedComparison[], options: FigureOptions): Figure {
  checkLabels(
    "publishedVsComputed",
    rows.map((r) => r.label),
  );
  for (const r of rows) {
    if (!Number.isFinite(r.published.value)) {
      throw new Error(`publishedVsComputed: row "${r.label}" has published value ${r.published.value}`);
    }
  }
  return buildDotRange(rows, options);
}

/** Whether the computed value falls inside the published range (null when it cannot be judged). */
export function withinPublished(row: PublishedComparison): boolean | null {
  if (!hasValue(row.computed)) return null;
  const lo = row.published.lower ?? row.published.value;
  const hi = row.published.upper ?? row.published.value;
  return row.computed.value >= lo && row.computed.value <= hi;
}

/** The published range to one decimal: "88.5–89.5%" (whole-number rounding would misstate it). */
function publishedRange(r: PublishedComparison, unit: "%" | ""): string {
  const lo = round(r.published.lower ?? r.published.value, 1);
  const hi = round(r.published.upper ?? r.published.value, 1);
  return `${lo}–${hi}${unit}`;
}

function buildDotRange(rows: readonly PublishedComparison[], options: FigureOptions): Figure {
  const unit = options.unit ?? "%";
  const order = sortByValue(rows, (r) => r.published.value, options.ordered ?? false);
  const labels = wrapped(
    order.map((r) => r.label),
    34,
  );
  const width = options.width ?? DEFAULT_WIDTH;
  const height = Math.max(280, 190 + 40 * order.length);
  const published = {
    type: "scatter" as const,
    mode: "markers",
    name: "Published (range its wording allows)",
    x: order.map((r) => round(r.published.value)),
    y: labels,
    marker: { symbol: "diamond", size: 12, color: PALETTE[1], line: { color: "#7a5200", width: 1 } },
    error_x: {
      type: "data",
      symmetric: false,
      array: order.map((r) => round((r.published.upper ?? r.published.value) - r.published.value)),
      arrayminus: order.map((r) => round(r.published.value - (r.published.lower ?? r.published.value))),
      color: "rgba(230,159,0,0.45)",
      thickness: 10,
      width: 0,
    },
    customdata: order.map(
      (r) =>
        `${r.label}: published ${formatValue(r.published.value, unit)}` +
        (r.published.lower !== undefined || r.published.upper !== undefined
          ? ` (range ${publishedRange(r, unit)})`
          : ""),
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
    { data: [published, computed], layout, width, height },
    {
      columns: ["", "Published", "Published range", "Computed", "95% CI", "n", "Within range"],
      rows: order.map((r) => [
        r.label,
        formatValue(r.published.value, unit),
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
