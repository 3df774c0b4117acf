import { checkCounts } from "./check-counts.js";
import { pearson } from "./chi-square-test.js";

/**
 * Cramér's V, uncorrected: sqrt(chi2 / (n (min(r, c) - 1))) with the chi-square statistic computed WITHOUT
 * continuity correction, as scipy `stats.contingency.association(observed, method="cramer")`. All-zero rows
 * and columns are left out (they would change min(r, c) without carrying any answer); when fewer than two
 * non-empty rows or columns remain V is undefined and NaN is returned (scipy also gives nan). Errors as in
 * chiSquareTest.
 *
 * @example
 * cramersV([[100, 150], [203, 322], [420, 700], [320, 210]]); // 0.18617813077483678 (scipy docs)
 */
export function cramersV(counts: number[][]): number {
  const table = checkCounts("cramersV", counts, false);
  const k = Math.min(table.rows.length, table.cols.length) - 1;
  if (k === 0) return NaN;
  return Math.sqrt(pearson(table, false).statistic / (table.total * k));
}
