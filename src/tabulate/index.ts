export { frequencies, FrequenciesResult, type FrequenciesOptions } from "./frequencies.js";
export {
  crosstab,
  CrosstabResult,
  MISSING_LABEL,
  type CrosstabOptions,
  type CrosstabMissing,
  type MissingOption,
  type PercentBase,
} from "./crosstab.js";
export {
  multiResponse,
  MultiResponseResult,
  ALL_LABEL,
  type MultiResponseOptions,
} from "./multi-response.js";
export { likertSummary, LikertSummaryResult, type LikertSummaryOptions } from "./likert-summary.js";
export type { AssociationTest, NoTest, TestOption } from "./association.js";
export type { CellStatus } from "./suppress.js";
export type { Display } from "./display.js";
export { Tabulation, type ToTableOptions } from "./tabulation.js";
export type { TableInput } from "./source.js";
