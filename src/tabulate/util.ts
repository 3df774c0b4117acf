/** 0, 1, ..., n-1. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Plain sum (Kahan is not needed at survey sizes; counts are integers or weight sums). */
export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
