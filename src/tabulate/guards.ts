import { CrosstabResult } from "./crosstab.js";
import { FrequenciesResult } from "./frequencies.js";
import { LikertSummaryResult } from "./likert-summary.js";
import { MultiResponseResult } from "./multi-response.js";
import { Tabulation } from "./tabulation.js";

// Type guards, so notebook code narrows a result without `as any` (tslab compiles cells non-strict, where
// discriminated unions on `kind` narrow less reliably than instanceof).

/**
 * True for any tabulation result.
 * @example
 * if (isTabulation(x)) x.cells();
 */
export function isTabulation(value: unknown): value is Tabulation {
  return value instanceof Tabulation;
}

/**
 * True for a one-way table from `frequencies` (without `by`).
 * @example
 * if (isFrequencies(r)) r.total;
 */
export function isFrequencies(value: unknown): value is FrequenciesResult {
  return value instanceof FrequenciesResult;
}

/**
 * True for a two-way table from `crosstab` (or `frequencies` with `by`).
 * @example
 * if (isCrosstab(r)) r.rowBases;
 */
export function isCrosstab(value: unknown): value is CrosstabResult {
  return value instanceof CrosstabResult;
}

/**
 * True for a multiple-response table.
 * @example
 * if (isMultiResponse(r)) r.respondents;
 */
export function isMultiResponse(value: unknown): value is MultiResponseResult {
  return value instanceof MultiResponseResult;
}

/**
 * True for a Likert summary.
 * @example
 * if (isLikertSummary(r)) r.topBox;
 */
export function isLikertSummary(value: unknown): value is LikertSummaryResult {
  return value instanceof LikertSummaryResult;
}
