import { assembleFigure } from "./common.js";
import { emptyAnnotation } from "./common.js";
import { hexCentre, loadNorthWestHexes, type HexLayout } from "./hexjson.js";
import { MISSING_FILL, MUTED, SEQUENTIAL, formatValue, rampColor, round, themeLayout } from "./theme.js";
import type { Figure, FigureOptions } from "./types.js";
import { shareHidden, thresholdOf } from "../tabulate/suppress.js";

/** The value for one area, keyed by its GSS code (e.g. "E06000006"). */
export interface AreaValue {
  readonly code: string;
  readonly value: number | null;
  readonly n?: number | null;
  readonly suppressed?: boolean;
}

/** Options of {@link hexMap}. */
export interface HexMapOptions extends FigureOptions {
  /** The hex layout; default the North West local authorities. */
  readonly hexes?: HexLayout;
  /** Colour scale limits; default the range of the values. */
  readonly range?: readonly [number, number];
  /** Colour-bar title (default "%"). */
  readonly legendTitle?: string;
  /**
   * Disclosure threshold for values handed in without a status (default 5; false turns it off): an area whose
   * n is 1 to k-1, or (for percentages) whose implied count or complement is, is shown as suppressed.
   */
  readonly suppress?: number | false;
}

/**
 * A hex map of areas coloured by value along viridis; areas without a value are grey and labelled "no data",
 * suppressed areas grey and labelled "supp." (hover "suppressed" and nothing more: no n, no value). Areas handed
 * in with a small n, or a percentage whose count or complement on that n is small, are suppressed here too.
 * Values for codes the layout lacks are an error.
 * @example
 * const fig = hexMap([{ code: "E06000006", value: 42, n: 12 }, { code: "E06000007", value: null }],
 *   { title: "Halton's Link Workers refer most often to clubs", base: { n: 214, unit: "Link Workers" } });
 */
export function hexMap(values: readonly AreaValue[], options: HexMapOptions): Figure {
  const layout = options.hexes ?? loadNorthWestHexes();
  const known = new Set(layout.hexes.map((h) => h.code));
  const seen = new Set<string>();
  for (const v of values) {
    if (!known.has(v.code)) throw new Error(`hexMap: area code "${v.code}" is not in the hex layout`);
    if (seen.has(v.code)) throw new Error(`hexMap: area code "${v.code}" appears twice`);
    seen.add(v.code);
  }
  const k = thresholdOf(options.suppress, "hexMap");
  const unit = options.unit ?? "%";
  return buildHexMap(
    values.map((v) => (isSmall(v, unit, k) ? { ...v, suppressed: true } : v)),
    layout,
    options,
  );
}

// The raw-number rule: a value with its n but no status is checked here, not trusted.
function isSmall(v: AreaValue, unit: string, k: number): boolean {
  if (v.suppressed || k <= 0 || v.n == null) return Boolean(v.suppressed);
  if (v.n > 0 && v.n < k) return true;
  if (unit !== "%" || v.value === null || !Number.isFinite(v.value)) return false;
  return shareHidden(Math.round((v.value * v.n) / 100), v.n, k);
}

/**
 * Names short enough for a hex: the name with a leading compass word shortened ("South Ribble" -> "S. Ribble")
 * when that is at most 13 characters, else its first word where no other area starts with it ("Blackburn with
 * Darwen" -> "Blackburn"), else the initials of its capitalised words ("Cheshire West and Chester" -> "CWC").
 */
