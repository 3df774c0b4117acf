import type { ColumnTable } from "arquero";
import type { Figure } from "../figures/types.js";
import type { CoOccurrenceResult } from "../multi-select/co-occurrence.js";
import type { CompareGroupsResult, NumericTest } from "../numeric/compare-groups.js";
import type { AdjustedFamily } from "../stats/adjust-p.js";
import type { PooledTest, StratifiedResult } from "../strata/stratified.js";
import type { WeightedPooledTest, WeightedStratifiedResult } from "../strata/weighted-stratified.js";
import type { AssociationTest, NoTest } from "../tabulate/association.js";
import type { CrosstabResult } from "../tabulate/crosstab.js";
import type { FrequenciesResult } from "../tabulate/frequencies.js";
import type { LikertSummaryResult } from "../tabulate/likert-summary.js";
import type { MultiResponseResult } from "../tabulate/multi-response.js";
import { hiddenMark, type CellStatus } from "../tabulate/suppress.js";
import type { ResultTable } from "./result-table.js";

/** One option of a tick-all-that-apply question tested against the breakdown (ticked vs not, across groups). */
export interface OptionRow {
  readonly option: string;
  /** The option's yes/no cross-tab by the breakdown (weighted when asked), with its test and suppression. */
  readonly table: CrosstabResult;
  /** The test, or why there is none; a test on a table with hidden cells is computed but never shown. */
  readonly test: AssociationTest | NoTest | null;
  /** Raw p (null when there is no test). */
  readonly p: number | null;
  /** False when the table has a suppressed cell: the test and its p-values are not shown. */
  readonly shown: boolean;
}

/** The per-option tests adjusted as one family (Holm by default). */
export type OptionFamily = AdjustedFamily<OptionRow>;

/** Per-option tests of a multi-select by a breakdown, as a table (shares per group, test, p, adjusted p). */
export type OptionTestsTable = ResultTable<"optionTests", OptionFamily>;
/** Options ticked together, as a table (counts and shares of every pair, suppressed where small). */
export type PairsTable = ResultTable<"coOccurrence", CoOccurrenceResult>;
/** One table per stratum and the pooled Cochran-Mantel-Haenszel test. */
export type StrataTable = ResultTable<"stratified", StratifiedResult>;
/** The weighted stratum tables of a weighted `{ strata }` answer (`{ by, strata, weight }`). */
export type WeightedStrataTable = ResultTable<"weighted-stratified", WeightedStratifiedResult>;
/** Summaries of a numeric question by group with the fitting rank test. */
export type NumericTable = ResultTable<"numericSummary", CompareGroupsResult>;

/** What every answer carries besides its table and test. */
export interface AnswerCommon {
  readonly question: string;
  readonly by: string | null;
  readonly area: string | null;
  readonly synthetic: boolean;
  /** The weight column used, or null. */
  readonly weight: string | null;
  readonly figure: Figure;
  /** The test in one line as the table states it (formatTest; the test's own label), or why there is none. */
  readonly testLine: string;
  /** The survey's tidy table (after any area filter). */
  readonly data: ColumnTable;
}

/** A single-choice question alone. */
export interface FrequenciesAnswer extends AnswerCommon {
  readonly kind: "frequencies";
  readonly table: FrequenciesResult;
  readonly test: null;
}
/** A single-choice question by a breakdown: chi-square, Fisher (exact or Monte Carlo) or Rao-Scott (weighted). */
export interface CrosstabAnswer extends AnswerCommon {
  readonly kind: "crosstab";
  readonly table: CrosstabResult;
  readonly test: AssociationTest | NoTest | null;
}
/** A tick-all-that-apply question alone. */
export interface MultiResponseAnswer extends AnswerCommon {
  readonly kind: "multiResponse";
  readonly table: MultiResponseResult;
  readonly test: null;
}
/** A tick-all-that-apply question by a breakdown: one test per option, adjusted as one family. */
export interface OptionsAnswer extends AnswerCommon {
  readonly kind: "options";
  readonly table: OptionTestsTable;
  /** The shares by group with intervals (the chart's data). */
  readonly shares: MultiResponseResult;
  readonly family: OptionFamily;
  readonly test: null;
}
/** One option of a tick-all-that-apply question (`{ option }`), yes/no by the breakdown. */
export interface OptionAnswer extends AnswerCommon {
  readonly kind: "option";
  readonly option: string;
  /** The option's yes/no table (a frequency table without a breakdown). */
  readonly table: CrosstabResult | FrequenciesResult;
  readonly test: AssociationTest | NoTest | null;
  /** The option's p adjusted with every option of the question (null without a breakdown or when hidden). */
  readonly adjustedP: number | null;
  readonly family: OptionFamily | null;
}
/** Which options are ticked together (`{ pairs: true }`). */
export interface PairsAnswer extends AnswerCommon {
  readonly kind: "pairs";
  readonly table: PairsTable;
  readonly test: null;
}
/** The pooled Cochran-Mantel-Haenszel test of a stratified answer, named like every other test. */
export type StrataTest = PooledTest & { readonly method: "cmh"; readonly label: string };

