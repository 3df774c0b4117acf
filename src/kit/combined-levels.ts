import type { ColumnTable } from "arquero";
import { UsageError, unknownName } from "../errors/usage-error.js";
import { datumOf } from "../figures/from-tabulation.js";
import type { BarGroup } from "../figures/grouped-bar.js";
import { readGroups } from "../multi-select/read.js";
import type { Tabulation } from "../tabulate/tabulation.js";
import { addColumn } from "./add-column.js";

/**
 * A two-or-more-level column used as one factor of an analysis: its name for a reader, and a label for each
 * of its levels in the order they should appear. Levels are named as the tables name them: a flag's are "No"
 * and "Yes".
 */
export interface Factor {
  /** The column, e.g. "trained" (a flag or a single-answer question). */
  readonly column: string;
  /** What the factor is, for a reader: "Training". */
  readonly name: string;
  /** Each level's label, in order: `{ No: "Not trained", Yes: "Trained" }`. Every level needs one. */
  readonly levels: Readonly<Record<string, string>>;
  /** How to name the group at each level after "among" (default its label): `{ No: "the untrained" }`. */
  readonly among?: Readonly<Record<string, string>>;
}

/**
 * Each row's factor label (null where the column is missing), checked against the column: an unknown column or
 * level, or a level without a label, is a one-line error naming it.
 * @example
 * factorLabels("combineLevels", lw, { column: "trained", name: "Training", levels: { No: "Not trained", Yes: "Trained" } });
 * // ["Not trained", "Trained", null, ...]
 */
export function factorLabels(fn: string, table: ColumnTable, factor: Factor): (string | null)[] {
  if (!table.columnNames().includes(factor.column)) {
    throw unknownName(fn, "column", factor.column, table.columnNames());
  }
  const { levels, labels } = readGroups(fn, table, factor.column);
  for (const key of Object.keys(factor.levels)) {
    if (!levels.includes(key)) throw unknownName(fn, `level of ${factor.column}`, key, levels);
  }
  const unlabelled = levels.filter((l) => factor.levels[l] === undefined && labels.includes(l));
  if (unlabelled.length > 0) {
    throw new UsageError(
      fn,
      `level "${unlabelled[0]}" of ${factor.column} has no label in the factor's levels`,
      {
        valid: `label every level: ${levels.map((l) => `"${l}"`).join(", ")}`,
      },
    );
  }
  return labels.map((l) => (l === null ? null : factor.levels[l]!));
}

/**
 * The table with one more column combining two factors, "<first label><separator><second label>" (null where
 * either is missing), whose ordered levels are every pair: the first factor's levels, each with the second's
 * in turn. Cross-tabulate by it to see both factors at once.
 * @example
 * const training = { column: "trained", name: "Training", levels: { No: "Not trained", Yes: "Trained" } };
 * const activity = { column: "meets_guideline", name: "Own activity", levels: { No: "below 150 min", Yes: "meets 150 min" } };
 * const groups = combineLevels(lw, "training_x_activity", training, activity);
 * levelsOf(groups, "training_x_activity"); // ["Not trained, below 150 min", ..., "Trained, meets 150 min"]
 */
export function combineLevels(
  table: ColumnTable,
  name: string,
  first: Factor,
  second: Factor,
  separator = ", ",
): ColumnTable {
  const fn = "combineLevels";
  const a = factorLabels(fn, table, first);
  const b = factorLabels(fn, table, second);
  const values = a.map((x, r) => (x === null || b[r] === null ? null : `${x}${separator}${b[r]}`));
  const levels = Object.values(first.levels).flatMap((x) =>
    Object.values(second.levels).map((y) => `${x}${separator}${y}`),
  );
  return addColumn(fn, table, name, values, levels);
}

/** Options of {@link crossedSeries}. */
export interface CrossedSeriesOptions {
  /** The separator {@link combineLevels} was given (default ", "). */
  separator?: string;
  /** Bar labels for the second factor's levels, when a chart words them differently from the table. */
  bars?: Readonly<Record<string, string>>;
}

/**
 * Grouped-bar series from a cross-tab by a {@link combineLevels} column: one row level's share, one series per
 * level of the first factor, one bar per level of the second (labelled with the second factor's labels, or
 * `bars`), each with its interval, base and disclosure status.
 * @example
 * const t = crosstab(groups, "confident_discussing", { by: "training_x_activity" });
 * groupedBar(crossedSeries(t, "Yes", training, activity), { title: "...", base: { n: t.base, unit: "Link Workers" } });
 */
export function crossedSeries(
  result: Tabulation,
  level: string,
  first: Factor,
  second: Factor,
  options: CrossedSeriesOptions = {},
): BarGroup[] {
  const fn = "crossedSeries";
  const separator = options.separator ?? ", ";
  const i = result.rowLevels.indexOf(level);
  if (i < 0) throw unknownName(fn, `level of ${result.variable}`, level, result.rowLevels);
  for (const key of Object.keys(options.bars ?? {})) {
    if (second.levels[key] === undefined) {
      throw unknownName(fn, `level of ${second.column}`, key, Object.keys(second.levels));
    }
  }
  return Object.values(first.levels).map((x) => ({
    name: x,
    data: Object.entries(second.levels).map(([key, y]) => {
      const column = `${x}${separator}${y}`;
      const j = result.colLevels.indexOf(column);
      if (j < 0) throw unknownName(fn, `column of ${result.by ?? result.variable}`, column, result.colLevels);
      return datumOf(result, i, j, options.bars?.[key] ?? y);
    }),
  }));
}
