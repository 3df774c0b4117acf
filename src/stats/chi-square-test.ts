import gammainc from "@stdlib/math-base-special-gammainc";
import { checkCounts } from "./check-counts.js";

/** Pearson's chi-square test of independence on a rows x columns table. */
export interface ChiSquareResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** Expected counts under independence, same shape as the input (0 in empty rows and columns). */
  readonly expected: number[][];
}

/**
 * Chi-square test of independence with the semantics of scipy `chi2_contingency(observed, correction)`:
 * expected = row total x column total / n; Yates' continuity correction only when df = 1, moving each cell
 * towards its expected count by min(0.5, |O - E|); df = 0 (one non-empty row or column) gives statistic 0
 * and p = 1. The p-value is the regularized upper incomplete gamma function, so tiny p-values (1e-200) keep
 * their precision instead of collapsing to 1 - cdf = 0.
 *
 * Unlike scipy, which raises on zero expected counts, all-zero rows and columns (codebook levels nobody chose)
 * are left out of the statistic and df; their expected counts are reported as 0. A table with no counts at
 * all, a missing (null/NaN) or negative cell throws an error naming the cell. Non-integer (weighted) counts
 * are accepted, as in scipy.
 *
 * @example
 * chiSquareTest([[762, 327, 468], [484, 239, 477]]); // { statistic: 30.0701..., df: 2, p: 2.9536e-7, expected: [...] }
 * chiSquareTest([[10, 20], [30, 40]], { correction: false }).statistic; // 50 / 63
 */
export function chiSquareTest(counts: number[][], options: { correction?: boolean } = {}): ChiSquareResult {
  const { correction = true } = options;
  return pearson(checkCounts("chiSquareTest", counts, false), correction);
}

/** The statistic and df on the non-empty rows/columns; exported for cramersV, not from the package. */
export function pearson(table: ReturnType<typeof checkCounts>, correction: boolean): ChiSquareResult {
  const { cells, rowSums, colSums, total, rows, cols } = table;
  const expected = rowSums.map((r) => colSums.map((c) => (r * c) / total));
  const df = (rows.length - 1) * (cols.length - 1);
  if (df === 0) return { statistic: 0, df: 0, p: 1, expected };
  const yates = correction && df === 1;
  let statistic = 0;
  for (const i of rows) {
    for (const j of cols) {
      const e = expected[i]![j]!;
      let d = Math.abs(cells[i]![j]! - e);
      if (yates) d -= Math.min(0.5, d);
      statistic += (d * d) / e;
    }
  }
  return { statistic, df, p: chiSquareUpperTail(statistic, df), expected };
}

function chiSquareUpperTail(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}
