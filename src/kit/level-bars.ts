import { UsageError, unknownName } from "../errors/usage-error.js";
import { barChart } from "../figures/bar.js";
import { datumOf } from "../figures/from-tabulation.js";
import type { Base, Datum, Figure } from "../figures/types.js";
import { isTabulation } from "../tabulate/guards.js";
import type { Tabulation } from "../tabulate/tabulation.js";

/** Some columns of a tabulation, in the order to draw them, each with its bar label (from {@link columnsOf}). */
export interface LabelledColumns {
  readonly result: Tabulation;
  /** Column level to bar label, in drawing order: `{ Yes: "Received PA training", No: "No PA training" }`. */
  readonly labels: Readonly<Record<string, string>>;
}

/** Where {@link levelBars} takes bars from: a tabulation (every column, labelled with its level), or some of its columns. */
export type LevelSource = Tabulation | LabelledColumns;

/**
 * Chooses columns of a tabulation for {@link levelBars}, in the order given, each with its bar label; a column
 * the tabulation does not have is a one-line error naming the closest ones.
 * @example
 * columnsOf(knowsByTraining, { Yes: "Received PA training", No: "No PA training" });
 */
export function columnsOf(result: Tabulation, labels: Readonly<Record<string, string>>): LabelledColumns {
  for (const column of Object.keys(labels)) {
    if (!result.colLevels.includes(column)) {
      throw unknownName("columnsOf", `column of ${result.by ?? result.variable}`, column, result.colLevels);
    }
  }
  return { result, labels };
}

/**
 * One row level's share in each chosen column of one or more tabulations, as bars: e.g. the share who knew the
 * guideline among the trained and the untrained (one cross-tab) and among the active and the inactive
 * (another). Each bar carries its cell's interval, base and disclosure status, as `datumOf` does.
 * @example
 * levelBars("Yes", [
 *   columnsOf(knowsByTraining, { Yes: "Received PA training", No: "No PA training" }),
 *   knowsByBand, // every column of the table, labelled with its level
 * ]);
 */
export function levelBars(level: string, sources: readonly LevelSource[]): Datum[] {
  return sources.flatMap((source) => {
    const { result, labels } = isTabulation(source) ? { result: source, labels: undefined } : source;
    const i = result.rowLevels.indexOf(level);
    if (i < 0) throw unknownName("levelBars", `level of ${result.variable}`, level, result.rowLevels);
    const columns = labels ? Object.keys(labels) : result.colLevels;
    return columns.map((column) =>
      datumOf(result, i, result.colLevels.indexOf(column), labels?.[column] ?? column),
    );
  });
}

/** Options of {@link levelChart}. */
export interface LevelChartOptions {
  /** The finding, as a sentence. */
  title: string;
  /** Who the base counts, e.g. "Link Workers answering". */
  unit: string;
  /** Value-axis title, e.g. "% who knew the guideline". */
  axisTitle: string;
  /** Source note (e.g. the section's `s.note`). */
  note?: string;
  /** The base line (default: the first tabulation's base, in `unit`). */
  base?: Base;
}

/**
 * A bar chart of {@link levelBars}, bars in the order given (they compare groups, not a ranking), with the
 * first tabulation's base.
 * @example
 * await show(
 *   levelChart("Yes", [columnsOf(knowsByTraining, { Yes: "Received PA training", No: "No PA training" }), knowsByBand], {
 *     title: "Trained and active Link Workers more often know the guideline",
 *     unit: "Link Workers answering",
 *     axisTitle: "% who knew the guideline",
 *   }),
 * );
 */
export function levelChart(
  level: string,
  sources: readonly LevelSource[],
  options: LevelChartOptions,
): Figure {
  const first = sources[0];
  if (first === undefined)
    throw new UsageError("levelChart", "no tabulation to draw from: give at least one");
  const bars = levelBars(level, sources);
  const base = options.base ?? { n: (isTabulation(first) ? first : first.result).base, unit: options.unit };
  return barChart(bars, {
    title: options.title,
    ordered: true,
    base,
    axisTitle: options.axisTitle,
    ...(options.note !== undefined ? { note: options.note } : {}),
  });
}
