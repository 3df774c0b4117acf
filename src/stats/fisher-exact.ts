import factorialln from "@stdlib/math-base-special-factorialln";
import { checkCounts } from "./check-counts.js";
import { monteCarloFisherP } from "./fisher-monte-carlo.js";
import { networkNodes } from "./fisher-size.js";

/** R's fisher.test tolerance: tables up to this factor more probable than the observed one count as ties. */
const REL_ERR = 1 + 1e-7;
/** Past values closer than this (in log probability) are merged, well inside REL_ERR. */
const MERGE_SCALE = 1e8;
/** Steps (cells stored or visited) before giving up, bounding memory to about 1 GB: R's Job table needs 2.2e6,
 * a 3 x 4 table with n = 300 about 7e6. */
const MAX_WORK = 8e6;
/** Networks (unpruned nodes, see networkNodes) above this size go straight to simulation under "auto": at
 * 2.6e3 nodes (3 x 3, n = 200) the exact search takes 0.07-0.5 s here, at 9.7e3 (3 x 4, n = 300) 5-36 s. */
const AUTO_EXACT_NODES = 4000;

/** How fisherExact answers: exactly, by simulation, or exactly when that fits the time limit ("auto"). */
export type FisherMode = "auto" | "exact" | "simulate";

export interface FisherOptions {
  /** "auto" (default): exact when the table's network is small enough to finish within the time limit,
   * else a Monte Carlo p; "exact": exact or an error; "simulate": always Monte Carlo. */
  mode?: FisherMode;
  /** Simulated tables for the Monte Carlo p (default 100000, as R's B = 2000 is too coarse for p near 0.05). */
  B?: number;
  /** Seed of the Mersenne Twister for the Monte Carlo p (default 1). */
  seed?: number;
  /** Wall-clock limit in ms for "auto" (default 2000): the exact search gets half, simulation the rest. */
  timeLimitMs?: number;
}

/** Fisher's test p-value and how it was obtained. */
export interface FisherResult {
  readonly p: number;
  /** "Fisher's exact test" or "Fisher's test, Monte Carlo p (B = ..., Patefield's algorithm, seed ...; MC SE ...)". */
  readonly method: string;
  readonly exact: boolean;
  /** Monte Carlo standard error of p (0 when exact). */
  readonly se: number;
  /** Tables simulated (0 when exact). */
  readonly B: number;
}

/**
 * Fisher's exact test, two-sided, for any r x c table of whole counts, with the semantics of R
 * `fisher.test(x)$p.value`: the sum of the probabilities of all tables with the observed margins whose
 * probability is at most the observed table's times 1 + 1e-7. When the exact network is too large for the
 * time limit (decided up front from the margins, and enforced by a clock), the p-value is simulated as
 * R's `fisher.test(x, simulate.p.value = TRUE, B)`, and `method` says so with its Monte Carlo standard error.
 *
 * Hand-written: no maintained JavaScript library computes the r x c exact test. It is a network algorithm in
 * the spirit of Mehta & Patel (1983): columns are filled one at a time, partial tables that leave the same
 * (sorted) row remainders share a node, and whole sub-networks are added or discarded at once using bounds on
 * the rest of the table (closed-form total probability, water-filling / greedy bounds on its log factorials).
 * Tested against R documentation examples, brute-force enumeration and R on survey-sized tables
 * (tests/stats/fisher-exact.test.ts).
 *
 * All-zero rows and columns are left out (they do not change the p-value); fewer than two non-empty rows or
 * columns leave only one possible table, so p = 1. Errors name the cell for missing, negative or non-integer
 * counts, and (mode "exact") say so when the table is too large to enumerate exactly.
 *
 * @example
 * fisherExact([[3, 1], [1, 3]]).p; // 0.4857142857142857 (R: TeaTasting, p-value = 0.4857)
 * fisherExact([[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]]).p; // 0.78268... (R: Job)
 * fisherExact(bigTable).method; // "Fisher's test, Monte Carlo p (B = 100000, Patefield's algorithm, seed 1; MC SE 0.0009)"
 */
