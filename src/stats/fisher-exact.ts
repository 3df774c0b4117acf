import factorialln from "@stdlib/math-base-special-factorialln";
import { UsageError } from "../errors/usage-error.js";
import { checkCounts } from "./check-counts.js";
import { monteCarloFisherP } from "./fisher-monte-carlo.js";
import { networkNodes } from "./fisher-size.js";

/** R's fisher.test tolerance: tables up to this factor more probable than the observed one count as ties. */
const REL_ERR = 1 + 1e-7;
/** Steps (nodes made, past values stored, sub-network nodes visited) before giving up, bounding memory to a
 * few hundred MB. The survey fixtures that finish take 5e4 (3 x 3, n = 200) to 2e6 (4 x 4, n = 150) steps. */
const MAX_WORK = 8e6;
/** Networks (unpruned nodes, see networkNodes) above this size go straight to simulation under "auto" and
 * are refused at once under "exact". On the survey fixtures (tests/stats/reference/fisher-fixtures.json) the
 * exact search finished from 3.6e3 nodes (3 x 3, n = 200) to 2.9e4 (4 x 4, n = 150; 2e6 steps), and ran out of
 * steps from 4.2e4 (6 x 3, n = 400: after 10-23 s at load 12-20 on 2 cores, before this limit refused it up
 * front). The node count predicts the steps only roughly, so the step budget (and, under "auto", the clock)
 * still guards the tables this lets through. */
