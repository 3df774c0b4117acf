import type { Base, FigureOptions } from "./types.js";

/** The default source note while every respondent row is synthetic. */
export const SYNTHETIC_NOTE = "Synthetic data calibrated to the published report";

/**
 * Okabe & Ito's colour-blind-safe qualitative palette (Color Universal Design), black and yellow left out:
 * black reads as text and yellow vanishes on white.
 */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"] as const;

/** ColorBrewer BrBG (colour-blind safe): negative browns, a grey midpoint, positive teals. */
export const DIVERGING = {
  negative: ["#8c510a", "#d8b365", "#f0dcb0"],
  neutral: "#c8c8c8",
  positive: ["#c7eae5", "#5ab4ac", "#01665e"],
} as const;

/** Viridis stops (perceptually uniform, colour-blind safe), for sequential fills. */
export const SEQUENTIAL = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"] as const;

/** Fill for missing or suppressed marks. */
export const MISSING_FILL = "#e6e6e6";
export const TEXT = "#222222";
export const MUTED = "#5f5f5f";
export const GRID = "#e5e5e5";
export const FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export const DEFAULT_WIDTH = 900;

/** The base line: "n = 214 Link Workers". */
export function baseText(base: Base): string {
  if (typeof base === "string") return base;
  return `n = ${base.n.toLocaleString("en-GB")} ${base.unit}`;
}

/** A value as shown in labels, hover and tables: percentages to whole numbers, as the report quotes them. */
export function formatValue(value: number | null | undefined, unit: "%" | "" = "%"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return unit === "%" ? `${Math.round(value)}%` : String(round(value, 1));
}

/**
 * An interval as figures label it, rounded like the values: "68–80%", or "" when either end is missing.
 * (Tables quote one decimal with `formatPercentInterval` in src/tabulate/format.ts.)
 * @example
 * formatValueInterval(67.6, 80.2); // "68–80%"
 */
export function formatValueInterval(
  lower: number | null | undefined,
  upper: number | null | undefined,
  unit: "%" | "" = "%",
): string {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return "";
  return unit === "%"
    ? `${Math.round(lower)}–${Math.round(upper)}%`
    : `${round(lower, 1)}–${round(upper, 1)}`;
}

/** Rounds for the spec so that figure JSON is stable and small. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Breaks a long label into lines of at most `width` characters, joined with <br> for plotly. */
export function wrapLabel(label: string, width = 28): string {
  const words = label.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("<br>");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The shared layout: finding-as-title with the base as subtitle, source note bottom left, readable type.
 * The subtitle is drawn inside the title text (plotly's `title.subtitle` is missing from older renderers).
 */
export function themeLayout(
  options: Pick<FigureOptions, "title" | "base" | "note">,
  size: { width: number; height: number; marginLeft?: number; marginBottom?: number; marginRight?: number },
): Record<string, unknown> {
  const note = options.note ?? SYNTHETIC_NOTE;
  const bottom = size.marginBottom ?? 70;
  return {
    width: size.width,
    height: size.height,
    font: { family: FONT, size: 14, color: TEXT },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    title: {
      text:
        `<b>${escapeText(options.title)}</b><br>` +
        `<span style="font-size:13px;color:${MUTED}">${escapeText(baseText(options.base))}</span>`,
      x: 12 / size.width,
      xref: "container",
      xanchor: "left",
      y: 1,
      yref: "container",
      yanchor: "top",
      pad: { t: 16 },
      font: { size: 17, color: TEXT },
    },
    margin: { l: size.marginLeft ?? 220, r: size.marginRight ?? 40, t: 90, b: bottom, pad: 4 },
    showlegend: false,
    hoverlabel: { font: { family: FONT, size: 13 } },
    annotations: [
      {
        text: escapeText(note),
        showarrow: false,
        xref: "paper",
        yref: "paper",
        x: 0,
        y: 0,
        xanchor: "left",
        yanchor: "top",
        // Annotations cannot use container coordinates: shift from the plot's corner to the figure's.
        xshift: -((size.marginLeft ?? 220) - 12),
        yshift: -(bottom - 22),
        font: { size: 11, color: MUTED },
      },
    ],
  };
}

/** The plotly config every figure carries: no logo, no network for the mode bar's cloud button. */
export const CONFIG: Readonly<Record<string, unknown>> = { displaylogo: false, responsive: false };

/**
 * The legend of a chart with several series (grouped, 100% stacked, diverging bars): shown, in one row above
 * the plot, in trace order. Spread into a layout; a fresh object each call, so a layout is never shared.
 * @example
 * Object.assign(layout, { barmode: "stack", ...seriesLegend() });
 */
export function seriesLegend(): { showlegend: true; legend: Record<string, unknown> } {
  return {
    showlegend: true,
    legend: { orientation: "h", x: 0, y: 1.0, yanchor: "bottom", traceorder: "normal" },
  };
}

/**
 * The mark of `count` suppressed values in a scatter trace with mode "markers+text": a grey cross at the axis
 * and the word "suppressed" beside it, so that a hidden value never looks like a zero-length bar. Spread into
 * the trace; fresh objects each call.
 * @example
 * traces.push({ type: "scatter", mode: "markers+text", x: [0], y: ["Area"], ...suppressedMark(1) });
 */
export function suppressedMark(count: number): {
  marker: Record<string, unknown>;
  text: string[];
  textposition: "middle right";
  textfont: Record<string, unknown>;
} {
  return {
    marker: { symbol: "x-thin-open", size: 9, color: MUTED, line: { width: 2, color: MUTED } },
    text: Array.from({ length: count }, () => "suppressed"),
    textposition: "middle right",
    textfont: { size: 11, color: MUTED },
  };
}

/** A value axis for percentages 0-100 with light grid lines. */
export function percentAxis(title: string | undefined, unit: "%" | "" = "%", range?: [number, number]) {
  return {
    title: title ? { text: title, font: { size: 13, color: MUTED } } : undefined,
    range: range ?? (unit === "%" ? [0, 100] : undefined),
    ticksuffix: unit,
    gridcolor: GRID,
    zeroline: false,
    fixedrange: true,
  };
}

/** The colour at position t (0-1) along a ramp of hex stops, linearly interpolated in RGB. */
export function rampColor(stops: readonly string[], t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = parseHex(stops[i]!);
  const b = parseHex(stops[i + 1]!);
  return (
    "#" +
    a
      .map((v, k) =>
        Math.round(v + (b[k]! - v) * f)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")
  );
}

function parseHex(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** The category axis of horizontal charts: categories top to bottom in the given order, no zooming. */
export function categoryAxis(labels: readonly string[]): Record<string, unknown> {
  return {
    categoryorder: "array",
    categoryarray: labels,
    autorange: "reversed",
    fixedrange: true,
    automargin: true,
  };
}
