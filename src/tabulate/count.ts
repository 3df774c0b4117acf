import type { Codes } from "./encode.js";

/** Cell sums from one pass: weighted sums, unweighted counts, and sums of squared weights (for Kish's n). */
export interface CellSums {
  /** Weighted sums per cell (equal to `unweighted` when no weights were given). */
  readonly weighted: Float64Array;
  readonly unweighted: Float64Array;
  /** Sum of squared weights per cell; null when unweighted. */
  readonly squares: Float64Array | null;
}

/**
 * Counts a 2-way table of codes in one pass: cell (a, b) sits at `a * kb + b`, where `ka`/`kb` include the
 * missing slot. `rows` restricts the pass to a filter's active rows.
 */
export function count2(
  a: Codes,
  ka: number,
  b: Codes,
  kb: number,
  weights: Float64Array | null,
  rows: Uint32Array | null,
): CellSums {
  const size = ka * kb;
  const unweighted = new Float64Array(size);
  if (!weights) {
    if (rows) for (let j = 0; j < rows.length; ++j) unweighted[a[rows[j]!]! * kb + b[rows[j]!]!]! += 1;
    else for (let i = 0; i < a.length; ++i) unweighted[a[i]! * kb + b[i]!]! += 1;
    return { weighted: unweighted, unweighted, squares: null };
  }
  const weighted = new Float64Array(size);
  const squares = new Float64Array(size);
  const n = rows ? rows.length : a.length;
  for (let j = 0; j < n; ++j) {
    const i = rows ? rows[j]! : j;
    const cell = a[i]! * kb + b[i]!;
    const w = weights[i]!;
    weighted[cell]! += w;
    squares[cell]! += w * w;
    unweighted[cell]! += 1;
  }
  return { weighted, unweighted, squares };
}

/** One-way version of count2 (a single column of codes). */
export function count1(
  a: Codes,
  ka: number,
  weights: Float64Array | null,
  rows: Uint32Array | null,
): CellSums {
  const unweighted = new Float64Array(ka);
  if (!weights) {
    if (rows) for (let j = 0; j < rows.length; ++j) unweighted[a[rows[j]!]!]! += 1;
    else for (let i = 0; i < a.length; ++i) unweighted[a[i]!]! += 1;
    return { weighted: unweighted, unweighted, squares: null };
  }
  const weighted = new Float64Array(ka);
  const squares = new Float64Array(ka);
  const n = rows ? rows.length : a.length;
  for (let j = 0; j < n; ++j) {
    const i = rows ? rows[j]! : j;
    const cell = a[i]!;
    const w = weights[i]!;
    weighted[cell]! += w;
    squares[cell]! += w * w;
    unweighted[cell]! += 1;
  }
  return { weighted, unweighted, squares };
}
