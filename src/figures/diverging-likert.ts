import { assembleFigure } from "./common.js";
import { checkLabels, emptyAnnotation, sortByValue, wrapped } from "./common.js";
import {
  DEFAULT_WIDTH,
  DIVERGING,
  GRID,
  MISSING_FILL,
  MUTED,
  round,
  themeLayout,
  categoryAxis,
  seriesLegend,
  suppressedMark,
} from "./theme.js";
import type { Figure, FigureOptions, Trace } from "./types.js";

/** One Likert item: counts per scale level (negative to positive); null marks a count hidden by disclosure control. */
export interface LikertItem {
  readonly label: string;
  readonly counts: readonly (number | null)[];
  /**
   * The item's base (respondents answering it), when it may be shown. With it, an item with hidden counts keeps
   * its shown levels at count / total and draws the hidden remainder as one grey "Suppressed" segment; without
   * it the whole item is marked "suppressed".
   */
  readonly total?: number | null;
}

/** Options of {@link divergingLikert}. */
export interface DivergingLikertOptions extends FigureOptions {
  /** Index of the neutral level, split across zero; default the middle level of an odd scale, none for even. */
  readonly neutral?: number | null;
}

/**
 * Diverging stacked bars for a Likert grid: disagreeing levels extend left of zero, agreeing levels right, a
 * neutral level straddles zero. Items are sorted by net agreement (agree minus disagree) unless `ordered`.
 * @example
 * const fig = divergingLikert(["Very poor", "Poor", "Neither", "Good", "Very good"], [
 *   { label: "Instructors", counts: [5, 12, 40, 90, 40] },
 *   { label: "Support for clients", counts: [20, 50, 60, 40, 10] },
 * ], { title: "Link Workers rate instructors best and client support worst", base: { n: 214, unit: "Link Workers" } });
 */
export function divergingLikert(
  levels: readonly string[],
  items: readonly LikertItem[],
  options: DivergingLikertOptions,
): Figure {
  checkLabels("divergingLikert", levels);
  checkLabels(
    "divergingLikert",
    items.map((i) => i.label),
  );
  const neutral =
    options.neutral === undefined
      ? levels.length % 2 === 1
        ? (levels.length - 1) / 2
        : null
      : options.neutral;
  const side = neutral === null ? levels.length / 2 : Math.max(neutral, levels.length - 1 - neutral);
  if (neutral === null && levels.length % 2 === 1) {
    throw new Error(`divergingLikert: ${levels.length} levels need a neutral level (got neutral: null)`);
  }
  if (neutral !== null && (neutral !== (levels.length - 1) / 2 || !Number.isInteger(neutral))) {
    throw new Error(`divergingLikert: neutral level ${neutral} is not the middle of ${levels.length} levels`);
  }
  if (side > DIVERGING.negative.length) {
    throw new Error(
      `divergingLikert: ${levels.length} levels exceed the ${2 * DIVERGING.negative.length + 1}-point palette`,
    );
  }
  for (const item of items) {
    if (item.counts.length !== levels.length) {
      throw new Error(
        `divergingLikert: item "${item.label}" has ${item.counts.length} counts for ${levels.length} levels`,
      );
    }
  }
  return buildLikert(levels, items, neutral, options);
}

/** Shares of the shown levels (null where hidden) when the base may be shown; null when nothing can be drawn. */
function partialShares(item: LikertItem): (number | null)[] | null {
  const full = shares(item);
  if (full) return full;
  const total = item.total;
  if (typeof total !== "number" || !(total > 0) || !item.counts.some((c) => c === null)) return null;
  return item.counts.map((c) => (c === null ? null : (100 * c) / total));
}

/** The share hidden in an item drawn partially: 100 minus the shown shares. */
function hiddenShare(item: LikertItem): number | null {
  if (shares(item)) return null;
  const p = partialShares(item);
  return p ? Math.max(0, 100 - p.reduce<number>((a, v) => a + (v ?? 0), 0)) : null;
}

function shares(item: LikertItem): number[] | null {
  if (item.counts.some((c) => c === null)) return null;
  const total = (item.counts as number[]).reduce((a, b) => a + b, 0);
  return total > 0 ? (item.counts as number[]).map((c) => (100 * c) / total) : null;
}