export function fisherExact(counts: number[][], options: FisherOptions = {}): FisherResult {
  const { mode = "auto", B = 100000, seed = 1, timeLimitMs = 2000 } = options;
  if (!["auto", "exact", "simulate"].includes(mode)) {
    throw new Error(`fisherExact: option mode must be "auto", "exact" or "simulate", got ${String(mode)}`);
  }
  if (!(Number.isInteger(B) && B >= 1))
    throw new Error(`fisherExact: option B must be a whole number >= 1, got ${B}`);
  const { cells, rows, cols } = checkCounts("fisherExact", counts, true);
  const exact = (p: number): FisherResult => ({ p, method: "Fisher's exact test", exact: true, se: 0, B: 0 });
  if (rows.length < 2 || cols.length < 2) return exact(1);
  const table = rows.map((i) => cols.map((j) => cells[i]![j]!));
  // The node state is the vector of row remainders, so the shorter dimension goes down the rows.
  const oriented = table.length <= table[0]!.length ? table : transpose(table);
  const start = performance.now();
  if (mode === "exact") return exact(networkPValue(oriented, Infinity));
  if (mode === "auto" && networkNodes(oriented.map(sum), colSumsOf(oriented)) <= AUTO_EXACT_NODES) {
    try {
      return exact(networkPValue(oriented, start + timeLimitMs / 2));
    } catch (error) {
      if (!(error instanceof OutOfBudget)) throw error;
    }
  }
  const mc = monteCarloFisherP(oriented, B, seed, mode === "auto" ? start + timeLimitMs : Infinity);
  const stopped = mc.B < B ? `; stopped at the ${timeLimitMs} ms limit` : "";
  return {
    p: mc.p,
    method:
      `Fisher's test, Monte Carlo p (B = ${mc.B}${stopped}, Patefield's algorithm, seed ${seed};` +
      ` MC SE ${mc.se > 0 ? mc.se.toPrecision(2) : "0: no simulated table as extreme"})`,
    exact: false,
    se: mc.se,
    B: mc.B,
  };
}

/** Thrown inside the exact search when its work or time budget runs out. */
class OutOfBudget extends Error {}

function colSumsOf(table: number[][]): number[] {
  return table[0]!.map((_, j) => sum(table.map((row) => row[j]!))).sort((a, b) => b - a);
}

interface Past {
  /** Sum of log(x!) over the cells filled so far. */
  s: number;
  /** How many partial tables share this state and this sum. */
  count: number;
}

/** Partial tables grouped by the row amounts they leave (or use), then by their sum of log factorials. */
type Layer = Map<number | string, { readonly rows: number[]; readonly pasts: Map<number, Past> }>;

