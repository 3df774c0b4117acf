import betainc from "@stdlib/math-base-special-betainc";

/** A design-based rank test of a numeric value across groups (R's `survey::svyranktest`). */
export interface SurveyRankTest {
  /** "t" for two groups (difference in mean rank score / its SE), "F" for more (Wald chi-square / df). */
  readonly kind: "t" | "F";
  readonly statistic: number;
  /** [1, n - 2] for two groups (the t's df is the second); [g - 1, n - g] for g groups. */
  readonly df: [number, number];
  readonly p: number;
  /** Respondents used: a value, a group and a weight (complete cases). */
  readonly n: number;
  readonly method: string;
}

/**
 * The design-based Kruskal-Wallis / Wilcoxon test of Lumley & Scott (2013, "Two-sample rank tests under
 * complex sampling", Biometrika 100:831-842), as R's `svyranktest(y ~ g, svydesign(ids = ~1, weights = ~w),
 * test = "KruskalWallis")` computes it for a design with weights only (no clusters or strata): each value's
 * rank is its estimated population mid-rank (cumulative weight minus half its own, averaged over ties) over the
 * total weight; the weighted mean rank score of each group is compared by a Wald test with the linearisation
 * (sandwich) variance, N / (N - 1) times the sum of squared influence values. Two groups: t on n - 2 df;
 * g groups: F = X² / (g - 1) on (g - 1, n - g) df, where n counts complete cases (a value and a group) and N
 * every row given: R leaves rows with a missing value in the design with weight 0, which changes only that
 * factor. Pass the rows of the whole design (the survey's table), not only the complete cases.
 * @example
 * surveyRankTest([120, 90, 300, 45], ["a", "a", "b", "b"], [1.2, 0.8, 1, 1]).p;
 */
export function surveyRankTest(
  values: readonly (number | null)[],
  groups: readonly (string | null)[],
  weights: readonly number[],
): SurveyRankTest {
  const rows: number[] = [];
  for (let i = 0; i < values.length; ++i) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v) && groups[i] !== null && groups[i] !== undefined)
      rows.push(i);
  }
  const levels = [...new Set(rows.map((i) => groups[i]!))];
  const g = levels.length;
  const n = rows.length;
  if (g < 2) throw new Error("surveyRankTest: fewer than 2 groups with values");
  if (n <= g) throw new Error(`surveyRankTest: ${n} respondents for ${g} groups; the test needs more`);
  const y = rows.map((i) => values[i]!);
  const w = rows.map((i) => weights[i]!);
  const total = w.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new Error("surveyRankTest: the weights sum to 0");
  // Estimated population mid-ranks: cumulative weight in value order minus half the own weight, then the
  // plain mean over tied values (R: ave(cumsum(w[ii]) - w[ii]/2, factor(y[ii]))).
  const order = y.map((_, i) => i).sort((a, b) => y[a]! - y[b]!);
  const score = new Array<number>(n);
  let cum = 0;
  for (let s = 0; s < n;) {
    let e = s;
    while (e < n && y[order[e]!] === y[order[s]!]) ++e;
    let sumRank = 0;
    for (let t = s; t < e; ++t) {
      cum += w[order[t]!]!;
      sumRank += cum - w[order[t]!]! / 2;
    }
    for (let t = s; t < e; ++t) score[order[t]!] = sumRank / (e - s) / total;
    s = e;
  }
  // Weighted mean rank score per group (the cell-means form of R's lm(rankscore ~ g, weights = w)), and its
  // linearisation variance: influence w_i (r_i - mean_g) / W_g in the group's own coordinate only, so the
  // covariance matrix is diagonal (the Wald statistic is the same in any coding of the groups).
  const gi = rows.map((i) => levels.indexOf(groups[i]!));
  const W = new Array<number>(g).fill(0);
  const mean = new Array<number>(g).fill(0);
  gi.forEach((k, i) => {
    W[k]! += w[i]!;
    mean[k]! += w[i]! * score[i]!;
  });
  for (let k = 0; k < g; ++k) mean[k]! /= W[k]!;
  const V = new Array<number>(g).fill(0);
  gi.forEach((k, i) => {
    const u = (w[i]! * (score[i]! - mean[k]!)) / W[k]!;
    V[k]! += u * u;
  });
  // R keeps the rows it drops as missing in the design (a domain, weight 0), so the linearisation factor
  // counts every row given, while the df count complete cases only.
  const all = values.length;
  for (let k = 0; k < g; ++k) V[k]! *= all / (all - 1);
  if (V.some((v) => !(v > 0))) throw new Error("surveyRankTest: a group's rank scores do not vary");
  const method = "Design-based Kruskal-Wallis test (Lumley & Scott; R survey::svyranktest)";
  if (g === 2) {
    const t = (mean[1]! - mean[0]!) / Math.sqrt(V[0]! + V[1]!);
    const df = n - 2;
    return { kind: "t", statistic: t, df: [1, df], p: tail(t * t, 1, df), n, method };
  }
  // Wald X² for equal means with independent estimates: sum m²/V - (sum m/V)² / sum 1/V.
  let a = 0;
  let b = 0;
  let c = 0;
  for (let k = 0; k < g; ++k) {
    a += (mean[k]! * mean[k]!) / V[k]!;
    b += mean[k]! / V[k]!;
    c += 1 / V[k]!;
  }
  const F = (a - (b * b) / c) / (g - 1);
  return { kind: "F", statistic: F, df: [g - 1, n - g], p: tail(F, g - 1, n - g), n, method };
}

/** P(F(d1, d2) > x) as the regularized incomplete beta (keeps tiny p-values); for d1 = 1 also P(|t| > sqrt x). */
function tail(x: number, d1: number, d2: number): number {
  return x > 0 ? betainc(d2 / (d2 + d1 * x), d2 / 2, d1 / 2) : 1;
}

/**
 * A weighted quantile as R's `svyquantile(..., qrule = "math")` (survey 4.x's default): the smallest value
 * whose cumulative weight share reaches p (the inverse of the weighted distribution function; with equal
 * weights, R's `quantile(type = 1)`). Zero weights are left out. Null when there is no positive weight.
 * @example
 * weightedQuantile([10, 20, 30], [1, 1, 2], 0.5); // 20: the cumulative shares are 0.25, 0.5, 1
 */
export function weightedQuantile(
  values: readonly number[],
  weights: readonly number[],
  p: number,
): number | null {
  const idx = values.map((_, i) => i).filter((i) => weights[i]! !== 0);
  if (idx.length === 0) return null;
  idx.sort((a, b) => values[a]! - values[b]!);
  const total = idx.reduce((s, i) => s + weights[i]!, 0);
  // R: pos = last(cumw <= p * sum(w)); the value at pos when cumw[pos] / W equals p exactly, else the next.
  let cum = 0;
  let pos = -1;
  let cumAtPos = 0;
  for (let j = 0; j < idx.length; ++j) {
    cum += weights[idx[j]!]!;
    if (cum <= p * total) {
      pos = j;
      cumAtPos = cum;
    }
  }
  if (pos >= 0 && p - cumAtPos / total === 0) return values[idx[pos]!]!;
  return values[idx[Math.min(pos + 1, idx.length - 1)]!]!;
}