const EXACT_NODES_LIMIT = 35000;

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
 * Hand-written: no maintained JavaScript library computes the r x c exact test. It is the network algorithm
 * of Mehta & Patel (1983, 1986) with the refinements of their FEXACT (R's fisher.test): columns are filled one
 * per stage, partial tables that leave the same sorted row remainders share a node, each node's past values
 * are kept merged (to 1e-10 in log probability), and each node's exact most probable completion and a bound
 * on its least probable one take or drop a partial table's whole subtree as it arrives, so most nodes are
 * never expanded. The last two columns are a small network over the rows with closed-form subtree sums.
 * Steps (hence memory) are capped. Written from the papers, not translated from R's (GPL) C. Tested against R
 * documentation examples, brute-force enumeration and R on survey-sized tables
 * (tests/stats/fisher-exact.test.ts).
 *
 * All-zero rows and columns are left out (they do not change the p-value); fewer than two non-empty rows or
 * columns leave only one possible table, so p = 1. Errors name the cell for missing, negative or non-integer
 * counts. Mode "exact" refuses at once (FisherTooLarge, a UsageError naming the table and its estimated
 * network size) a table whose network, estimated from the margins, is beyond what the search finishes;
 * "auto" answers such a table by simulation instead.
 *
 * @example
 * fisherExact([[3, 1], [1, 3]]).p; // 0.4857142857142857 (R: TeaTasting, p-value = 0.4857)
 * fisherExact([[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]]).p; // 0.78268... (R: Job)
 * fisherExact(bigTable).method; // "Fisher's test, Monte Carlo p (B = 100000, Patefield's algorithm, seed 1; MC SE 0.0009)"
 * fisherExact(bigTable, { mode: "exact" }); // throws: fisherExact: the 4 x 5 table with n = 2000 is too large for the exact test: ...
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
  const nodes = mode === "simulate" ? 0 : networkNodes(oriented.map(sum), colSumsOf(oriented));
  if (mode === "exact") {
    const size = `the ${oriented.length} x ${oriented[0]!.length} table with n = ${sum(oriented.map(sum))}`;
    const instead = {
      valid: `use mode "auto" (exact when it fits, else a seeded Monte Carlo p) or "simulate"`,
    };
    if (nodes > EXACT_NODES_LIMIT) {
      throw new FisherTooLarge(
        `${size} is too large for the exact test: its network has about ${nodes.toPrecision(2)} nodes` +
          ` (estimated from the margins before any search; the exact search takes up to ${EXACT_NODES_LIMIT})`,
        instead,
        nodes,
      );
    }
    try {
      return exact(networkPValue(oriented, Infinity));
    } catch (error) {
      if (!(error instanceof OutOfBudget)) throw error;
      throw new FisherTooLarge(`${size} ran out of the exact search's memory bound`, instead, nodes);
    }
  }
  if (mode === "auto" && nodes <= EXACT_NODES_LIMIT) {
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

/**
 * mode "exact" on a table whose exact test does not fit: a UsageError (one line, no stack in notebooks) that
 * carries the network size estimated from the margins, so callers (and tests) can see the refusal came from
 * the estimate rather than from a search that ran out.
 * @example
 * try { fisherExact(bigTable, { mode: "exact" }); } catch (e) { if (e instanceof FisherTooLarge) e.nodes; } // 1.6e8
 */
export class FisherTooLarge extends UsageError {
  constructor(
    problem: string,
    options: { valid: string },
    /** Nodes of the exact network before pruning (networkNodes). */
    readonly nodes: number,
  ) {
    super("fisherExact", problem, options);
  }
}

/**
 * Column totals in the order the network fills them: the largest first, then ascending. The largest first
 * spreads the root into many nodes that its bounds mostly decide at once; the rest ascending leaves the two
 * largest of them to the row sub-network, where whole ranges are added in closed form. Fewer steps than
 * either plain order on the survey fixtures (counted, not timed: 3x3 n=200 51k vs 89k / 106k steps).
 */
function colSumsOf(table: number[][]): number[] {
  const sorted = table[0]!.map((_, j) => sum(table.map((row) => row[j]!))).sort((a, b) => a - b);
  return [sorted[sorted.length - 1]!, ...sorted.slice(0, -1)];
}

/**
 * Partial tables that leave the same sorted row remainders, with what is known of their completions: the
 * least and (a bound on) the largest sum of log x! over the cells left, and log of the closed-form sum of
 * exp(-S_rest) over all completions, plus logK. Its pasts (sums of log x! so far, with how many partial
 * tables reach the node with that sum) are only those these bounds could not decide.
 */
interface NetNode {
  readonly rem: Int32Array;
  readonly minS: number;
  readonly maxS: number;
  readonly logRest: number;
  readonly s: number[];
  readonly w: number[];
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

/** What every step of one network search shares, and the p-value it accumulates. */
interface Net {
  readonly r: number;
  readonly lf: Float64Array;
  readonly logK: number;
  readonly threshold: number;
  readonly budget: Budget;
  /** Room for one split of the rows (minTwoColumns), reused by every call. */
  readonly scratch: Int32Array;
  p: number;
}

/**
 * The network algorithm (Mehta & Patel 1983, 1986). Columns are filled one per stage; a node is the vector
 * of row remainders, sorted (rows with equal remainders are interchangeable for the rest of the table). When
 * a partial table reaches a node, the node's bounds decide whether every completion counts (the closed-form
 * mass of the whole subtree is added at once), none does (dropped), or it must be carried on; only the last
 * are stored, merged with equal past values. The bounds are computed once per node: the most probable
 * completion exactly (minCompletion), the least probable one as an upper bound (maxCompletionBound), both
 * exact with two columns left, where the rest is a network over the rows (LastTwo).
 */
function networkPValue(table: number[][], deadline: number): number {
  const rowSums = table.map((row) => sum(row)).sort((a, b) => b - a);
  const colSums = colSumsOf(table);
  const r = rowSums.length;
  const c = colSums.length;
  const n = sum(rowSums);
  const lf = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) lf[k] = factorialln(k);
  // P(table) = exp(logK - S) with S = sum log x_ij!, so "P <= P_obs * REL_ERR" is "S >= threshold".
  const logK = sumLf(rowSums, lf) + sumLf(colSums, lf) - lf[n]!;
  const threshold = table.reduce((a, row) => a + sumLf(row, lf), 0) - Math.log(REL_ERR);
  const budget: Budget = { work: 0, deadline, describe: `${r} x ${c} table with n = ${n}` };
  // The first stage alone holds up to C(c_1 + r - 1, r - 1) children; refuse at once rather than after the work.
  spend(budget, Math.exp(lnChoose(colSums[0]! + r - 1, r - 1)));
  const net: Net = { r, lf, logK, threshold, budget, scratch: new Int32Array(r), p: 0 };
  const tails = colSums.map((_, j) => colSums.slice(j));
  const tailLf = tails.map((t) => sumLf(t, lf));

  const makeNode = (rem: Int32Array, j: number): NetNode => {
    const tail = tails[j]!;
    let total = 0;
    for (let i = 0; i < r; i++) total += rem[i]!;
    const logRest = logK + lf[total]! - sumLf(rem, lf) - tailLf[j]!;
    spend(budget, r * tail.length);
    const two = tail.length === 2;
    const minS = two ? minTwoColumns(rem, 0, tail[0]!, total, lf, net.scratch) : minCompletion(rem, tail, lf);
    const maxS = two ? maxTwoColumns(rem, 0, tail[0]!, lf) : maxCompletionBound(rem, tail, lf);
    return { rem, minS, maxS, logRest, s: [], w: [] };
  };

  // Node keys: the sorted remainders as digits in base (largest row total + 1); the last one follows from
  // the stage's total, so it is left out. Strings when that number would not be exact in a double.
  const base = rowSums[0]! + 1;
  const numericKeys = Math.pow(base, r - 1) < Number.MAX_SAFE_INTEGER;
  const keyOf = (rem: Int32Array): number | string => {
    if (!numericKeys) return rem.join(",");
    let key = 0;
    for (let i = 0; i < r - 1; i++) key = key * base + rem[i]!;
    return key;
  };

  const root = makeNode(Int32Array.from(rowSums), 0);
  if (root.minS >= threshold) return 1;
  if (root.maxS < threshold) return 0;
  root.s.push(0);
  root.w.push(1);
  let stage = [root];
  const lastTwo = new LastTwo(net, colSums[c - 2]!);
  const x = new Int32Array(r);
  const child = new Int32Array(r);
  const room = new Int32Array(r + 1);
  const leftAt = new Int32Array(r);
  const costAt = new Float64Array(r);
  for (let j = 0; stage.length > 0; j++) {
    const column = colSums[j]!;
    const next = new Map<number | string, NetNode>();
    for (const node of stage) {
      const [s, w] = mergePasts(node.s, node.w);
      spend(budget, s.length);
      if (tails[j]!.length === 2) {
        lastTwo.run(node.rem, s, w);
        continue;
      }
      const { rem } = node;
      room[r] = 0;
      for (let i = r - 1; i >= 0; i--) room[i] = room[i + 1]! + rem[i]!;
      // suffix[m] = sum over pasts m.. of count * exp(scale - s): a child takes a whole suffix at once.
      const scale = s[0]!;
      const suffix = new Float64Array(s.length + 1);
      for (let m = s.length - 1; m >= 0; m--) suffix[m] = suffix[m + 1]! + w[m]! * Math.exp(scale - s[m]!);
      // Every column split x (0 <= x_i <= rem_i, sum = column) by an odometer over x_0..x_{r-2}, x_{r-1}
      // forced; leftAt/costAt hold what is left and spent before each row (a loop, not a recursion, so
      // the running cost stays an unboxed double).
      leftAt[0] = column;
      costAt[0] = 0;
      x[0] = Math.max(0, column - room[1]!) - 1;
      for (let i = 0; i >= 0;) {
        if (x[i]! >= Math.min(rem[i]!, leftAt[i]!)) {
          i--;
          continue;
        }
        x[i]!++;
        if (i < r - 2) {
          leftAt[i + 1] = leftAt[i]! - x[i]!;
          costAt[i + 1] = costAt[i]! + lf[x[i]!]!;
          i++;
          x[i] = Math.max(0, leftAt[i]! - room[i + 1]!) - 1;
          continue;
        }
        const last = leftAt[i]! - x[i]!;
        x[r - 1] = last;
        const cost = costAt[i]! + lf[x[i]!]! + lf[last]!;
        // The child's remainders, sorted descending (insertion sort: r is small).
        for (let a = 0; a < r; a++) {
          const v = rem[a]! - x[a]!;
          let b = a;
          while (b > 0 && child[b - 1]! < v) {
            child[b] = child[b - 1]!;
            b--;
          }
          child[b] = v;
        }
        const key = keyOf(child);
        let target = next.get(key);
        if (!target) next.set(key, (target = makeNode(child.slice(), j + 1)));
        // Pasts from `take` on count on every completion of the child, those before `keep` on none.
        const take = lowerBound(s, threshold - target.minS - cost, 0, s.length);
        if (take < s.length) net.p += Math.exp(target.logRest - cost - scale) * suffix[take]!;
        const keep = lowerBound(s, threshold - target.maxS - cost, 0, take);
        for (let m = keep; m < take; m++) {
          target.s.push(s[m]! + cost);
          target.w.push(w[m]!);
        }
        spend(budget, 1 + take - keep);
      }
    }
    stage = [...next.values()].filter((node) => node.s.length > 0);
  }
  return Math.min(1, net.p);
}

/**
 * The last two columns (totals `a` and sum(rem) - a): the rest of the table is fixed by x_i, the first
 * column's cell in row i, and costs g_i(x_i) = log x_i! + log (rem_i - x_i)!. Rows are filled one at a time,
 * a sub-network whose nodes are (row, amount of `a` left): the exact least and largest remaining costs of
 * each node visited (memoised per node of the main network) decide past values as in the main network, and
 * the mass of a whole sub-network is closed-form (Vandermonde: the sum over splits of prod 1 / (x_i!
 * (rem_i - x_i)!) is C(R, left) / prod rem_i!, R the rows' total). `a` is the same for every node of the
 * last stage, so one instance (and its memo arrays, reset by a generation stamp, not refilled) serves them all.
 */
class LastTwo {
  private readonly room: Int32Array;
  private readonly remLf: Float64Array;
  private readonly width: number;
  /** lo/hi[i * width + left]: least / largest sum of g over rows i.. splitting `left`, valid when
   * stamp[i * width + left] === gen (the current node). */
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly stamp: Int32Array;
  private gen = 0;
  /** The current node's rows, ascending. */
  private readonly rows: Int32Array;
  private s: readonly number[] = [];
  private suffix: Float64Array = new Float64Array(0);
  private scale = 0;

  constructor(
    private readonly net: Net,
    private readonly a: number,
  ) {
    const { r } = net;
    this.room = new Int32Array(r + 1);
    this.remLf = new Float64Array(r + 1);
    this.width = a + 1;
    this.lo = new Float64Array(r * this.width);
    this.hi = new Float64Array(r * this.width);
    this.stamp = new Int32Array(r * this.width);
    this.rows = new Int32Array(r);
  }

  /** Memo slot of (i, left) for i < r - 2, computing its bounds on first use for this node. */
  private bounds(i: number, left: number): number {
    const at = i * this.width + left;
    if (this.stamp[at] !== this.gen) {
      this.stamp[at] = this.gen;
      const { rows, net } = this;
      this.lo[at] = minTwoColumns(rows, i, left, this.room[i]!, net.lf, net.scratch);
      this.hi[at] = maxTwoColumns(rows, i, left, net.lf);
      spend(net.budget, net.r - i);
    }
    return at;
  }

  /** Adds to the p-value the completions of node `rem`'s sorted pasts `s` (counts `w`) that reach the
   * threshold. */
  run(rem: Int32Array, s: readonly number[], w: readonly number[]): void {
    const { r, lf } = this.net;
    const { room, remLf, rows } = this;
    // Rows ascending: the first rows, enumerated one value at a time, then have the fewest values.
    for (let i = 0; i < r; i++) rows[i] = rem[r - 1 - i]!;
    for (let i = r - 1; i >= 0; i--) {
      room[i] = room[i + 1]! + rows[i]!;
      remLf[i] = remLf[i + 1]! + lf[rows[i]!]!;
    }
    this.gen++;
    this.s = s;
    this.scale = s[0]!;
    if (this.suffix.length < s.length + 1) this.suffix = new Float64Array(2 * s.length + 2);
    const suffix = this.suffix;
    suffix[s.length] = 0;
    for (let m = s.length - 1; m >= 0; m--) suffix[m] = suffix[m + 1]! + w[m]! * Math.exp(this.scale - s[m]!);
    if (r === 2) this.lastRows(this.a, 0, 0, s.length);
    else this.visit(0, this.a, 0, 0, s.length);
  }

  /** Adds the share of pasts [from, end) whose completion through (i, left) counts: whole when the least
   * remaining cost already reaches the threshold, none when the largest does not. Pasts from `end` on were
   * taken whole further up, so suffix[end] is already counted and the difference is exact to rounding
   * relative to the p-value. */
  private visit(i: number, left: number, cost: number, from: number, end: number): void {
    const net = this.net;
    const s = this.s;
    const suffix = this.suffix;
    const lf = net.lf;
    const at = this.bounds(i, left);
    const take = lowerBound(s, net.threshold - cost - this.lo[at]!, from, end);
    if (take < end) {
      const room = this.room[i]!;
      const logMass = lf[room]! - lf[left]! - lf[room - left]! - this.remLf[i]!;
      net.p += Math.exp(net.logK - cost - this.scale + logMass) * (suffix[take]! - suffix[end]!);
    }
    const keep = lowerBound(s, net.threshold - cost - this.hi[at]!, from, take);
    if (keep >= take) return;
    const ri = this.rows[i]!;
    const top = Math.min(ri, left);
    const next = i + 1 === net.r - 2;
    for (let v = Math.max(0, left - this.room[i + 1]!); v <= top; v++) {
      const c = cost + lf[v]! + lf[ri - v]!;
      if (next) this.lastRows(left - v, c, keep, take);
      else this.visit(i + 1, left - v, c, keep, take);
    }
  }

  /** visit for the last two rows: one free cell x, whose cost g is convex in x, so the bounds are closed
   * form (least at the hypergeometric mode, largest at an end), and each x left is one table. */
  private lastRows(left: number, cost: number, from: number, end: number): void {
    const net = this.net;
    const { lf, threshold } = net;
    const s = this.s;
    const suffix = this.suffix;
    const i = net.r - 2;
    const ra = this.rows[i]!;
    const rb = this.rows[i + 1]!;
    const lo = Math.max(0, left - rb);
    const hi = Math.min(ra, left);
    // g(x) = lf[x] + lf[ra - x] + lf[left - x] + lf[rb - left + x]
    let x = Math.min(hi, Math.max(lo, Math.floor(((left + 1) * (ra + 1)) / (ra + rb + 2))));
    let gx = lf[x]! + lf[ra - x]! + lf[left - x]! + lf[rb - left + x]!;
    while (x < hi) {
      const g1 = lf[x + 1]! + lf[ra - x - 1]! + lf[left - x - 1]! + lf[rb - left + x + 1]!;
      if (g1 >= gx) break;
      gx = g1;
      x++;
    }
    while (x > lo) {
      const g1 = lf[x - 1]! + lf[ra - x + 1]! + lf[left - x + 1]! + lf[rb - left + x - 1]!;
      if (g1 >= gx) break;
      gx = g1;
      x--;
    }
    const gLo = lf[lo]! + lf[ra - lo]! + lf[left - lo]! + lf[rb - left + lo]!;
    const gHi = lf[hi]! + lf[ra - hi]! + lf[left - hi]! + lf[rb - left + hi]!;
    spend(net.budget, 1);
    const take = lowerBound(s, threshold - cost - gx, from, end);
    const scale = net.logK - cost - this.scale;
    if (take < end) {
      const room = ra + rb;
      const logMass = lf[room]! - lf[left]! - lf[room - left]! - this.remLf[i]!;
      net.p += Math.exp(scale + logMass) * (suffix[take]! - suffix[end]!);
    }
    const keep = lowerBound(s, threshold - cost - Math.max(gLo, gHi), from, take);
    if (keep >= take) return;
    for (let v = lo; v <= hi; v++) {
      const g = lf[v]! + lf[ra - v]! + lf[left - v]! + lf[rb - left + v]!;
      const t = lowerBound(s, threshold - cost - g, keep, take);
      if (t < take) net.p += Math.exp(scale - g) * (suffix[t]! - suffix[take]!);
    }
  }
}

/** Past values closer than this (in log probability) are merged: far above rounding noise, far below ties. */
const MERGE_TOL = 1e-10;

/** Sorts pasts by value and merges those within MERGE_TOL of the first of their run (adding counts). */
function mergePasts(s: number[], w: number[]): [number[], number[]] {
  if (s.length < 2) return [s, w];
  const order = Array.from(s.keys()).sort((a, b) => s[a]! - s[b]!);
  const ms: number[] = [];
  const mw: number[] = [];
  let head = -Infinity;
  for (const i of order) {
    if (s[i]! - head <= MERGE_TOL) mw[mw.length - 1]! += w[i]!;
    else {
      head = s[i]!;
      ms.push(head);
      mw.push(w[i]!);
    }
  }
  return [ms, mw];
}

/** First index in [from, end) of sorted `xs` with xs[i] >= v (end if none). */
function lowerBound(xs: readonly number[], v: number, from: number, end: number): number {
  let lo = from;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! >= v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The smallest sum of log x! over the tables with row totals `rem` and column totals `tail` (the most
 * probable completion; FEXACT's "longest path"). log x! is convex, so this is a convex-cost transportation
 * problem: an integer table is optimal exactly when no cycle of +1/-1 moves lowers the sum (Ahuja, Magnanti &
 * Orlin 1993, ch. 14). Start from the rounded expected table and cancel negative cycles (Bellman-Ford).
 */
function minCompletion(rem: Int32Array, tail: readonly number[], lf: Float64Array): number {
  const r = rem.length;
  const k = tail.length;
  let total = 0;
  for (let i = 0; i < r; i++) total += rem[i]!;
  if (k === 1 || total === 0) return sumLf(rem, lf);
  if (k === 2) return minTwoColumns(rem, 0, tail[0]!, total, lf, new Int32Array(r));
  const x = new Int32Array(r * k);
  const rowLeft = Int32Array.from(rem);
  const colLeft = Int32Array.from(tail);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < k; j++) {
      const v = Math.floor((rem[i]! * tail[j]!) / total);
      x[i * k + j] = v;
      rowLeft[i] = rowLeft[i]! - v;
      colLeft[j] = colLeft[j]! - v;
    }
  }
  // The floors leave deficits on both margins with equal totals; fill them north-west corner style.
  for (let i = 0, j = 0; i < r && j < k;) {
    const v = Math.min(rowLeft[i]!, colLeft[j]!);
    x[i * k + j] = x[i * k + j]! + v;
    rowLeft[i] = rowLeft[i]! - v;
    colLeft[j] = colLeft[j]! - v;
    if (rowLeft[i] === 0) i++;
    else j++;
  }
  // Nodes 0..r-1 are rows, r..r+k-1 columns. Edge row i -> column j raises x_ij (cost log(x_ij + 1)), edge
  // column j -> row i lowers it (cost -log x_ij, when x_ij > 0).
  const nodes = r + k;
  const dist = new Float64Array(nodes);
  const pred = new Int32Array(nodes);
  for (;;) {
    dist.fill(0);
    pred.fill(-1);
    let changed = -1;
    for (let pass = 0; pass < nodes; pass++) {
      changed = -1;
      for (let i = 0; i < r; i++) {
        for (let j = 0; j < k; j++) {
          const v = x[i * k + j]!;
          const up = dist[i]! + Math.log(v + 1);
          if (up < dist[r + j]! - 1e-12) {
            dist[r + j] = up;
            pred[r + j] = i;
            changed = r + j;
          }
          if (v > 0) {
            const down = dist[r + j]! - Math.log(v);
            if (down < dist[i]! - 1e-12) {
              dist[i] = down;
              pred[i] = r + j;
              changed = i;
            }
          }
        }
      }
      if (changed < 0) break;
    }
    if (changed < 0) break;
    // A relaxation in the last pass: walk back `nodes` steps to land on the cycle, then apply it (each
    // application lowers the sum by more than 1e-12, so this ends).
    let v = changed;
    for (let t = 0; t < nodes; t++) v = pred[v]!;
    const startNode = v;
    do {
      const u = pred[v]!;
      if (u < r) x[u * k + (v - r)] = x[u * k + (v - r)]! + 1;
      else x[v * k + (u - r)] = x[v * k + (u - r)]! - 1;
      v = u;
    } while (v !== startNode);
  }
  return sumLf(x, lf);
}

/**
 * minCompletion for two columns (first total `a`): minimise sum g_i(x_i), g_i(x) = log x! + log (rem_i - x)!,
 * under sum x_i = a. With one constraint and convex g_i, a split is optimal exactly when no single unit moved
 * from one row to another lowers the sum; start from the rounded proportional split and move units until so.
 */
function minTwoColumns(
  rem: Int32Array,
  first: number,
  a: number,
  total: number,
  lf: Float64Array,
  x: Int32Array,
): number {
  if (total === 0) return 0;
  // Rows first.. of `rem`; x (scratch, no allocation per call: this runs per node) holds their split.
  const r = rem.length - first;
  let left = a;
  for (let i = 0; i < r; i++) {
    x[i] = Math.floor((rem[first + i]! * a) / total);
    left -= x[i]!;
  }
  for (let i = 0; left > 0; i++) {
    if (x[i]! < rem[first + i]!) {
      x[i]! += 1;
      left--;
    }
  }
  for (;;) {
    // Cheapest row to add a unit to (log((x + 1) / (rem - x))) and dearest to take one from (log(x / (rem - x + 1))).
    let up = -1;
    let upCost = Infinity;
    let down = -1;
    let downGain = -Infinity;
    for (let i = 0; i < r; i++) {
      const v = x[i]!;
      const ri = rem[first + i]!;
      if (v < ri) {
        const cost = lf[v + 1]! - lf[v]! + lf[ri - v - 1]! - lf[ri - v]!;
        if (cost < upCost) {
          upCost = cost;
          up = i;
        }
      }
      if (v > 0) {
        const gain = lf[v]! - lf[v - 1]! + lf[ri - v]! - lf[ri - v + 1]!;
        if (gain > downGain) {
          downGain = gain;
          down = i;
        }
      }
    }
    if (up < 0 || down < 0 || up === down || upCost - downGain >= -1e-12) break;
    x[up]! += 1;
    x[down]! -= 1;
  }
  let cost = 0;
  for (let i = 0; i < r; i++) cost += lf[x[i]!]! + lf[rem[first + i]! - x[i]!]!;
  return cost;
}

/**
 * The largest sum of log x! over the r x 2 tables with row totals rem[first..] and first column total `a`
 * (exact). g_i(x) = log x! + log (rem_i - x)! is convex, so the maximum is at a vertex of {sum x_i = a,
 * 0 <= x_i <= rem_i}: every row but one at a bound, where g_i = log rem_i! either way. Try each set of full
 * rows (x_i = rem_i) with each other row taking what is left.
 */
function maxTwoColumns(rem: Int32Array, first: number, a: number, lf: Float64Array): number {
  const r = rem.length - first;
  let atBounds = 0;
  for (let i = first; i < rem.length; i++) atBounds += lf[rem[i]!]!;
  let best = -Infinity;
  for (let full = 0; full < 1 << r; full++) {
    let used = 0;
    for (let i = 0; i < r; i++) if (full & (1 << i)) used += rem[first + i]!;
    const left = a - used;
    if (left < 0) continue;
    if (left === 0) {
      if (atBounds > best) best = atBounds;
      continue;
    }
    for (let m = 0; m < r; m++) {
      const rm = rem[first + m]!;
      if (full & (1 << m) || left > rm) continue;
      const v = atBounds - lf[rm]! + lf[left]! + lf[rm - left]!;
      if (v > best) best = v;
    }
  }
  return best;
}

/**
 * An upper bound on sum log x! over the completions (the least probable one; FEXACT's "shortest path"):
 * keeping one set of margins only, the greedy largest-first split of each total maximises the convex sum.
 */
function maxCompletionBound(rem: Int32Array, tail: readonly number[], lf: Float64Array): number {
  if (tail.length === 1) return sumLf(rem, lf);
  const rows = Array.from(rem);
  return Math.min(splitSum(tail, rows, lf), splitSum(rows, tail, lf));
}

function splitSum(totals: readonly number[], caps: readonly number[], lf: Float64Array): number {
  const sorted = [...caps].sort((a, b) => b - a);
  let cost = 0;
  for (const total of totals) {
    let left = total;
    for (const cap of sorted) {
      if (left === 0) break;
      const v = Math.min(cap, left);
      cost += lf[v]!;
      left -= v;
    }
  }
  return cost;
}

function sumLf(xs: ArrayLike<number>, lf: Float64Array): number {
  let a = 0;
  for (let i = 0; i < xs.length; i++) a += lf[xs[i]!]!;
  return a;
}

function lnChoose(a: number, b: number): number {
  return factorialln(a) - factorialln(b) - factorialln(a - b);
}

function transpose(table: number[][]): number[][] {
  return table[0]!.map((_, j) => table.map((row) => row[j]!));
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