/** A question by a breakdown within each stratum (`{ strata }`), with the pooled test. */
export interface StrataAnswer extends AnswerCommon {
  readonly kind: "strata";
  readonly table: StrataTable;
  readonly test: StrataTest | null;
}
/** The pooled design-based Wald F test of a weighted stratified answer, named like every other test. */
export type WeightedStrataTest = WeightedPooledTest & { readonly label: string };

/**
 * A weighted question by a breakdown within each stratum (`{ by, strata, weight }`): per-stratum Rao-Scott
 * tests (a Holm family) and the pooled design-based Wald F test.
 */
export interface WeightedStrataAnswer extends AnswerCommon {
  readonly kind: "weighted-strata";
  readonly table: WeightedStrataTable;
  readonly test: WeightedStrataTest | null;
}
/** A numeric question: summaries by group, box chart, rank test. */
export interface NumericAnswer extends AnswerCommon {
  readonly kind: "numeric";
  readonly table: NumericTable;
  readonly test: NumericTest | null;
}

/** A Likert question by a breakdown: one diverging row per group, and the cross-tab's test. */
export interface LikertAnswer extends AnswerCommon {
  readonly kind: "likert";
  readonly table: LikertSummaryResult;
  readonly test: AssociationTest | NoTest | null;
}

/** The answer to one question: `kind` says which; its `table` is typed accordingly (narrow on `kind`). */
export type Answer =
  | FrequenciesAnswer
  | CrosstabAnswer
  | MultiResponseAnswer
  | OptionsAnswer
  | OptionAnswer
  | PairsAnswer
  | StrataAnswer
  | WeightedStrataAnswer
  | NumericAnswer
  | LikertAnswer;

/** The disclosure mark of a hidden count ("[c]") or null when shown. */
export function marker(status: CellStatus, _threshold?: number): string | null {
  // One mark for every hidden cell (src/disclosure/README.md): two marks would tell a small cell from its partner.
  return hiddenMark(status);
}

/** The member of {@link Answer} with the given `kind` (e.g. `AnswerOf<"options">` is `OptionsAnswer`). */
export type AnswerOf<K extends Answer["kind"]> = Extract<Answer, { readonly kind: K }>;

/**
 * A type guard for one `kind` of {@link Answer}; the named guards below are all made by it, so that adding a
 * kind adds one line.
 * @example
 * const isFrequencies = answerGuard("frequencies");
 * if (isFrequencies(a)) a.table.rowLevels;
 */
export function answerGuard<K extends Answer["kind"]>(kind: K): (a: Answer) => a is AnswerOf<K> {
  return (a: Answer): a is AnswerOf<K> => a.kind === kind;
}

/**
 * Type guards for {@link Answer}: tslab compiles notebook cells without strict null checks, where a guard
 * narrows more reliably than comparing `kind`.
 * @example
 * const a = ask("link-worker", "refer_to", { by: "trained" });
 * if (isOptionsAnswer(a)) a.family.note;
 */
export const isOptionsAnswer = answerGuard("options");
/** @see isOptionsAnswer @example if (isOptionAnswer(a)) a.adjustedP; */
export const isOptionAnswer = answerGuard("option");
/** @see isOptionsAnswer @example if (isCrosstabAnswer(a)) a.table.colLevels; */
export const isCrosstabAnswer = answerGuard("crosstab");
/** @see isOptionsAnswer @example if (isPairsAnswer(a)) a.table.result.pairs[0]; */
export const isPairsAnswer = answerGuard("pairs");
/** @see isOptionsAnswer @example if (isStrataAnswer(a)) a.test?.p; */
export const isStrataAnswer = answerGuard("strata");
/** @see isOptionsAnswer @example if (isWeightedStrataAnswer(a)) a.table.result.tables[0].adjustedP; */
export const isWeightedStrataAnswer = answerGuard("weighted-strata");
/** @see isOptionsAnswer @example if (isNumericAnswer(a)) a.table.result.summary.groups; */
export const isNumericAnswer = answerGuard("numeric");
/** @see isOptionsAnswer @example if (isLikertAnswer(a)) a.table.groups; */
export const isLikertAnswer = answerGuard("likert");