function networkPValue(table: number[][], deadline: number): number {
  const rowSums = table.map((row) => sum(row));
  const colSums = table[0]!.map((_, j) => sum(table.map((row) => row[j]!))).sort((a, b) => b - a);
  const n = sum(rowSums);
  const lf = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) lf[k] = factorialln(k);
  const lfSum = (xs: readonly number[]): number => xs.reduce((a, x) => a + lf[x]!, 0);
  // P(table) = exp(logK - S) with S = sum log x_ij!, so "P <= P_obs * REL_ERR" is "S >= threshold".
  const logK = lfSum(rowSums) + lfSum(colSums) - lf[n]!;
  const threshold = table.reduce((a, row) => a + lfSum(row), 0) - Math.log(REL_ERR);
  const keyOf = stateKey(rowSums.length, n);
  const budget: Budget = {
    work: 0,
    deadline,
    describe: `${table.length} x ${colSums.length} table with n = ${n}`,
  };
  // The first layer alone holds about C(c + r - 1, r - 1) states; refuse at once rather than after the work.
  spend(budget, Math.exp(lnChoose(colSums[0]! + rowSums.length - 1, rowSums.length - 1)));

  // Meet in the middle: columns 0..half-1 are built forwards from the row totals (pruned with the bounds),
  // the columns after `half` backwards from zero; column `half` joins a forward state (row remainders) to
  // every backward state (row usage) it can reach.
  const half = colSums.length - 2;
  let p = 0;
  let forward: Layer = new Map([
    [keyOf(rowSums), { rows: rowSums, pasts: new Map([[0, { s: 0, count: 1 }]]) }],
  ]);
  const open: { rows: number[]; pasts: Past[] }[] = [];
  for (let j = 0; j <= half; j++) {
    const tail = colSums.slice(j);
    const lfTail = lfSum(tail);
    const next: Layer = new Map();
    for (const node of forward.values()) {
      spend(budget, rowSums.length * tail.length);
      const { lo, hi } = futureBounds(node.rows, tail, lf);
      // Sum over all completions of exp(-S_rest) = N! / (prod r_i! prod c_j!) (multinomial identity).
      const logRest = lf[sum(node.rows)]! - lfSum(node.rows) - lfTail;
      const undecided: Past[] = [];
      for (const past of node.pasts.values()) {
        if (past.s + lo >= threshold) p += Math.exp(logK - past.s + logRest + Math.log(past.count));
        else if (past.s + hi >= threshold) undecided.push(past);
      }
      if (undecided.length === 0) continue;
      if (j === half) open.push({ rows: node.rows, pasts: undecided });
      else extend(next, node.rows, undecided, colSums[j]!, node.rows, lf, keyOf, budget);
    }
    forward = next;
  }
  if (open.length === 0) return Math.min(1, p);

  let backward: Layer = new Map();
  const zero = rowSums.map(() => 0);
  backward.set(keyOf(zero), { rows: zero, pasts: new Map([[0, { s: 0, count: 1 }]]) });
  for (let j = colSums.length - 1; j > half; j--) {
    const next: Layer = new Map();
    for (const node of backward.values()) {
      const caps = node.rows.map((used, i) => rowSums[i]! - used);
      extend(next, node.rows, [...node.pasts.values()], colSums[j]!, caps, lf, keyOf, budget, 1);
    }
    backward = next;
  }

  for (const { rows, pasts } of open) {
    const futures: Past[] = [];
    forEachAllocation(colSums[half]!, rows, lf, (x, cost) => {
      const reached = backward.get(keyOf(rows.map((v, i) => v - x[i]!)));
      spend(budget, 1 + (reached ? reached.pasts.size : 0));
      if (reached) for (const f of reached.pasts.values()) futures.push({ s: f.s + cost, count: f.count });
    });
    if (futures.length) p += meet(pasts, futures, threshold, logK);
  }
  return Math.min(1, p);
}

interface Budget {
  work: number;
  readonly deadline: number;
  readonly describe: string;
}

function spend(budget: Budget, work: number): void {
  const before = budget.work;
  budget.work += work;
  if (budget.work > MAX_WORK) {
    throw new OutOfBudget(
      `fisherExact: the ${budget.describe} is too large for exact enumeration; use mode "auto" or "simulate"`,
    );
  }
  // Look at the clock every 2^14 steps: often enough to stop within a few ms, rarely enough to cost nothing.
  if (
    budget.deadline < Infinity &&
    before >>> 14 !== budget.work >>> 14 &&
    performance.now() > budget.deadline
  ) {
    throw new OutOfBudget(`fisherExact: the exact search on the ${budget.describe} ran out of time`);
  }
}

/** Adds every allocation of one column to every partial table of a state; sign -1 subtracts, +1 adds. */
function extend(
  next: Layer,
  rows: readonly number[],
  pasts: readonly Past[],
  column: number,
  caps: readonly number[],
  lf: Float64Array,
  keyOf: (rows: readonly number[]) => number | string,
  budget: Budget,
  sign: 1 | -1 = -1,
): void {
  forEachAllocation(column, caps, lf, (x, cost) => {
    const childRows = rows.map((v, i) => v + sign * x[i]!);
    const key = keyOf(childRows);
    let child = next.get(key);
    if (!child) next.set(key, (child = { rows: childRows, pasts: new Map() }));
    for (const past of pasts) {
      const s = past.s + cost;
      const k = Math.round(s * MERGE_SCALE);
      const seen = child.pasts.get(k);
      if (seen) seen.count += past.count;
      else child.pasts.set(k, { s, count: past.count });
    }
    spend(budget, 1 + pasts.length);
  });
}

