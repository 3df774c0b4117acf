// Statistics for proportions and contingency tables (issue 4); reference values in tests/stats.
export { wilson, type WilsonInterval } from "./wilson.js";
export { chiSquareTest, type ChiSquareResult } from "./chi-square-test.js";
export { fisherExact, FisherTooLarge } from "./fisher-exact.js";
export { cramersV } from "./cramers-v.js";
export { raoScottTest, raoScottFromCells, type RaoScottResult, type RaoScottStatistic } from "./rao-scott.js";
export type { WeightedCells } from "./weighted-cells.js";
export { surveyShare, shareFromSums, type SurveyShare, type ShareSums } from "./survey-share.js";
export {
  adjustP,
  adjustFamily,
  type AdjustMethod,
  type AdjustedFamily,
  type FamilyMember,
} from "./adjust-p.js";
export type { FisherMode, FisherOptions, FisherResult } from "./fisher-exact.js";
export { compareColumnProportions, type ColumnComparisons, type ColumnPair } from "./column-proportions.js";
