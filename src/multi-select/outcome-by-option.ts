import { table as aqTable, type ColumnTable } from "arquero";
import { levelsOf, withLevels } from "../codebook/levels.js";
import { unknownName } from "../errors/usage-error.js";
import { datumOf } from "../figures/from-tabulation.js";
import type { BarGroup } from "../figures/grouped-bar.js";
import { familyRow, type FamilyRow } from "../kit/family-table.js";
import { crosstab, type CrosstabResult } from "../tabulate/index.js";
import { readGroups, readMulti } from "./read.js";

/** Options of {@link outcomeByOption}. */
export interface OutcomeByOptionOptions {
  /** The outcome level whose share is compared (default "Yes", for a flag). */
  level?: string;
  /** Names of the two groups, ticked and not ticked (default "Ticked", "Not ticked"). */
  names?: readonly [string, string];
  /** Notes under every table (e.g. the source note). */
  notes?: string[];
  /** Disclosure threshold passed to crosstab (default 5). */
  suppress?: number | false;
}

/** One option: the outcome among respondents who ticked it vs those who did not, as a family row. */
export interface OptionSplit extends FamilyRow {
  readonly option: string;
  /** crosstab(outcome, { by: ticked / not ticked }) among respondents who answered both questions. */
  readonly result: CrosstabResult;
}

/** The outcome split by every option of a tick-all-that-apply question. */
export interface OutcomeByOption {
  readonly question: string;
  readonly outcome: string;
  readonly level: string;
  readonly names: readonly [string, string];
  readonly splits: OptionSplit[];
  /** Grouped-bar series (ticked, not ticked) of the level's share per option, with intervals and suppression. */
  readonly series: BarGroup[];
}

/**
 * For each option of a tick-all-that-apply question, the cross-tab of a single-answer `outcome` between the
 * respondents who ticked the option and those who did not (column %, Wilson intervals, the usual test and
 * disclosure control). Each split is a family row (label "<question>: <option>", raw p, hidden): adjust them together with
 * `adjustFamily` before quoting a p-value, since a claim about "who goes with the outcome" rests on all of them.
 * @example
 * const c = outcomeByOption(pv, "consult", "confident_additional_needs", { names: ["Consult them", "Do not"] });
 * c.splits[0].result.cell("Yes", "Consult them").percent; // share confident among those who consult option 0
 * groupedBar(c.series, { title: "...", base: "n = 200 providers" });
 */
export function outcomeByOption(
  table: ColumnTable,
  question: string,
  outcome: string,
  options: OutcomeByOptionOptions = {},
): OutcomeByOption {
  const fn = "outcomeByOption";
  const multi = readMulti(fn, table, question);
  const groups = readGroups(fn, table, outcome);
  const level = options.level ?? "Yes";
  if (!groups.levels.includes(level)) throw unknownName(fn, `level of ${outcome}`, level, groups.levels);
  const names = options.names ?? (["Ticked", "Not ticked"] as const);
  const recorded = levelsOf(table, outcome);
  const splits = multi.levels.map((option): OptionSplit => {
    const column = `${question}: ${option}`;
    const ticked = multi.rows.map((row) =>
      row === null ? null : row.includes(option) ? names[0] : names[1],
    );
    const split = withLevels(aqTable({ [outcome]: groups.labels, [column]: ticked }), {
      [column]: [...names],
      [outcome]: recorded ? [...recorded] : groups.levels,
    });
    const result = crosstab(split, outcome, {
      by: column,
      caption: `${outcome} by whether respondents ticked "${option}" (${question}), column %`,
      ...(options.notes ? { notes: options.notes } : {}),
      ...(options.suppress !== undefined ? { suppress: options.suppress } : {}),
    });
    const row = result.rowLevels.indexOf(level);
    const share = (j: number) => {
      const d = datumOf(result, row, j);
      return d.suppressed || d.value === null ? "–" : `${d.value.toFixed(1)}% (n = ${d.n})`;
    };
    const test = familyRow(`${question}: ${option}`, result);
    return { ...test, detail: `${share(0)} vs ${share(1)}; ${test.detail}`, option, result };
  });
  const series = names.map((name, j) => ({
    name,
    data: splits.map((s) => datumOf(s.result, s.result.rowLevels.indexOf(level), j, s.option)),
  }));
  return { question, outcome, level, names, splits, series };
}
