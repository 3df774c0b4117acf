import { assembleFigure, checkLabels, emptyAnnotation, wrapped } from "./common.js";
import {
  DEFAULT_WIDTH,
  GRID,
  MUTED,
  PALETTE,
  round,
  themeLayout,
  categoryAxis,
  suppressedMark,
} from "./theme.js";
import type { Figure, FigureOptions, Trace } from "./types.js";

/** One group's summary of a numeric question; null statistics (with `suppressed`) mark a hidden group. */
export interface BoxGroup {
  readonly label: string;
  readonly n: number | null;
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
  readonly mean?: number | null;
  readonly suppressed?: boolean;
}

/**
 * Horizontal box plots of a numeric question by group, drawn from summaries (never from respondents' values):
 * the box spans the quartiles with the median inside, a dashed line marks the mean, and each group's label
 * carries its n. No whiskers or outlying points: a minimum, maximum or outlier is one respondent's answer.
 * A suppressed group keeps its row with a "suppressed" marker. Values are in the question's unit (set
 * `axisTitle`, e.g. "Minutes a week").
 * @example
 * const s = numericSummary(lw, "weekly_minutes", { by: "ap_area" });
 * numericBox(s.groups.map((g) => ({ label: g.group, n: g.n, q1: g.q1, median: g.median, q3: g.q3, mean: g.mean,
 *   suppressed: g.status !== "shown" })), { title: "...", base: { n: s.all.n, unit: "Link Workers" }, axisTitle: "Minutes a week" });
 */
export function numericBox(groups: readonly BoxGroup[], options: FigureOptions): Figure {
  checkLabels(
    "numericBox",
    groups.map((g) => g.label),
  );
  const shown = (g: BoxGroup) => !g.suppressed && g.q1 !== null && g.median !== null && g.q3 !== null;
  const labels = wrapped(
    groups.map((g) => (g.n === null || g.suppressed ? g.label : `${g.label} (n = ${g.n})`)),
  );
  const width = options.width ?? DEFAULT_WIDTH;
  const height = Math.max(280, 190 + 48 * groups.length);
  const drawn = groups.map((g, i) => ({ g, y: labels[i]! })).filter(({ g }) => shown(g));
  const hidden = groups.map((g, i) => ({ g, y: labels[i]! })).filter(({ g }) => !shown(g));
  const traces: Trace[] = drawn.map(({ g, y }): Trace => ({
    type: "box",
    orientation: "h",
    name: y,
    y: [y],
    q1: [round(g.q1!)],
    median: [round(g.median!)],
    q3: [round(g.q3!)],
    lowerfence: [round(g.q1!)],
    upperfence: [round(g.q3!)],
    ...(g.mean !== null && g.mean !== undefined ? { mean: [round(g.mean)], boxmean: true } : {}),
    boxpoints: false,
    fillcolor: "rgba(0,114,178,0.25)",
    line: { color: PALETTE[0], width: 1.5 },
    showlegend: false,
    hoverinfo: "x",
  }));
  if (hidden.length) {
    traces.push({
      type: "scatter",
      mode: "markers+text",
      showlegend: false,
      x: hidden.map(() => null),
      y: hidden.map(({ y }) => y),
      ...suppressedMark(hidden.length),
      cliponaxis: false,
      customdata: hidden.map(({ g }) => `${g.label}: suppressed (small group)`),
      hovertemplate: "%{customdata}<extra></extra>",
    });
  }
  const values = drawn.flatMap(({ g }) => [g.q1!, g.q3!, g.mean ?? g.q1!]);
  const lo = values.length ? Math.min(0, ...values) : 0;
  const hi = values.length ? Math.max(...values) * 1.1 || 1 : 1;
  // Hidden rows sit at the left edge of the axis; x must be a number there, not null.
  if (hidden.length) (traces[traces.length - 1] as unknown as { x: number[] }).x = hidden.map(() => lo);
  const layout = themeLayout(options, { width, height, marginBottom: 80 });
  Object.assign(layout, {
    showlegend: false,
    xaxis: {
      range: [lo, hi],
      gridcolor: GRID,
      zeroline: false,
      fixedrange: true,
      title: options.axisTitle ? { text: options.axisTitle, font: { size: 13, color: MUTED } } : undefined,
    },
    yaxis: categoryAxis(labels),
  });
  if (!drawn.length && !hidden.length) (layout.annotations as unknown[]).push(emptyAnnotation());
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "–" : String(round(v, 1)));
  return assembleFigure(
    options,
    { data: traces, layout, width, height },
    {
      columns: ["", "n", "Lower quartile", "Median", "Upper quartile", "Mean"],
      rows: groups.map((g) =>
        shown(g)
          ? [g.label, g.n === null ? "" : String(g.n), fmt(g.q1), fmt(g.median), fmt(g.q3), fmt(g.mean)]
          : [g.label, g.suppressed ? "suppressed" : "", "–", "–", "–", "–"],
      ),
      footnotes: [
        "Boxes span the lower to upper quartile with the median inside; the dashed line is the mean. Minimum, maximum and outliers are not drawn (each is one respondent's answer).",
        ...(hidden.some(({ g }) => g.suppressed)
          ? ["Suppressed: groups with fewer respondents than the disclosure threshold are not summarised."]
          : []),
      ],
    },
  );
}
