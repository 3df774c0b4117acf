import type { ColumnTable } from "arquero";
import { UsageError } from "../errors/usage-error.js";
import {
  compareOptions,
  type CompareOptionsOptions,
  type PairedOptions,
} from "../multi-select/compare-options.js";

/**
 * One option of a tick-all-that-apply question against each of several others (`compareOptions` for each
 * pair, same respondents): the tests behind "X is ticked more often than the runners-up". Adjust them together.
 * @example
 * compareWithEach(lw, "more_provision", "Physical activity", ["Mental health support", "Peer support groups"]);
 * // [Physical activity vs Mental health support, Physical activity vs Peer support groups]
 */
export function compareWithEach(
  table: ColumnTable,
  question: string,
  option: string,
  others: readonly string[],
  options: CompareOptionsOptions = {},
): PairedOptions[] {
  if (others.length === 0) throw new UsageError("compareWithEach", `no options to compare "${option}" with`);
  return others.map((other) => compareOptions(table, question, option, other, options));
}

/**
 * The options of a ranking, each against the next (`compareOptions` for each step, same respondents): the
 * tests behind "A, then B, then C". Adjust them together.
 * @example
 * compareInRankOrder(pv, "challenges", ["Distance of travel to activities", "Levels of health and fitness", "Mental health"]);
 * // [distance vs health and fitness, health and fitness vs mental health]
 */
export function compareInRankOrder(
  table: ColumnTable,
  question: string,
  ranked: readonly string[],
  options: CompareOptionsOptions = {},
): PairedOptions[] {
  if (ranked.length < 2) {
    throw new UsageError("compareInRankOrder", `a ranking needs two options or more, got ${ranked.length}`);
  }
  return ranked.slice(1).map((next, i) => compareOptions(table, question, ranked[i]!, next, options));
}
