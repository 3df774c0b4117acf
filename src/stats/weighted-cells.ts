/** Per-cell sums of a weighted two-way table: what a design with ids = ~1 needs from its respondents. */
export interface WeightedCells {
  /** Sum of weights per cell, rows x columns. */
  readonly sums: readonly (readonly number[])[];
  /** Sum of squared weights per cell, same shape. */
  readonly squares: readonly (readonly number[])[];
  /** Respondents in the design (zero weights included). */
  readonly n: number;
}

/**
 * Validates respondent-level codes and weights and sums them per cell. Errors name the function, the
 * respondent index and the value.
 */
export function weightedCells(
  fn: string,
  rowCodes: ArrayLike<number>,
  colCodes: ArrayLike<number>,
  weights: ArrayLike<number>,
): WeightedCells {
  const n = rowCodes.length;
  if (colCodes.length !== n || weights.length !== n) {
    throw new Error(
      `${fn}: rowCodes, colCodes and weights must have one entry per respondent, got lengths ` +
        `${n}, ${colCodes.length} and ${weights.length}`,
    );
  }
  let r = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const a = rowCodes[i]!;
    const b = colCodes[i]!;
    const w = weights[i]!;
    if (!(Number.isInteger(a) && a >= 0))
      throw new Error(
        `${fn}: rowCodes[${i}] is ${a}; codes must be integers >= 0 (drop missing answers first)`,
      );
    if (!(Number.isInteger(b) && b >= 0))
      throw new Error(
        `${fn}: colCodes[${i}] is ${b}; codes must be integers >= 0 (drop missing answers first)`,
      );
    if (!(w >= 0 && w < Infinity))
      throw new Error(`${fn}: weights[${i}] is ${w}; weights must be finite numbers >= 0`);
    if (a >= r) r = a + 1;
    if (b >= c) c = b + 1;
  }
  const sums = Array.from({ length: r }, () => new Array<number>(c).fill(0));
  const squares = Array.from({ length: r }, () => new Array<number>(c).fill(0));
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    sums[rowCodes[i]!]![colCodes[i]!]! += w;
    squares[rowCodes[i]!]![colCodes[i]!]! += w * w;
  }
  return { sums, squares, n };
}
