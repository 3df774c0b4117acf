import betainc from "@stdlib/math-base-special-betainc";
import gammainc from "@stdlib/math-base-special-gammainc";
import { weightedCells, type WeightedCells } from "./weighted-cells.js";

/** Which Rao-Scott correction: the second-order F (svychisq's default) or the first-order chi-square. */
export type RaoScottStatistic = "F" | "Chisq";

/** A design-based test of independence on a weighted two-way table (Rao & Scott 1981, 1984). */
export interface RaoScottResult {
  /** What was computed, e.g. "Rao-Scott F (second-order), mean design effect 1.84". */
  readonly method: string;
  readonly statistic: RaoScottStatistic;
  /** Pearson's X^2 on the weighted table rescaled to the n respondents (svytable(..., Ntotal = n)). */
  readonly pearson: number;
  /** The corrected statistic: F = X^2 / sum(delta) for "F", X^2 / mean(delta) for "Chisq". */
  readonly value: number;
  /** Degrees of freedom: [ndf, ddf] of the F test, or [df] of the first-order chi-square. */
  readonly df: readonly number[];
  readonly p: number;
  /** Mean generalized design effect, mean(delta): how much the design inflates X^2 on average. */
  readonly designEffect: number;
  /** Respondents in the design (including any zero weights), and the rows and columns kept. */
  readonly n: number;
  readonly rows: number;
  readonly columns: number;
}

/**
 * Rao-Scott test of independence for a weighted two-way table, as R's
 * `svychisq(~row + col, svydesign(ids = ~1, weights = ~w, data))`: Pearson's X^2 on the weighted table
 * (rescaled to the sample size) divided by the design effects of the table's interaction contrasts, estimated
 * by Taylor linearisation (with-replacement, n / (n - 1)). `statistic: "F"` (default, as R) is the
 * second-order correction, F = X^2 / sum(delta) on (d0, d0 (n - 1)) degrees of freedom with
 * d0 = sum(delta)^2 / sum(delta^2); `"Chisq"` is the first-order X^2 / mean(delta) on (r - 1)(c - 1) df.
 *
 * Respondents are given by their row code, column code (integers from 0) and weight; all of them form the
 * design, so drop respondents with a missing answer first (a complete-case design). Levels with no
 * respondents, or zero total weight, are left out, as svychisq counts only the levels present.
 * Tested against svychisq on random weighted tables (p within 1e-6 relative; tests/stats/rao-scott.test.ts).
 *
 * @example
 * const t = raoScottTest([0, 0, 1, 1, 0, 1], [0, 1, 0, 1, 0, 1], [1.2, 0.8, 1, 2.5, 0.7, 1.1]);
 * t.method; // "Rao-Scott F (second-order), mean design effect ..."
 * t.p;      // as svychisq(~row + col, design)$p.value
 */
export function raoScottTest(
  rowCodes: ArrayLike<number>,
  colCodes: ArrayLike<number>,
  weights: ArrayLike<number>,
  options: { statistic?: RaoScottStatistic } = {},
): RaoScottResult {
  return raoScottFromCells(weightedCells("raoScottTest", rowCodes, colCodes, weights), options);
}

/**
 * The same test from per-cell sums: for a design with ids = ~1 the linearised covariance of the cell shares
 * depends on the respondents only through each cell's sum of weights and sum of squared weights
 * (z_i = w_i (e_cell - p) / W), so a cross-tab's one-pass sums suffice.
 *
 * @example
 * raoScottFromCells({ sums: [[3.1, 2], [1.5, 4]], squares: [[5.2, 2.1], [1.3, 6]], n: 12 }).p;
 */
