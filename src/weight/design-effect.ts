/**
 * Kish's design effect due to unequal weights, n sum(w^2) / (sum w)^2 (1 + the squared coefficient of
 * variation of the weights): how many times larger a weighted estimate's variance is than an unweighted one
 * of the same n, roughly. 1 for equal weights; NaN with no positive weight.
 * @example
 * kishDesignEffect([1, 1, 2, 2]); // 1.1111... (4 * 10 / 36)
 */
export function kishDesignEffect(weights: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i]!;
    s2 += weights[i]! * weights[i]!;
  }
  return s > 0 ? (weights.length * s2) / (s * s) : NaN;
}

/**
 * Kish's effective sample size (sum w)^2 / sum(w^2): the unweighted n that would give the same precision.
 * @example
 * kishEffectiveN([1, 1, 2, 2]); // 3.6
 */
export function kishEffectiveN(weights: ArrayLike<number>): number {
  const deff = kishDesignEffect(weights);
  return Number.isNaN(deff) ? 0 : weights.length / deff;
}
