import { assembleFigure } from "./common.js";
import { checkLabels, datumCells, describeDatum, hasValue, wrapped } from "./common.js";
import { GRID, MUTED, PALETTE, formatValue, round, themeLayout } from "./theme.js";
import type { Datum, Figure, FigureOptions } from "./types.js";

/** The four stages of a social-prescribing pathway, in the order they are drawn. */
export const PATHWAY_STAGES = ["Initial contact", "Social prescription", "Provision", "Outcomes"] as const;
export type PathwayStage = (typeof PATHWAY_STAGES)[number];

/** A headline indicator: a percentage of survey respondents, with its interval and base. */
export interface ScorecardIndicator extends Datum {
  readonly stage: PathwayStage;
  /** Which survey the base is from, e.g. "Link Workers" or "providers"; shown in the hover and table. */
  readonly population?: string;
}

/**
 * A pathway scorecard: one panel per stage (initial contact, social prescription, provision, outcomes), left
 * to right, each with its headline indicators as dots with interval whiskers. The panels share nothing but
 * their order: each indicator is a share of surveyed staff, so nothing flows between stages.
 * @example
 * const fig = pathwayScorecard([
 *   { stage: "Initial contact", label: "Receive referrals for physical health", value: 18, lower: 13, upper: 24, n: 214, population: "Link Workers" },
 *   { stage: "Outcomes", label: "Measure physical activity", value: 16, lower: 12, upper: 22, n: 214, population: "Link Workers" },
 * ], { title: "Physical activity fades from view along the pathway", base: "n = 214 Link Workers, 160 providers" });
 */
export function pathwayScorecard(indicators: readonly ScorecardIndicator[], options: FigureOptions): Figure {
  for (const ind of indicators) {
    if (!(PATHWAY_STAGES as readonly string[]).includes(ind.stage)) {
      throw new Error(`pathwayScorecard: stage "${ind.stage}" is not one of ${PATHWAY_STAGES.join(", ")}`);
    }
  }
  for (const stage of PATHWAY_STAGES)
    checkLabels(
      `pathwayScorecard (${stage})`,
      indicators.filter((i) => i.stage === stage).map((i) => i.label),
    );
  return buildScorecard(indicators, options);
}

function buildScorecard(indicators: readonly ScorecardIndicator[], options: FigureOptions): Figure {
  const unit = options.unit ?? "%";
  const perStage = PATHWAY_STAGES.map((s) => indicators.filter((i) => i.stage === s));
  const rowsMax = Math.max(1, ...perStage.map((s) => s.length));
  const width = options.width ?? 1200;
  const height = 230 + 62 * rowsMax;
  // Each panel keeps the left ~45% of its column for the wrapped indicator labels.
  const col = 1 / PATHWAY_STAGES.length;
  const traces: Record<string, unknown>[] = [];
  const axes: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  perStage.forEach((items, s) => {
    const suffix = s === 0 ? "" : String(s + 1);
    const domain = [round(s * col + col * 0.47, 4), round((s + 1) * col - col * 0.06, 4)];
    const labels = wrapped(
      items.map((i) => i.label),
      20,
    );
    const padded = [
      ...labels,
      ...Array.from({ length: rowsMax - items.length }, (_, k) => " ".repeat(k + 1)),
    ];
    axes[`xaxis${suffix}`] = {
      domain,
      range: [0, 100],
      tickvals: [0, 50, 100],
      ticktext: [0, 50, 100].map((v) => `${v}${unit}`),
      gridcolor: GRID,
      zeroline: false,
      fixedrange: true,
      anchor: `y${suffix}`,
    };
    axes[`yaxis${suffix}`] = {
      categoryorder: "array",
      categoryarray: padded,
      // An explicit reversed range keeps every panel's rows at the same heights, padded or not.
      range: [rowsMax - 0.5, -0.5],
      fixedrange: true,
      anchor: `x${suffix}`,
      tickfont: { size: 12 },
      showgrid: false,
    };
    const err = {
      type: "data",
      symmetric: false,
      array: items.map((d) => (hasValue(d) && d.upper != null ? round(d.upper - d.value) : 0)),
      arrayminus: items.map((d) => (hasValue(d) && d.lower != null ? round(d.value - d.lower) : 0)),
      color: "#333333",
      thickness: 1.5,
      width: 5,
    };
    traces.push({
      type: "scatter",
      mode: "markers+text",
      xaxis: `x${suffix}`,
      yaxis: `y${suffix}`,
      x: items.map((d) => (hasValue(d) ? round(d.value) : null)),
      y: labels,
      marker: { size: 11, color: PALETTE[s % PALETTE.length] },
      error_x: err,
      text: items.map((d) => (hasValue(d) ? formatValue(d.value, unit) : "")),
      textposition: "top center",
      textfont: { size: 12 },
      cliponaxis: false,
      customdata: items.map(
        (d) => `${d.label}: ${describeDatum(d, unit)}${d.population ? ` ${d.population}` : ""}`,
      ),
      hovertemplate: "%{customdata}<extra></extra>",
    });
    const blank = items.filter((d) => !hasValue(d));
    if (blank.length) {
      traces.push({
        type: "scatter",
        mode: "text",
        xaxis: `x${suffix}`,
        yaxis: `y${suffix}`,
        x: blank.map(() => 0),
        y: wrapped(
          blank.map((d) => d.label),
          20,
        ),
        text: blank.map((d) => (d.suppressed ? "suppressed" : "no data")),
        textposition: "middle right",
        textfont: { size: 12, color: MUTED },
        hoverinfo: "skip",
        cliponaxis: false,
      });
    }
    annotations.push({
      text: `<b>${s + 1}. ${PATHWAY_STAGES[s]}</b>`,
      showarrow: false,
      xref: "paper",
      yref: "paper",
      x: round(s * col + 0.005, 4),
      y: 1.02,
      xanchor: "left",
      yanchor: "bottom",
      font: { size: 14, color: PALETTE[s % PALETTE.length] },
    });
    if (items.length === 0) {
      annotations.push({
        text: "No indicators",
        showarrow: false,
        xref: "paper",
        yref: "paper",
        x: round((domain[0]! + domain[1]!) / 2, 4),
        y: 0.5,
        font: { size: 13, color: MUTED },
      });
    }
  });
  const layout = themeLayout(options, { width, height, marginLeft: 20, marginRight: 20, marginBottom: 80 });
  layout.margin = { l: 20, r: 20, t: 120, b: 80, pad: 4 };
  Object.assign(layout, axes);
  (layout.annotations as unknown[]).push(...annotations);
  return assembleFigure(
    options,
    { data: traces as unknown as Figure["data"], layout, width, height },
    {
      columns: ["Stage", "Indicator", unit === "%" ? "Percent" : "Value", "95% CI", "n"],
      rows: perStage.flatMap((items) =>
        items.map((d) => [
          d.stage,
          d.label,
          ...datumCells(d, unit).map((c, k) => (k === 2 && c && d.population ? `${c} ${d.population}` : c)),
        ]),
      ),
      footnotes: [
        "Each indicator is a share of surveyed staff (Link Workers or providers), not of referrals: the stages are not connected flows.",
        ...(indicators.some((d) => d.suppressed)
          ? ["supp.: suppressed (counts below the disclosure threshold)."]
          : []),
      ],
    },
  );
}