export function raoScottFromCells(
  cells: WeightedCells,
  options: { statistic?: RaoScottStatistic } = {},
): RaoScottResult {
  const statistic = options.statistic ?? "F";
  if (statistic !== "F" && statistic !== "Chisq") {
    throw new Error(`raoScottTest: option statistic must be "F" or "Chisq", got ${String(statistic)}`);
  }
  const { n } = cells;
  const keepRows = cells.sums.flatMap((row, i) => (row.reduce((a, b) => a + b, 0) > 0 ? [i] : []));
  const width = cells.sums[0]?.length ?? 0;
  const keepCols: number[] = [];
  for (let j = 0; j < width; j++) if (keepRows.some((i) => cells.sums[i]![j]! > 0)) keepCols.push(j);
  const r = keepRows.length;
  const c = keepCols.length;
  if (r < 2 || c < 2) {
    throw new Error(
      `raoScottTest: needs at least 2 rows and 2 columns with positive weight, got ${r} x ${c}`,
    );
  }
  if (!(n > 1)) throw new Error(`raoScottTest: needs at least 2 respondents, got n = ${n}`);
  const sums = keepRows.map((i) => keepCols.map((j) => cells.sums[i]![j]!));
  const squares = keepRows.map((i) => keepCols.map((j) => cells.squares[i]![j]!));
  const total = sums.reduce((a, row) => a + row.reduce((s, v) => s + v, 0), 0);

  // Cell shares p (cell k = i * c + j) and Pearson's X^2 on the table rescaled to n respondents.
  const m = r * c;
  const p = new Float64Array(m);
  const rowP = sums.map((row) => row.reduce((a, b) => a + b, 0) / total);
  const colP = Array.from({ length: c }, (_, j) => sums.reduce((a, row) => a + row[j]!, 0) / total);
  let pearson = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      p[i * c + j] = sums[i]![j]! / total;
      const e = rowP[i]! * colP[j]!;
      pearson += (p[i * c + j]! - e) ** 2 / e;
    }
  }
  pearson *= n;

  // Interaction contrasts: any basis of the doubly-centred r x c matrices spans the same space as R's
  // qr.resid(X1, X12), and the eigenvalues of Delta do not depend on the basis. Column (a, b) of C is
  // (e_a - e_last) x (f_b - f_last); A = D^-1 C with D^-1 = 0 on empty cells, as svychisq.
  const q = (r - 1) * (c - 1);
  const A = Array.from({ length: m }, () => new Float64Array(q));
  for (let a = 0; a < r - 1; a++) {
    for (let b = 0; b < c - 1; b++) {
      const col = a * (c - 1) + b;
      const put = (i: number, j: number, sign: number) => {
        const k = i * c + j;
        if (p[k]! > 0) A[k]![col] = sign / p[k]!;
      };
      put(a, b, 1);
      put(a, c - 1, -1);
      put(r - 1, b, -1);
      put(r - 1, c - 1, 1);
    }
  }
  // denom = C' D^-1 C / n, and C' D^-1 C = sum_k p_k A_k A_k'.
  const denom = zeros(q);
  // numer = C' D^-1 V D^-1 C, V = n/(n-1) sum_i z_i z_i', z_i = w_i (e_k - p) / W: per cell, g_k = A_k - A'p.
  const numer = zeros(q);
  const Ap = new Float64Array(q);
  for (let k = 0; k < m; k++) for (let t = 0; t < q; t++) Ap[t]! += A[k]![t]! * p[k]!;
  const g = new Float64Array(q);
  for (let k = 0; k < m; k++) {
    const Ak = A[k]!;
    const pk = p[k]!;
    const s2 = squares[Math.floor(k / c)]![k % c]! / (total * total);
    for (let t = 0; t < q; t++) g[t] = Ak[t]! - Ap[t]!;
    for (let u = 0; u < q; u++) {
      for (let v = 0; v < q; v++) {
        denom[u]![v]! += (pk * Ak[u]! * Ak[v]!) / n;
        numer[u]![v]! += s2 * g[u]! * g[v]!;
      }
    }
  }
  // Respondents with zero weight contribute z_i = 0 but still count in n / (n - 1) (R keeps them in the design).
  const scale = n / (n - 1);
  for (const row of numer) for (let v = 0; v < q; v++) row[v]! *= scale;
  const delta = solve(denom, numer);
  let trace = 0;
  let trace2 = 0;
  for (let u = 0; u < q; u++) {
    trace += delta[u]![u]!;
    for (let v = 0; v < q; v++) trace2 += delta[u]![v]! * delta[v]![u]!;
  }
  const designEffect = trace / q;
  const shape = { n, rows: r, columns: c, pearson, designEffect };
  const deff = designEffect.toFixed(2);
  if (statistic === "Chisq") {
    const value = pearson / designEffect;
    const pv = value > 0 ? gammainc(value / 2, q / 2, true, true) : 1;
    return {
      ...shape,
      method: `Rao-Scott chi-square (first-order), mean design effect ${deff}`,
      statistic,
      value,
      df: [q],
      p: pv,
    };
  }
  const value = pearson / trace;
  const ndf = (trace * trace) / trace2;
  const ddf = ndf * (n - 1);
  // P(F > x) as the regularized incomplete beta, which keeps tiny p-values (1 - cdf would round them to 0).
  const pv = value > 0 ? betainc(ddf / (ddf + ndf * value), ddf / 2, ndf / 2) : 1;
  return {
    ...shape,
    method: `Rao-Scott F (second-order), mean design effect ${deff}`,
    statistic,
    value,
    df: [ndf, ddf],
    p: pv,
  };
}

function zeros(q: number): Float64Array[] {
  return Array.from({ length: q }, () => new Float64Array(q));
}

/** Solves M X = B by Gaussian elimination with partial pivoting (q is (r-1)(c-1): small). */
function solve(M: Float64Array[], B: Float64Array[]): Float64Array[] {
  const q = M.length;
  const a = M.map((row) => Float64Array.from(row));
  const b = B.map((row) => Float64Array.from(row));
  for (let col = 0; col < q; col++) {
    let pivot = col;
    for (let i = col + 1; i < q; i++) if (Math.abs(a[i]![col]!) > Math.abs(a[pivot]![col]!)) pivot = i;
    if (!(Math.abs(a[pivot]![col]!) > 0)) {
      throw new Error("raoScottTest: the table's contrasts are degenerate (too many empty cells to test)");
    }
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let i = 0; i < q; i++) {
      if (i === col) continue;
      const f = a[i]![col]! / a[col]![col]!;
      if (f === 0) continue;
      for (let t = col; t < q; t++) a[i]![t]! -= f * a[col]![t]!;
      for (let t = 0; t < q; t++) b[i]![t]! -= f * b[col]![t]!;
    }
  }
  return b.map((row, i) => row.map((v) => v / a[i]![i]!));
}
