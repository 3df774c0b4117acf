import { assembleFigure } from "./common.js";
import {
  datumCells,
  disclosedData,
  describeDatum,
  emptyAnnotation,
  hasValue,
  intervalBars,
  sortByValue,
  valueOf,
  wrapped,
} from "./common.js";
import {
  DEFAULT_WIDTH,
  MUTED,
  PALETTE,
  formatValue,
  percentAxis,
  round,
  themeLayout,
  categoryAxis,
} from "./theme.js";
import type { Datum, Figure, FigureOptions } from "./types.js";

/** Options of {@link barChart}. */
export interface BarChartOptions extends FigureOptions {
  /** Bar colour (default the palette's first colour). */
  readonly color?: string;
}

/**
 * Horizontal bars with interval whiskers, sorted largest first unless `ordered`; missing and suppressed
 * categories stay on the axis, labelled as such.
 * @example
 * const fig = barChart(
 *   [{ label: "GP practice", value: 89, lower: 84, upper: 92, n: 214 }, { label: "Social landlord", value: 29, lower: 23, upper: 35, n: 214 }],
 *   { title: "Most Link Workers receive referrals from GPs", base: { n: 214, unit: "Link Workers" } },
 * );
 * await show(fig);
 */
export function barChart(data: readonly Datum[], options: BarChartOptions): Figure {
  return buildBar(disclosedData("barChart", data, options.unit ?? "%"), options);
}

function buildBar(data: readonly Datum[], options: BarChartOptions): Figure {
  const unit = options.unit ?? "%";
  const rows = sortByValue(data, valueOf, options.ordered ?? false);
  const labels = wrapped(rows.map((d) => d.label));
  const width = options.width ?? DEFAULT_WIDTH;
  const height = Math.max(260, 170 + 38 * rows.length);
  const drawn = rows.some(hasValue);
  const maxEnd = Math.max(0, ...rows.map((d) => (hasValue(d) ? Math.max(d.value, d.upper ?? d.value) : 0)));
  const range: [number, number] | undefined =
    unit === "%" ? [0, Math.min(100, Math.max(10, maxEnd + 12))] : undefined;
  const bars = {
    type: "bar" as const,
    orientation: "h",
    x: rows.map((d) => (hasValue(d) ? round(d.value) : null)),
    y: labels,
    marker: { color: options.color ?? PALETTE[0] },
    error_x: intervalBars(rows, { thickness: 1.5, width: 5 }),
    customdata: rows.map((d) => `${d.label}: ${describeDatum(d, unit)}`),
    hovertemplate: "%{customdata}<extra></extra>",
  };
  // Value labels sit past the whisker so they never overlap it; missing rows get their reason instead.
  const text = {
    type: "scatter" as const,
    mode: "text",
    x: rows.map((d) => (hasValue(d) ? round(d.upper ?? d.value) : 0)),
    y: labels,
    // Two en spaces keep the label clear of the whisker's cap.
    text: rows.map(
      (d) =>
        "\u2002\u2002" + (d.suppressed ? "suppressed" : hasValue(d) ? formatValue(d.value, unit) : "no data"),
    ),
    textposition: "middle right",
    textfont: { color: rows.map((d) => (hasValue(d) ? "#222222" : MUTED)), size: 13 },
    hoverinfo: "skip",
    cliponaxis: false,
  };
  const layout = themeLayout(options, { width, height });
  Object.assign(layout, {
    xaxis: percentAxis(options.axisTitle, unit, range),
    yaxis: categoryAxis(labels),
    bargap: 0.35,
  });
  if (!drawn)
    (layout.annotations as unknown[]).push(
      emptyAnnotation(rows.length > 0 && rows.every((d) => d.suppressed)),
    );
  return assembleFigure(
    options,
    { data: [bars, text], layout, width, height },
    {
      columns: ["", unit === "%" ? "Percent" : "Value", "95% CI", "n"],
      rows: rows.map((d) => [d.label, ...datumCells(d, unit)]),
      footnotes: footnotes(rows),
    },
  );
}

/** Footnotes for suppressed and missing rows, shared by the builders. */
export function footnotes(rows: readonly Datum[]): string[] {
  const notes: string[] = [];
  if (rows.length > 0 && rows.every((d) => d.suppressed))
    notes.push(
      "Every value is suppressed (counts below the disclosure threshold): the title states what the chart asks, not a finding for these respondents.",
    );
  else if (rows.some((d) => d.suppressed))
    notes.push("Suppressed: counts below the disclosure threshold are not shown.");
  if (rows.some((d) => !d.suppressed && !hasValue(d))) notes.push("–: no valid responses.");
  return notes;
}
