export { frequencies, FrequenciesResult, type FrequenciesOptions } from "./frequencies.js";
export { crosstab, CrosstabResult, type CrosstabOptions, type CrosstabMissing } from "./crosstab.js";
export { multiResponse, MultiResponseResult, type MultiResponseOptions } from "./multi-response.js";
export {
  likertSummary,
  LikertSummaryResult,
  type LikertSummaryOptions,
  type TopBox,
} from "./likert-summary.js";
export { MISSING_LABEL, ALL_LABEL } from "./labels.js";
export type { CommonOptions, MissingOption } from "./options.js";
export type { AssociationTest, NoTest, TestOption } from "./association.js";
export type { CellStatus } from "./suppress.js";
export type { Display } from "./display.js";
export {
  Tabulation,
  type TabulationKind,
  type TabulationShape,
  type Cell,
  type Intervals,
  type Suppression,
  type PercentBase,
  type ToTableOptions,
} from "./tabulation.js";
export { formatTest, formatP, formatCount, formatPercent, formatPercentInterval, hasTest } from "./format.js";
export type { FormatTestOptions } from "./format.js";
export { isFrequencies, isCrosstab, isMultiResponse, isLikertSummary, isTabulation } from "./guards.js";
export type { TableInput } from "./source.js";