function buildLikert(
  levels: readonly string[],
  items: readonly LikertItem[],
  neutral: number | null,
  options: DivergingLikertOptions,
): Figure {
  const k = neutral === null ? levels.length / 2 : neutral;
  const negIdx = Array.from({ length: k }, (_, i) => i);
  const posIdx = Array.from({ length: k }, (_, i) => levels.length - k + i);
  const net = (item: LikertItem): number | null => {
    const s = shares(item);
    if (!s) return null;
    return posIdx.reduce((a, j) => a + s[j]!, 0) - negIdx.reduce((a, j) => a + s[j]!, 0);
  };
  const order = sortByValue(items, net, options.ordered ?? false);
  const labels = wrapped(order.map((i) => i.label));
  const width = options.width ?? DEFAULT_WIDTH;
  const height = Math.max(280, 200 + 40 * order.length);
  const color = (j: number): string => {
    if (j === neutral) return DIVERGING.neutral;
    if (j < k) return DIVERGING.negative[DIVERGING.negative.length - k + j]!;
    return DIVERGING.positive[j - (levels.length - k)]!;
  };
  const trace = (j: number, sign: 1 | -1, half: boolean, legend: boolean) => {
    const pct = order.map((item) => partialShares(item)?.[j] ?? null);
    return {
      type: "bar" as const,
      orientation: "h",
      name: levels[j],
      legendgroup: levels[j],
      legendrank: 100 + j,
      showlegend: legend,
      x: pct.map((p) => (p === null ? null : round((sign * p) / (half ? 2 : 1)))),
      y: labels,
      marker: { color: color(j), line: { color: "#ffffff", width: 1 } },
      text: pct.map((p) => (!half && p !== null && p >= 7 ? `${Math.round(p)}%` : "")),
      textposition: "inside",
      insidetextanchor: "middle",
      textfont: { size: 12, color: j === 0 || j === levels.length - 1 ? "#ffffff" : "#111111" },
      customdata: order.map((item, i) =>
        pct[i] === null
          ? `${item.label} · ${levels[j]}: suppressed`
          : `${item.label} · ${levels[j]}: ${Math.round(pct[i]!)}% (${item.counts[j]})`,
      ),
      hovertemplate: "%{customdata}<extra></extra>",
    };
  };
  // Relative stacking grows outward from zero in trace order: the neutral halves first, then inner to outer.
  const traces: Trace[] = [];
  if (neutral !== null) traces.push(trace(neutral, -1, true, true), trace(neutral, 1, true, false));
  for (let d = 0; d < k; ++d)
    traces.push(trace(k - 1 - d, -1, false, true), trace(levels.length - k + d, 1, false, true));
  // Hidden counts must not look like zeros: the hidden remainder of a partly shown item is one grey segment at
  // the outer right end (its size is total minus the shown counts, which a reader can already work out), and an
  // item with nothing to draw gets the word "suppressed" at zero. Only figures with hidden counts change.
  const partial = order.map(hiddenShare);
  if (partial.some((h) => h !== null)) {
    traces.push({
      type: "bar",
      orientation: "h",
      name: "Suppressed (small counts)",
      legendrank: 100 + levels.length,
      showlegend: true,
      x: partial.map((h) => (h === null ? null : round(h))),
      y: labels,
      marker: {
        color: MISSING_FILL,
        line: { color: MUTED, width: 1 },
        pattern: { shape: "/", fgcolor: MUTED, size: 6 },
      },
      customdata: order.map((item, i) =>
        partial[i] === null
          ? ""
          : `${item.label}: ${item.counts.filter((c) => c === null).length} level(s) suppressed, together ${Math.round(partial[i]!)}%`,
      ),
      hovertemplate: "%{customdata}<extra></extra>",
    });
  }
  const blank = order.filter((item) => partialShares(item) === null && item.counts.some((c) => c === null));
  if (blank.length) {
    traces.push({
      type: "scatter",
      mode: "markers+text",
      name: "suppressed",
      showlegend: false,
      x: blank.map(() => 0),
      y: blank.map((item) => labels[order.indexOf(item)]!),
      ...suppressedMark(blank.length),
      customdata: blank.map((item) => `${item.label}: suppressed (small counts)`),
      hovertemplate: "%{customdata}<extra></extra>",
    });
  }
  const extent = Math.max(
    50,
    ...order.map((item) => {
      const s = partialShares(item);
      if (!s) return 0;
      const half = neutral === null ? 0 : (s[neutral] ?? 0) / 2;
      return Math.max(
        negIdx.reduce((a, j) => a + (s[j] ?? 0), half),
        posIdx.reduce((a, j) => a + (s[j] ?? 0), half) + (hiddenShare(item) ?? 0),
      );
    }),
  );
  const limit = Math.min(100, Math.ceil(extent / 25) * 25);
  const ticks = [];
  for (let v = -limit; v <= limit; v += 25) ticks.push(v);
  const layout = themeLayout(options, { width, height, marginBottom: 80 });
  Object.assign(layout, {
    barmode: "relative",
    bargap: 0.3,
    ...seriesLegend(),
    xaxis: {
      range: [-limit, limit],
      tickvals: ticks,
      ticktext: ticks.map((v) => `${Math.abs(v)}%`),
      gridcolor: GRID,
      zeroline: true,
      zerolinecolor: MUTED,
      zerolinewidth: 1.5,
      fixedrange: true,
      title: options.axisTitle ? { text: options.axisTitle, font: { size: 13, color: MUTED } } : undefined,
    },
    yaxis: categoryAxis(labels),
    uniformtext: { mode: "hide", minsize: 10 },
  });
  if (!order.some((i) => partialShares(i) !== null) && !blank.length)
    (layout.annotations as unknown[]).push(emptyAnnotation());
  const suppressed = order.some((i) => i.counts.some((c) => c === null));
  return assembleFigure(
    options,
    { data: traces, layout, width, height },
    {
      columns: ["", ...levels, "Net", "n"],
      rows: order.map((item) => {
        const s = partialShares(item);
        const total = shares(item)
          ? (item.counts as number[]).reduce((a, b) => a + b, 0)
          : s
            ? (item.total ?? null)
            : null;
        const n = net(item);
        return [
          item.label,
          ...levels.map((_, j) =>
            s && s[j] !== null
              ? `${Math.round(s[j]!)}%`
              : item.counts.some((c) => c === null)
                ? "suppressed"
                : "–",
          ),
          n === null ? "–" : `${n >= 0 ? "+" : ""}${Math.round(n)}`,
          total === null ? "" : String(total),
        ];
      }),
      footnotes: [
        "Net = agreeing minus disagreeing levels, in percentage points" +
          (neutral === null ? "." : `; "${levels[neutral]}" is split across zero.`),
        ...(suppressed
          ? [
              'Suppressed: counts below the disclosure threshold are hidden; the grey "Suppressed" segment is the hidden levels of an item together, and an item marked "suppressed" has no level that may be shown.',
            ]
          : []),
      ],
    },
  );
}
