import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/** A weighted share with its design-based interval, all on the 0-1 scale. */
export interface SurveyShare {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Linearised standard error of the share. */
  readonly se: number;
  /** Degrees of freedom of the t quantile: respondents in the domain minus 1, as degf(subset(design, ...)). */
  readonly df: number;
  readonly method: "svyciprop xlogit";
}

/** Per-domain sums a share needs: weights and squared weights of the "yes" and "no" respondents. */
export interface ShareSums {
  readonly yesWeight: number;
  readonly noWeight: number;
  readonly yesSquares: number;
  readonly noSquares: number;
  /** Respondents in the domain (zero weights included). */
  readonly domainN: number;
  /** Respondents in the whole design: the variance of a domain share scales by n / (n - 1) of the design. */
  readonly designN: number;
}

/**
 * Interval for a weighted share, matching R `svyciprop(~y, design, method = "xlogit")` for
 * `svydesign(ids = ~1, weights = ~w)`, or `svyciprop(~y, subset(design, domain))` for a share within a
 * domain (a cross-tab row or column): a Wald interval on the logit scale with the linearised variance,
 * t quantile on (domain respondents - 1) df, back-transformed, so it stays inside 0-1. It equals
 * method = "logit" (the default, a quasibinomial svyglm) up to that model's convergence (1e-9 here).
 * A share of exactly 0 or 1 has no logit interval: lower and upper are NaN, as in R.
 *
 * @param y - 1 (or true) where the respondent gives the answer counted, 0 otherwise
 * @param weights - one finite weight >= 0 per respondent
 * @param options - `domain`: 1/true for respondents in the domain (default: everyone); `level` (default 0.95)
 * @example
 * surveyShare([1, 0, 0, 1, 1], [1.2, 0.8, 1, 2.5, 0.7]); // { estimate: 0.709..., lower, upper, se, df: 4 }
 */
export function surveyShare(
  y: ArrayLike<number | boolean>,
  weights: ArrayLike<number>,
  options: { domain?: ArrayLike<number | boolean>; level?: number } = {},
): SurveyShare {
  const fn = "surveyShare";
  const n = y.length;
  const { domain } = options;
  if (weights.length !== n || (domain && domain.length !== n)) {
    throw new Error(
      `${fn}: y, weights${domain ? " and domain" : ""} must have one entry per respondent, got lengths ` +
        `${n}, ${weights.length}${domain ? ` and ${domain.length}` : ""}`,
    );
  }
  let yesWeight = 0;
  let noWeight = 0;
  let yesSquares = 0;
  let noSquares = 0;
  let domainN = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0 && w < Infinity))
      throw new Error(`${fn}: weights[${i}] is ${w}; weights must be finite numbers >= 0`);
    if (domain && !Number(domain[i])) continue;
    const v = Number(y[i]);
    if (v !== 0 && v !== 1)
      throw new Error(`${fn}: y[${i}] is ${String(y[i])}; it must be 0 or 1 (or a boolean)`);
    domainN++;
    if (v === 1) {
      yesWeight += w;
      yesSquares += w * w;
    } else {
      noWeight += w;
      noSquares += w * w;
    }
  }
  return shareFromSums({ yesWeight, noWeight, yesSquares, noSquares, domainN, designN: n }, options.level);
}

/**
 * The same interval from per-domain sums (what a cross-tab keeps per cell).
 *
 * @example
 * shareFromSums({ yesWeight: 30.5, noWeight: 60, yesSquares: 40, noSquares: 75, domainN: 80, designN: 200 });
 */
export function shareFromSums(s: ShareSums, level = 0.95): SurveyShare {
  if (typeof level !== "number" || !(level > 0 && level < 1)) {
    throw new Error(
      `surveyShare: level is ${String(level)}; it must be strictly between 0 and 1 (e.g. 0.95)`,
    );
  }
  const total = s.yesWeight + s.noWeight;
  const df = s.domainN - 1;
  const nan = { estimate: NaN, lower: NaN, upper: NaN, se: NaN, df, method: "svyciprop xlogit" as const };
  if (!(total > 0) || !(s.designN > 1)) return nan;
  const p = s.yesWeight / total;
  // Linearised variance: z_i = w_i (y_i - p) / W in the domain, 0 outside; n/(n-1) of the whole design.
  const variance =
    ((s.designN / (s.designN - 1)) * (s.yesSquares * (1 - p) ** 2 + s.noSquares * p * p)) / (total * total);
  const se = Math.sqrt(variance);
  if (p <= 0 || p >= 1 || !(df > 0)) return { ...nan, estimate: p, se };
  const t = tQuantile(1 - (1 - level) / 2, df);
  const logit = Math.log(p / (1 - p));
  const half = (t * se) / (p * (1 - p));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return {
    estimate: p,
    lower: expit(logit - half),
    upper: expit(logit + half),
    se,
    df,
    method: "svyciprop xlogit",
  };
}