/** Sum of P over (past, future) pairs whose total S reaches the threshold: sorted futures, suffix sums. */
function meet(pasts: readonly Past[], futures: Past[], threshold: number, logK: number): number {
  futures.sort((a, b) => a.s - b.s);
  const base = futures[0]!.s;
  const suffix = new Float64Array(futures.length + 1);
  for (let m = futures.length - 1; m >= 0; m--)
    suffix[m] = suffix[m + 1]! + futures[m]!.count * Math.exp(base - futures[m]!.s);
  let total = 0;
  for (const past of pasts) {
    const need = threshold - past.s;
    let lo = 0;
    let hi = futures.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (futures[mid]!.s >= need) hi = mid;
      else lo = mid + 1;
    }
    if (lo < futures.length) total += past.count * Math.exp(logK - past.s - base) * suffix[lo]!;
  }
  return total;
}

function lnChoose(a: number, b: number): number {
  return factorialln(a) - factorialln(b) - factorialln(a - b);
}

/** Numeric keys while (n + 1)^r stays exact in a double, strings beyond. */
function stateKey(r: number, n: number): (rows: readonly number[]) => number | string {
  const base = n + 1;
  if (Math.pow(base, r) < Number.MAX_SAFE_INTEGER) return (rows) => rows.reduce((a, v) => a * base + v, 0);
  return (rows) => rows.join(",");
}

/** Calls back with every split x of `total` over bins with 0 <= x_i <= caps_i, and sum log(x_i!). */
function forEachAllocation(
  total: number,
  caps: readonly number[],
  lf: Float64Array,
  visit: (x: readonly number[], cost: number) => void,
): void {
  const last = caps.length - 1;
  const room = caps.map((_, i) => sum(caps.slice(i + 1)));
  const x = caps.map(() => 0);
  const fill = (i: number, left: number, cost: number): void => {
    if (i === last) {
      x[i] = left;
      visit(x, cost + lf[left]!);
      return;
    }
    const top = Math.min(caps[i]!, left);
    for (let v = Math.max(0, left - room[i]!); v <= top; v++) {
      x[i] = v;
      fill(i + 1, left - v, cost + lf[v]!);
    }
  };
  fill(0, total, 0);
}

/**
 * Bounds on sum log(x!) over the cells still to fill, given row remainders and column totals. Each bound
 * relaxes one set of margins: log x! is convex, so the even (water-filled) split of a total minimises it and
 * the greedy largest-first split maximises it. At the last column both bounds are exact.
 */
function futureBounds(
  rem: readonly number[],
  tail: readonly number[],
  lf: Float64Array,
): { lo: number; hi: number } {
  const lo = Math.max(splitSum(tail, rem, lf, evenSplit), splitSum(rem, tail, lf, evenSplit));
  const hi = Math.min(splitSum(tail, rem, lf, greedySplit), splitSum(rem, tail, lf, greedySplit));
  return { lo, hi };
}

function splitSum(
  totals: readonly number[],
  caps: readonly number[],
  lf: Float64Array,
  split: (total: number, caps: readonly number[], lf: Float64Array) => number,
): number {
  return totals.reduce((a, t) => a + split(t, caps, lf), 0);
}

function evenSplit(total: number, caps: readonly number[], lf: Float64Array): number {
  const sorted = [...caps].sort((a, b) => a - b);
  let left = total;
  let cost = 0;
  for (let k = 0; k < sorted.length; k++) {
    const bins = sorted.length - k;
    const cap = sorted[k]!;
    if (cap * bins <= left) {
      cost += lf[cap]!;
      left -= cap;
      continue;
    }
    const q = Math.floor(left / bins);
    const extra = left - q * bins;
    return cost + extra * lf[q + 1]! + (bins - extra) * lf[q]!;
  }
  return cost;
}

function greedySplit(total: number, caps: readonly number[], lf: Float64Array): number {
  const sorted = [...caps].sort((a, b) => b - a);
  let left = total;
  let cost = 0;
  for (const cap of sorted) {
    if (left === 0) break;
    const v = Math.min(cap, left);
    cost += lf[v]!;
    left -= v;
  }
  return cost;
}

function transpose(table: number[][]): number[][] {
  return table[0]!.map((_, j) => table.map((row) => row[j]!));
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
