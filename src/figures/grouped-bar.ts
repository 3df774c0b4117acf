import { assembleFigure } from "./common.js";
import { footnotes } from "./bar.js";
import {
  checkLabels,
  describeDatum,
  disclosedData,
  emptyAnnotation,
  hasValue,
  intervalBars,
  sortByValue,
  wrapped,
} from "./common.js";
import {
  DEFAULT_WIDTH,
  PALETTE,
  formatValueInterval,
  formatValue,
  percentAxis,
  round,
  themeLayout,
  categoryAxis,
  seriesLegend,
  suppressedMark,
} from "./theme.js";
import type { Datum, Figure, FigureOptions, Trace } from "./types.js";

/** One series of a grouped bar chart: a group (e.g. "Received training") and its value per category. */
export interface BarGroup {
  readonly name: string;
  readonly data: readonly Datum[];
}

/**
 * Grouped horizontal bars for a cross-tab: one colour per group, categories sorted by their mean value across
 * groups unless `ordered`. Whiskers show each estimate's interval.
 * @example
 * const fig = groupedBar(
 *   [
 *     { name: "Trained", data: [{ label: "Knew the guideline", value: 62, lower: 45, upper: 76, n: 40 }] },
 *     { name: "Not trained", data: [{ label: "Knew the guideline", value: 35, lower: 28, upper: 42, n: 174 }] },
 *   ],
 *   { title: "Trained Link Workers more often knew the activity guideline", base: "n = 214 Link Workers" },
 * );
 */
export function groupedBar(groups: readonly BarGroup[], options: FigureOptions): Figure {
  checkLabels(
    "groupedBar",
    groups.map((g) => g.name),
  );
  const checked = groups.map((g) => ({
    ...g,
    data: disclosedData(`groupedBar (group "${g.name}")`, g.data, options.unit ?? "%"),
  }));
  const categories = [...new Set(checked.flatMap((g) => g.data.map((d) => d.label)))];
  return buildGrouped(checked, categories, options);
}

function buildGrouped(
  groups: readonly BarGroup[],
  categories: readonly string[],
  options: FigureOptions,
): Figure {
  const unit = options.unit ?? "%";
  const cell = (g: BarGroup, label: string): Datum =>
    g.data.find((d) => d.label === label) ?? { label, value: null };
  const mean = (label: string): number | null => {
    const values = groups
      .map((g) => cell(g, label))
      .filter(hasValue)
      .map((d) => d.value);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  const order = sortByValue(categories, mean, options.ordered ?? false);
  const labels = wrapped(order);
  const width = options.width ?? DEFAULT_WIDTH;
  const height = Math.max(300, 190 + order.length * (14 + 18 * groups.length));
  const traces: Trace[] = groups.map((g, i) => {
    const cells = order.map((label) => cell(g, label));
    return {
      type: "bar" as const,
      orientation: "h",
      name: g.name,
      x: cells.map((d) => (hasValue(d) ? round(d.value) : null)),
      y: labels,
      marker: { color: PALETTE[i % PALETTE.length] },
      error_x: intervalBars(cells, { thickness: 1.2, width: 3 }),
      customdata: cells.map((d) => `${g.name} · ${d.label}: ${describeDatum(d, unit)}`),
      hovertemplate: "%{customdata}<extra></extra>",
    };
  });
  // A hidden value must not look like a zero: each suppressed cell gets a grey cross at the axis with the word
  // "suppressed", placed in its group's slot (scattermode "group" offsets points like the bars of the same
  // offsetgroup). Only figures with a suppressed cell carry the extra traces, so other specs are unchanged.
  const anySuppressed = groups.some((g) => order.some((label) => cell(g, label).suppressed));
  if (anySuppressed) {
    traces.forEach((t, i) => Object.assign(t as Record<string, unknown>, { offsetgroup: String(i) }));
    groups.forEach((g, i) => {
      const hidden = order.filter((label) => cell(g, label).suppressed);
      if (!hidden.length) return;
      traces.push(suppressedMarkers(g.name, i, hidden, labels, order));
    });
  }
  const layout = themeLayout(options, { width, height, marginBottom: 80 });
  Object.assign(layout, {
    ...(anySuppressed ? { scattermode: "group", scattergap: 0.25 } : {}),
    barmode: "group",
    bargap: 0.25,
    bargroupgap: 0.05,
    ...seriesLegend(),
    xaxis: percentAxis(options.axisTitle, unit),
    yaxis: categoryAxis(labels),
  });
  const all = groups.flatMap((g) => g.data);
  if (!all.some(hasValue))
    (layout.annotations as unknown[]).push(emptyAnnotation(all.length > 0 && all.every((d) => d.suppressed)));
  const short = (d: Datum) =>
    d.suppressed
      ? "suppressed"
      : `${formatValue(hasValue(d) ? d.value : null, unit)}${d.lower != null && d.upper != null ? ` (${formatValueInterval(d.lower, d.upper, unit)})` : ""}${d.n != null ? ` n=${d.n}` : ""}`;
  return assembleFigure(
    options,
    { data: traces, layout, width, height },
    {
      columns: ["", ...groups.map((g) => g.name)],
      rows: order.map((label) => [label, ...groups.map((g) => short(cell(g, label)))]),
      footnotes: footnotes(all),
    },
  );
}

/** A marker trace for the suppressed cells of one group: a grey cross at zero and the word "suppressed". */
function suppressedMarkers(
  name: string,
  index: number,
  hidden: readonly string[],
  labels: readonly string[],
  order: readonly string[],
): Trace {
  return {
    type: "scatter",
    mode: "markers+text",
    orientation: "h",
    offsetgroup: String(index),
    name: `${name} (suppressed)`,
    showlegend: false,
    x: hidden.map(() => 0),
    y: hidden.map((label) => labels[order.indexOf(label)]!),
    ...suppressedMark(hidden.length),
    cliponaxis: false,
    customdata: hidden.map((label) => `${name} · ${label}: suppressed (small count)`),
    hovertemplate: "%{customdata}<extra></extra>",
  };
}
