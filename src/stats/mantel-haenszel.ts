import gammainc from "@stdlib/math-base-special-gammainc";
import quantile from "@stdlib/stats-base-dists-normal-quantile";
import { checkCounts } from "./check-counts.js";

/** Options of {@link mantelHaenszel}. */
export interface MantelHaenszelOptions {
  /** Continuity correction for 2 x 2 x K tables (default true, as R's `correct = TRUE`). */
  correct?: boolean;
  /** Confidence level of the common odds ratio's interval (default 0.95). */
  level?: number;
}

/** The Cochran-Mantel-Haenszel test of conditional independence across K strata. */
export interface MantelHaenszelResult {
  /** "2x2xK" (with the common odds ratio) or "rxcxK" (the generalised test, no odds ratio). */
  readonly form: "2x2xK";
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** Whether the continuity correction was applied (2 x 2 x K only; R applies it when |delta| >= 0.5). */
  readonly corrected: boolean;
  /** The Mantel-Haenszel common odds ratio (cell [0][0] x [1][1] over [0][1] x [1][0], pooled). */
  readonly oddsRatio: number;
  /** Robins-Breslow-Greenland interval of the common odds ratio. */
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  /** Strata used (each with at least 2 respondents). */
  readonly strata: number;
}

/** The generalised (r x c x K) Cochran-Mantel-Haenszel test: no single odds ratio. */
export interface GeneralisedMantelHaenszelResult {
  readonly form: "rxcxK";
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly strata: number;
}

/**
 * Cochran-Mantel-Haenszel test with the semantics of R `mantelhaen.test(x, correct, exact = FALSE)` on an
 * array of K tables (one r x c table of whole counts per stratum). For 2 x 2 x K: the statistic
 * (|sum a - sum E(a)| - 0.5)^2 / sum Var(a) with the 0.5 only when `correct` and |delta| >= 0.5, df 1, the
 * Mantel-Haenszel common odds ratio and its Robins-Breslow-Greenland interval. For larger tables: the
 * generalised statistic n' V^-1 n on the (r-1)(c-1) free cells, df (r-1)(c-1). Reference values from R
 * (tests/stats/reference/mantelhaen.R -> mantelhaen.json).
 *
 * As R, every stratum needs at least 2 respondents; the error names the stratum. A singular variance matrix
 * (e.g. a level nobody chose in any stratum) is an error, as R's "singular matrix" is.
 *
 * @example
 * // Three strata of a 2 x 2 table (invented counts); R: X-squared = 6.4767, df = 1, p-value = 0.01093,
 * // common odds ratio 2.519357 (95% CI 1.282724-4.948189)
 * mantelHaenszel([[[12, 4], [30, 23]], [[9, 6], [14, 20]], [[15, 7], [22, 31]]]).p; // 0.010929890944872...
 */