export function shortNames(hexes: readonly { code: string; name: string }[]): Map<string, string> {
  const words = (name: string) => name.split(/[\s,-]+/).filter((w) => w !== "");
  const counts = new Map<string, number>();
  for (const h of hexes) {
    const first = words(h.name)[0] ?? h.name;
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return new Map(
    hexes.map((h) => {
      const compact = h.name.replace(/^(North|South|East|West) /, (m) => `${m[0]}. `);
      if (compact.length <= 13) return [h.code, compact];
      const first = words(h.name)[0] ?? h.name;
      if (counts.get(first) === 1 && first.length <= 13) return [h.code, first];
      const initials = words(h.name)
        .filter((w) => /^[A-Z]/.test(w))
        .map((w) => w[0])
        .join("");
      return [h.code, initials];
    }),
  );
}

function hexPath(cx: number, cy: number, pointy: boolean): string {
  const pts = [];
  for (let i = 0; i < 6; ++i) {
    const a = (Math.PI / 180) * (60 * i + (pointy ? 30 : 0));
    pts.push(`${round(cx + 0.96 * Math.cos(a), 3)},${round(cy + 0.96 * Math.sin(a), 3)}`);
  }
  return `M${pts.join("L")}Z`;
}

function buildHexMap(values: readonly AreaValue[], hexLayout: HexLayout, options: HexMapOptions): Figure {
  const unit = options.unit ?? "%";
  const byCode = new Map(values.map((v) => [v.code, v]));
  const hexes = [...hexLayout.hexes].sort((a, b) => b.r - a.r || a.q - b.q);
  const valid = values.filter((v) => !v.suppressed && v.value !== null && Number.isFinite(v.value));
  const lo = options.range?.[0] ?? Math.min(...valid.map((v) => v.value as number));
  const hi = options.range?.[1] ?? Math.max(...valid.map((v) => v.value as number));
  const scale = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
  const pointy = hexLayout.layout.endsWith("-r");
  const centres = hexes.map((h) => hexCentre(h, hexLayout.layout));
  const shapes = hexes.map((h, i) => {
    const v = byCode.get(h.code);
    const ok = v && !v.suppressed && v.value !== null && Number.isFinite(v.value);
    return {
      type: "path",
      path: hexPath(centres[i]!.x, centres[i]!.y, pointy),
      fillcolor: ok ? rampColor(SEQUENTIAL, scale(v.value as number)) : MISSING_FILL,
      line: { color: "#ffffff", width: 1.5 },
      layer: "below",
    };
  });
  const status = (code: string) => {
    const v = byCode.get(code);
    if (v?.suppressed) return "supp.";
    if (!v || v.value === null || !Number.isFinite(v.value)) return "no data";
    return formatValue(v.value, unit);
  };
  const short = shortNames(hexes);
  const labels = {
    type: "scatter" as const,
    mode: "text",
    x: centres.map((c) => round(c.x, 3)),
    y: centres.map((c) => round(c.y, 3)),
    // A short name on each hex: the static image has no hover, and a map of unnamed hexes is unreadable.
    text: hexes.map((h) => `${short.get(h.code)}<br>${status(h.code)}`),
    textfont: {
      size: 11,
      color: hexes.map((h) => {
        const v = byCode.get(h.code);
        if (!v || v.suppressed || v.value === null) return MUTED;
        return scale(v.value) < 0.6 ? "#ffffff" : "#111111";
      }),
    },
    customdata: hexes.map((h) => {
      const v = byCode.get(h.code);
      if (status(h.code) === "supp.") return `${h.name}: suppressed`;
      const n = v?.n != null ? `, n = ${v.n}` : "";
      return `${h.name}: ${status(h.code)}${n}`;
    }),
    hovertemplate: "%{customdata}<extra></extra>",
  };
  // An invisible marker trace carries the colour bar, since shapes have none.
  const legend = {
    type: "scatter" as const,
    mode: "markers",
    x: [centres[0]?.x ?? 0],
    y: [centres[0]?.y ?? 0],
    marker: {
      size: 0.1,
      opacity: 0,
      color: [lo],
      cmin: valid.length ? round(lo) : 0,
      cmax: valid.length ? round(hi) : 1,
      colorscale: SEQUENTIAL.map((c, i) => [round(i / (SEQUENTIAL.length - 1), 3), c]),
      showscale: valid.length > 0,
      colorbar: {
        title: { text: options.legendTitle ?? unit, side: "top" },
        thickness: 14,
        len: 0.5,
        ticksuffix: unit,
        outlinewidth: 0,
      },
    },
    hoverinfo: "skip",
  };
  const xs = centres.map((c) => c.x);
  const ys = centres.map((c) => c.y);
  const span = { x: Math.max(...xs) - Math.min(...xs) + 2, y: Math.max(...ys) - Math.min(...ys) + 2 };
  const plotHeight = 620;
  const width = options.width ?? Math.round(Math.max(520, (plotHeight * span.x) / span.y + 260));
  const height = plotHeight + 170;
  const layout = themeLayout(options, { width, height, marginLeft: 40, marginRight: 120, marginBottom: 70 });
  const axis = { visible: false, fixedrange: true };
  Object.assign(layout, {
    shapes,
    xaxis: { ...axis, range: [round(Math.min(...xs) - 1.2), round(Math.max(...xs) + 1.2)] },
    yaxis: {
      ...axis,
      range: [round(Math.min(...ys) - 1.2), round(Math.max(...ys) + 1.2)],
      scaleanchor: "x",
      scaleratio: 1,
    },
  });
  if (!valid.length) (layout.annotations as unknown[]).push(emptyAnnotation());
  const missing = hexes.filter((h) => status(h.code) === "no data").length;
  const suppressed = hexes.filter((h) => status(h.code) === "supp.").length;
  const rows = [...hexes]
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"))
    .map((h) => {
      const v = byCode.get(h.code);
      return [
        h.name,
        h.code,
        status(h.code) === "supp." ? "suppressed" : status(h.code) === "no data" ? "–" : status(h.code),
        v?.n != null && !v.suppressed ? String(v.n) : "",
      ];
    });
  return assembleFigure(
    options,
    { data: [labels, legend], layout, width, height },
    {
      columns: ["Area", "Code", unit === "%" ? "Percent" : "Value", "n"],
      rows,
      footnotes: [
        ...(suppressed
          ? [
              `${suppressed} area${suppressed === 1 ? "" : "s"} suppressed (counts below the disclosure threshold), shown grey.`,
            ]
          : []),
        ...(missing ? [`${missing} area${missing === 1 ? "" : "s"} with no data, shown grey.`] : []),
      ],
    },
  );
}
