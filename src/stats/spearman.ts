import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { pearson } from "./pearson.js";
import { midRanks } from "./ranks.js";

/** Spearman's rank correlation with its two-sided p-value. */
export interface SpearmanResult {
  /** rho; NaN when either variable is constant (as scipy). */
  readonly rho: number;
  readonly p: number;
  /** Complete pairs used. */
  readonly n: number;
}

/**
 * Spearman's rho with the semantics of scipy `spearmanr(x, y)`: Pearson's r of the mid-ranks, p from
 * Student's t with n - 2 df, t = rho sqrt((n - 2) / ((1 + rho)(1 - rho))), two-sided. (R's `cor.test(method =
 * "spearman")` gives an exact p-value for small untied samples instead; the t approximation is what scipy and
 * most reports use.) Pairs with a missing value on either side are dropped. Fewer than 3 pairs is an error.
 *
 * @example
 * spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]); // { rho: 0.8207..., p: 0.0885..., n: 5 } (scipy docs)
 */
export function spearman(x: readonly (number | null)[], y: readonly (number | null)[]): SpearmanResult {
  const fn = "spearman";
  if (x.length !== y.length) throw new Error(`${fn}: x has ${x.length} values but y has ${y.length}`);
  const xs: number[] = [];
  const ys: number[] = [];
  const ok = (v: unknown, name: string, i: number): v is number => {
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return false;
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new Error(
        `${fn}: ${name}[${i}] is ${typeof v === "string" ? JSON.stringify(v) : String(v)}; expected a finite number or a missing value`,
      );
    return true;
  };
  x.forEach((v, i) => {
    const w = y[i];
    const a = ok(v, "x", i);
    const b = ok(w, "y", i);
    if (a && b) {
      xs.push(v as number);
      ys.push(w as number);
    }
  });
  const n = xs.length;
  if (n < 3) throw new Error(`${fn}: needs at least 3 complete pairs, got ${n}`);
  const rho = pearson(midRanks(xs).ranks, midRanks(ys).ranks);
  if (Number.isNaN(rho)) return { rho, p: NaN, n };
  const df = n - 2;
  const t = rho * Math.sqrt(Math.max(0, df / ((rho + 1) * (1 - rho))));
  const p = Number.isFinite(t) ? 2 * tCdf(-Math.abs(t), df) : 0;
  return { rho, p, n };
}