export function mantelHaenszel(
  tables: readonly (readonly (readonly number[])[])[],
  options: MantelHaenszelOptions = {},
): MantelHaenszelResult | GeneralisedMantelHaenszelResult {
  const fn = "mantelHaenszel";
  if (!Array.isArray(tables) || tables.length === 0)
    throw new Error(`${fn}: expected a non-empty array of strata (one table of counts each)`);
  const checked = tables.map((t, k) => {
    try {
      return checkCounts(fn, t, true);
    } catch (error) {
      // checkCounts also throws on an all-zero table, which R reports as a stratum too small.
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(message.replace(`${fn}:`, `${fn}: stratum ${k + 1}:`), { cause: error });
    }
  });
  const r = checked[0]!.cells.length;
  const c = checked[0]!.cells[0]!.length;
  checked.forEach((t, k) => {
    if (t.cells.length !== r || t.cells[0]!.length !== c)
      throw new Error(
        `${fn}: stratum ${k + 1} is ${t.cells.length} x ${t.cells[0]!.length}, stratum 1 is ${r} x ${c}`,
      );
    if (t.total < 2)
      throw new Error(`${fn}: stratum ${k + 1} has ${t.total} respondent(s); each stratum needs more than 1`);
  });
  if (r < 2 || c < 2)
    throw new Error(`${fn}: each table needs at least 2 rows and 2 columns, got ${r} x ${c}`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new Error(`${fn}: level ${level} is not strictly between 0 and 1`);
  if (r === 2 && c === 2) return twoByTwo(checked, options.correct ?? true, level);
  return generalised(checked, r, c);
}

type Checked = ReturnType<typeof checkCounts>;

function twoByTwo(tables: Checked[], correct: boolean, level: number): MantelHaenszelResult {
  let a = 0;
  let e = 0;
  let v = 0;
  let diag = 0;
  let offd = 0;
  // Robins-Breslow-Greenland variance terms.
  let pr = 0;
  let psqs = 0;
  let qs = 0;
  for (const t of tables) {
    const [[a11, a12], [a21, a22]] = t.cells as [[number, number], [number, number]];
    const n = t.total;
    const m = t.rowSums[0]!;
    const k = t.colSums[0]!;
    a += a11;
    e += (m * k) / n;
    v += (m * (n - m) * k * (n - k)) / (n * n * (n - 1));
    const R = (a11 * a22) / n;
    const S = (a12 * a21) / n;
    const P = (a11 + a22) / n;
    const Q = (a12 + a21) / n;
    diag += R;
    offd += S;
    pr += P * R;
    psqs += P * S + Q * R;
    qs += Q * S;
  }
  const delta = a - e;
  const yates = correct && Math.abs(delta) >= 0.5 ? 0.5 : 0;
  const statistic = (Math.abs(delta) - yates) ** 2 / v;
  const oddsRatio = diag / offd;
  const sd = Math.sqrt(pr / (2 * diag * diag) + psqs / (2 * diag * offd) + qs / (2 * offd * offd));
  const z = quantile((1 + level) / 2, 0, 1);
  return {
    form: "2x2xK",
    statistic,
    df: 1,
    p: upperTail(statistic, 1),
    corrected: yates > 0,
    oddsRatio,
    lower: oddsRatio * Math.exp(-z * sd),
    upper: oddsRatio * Math.exp(z * sd),
    level,
    strata: tables.length,
  };
}

function generalised(tables: Checked[], r: number, c: number): GeneralisedMantelHaenszelResult {
  const df = (r - 1) * (c - 1);
  // Free cells in R's column-major order: index i + (r - 1) j.
  const diff = new Array<number>(df).fill(0);
  const V = Array.from({ length: df }, () => new Array<number>(df).fill(0));
  for (const t of tables) {
    const n = t.total;
    const rows = t.rowSums.slice(0, r - 1);
    const cols = t.colSums.slice(0, c - 1);
    const scale = n * n * (n - 1);
    for (let j = 0; j < c - 1; j++)
      for (let i = 0; i < r - 1; i++) diff[i + (r - 1) * j]! += t.cells[i]![j]! - (rows[i]! * cols[j]!) / n;
    // kronecker(diag(n cols) - cols cols', diag(n rows) - rows rows') / (n^2 (n - 1)), as R builds it.
    for (let j1 = 0; j1 < c - 1; j1++)
      for (let j2 = 0; j2 < c - 1; j2++) {
        const A = (j1 === j2 ? n * cols[j1]! : 0) - cols[j1]! * cols[j2]!;
        for (let i1 = 0; i1 < r - 1; i1++)
          for (let i2 = 0; i2 < r - 1; i2++) {
            const B = (i1 === i2 ? n * rows[i1]! : 0) - rows[i1]! * rows[i2]!;
            V[i1 + (r - 1) * j1]![i2 + (r - 1) * j2]! += (A * B) / scale;
          }
      }
  }
  const solved = solve(V, diff);
  const statistic = diff.reduce((s, d, i) => s + d * solved[i]!, 0);
  return { form: "rxcxK", statistic, df, p: upperTail(statistic, df), strata: tables.length };
}

/**
 * Solves V x = b by Gaussian elimination with partial pivoting. Hand-written: the matrix is at most a few
 * dozen rows ((r-1)(c-1)), and a linear-algebra dependency for one small solve is not worth its weight.
 */
function solve(matrix: number[][], b: number[]): number[] {
  const n = b.length;
  const m = matrix.map((row, i) => [...row, b[i]!]);
  const scale = Math.max(...matrix.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(m[i]![col]!) > Math.abs(m[pivot]![col]!)) pivot = i;
    if (!(Math.abs(m[pivot]![col]!) > 1e-10 * scale))
      throw new Error(
        "mantelHaenszel: the variance matrix is singular (a row or column level is empty in every stratum?)",
      );
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let i = col + 1; i < n; i++) {
      const f = m[i]![col]! / m[col]![col]!;
      for (let j = col; j <= n; j++) m[i]![j]! -= f * m[col]![j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i]![n]!;
    for (let j = i + 1; j < n; j++) s -= m[i]![j]! * x[j]!;
    x[i] = s / m[i]![i]!;
  }
  return x;
}

function upperTail(x: number, df: number): number {
  return x <= 0 ? 1 : gammainc(x / 2, df / 2, true, true);
}
