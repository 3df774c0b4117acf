import { assembleFigure } from "./common.js";
import { checkLabels, emptyAnnotation, sortByValue, wrapped } from "./common.js";
import {
  MUTED,
  DEFAULT_WIDTH,
  PALETTE,
  SEQUENTIAL,
  rampColor,
  percentAxis,
  round,
  themeLayout,
  categoryAxis,
  seriesLegend,
} from "./theme.js";
import type { Figure, FigureOptions } from "./types.js";

/** One bar of a 100% stacked chart: counts per level; null counts mark a suppressed row. */
export interface StackedRow {
  readonly label: string;
  readonly counts: readonly (number | null)[];
}

/** Options of {@link stacked100}. */
export interface Stacked100Options extends FigureOptions {
  /** True when the levels form a scale (sequential colours); false for nominal levels (qualitative). */
  readonly scale?: boolean;
}

/**
 * 100% stacked horizontal bars: each row's counts as shares of its total, levels in the given order.
 * Rows are sorted by the share of the first level unless `ordered`; rows with suppressed counts are left blank.
 * @example
 * const fig = stacked100(["Neighbourhood", "Borough", "County"], [
 *   { label: "Need funding", counts: [12, 20, 8] },
 *   { label: "Do not need funding", counts: [80, 30, 10] },
 * ], { title: "Most providers needing funding work at neighbourhood scale", base: "n = 160 providers" });
 */
export function stacked100(
  levels: readonly string[],
  rows: readonly StackedRow[],
  options: Stacked100Options,
): Figure {
  checkLabels("stacked100", levels);
  checkLabels(
    "stacked100",
    rows.map((r) => r.label),
  );
  for (const r of rows) {
    if (r.counts.length !== levels.length) {
      throw new Error(
        `stacked100: row "${r.label}" has ${r.counts.length} counts for ${levels.length} levels`,
      );
    }
    for (const c of r.counts) {
      if (c !== null && (!Number.isFinite(c) || c < 0))
        throw new Error(`stacked100: row "${r.label}" has count ${c}`);
    }
  }
  return buildStacked(levels, rows, options);
}

function shares(row: StackedRow): number[] | null {
  if (row.counts.some((c) => c === null)) return null;
  const total = (row.counts as number[]).reduce((a, b) => a + b, 0);
  return total > 0 ? (row.counts as number[]).map((c) => (100 * c) / total) : null;
}

/** Evenly spaced colours along viridis, dark to light, stopping short of the pale yellow end for contrast. */
function sequential(k: number): string[] {
  if (k === 1) return [rampColor(SEQUENTIAL, 0.35)];
  return Array.from({ length: k }, (_, i) => rampColor(SEQUENTIAL, (0.8 * i) / (k - 1)));
}

function buildStacked(
  levels: readonly string[],
  rows: readonly StackedRow[],
  options: Stacked100Options,
): Figure {
  const order = sortByValue(rows, (r) => shares(r)?.[0] ?? null, options.ordered ?? false);
  const labels = wrapped(order.map((r) => r.label));
  const colors = options.scale
    ? sequential(levels.length)
    : levels.map((_, i) => PALETTE[i % PALETTE.length]!);
  const width = options.width ?? DEFAULT_WIDTH;
  const height = Math.max(280, 200 + 40 * order.length);
  const traces: Record<string, unknown>[] = levels.map((level, j) => {
    const pct = order.map((r) => shares(r)?.[j] ?? null);
    return {
      type: "bar" as const,
      orientation: "h",
      name: level,
      x: pct.map((p) => (p === null ? null : round(p))),
      y: labels,
      marker: { color: colors[j], line: { color: "#ffffff", width: 1 } },
      text: pct.map((p) => (p !== null && p >= 6 ? `${Math.round(p)}%` : "")),
      textposition: "inside",
      insidetextanchor: "middle",
      textfont: {
        color: options.scale && j / Math.max(1, levels.length - 1) < 0.6 ? "#ffffff" : "#111111",
        size: 12,
      },
      customdata: order.map((r, i) =>
        pct[i] === null
          ? `${r.label} · ${level}: suppressed`
          : `${r.label} · ${level}: ${Math.round(pct[i]!)}% (${r.counts[j]} of ${(r.counts as number[]).reduce((a, b) => a + b, 0)})`,
      ),
      hovertemplate: "%{customdata}<extra></extra>",
    };
  });
  const blank = order.filter((r) => shares(r) === null);
  if (blank.length) {
    traces.push({
      type: "scatter" as const,
      mode: "text",
      x: blank.map(() => 0),
      y: wrapped(blank.map((r) => r.label)),
      text: blank.map((r) => (r.counts.some((c) => c === null) ? "suppressed" : "no data")),
      textposition: "middle right",
      textfont: { size: 12, color: MUTED },
      hoverinfo: "skip",
      cliponaxis: false,
      showlegend: false,
    } as unknown as (typeof traces)[number]);
  }
  const layout = themeLayout(options, { width, height, marginBottom: 80 });
  Object.assign(layout, {
    barmode: "stack",
    bargap: 0.3,
    ...seriesLegend(),
    xaxis: percentAxis(options.axisTitle, "%", [0, 100]),
    yaxis: categoryAxis(labels),
    uniformtext: { mode: "hide", minsize: 10 },
  });
  if (!order.some((r) => shares(r) !== null)) (layout.annotations as unknown[]).push(emptyAnnotation());
  const suppressed = order.some((r) => r.counts.some((c) => c === null));
  return assembleFigure(
    options,
    { data: traces as unknown as Figure["data"], layout, width, height },
    {
      columns: ["", ...levels, "n"],
      rows: order.map((r) => {
        const s = shares(r);
        const total = s ? (r.counts as number[]).reduce((a, b) => a + b, 0) : null;
        return [
          r.label,
          ...levels.map((_, j) =>
            s ? `${Math.round(s[j]!)}%` : suppressed && r.counts.some((c) => c === null) ? "suppressed" : "–",
          ),
          total === null ? "" : String(total),
        ];
      }),
      footnotes: suppressed
        ? ["Suppressed: rows with counts below the disclosure threshold are not shown."]
        : [],
    },
  );
}
