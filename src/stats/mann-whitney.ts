import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { finiteValues, midRanks } from "./ranks.js";

/** Options of {@link mannWhitney}. */
export interface MannWhitneyOptions {
  /**
   * "auto" (default, as scipy): exact when there are no ties and one group has at most 8 values, else the
   * normal approximation; or force "exact" (no ties allowed) or "asymptotic".
   */
  method?: "auto" | "exact" | "asymptotic";
  /** Continuity correction of the normal approximation (default true, as scipy's `use_continuity`). */
  continuity?: boolean;
}

/** A two-sided Mann-Whitney U (Wilcoxon rank-sum) test. */
export interface MannWhitneyResult {
  /** U of the first group: its rank sum minus n1 (n1 + 1) / 2 (scipy's `statistic`). */
  readonly U: number;
  readonly p: number;
  readonly method: "exact" | "asymptotic";
  /** Values used in each group (missing values left out). */
  readonly n1: number;
  readonly n2: number;
}

/**
 * Two-sided Mann-Whitney U test with the semantics of scipy `mannwhitneyu(x, y)` (scipy 1.10): mid-ranks for
 * ties; "auto" picks the exact null distribution when there are no ties and either group has at most 8
 * values, else the normal approximation with the tie-corrected variance and a 0.5 continuity correction.
 * Missing values (null, NaN) are left out. Reference values from scipy (tests/stats/reference/rank-tests.py).
 *
 * @example
 * mannWhitney([1, 4, 2, 7], [3, 9, 8, 10, 6]); // { U: 3, p: 0.1111..., method: "exact", n1: 4, n2: 5 }
 */
export function mannWhitney(
  x: readonly (number | null)[],
  y: readonly (number | null)[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const fn = "mannWhitney";
  const a = finiteValues(fn, "x", x);
  const b = finiteValues(fn, "y", y);
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0)
    throw new Error(
      `${fn}: each group needs at least one value (got ${n1} and ${n2} after leaving out missing values)`,
    );
  const { ranks, ties } = midRanks([...a, ...b]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i]!;
  const U1 = r1 - (n1 * (n1 + 1)) / 2;
  const U = Math.max(U1, n1 * n2 - U1);
  const tied = ties.some((t) => t > 1);
  const requested = options.method ?? "auto";
  if (!["auto", "exact", "asymptotic"].includes(requested))
    throw new Error(`${fn}: method must be "auto", "exact" or "asymptotic", got ${String(requested)}`);
  if (requested === "exact" && tied)
    throw new Error(`${fn}: the exact test needs untied values; use method "asymptotic" (or "auto")`);
  const method = requested !== "auto" ? requested : (n1 > 8 && n2 > 8) || tied ? "asymptotic" : "exact";
  let p: number;
  if (method === "exact") {
    p = exactUpperTail(U, Math.min(n1, n2), Math.max(n1, n2));
  } else {
    const n = n1 + n2;
    const tieTerm = ties.reduce((s, t) => s + t ** 3 - t, 0);
    const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    const numerator = U - (n1 * n2) / 2 - ((options.continuity ?? true) ? 0.5 : 0);
    // All values tied: sd = 0 and scipy gives nan; no evidence either way, so p = 1 is returned instead.
    p = sd > 0 ? normalCdf(-numerator / sd, 0, 1) : 1;
  }
  return { U: U1, p: Math.min(1, Math.max(0, 2 * p)), method, n1, n2 };
}

/**
 * P(U >= u) under the null, for group sizes m <= n, by the recurrence of Mann and Whitney (1947) on
 * probabilities: p(u; i, j) = i/(i+j) p(u - j; i-1, j) + j/(i+j) p(u; i, j-1).
 */
function exactUpperTail(u: number, m: number, n: number): number {
  // prev[j] holds the distribution for (i - 1, j); cur[j] is built for (i, j).
  let prev: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= m; i++) {
    const cur: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= n; j++) {
      const dist = new Float64Array(i * j + 1);
      const left = prev[j]!;
      const down = cur[j - 1]!;
      const wi = i / (i + j);
      const wj = j / (i + j);
      for (let v = 0; v < dist.length; v++) {
        const a = v - j >= 0 && v - j < left.length ? left[v - j]! : 0;
        const b = v < down.length ? down[v]! : 0;
        dist[v] = wi * a + wj * b;
      }
      cur.push(dist);
    }
    prev = cur;
  }
  const dist = prev[n]!;
  let tail = 0;
  for (let v = Math.ceil(u); v < dist.length; v++) tail += dist[v]!;
  return tail;
}
