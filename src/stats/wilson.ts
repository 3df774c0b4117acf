import quantile from "@stdlib/stats-base-dists-normal-quantile";

/** A proportion with its Wilson score interval, all on the 0-1 scale. */
export interface WilsonInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval for a proportion, as statsmodels `proportion_confint(count, nobs, alpha,
 * method="wilson")` computes it (no continuity correction, no clipping). Non-integer counts (weighted or
 * effective sizes) are accepted as in statsmodels. `n = 0` gives NaN for all three fields, as statsmodels does.
 *
 * @param successes - number of "yes" answers, 0 <= successes <= n
 * @param n - the base (number of valid answers)
 * @param level - confidence level, strictly between 0 and 1 (default 0.95)
 * @example
 * wilson(81, 263); // { estimate: 0.30798..., lower: 0.25529..., upper: 0.36621... } (Newcombe 1998: 0.2553-0.3662)
 */
export function wilson(successes: number, n: number, level = 0.95): WilsonInterval {
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0) {
    throw new Error(`wilson: n is ${String(n)}; the base must be a finite number >= 0`);
  }
  if (typeof successes !== "number" || !Number.isFinite(successes) || successes < 0) {
    throw new Error(`wilson: successes is ${String(successes)}; it must be a finite number >= 0`);
  }
  if (typeof level !== "number" || !(level > 0 && level < 1)) {
    throw new Error(`wilson: level is ${String(level)}; it must be strictly between 0 and 1 (e.g. 0.95)`);
  }
  // Weighted shares times an effective base can overshoot n by rounding noise; anything more is a caller bug.
  if (successes > n) {
    if (successes - n > 1e-12 * n) throw new Error(`wilson: successes is ${successes}, more than n = ${n}`);
    successes = n;
  }
  if (n === 0) return { estimate: NaN, lower: NaN, upper: NaN };
  return wilsonInterval(successes, n, quantile(1 - (1 - level) / 2, 0, 1));
}

function wilsonInterval(successes: number, n: number, z: number): WilsonInterval {
  // The statsmodels formula, term for term, so that results agree to rounding.
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const dist = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { estimate: p, lower: center - dist, upper: center + dist };
}
