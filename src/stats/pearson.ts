/**
 * Pearson's r of two equally long series of finite numbers, clamped to [-1, 1] (rounding can carry a perfect
 * correlation just past it); NaN when either series is constant, as scipy. Spearman's rho is this r of the
 * mid-ranks.
 * @example
 * pearson([1, 2, 3, 4], [2, 4, 5, 9]); // 0.9647... (scipy pearsonr)
 * pearson([1, 2, 3], [5, 5, 5]); // NaN
 */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}
