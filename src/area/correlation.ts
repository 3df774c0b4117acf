import quantile from "@stdlib/stats-base-dists-normal-quantile";
import { pearson } from "../stats/pearson.js";
import { midRanks } from "../stats/ranks.js";

/** A correlation coefficient with its approximate confidence interval. */
export interface Correlation {
  readonly method: "spearman" | "pearson";
  /** The coefficient; null with fewer than 3 complete pairs or a constant variable. */
  readonly r: number | null;
  /** Complete pairs used. */
  readonly n: number;
  /** Fisher-z interval; null when n < 4 (the interval needs n - 3 > 0) or r is null or +-1. */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly level: number;
}

export interface CorrelationOptions {
  /** "spearman" (default: ranks, robust to the skew of area shares) or "pearson". */
  method?: "spearman" | "pearson";
  /** Confidence level (default 0.95). */
  level?: number;
}

/**
 * Correlation between two area-level series, pairs with a missing value on either side dropped. The interval is
 * Fisher's z: standard error 1/sqrt(n-3) for Pearson (as R `cor.test`), and Bonett and Wright's (2000)
 * sqrt((1 + r^2/2)/(n-3)) for Spearman (R `cor.test` gives no Spearman interval). Hand-written because no
 * maintained npm package gives Spearman with an interval.
 * @example
 * correlation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).r; // 0.8 (Spearman)
 */
export function correlation(
  x: readonly (number | null)[],
  y: readonly (number | null)[],
  options: CorrelationOptions = {},
): Correlation {
  if (x.length !== y.length) throw new Error(`correlation: x has ${x.length} values but y has ${y.length}`);
  const method = options.method ?? "spearman";
  if (method !== "spearman" && method !== "pearson")
    throw new Error(`correlation: method "${String(method)}" is not "spearman" or "pearson"`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new Error(`correlation: level ${level} is not strictly between 0 and 1`);
  const ok = (v: number | null): v is number => v !== null && Number.isFinite(v);
  const pairs = x.map((v, i) => [v, y[i]!] as const).filter(([a, b]) => ok(a) && ok(b)) as [number, number][];
  return correlate(pairs, method, level);
}

function correlate(pairs: [number, number][], method: "spearman" | "pearson", level: number): Correlation {
  const n = pairs.length;
  const none = { method, r: null, n, lower: null, upper: null, level };
  if (n < 3) return none;
  const xs = pairs.map((p) => p[0]);
  const ys = pairs.map((p) => p[1]);
  const r = method === "spearman" ? pearson(midRanks(xs).ranks, midRanks(ys).ranks) : pearson(xs, ys);
  if (Number.isNaN(r)) return none;
  if (n < 4 || Math.abs(r) === 1) return { ...none, r };
  const se = method === "spearman" ? Math.sqrt((1 + (r * r) / 2) / (n - 3)) : 1 / Math.sqrt(n - 3);
  const z = quantile(1 - (1 - level) / 2, 0, 1);
  const centre = Math.atanh(r);
  return { method, r, n, lower: Math.tanh(centre - z * se), upper: Math.tanh(centre + z * se), level };
}
