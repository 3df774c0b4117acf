import { badOption } from "../errors/usage-error.js";
import { isCrosstab, isLikertSummary, isMultiResponse } from "../tabulate/guards.js";
import { ALL_LABEL } from "../tabulate/labels.js";
import type { Tabulation } from "../tabulate/tabulation.js";
import { barChart } from "./bar.js";
import { divergingLikert } from "./diverging-likert.js";
import { barsOf, likertFromSummary, seriesOf, stackedFromCrosstab } from "./from-tabulation.js";
import { groupedBar } from "./grouped-bar.js";
import { stacked100 } from "./stacked100.js";
import type { Base, Figure } from "./types.js";

/** Which builder draws a tabulation. */
export type ChartType = "bar" | "grouped" | "stacked" | "likert";

/** Options of {@link chart}. */
export interface ChartOptions {
  /** The finding, as a sentence (default: the table's caption). */
  title?: string;
  /** The builder (default: bar for one column, grouped bars for a breakdown, diverging bars for Likert). */
  type?: ChartType;
  /** Who the base counts, e.g. "Link Workers answering" (default "respondents answering"). */
  unit?: string;
  /** The base line, replacing "n = <base> <unit>". */
  base?: Base;
  /** Source note (default: the builders' synthetic-data wording). */
  note?: string;
  /** Value-axis title (default "% of <unit>" for bars, "% of each group" for grouped bars). */
  axisTitle?: string;
  /** Keep the table's level order instead of sorting by value (default: true for frequencies and Likert). */
  ordered?: boolean;
  /** For "bar" on a table with several columns: which column to draw (default "All", else the first). */
  column?: string;
  /** For "grouped": one series per row level or per column level (default from the percentage base). */
  series?: "rows" | "columns";
  /** Static image width in CSS pixels. */
  width?: number;
}

/**
 * Draws any tabulation with the builder that fits it, carrying each cell's percentage, Wilson interval,
 * base and disclosure status into the figure (hidden cells are drawn and listed as suppressed):
 * frequencies and multiResponse without `by` as bars, a breakdown as grouped bars (series named with their
 * n), `type: "stacked"` as 100% stacked bars, likertSummary as diverging bars.
 * @example
 * await show(chart(frequencies(lw, "pa_training"), { title: "Four in five had no training", unit: "Link Workers" }));
 * await show(chart(crosstab(lw, "knows_guideline", { by: "trained" }), { title: "Trained Link Workers knew it more often" }));
 */
export function chart(result: Tabulation, options: ChartOptions = {}): Figure {
  const type = options.type ?? defaultType(result);
  if (!["bar", "grouped", "stacked", "likert"].includes(type)) {
    throw badOption("chart", "type", type, ["bar", "grouped", "stacked", "likert"]);
  }
  const unit = options.unit ?? "respondents answering";
  const common = {
    title: options.title ?? result.caption,
    base: options.base ?? { n: result.base, unit },
    ...(options.note !== undefined ? { note: options.note } : {}),
    ...(options.width !== undefined ? { width: options.width } : {}),
  };
  const ordered = options.ordered ?? (result.kind === "frequencies" || result.kind === "likertSummary");
  if (type === "likert") {
    if (!isLikertSummary(result)) throw badOption("chart", "type", type, ["bar", "grouped", "stacked"]);
    return divergingLikert(result.colLevels, likertFromSummary(result), { ...common, ordered });
  }
  if (type === "stacked") {
    return stacked100(result.colLevels, stackedFromCrosstab(result), { ...common, ordered, scale: ordered });
  }
  if (type === "bar") {
    const column = options.column ?? (result.colLevels.includes(ALL_LABEL) ? ALL_LABEL : result.colLevels[0]);
    return barChart(barsOf(result, column), {
      ...common,
      ordered,
      axisTitle: options.axisTitle ?? `% of ${unit.replace(/ answering$/, "")}`,
    });
  }
  const byColumn = (options.series ?? (result.percent === "row" ? "rows" : "columns")) === "columns";
  const series = seriesOf(result, {
    series: byColumn ? "columns" : "rows",
    // A multiple-response "All" column is the sum of the groups, not a group of its own.
    skip: isMultiResponse(result) && result.by ? [ALL_LABEL] : [],
  });
  const named = series.map((g) => ({
    ...g,
    name: `${g.name} (n = ${seriesBase(result, g.name, byColumn)})`,
  }));
  return groupedBar(named, {
    ...common,
    ordered: options.ordered ?? !isMultiResponse(result),
    axisTitle: options.axisTitle ?? "% of each group",
  });
}

function defaultType(result: Tabulation): ChartType {
  if (isLikertSummary(result)) return "likert";
  return result.colLevels.length > 1 || isCrosstab(result) ? "grouped" : "bar";
}

// The unweighted base of one series (a row or a column), as shown: "<k" when disclosure control hid it.
function seriesBase(result: Tabulation, name: string, byColumn: boolean): string {
  // A hidden base says only that it is hidden: "<5" would tell a secondary (large) base from a small one.
  const shown = (status: string | undefined, n: number | undefined) =>
    status === "shown" ? String(n) : "suppressed";
  if (isCrosstab(result)) {
    const s = result.suppression;
    if (!byColumn) {
      const i = result.rowLevels.indexOf(name);
      return shown(s.rowTotals[i], result.rowBases[i]);
    }
    const j = result.colLevels.indexOf(name);
    return shown(s.colTotals[j], result.colBases[j]);
  }
  if (isMultiResponse(result) && byColumn) {
    const j = result.colLevels.indexOf(name);
    return shown(result.suppression.colBases[j], result.respondentsUnweighted[j]);
  }
  return String(result.base);
}
