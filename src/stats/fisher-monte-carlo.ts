import factorialln from "@stdlib/math-base-special-factorialln";
import { mersenneTwister } from "../lazy/lazy-require.js";

/** R's fisher.test tolerance for ties in the simulated statistic (1 + 64 machine epsilons). */
const ALMOST_ONE = 1 + 64 * Number.EPSILON;

/** A Monte Carlo p-value with its standard error and what produced it. */
export interface MonteCarloP {
  readonly p: number;
  /** Binomial standard error of the simulated tail share, sqrt(p (1 - p) / B). */
  readonly se: number;
  /** Tables simulated (fewer than asked only when the time limit stopped the run; `method` says so). */
  readonly B: number;
  readonly seed: number;
}

/**
 * Fisher's test p-value by simulation, as R `fisher.test(x, simulate.p.value = TRUE, B)`: B random tables
 * with the observed margins (Patefield 1981, AS 159: each cell drawn from its conditional hypergeometric
 * distribution given the margins left, by inversion from the mode) and p = (1 + #{tables at most as
 * probable as the observed one}) / (B + 1). Seeded (Mersenne Twister), so a result can be reproduced.
 * Stops early at `deadline` (a performance.now() time), reporting the B it reached.
 */
export function monteCarloFisherP(
  table: readonly (readonly number[])[],
  B: number,
  seed: number,
  deadline = Infinity,
): MonteCarloP {
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = table[0]!.map((_, j) => table.reduce((a, row) => a + row[j]!, 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  const lf = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) lf[k] = factorialln(k);
  let observed = 0;
  for (const row of table) for (const x of row) observed += lf[x]!;
  // Statistic -sum(log x!) as R; "at most as probable" is -S_sim <= -S_obs / ALMOST_ONE.
  const limit = -observed / ALMOST_ONE;
  // The factory's declared type omits .normalized(), which the runtime PRNG has (uniform on [0, 1)).
  const rand = mersenneTwister().factory({ seed }) as unknown as { normalized: () => number };
  const unif = () => rand.normalized();
  const r = rowSums.length;
  const c = colSums.length;
  const colLeft = new Int32Array(c);
  let hits = 0;
  let done = 0;
  for (; done < B; done++) {
    if ((done & 1023) === 0 && done > 0 && performance.now() > deadline) break;
    for (let j = 0; j < c; j++) colLeft[j] = colSums[j]!;
    let left = n;
    let s = 0;
    for (let i = 0; i < r - 1; i++) {
      let rowLeft = rowSums[i]!;
      let pool = left; // respondents not yet placed in rows i.. and columns j..
      left -= rowLeft;
      for (let j = 0; j < c - 1 && rowLeft > 0; j++) {
        const x = hypergeometric(pool, colLeft[j]!, rowLeft, lf, unif);
        pool -= colLeft[j]!;
        colLeft[j]! -= x;
        rowLeft -= x;
        s += lf[x]!;
      }
      colLeft[c - 1]! -= rowLeft;
      s += lf[rowLeft]!;
    }
    for (let j = 0; j < c; j++) s += lf[colLeft[j]!]!;
    if (-s <= limit) hits++;
  }
  const p = (1 + hits) / (done + 1);
  const share = hits / Math.max(1, done);
  return { p, se: Math.sqrt((share * (1 - share)) / Math.max(1, done)), B: done, seed };
}

/**
 * One draw of X ~ Hypergeometric(population N, K successes, n draws) by inversion from the mode outwards,
 * as Patefield's AS 159 does for each cell.
 */
function hypergeometric(N: number, K: number, n: number, lf: Float64Array, unif: () => number): number {
  const lo = Math.max(0, n + K - N);
  const hi = Math.min(n, K);
  if (lo === hi) return lo;
  const mode = Math.min(hi, Math.max(lo, Math.floor(((n + 1) * (K + 1)) / (N + 2))));
  // pmf at the mode from log factorials (inline: this runs for every cell of every simulated table).
  const pm = Math.exp(
    lf[K]! -
      lf[mode]! -
      lf[K - mode]! +
      lf[N - K]! -
      lf[n - mode]! -
      lf[N - K - n + mode]! -
      lf[N]! +
      lf[n]! +
      lf[N - n]!,
  );
  let u = unif() - pm;
  if (u <= 0) return mode;
  // Walk down and up from the mode with the pmf ratio recurrences, always taking the likelier side.
  let down = mode;
  let up = mode;
  let pDown = pm;
  let pUp = pm;
  for (;;) {
    const nextDown = down > lo ? (pDown * down * (N - K - n + down)) / ((K - down + 1) * (n - down + 1)) : -1;
    const nextUp = up < hi ? (pUp * (K - up) * (n - up)) / ((up + 1) * (N - K - n + up + 1)) : -1;
    if (nextDown < 0 && nextUp < 0) return u > 0 ? (pDown >= pUp ? down : up) : mode; // rounding at the tails
    if (nextUp >= nextDown) {
      up++;
      pUp = nextUp;
      u -= pUp;
      if (u <= 0) return up;
    } else {
      down--;
      pDown = nextDown;
      u -= pDown;
      if (u <= 0) return down;
    }
  }
}
