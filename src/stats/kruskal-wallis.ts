import gammainc from "@stdlib/math-base-special-gammainc";
import { finiteValues, midRanks } from "./ranks.js";

/** The Kruskal-Wallis H test across two or more groups. */
export interface KruskalWallisResult {
  /** H, corrected for ties. */
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** Values used per group (missing values left out). */
  readonly n: number[];
}

/**
 * Kruskal-Wallis H test with the semantics of scipy `kruskal(*groups)`: mid-ranks over all values, H divided
 * by the tie correction 1 - sum(t^3 - t) / (N^3 - N), p from the chi-square distribution with k - 1 df.
 * Missing values are left out; groups left empty are dropped (scipy refuses them) and need not be passed.
 * Fewer than two non-empty groups, or every value tied, is an error (no test).
 *
 * @example
 * kruskalWallis([[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]]);
 * // { statistic: 0.7714..., df: 2, p: 0.6799..., n: [5, 4, 5] } (R's kruskal.test example, Hollander & Wolfe)
 */
export function kruskalWallis(groups: readonly (readonly (number | null)[])[]): KruskalWallisResult {
  const fn = "kruskalWallis";
  const clean = groups.map((g, k) => finiteValues(fn, `groups[${k}]`, g));
  const used = clean.filter((g) => g.length > 0);
  if (used.length < 2) throw new Error(`${fn}: needs at least two groups with values, got ${used.length}`);
  const all = used.flat();
  const N = all.length;
  const { ranks, ties } = midRanks(all);
  let h = 0;
  let offset = 0;
  for (const g of used) {
    let s = 0;
    for (let i = 0; i < g.length; i++) s += ranks[offset + i]!;
    offset += g.length;
    h += (s * s) / g.length;
  }
  h = (12 / (N * (N + 1))) * h - 3 * (N + 1);
  const correction = 1 - ties.reduce((s, t) => s + t ** 3 - t, 0) / (N ** 3 - N);
  if (correction === 0)
    throw new Error(`${fn}: every value is the same (${all[0]}); there is nothing to rank`);
  const statistic = h / correction;
  const df = used.length - 1;
  const p = statistic <= 0 ? 1 : gammainc(statistic / 2, df / 2, true, true);
  return { statistic, df, p, n: clean.map((g) => g.length) };
}
