import factorialln from "@stdlib/math-base-special-factorialln";
import type { ColumnTable } from "arquero";
import { unknownName } from "../errors/usage-error.js";
import { wilson } from "../stats/wilson.js";
import { formatP } from "../tabulate/format.js";
import { projectLedger, publishTable, NO_ANSWER } from "../tabulate/publish.js";
import { toSource } from "../tabulate/source.js";
import { shareHidden, thresholdOf } from "../tabulate/suppress.js";
import type { FamilyRow } from "../kit/family-table.js";
import { readMulti } from "./read.js";

/** Options of {@link compareOptions}. */
export interface CompareOptionsOptions {
  /** Disclosure threshold (default 5; 0 or false turns it off). */
  suppress?: number | false;
}

/** Two options of one tick-all-that-apply question compared among the same respondents; also a family row
 * (label, p, hidden, detail), so several comparisons behind one claim can be adjusted together. */
export interface PairedOptions extends FamilyRow {
  readonly question: string;
  readonly a: string;
  readonly b: string;
  /** Respondents who answered the question (the base of both shares). */
  readonly n: number;
  /** Percentages (0-100) ticking a and b. */
  readonly shareA: number;
  readonly shareB: number;
  /** shareA - shareB in percentage points, with Newcombe's 95% interval for paired proportions (method 10). */
  readonly difference: number;
  readonly lower: number;
  readonly upper: number;
  /** Exact McNemar test (two-sided binomial test on the respondents who ticked exactly one of the two). */
  readonly p: number;
  /** "hidden" when a count behind the test (ticked only a, only b) is 1 to threshold-1: the test and the
   * interval could reveal it, so `text` leaves them out. */
  readonly status: "shown" | "hidden";
  /** One sentence for the notebook: the two shares, the difference with its interval and the test. */
  readonly text: string;
}

/**
 * Compares how often two options of the same tick-all-that-apply question were ticked, by the same
 * respondents: the difference of the two shares with Newcombe's (1998, method 10) score interval for paired
 * proportions, and the exact McNemar test (R `binom.test(b, b + c)`, b and c the respondents who ticked only
 * one of the two). Two overlapping Wilson intervals do not show that two shares are equal, and two independent
 * intervals ignore that the same people answered both: this is the comparison a ranking claim needs.
 * Disclosure control: when either count of respondents who ticked only one of the two is 1 to threshold-1,
 * the test and the interval are withheld (`status: "hidden"`).
 * @example
 * const c = compareOptions(pv, "challenges", "Distance of travel to activities", "Levels of health and fitness");
 * c.text; // "Distance of travel to activities 52.0% vs Levels of health and fitness 44.0% (the same 200 respondents): difference +8.0 points (95% CI ...); exact McNemar p = ..."
 */
export function compareOptions(
  table: ColumnTable,
  question: string,
  a: string,
  b: string,
  options: CompareOptionsOptions = {},
): PairedOptions {
  const fn = "compareOptions";
  const multi = readMulti(fn, table, question);
  for (const o of [a, b])
    if (!multi.levels.includes(o)) throw unknownName(fn, `option of ${question}`, o, multi.levels);
  if (a === b) throw new Error(`${fn}: compare two different options of ${question}, got "${a}" twice`);
  const threshold = thresholdOf(options.suppress, fn);
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  let neither = 0;
  for (const row of multi.rows) {
    if (row === null) continue;
    const hasA = row.includes(a);
    const hasB = row.includes(b);
    if (hasA && hasB) both++;
    else if (hasA) onlyA++;
    else if (hasB) onlyB++;
    else neither++;
  }
  const n = both + onlyA + onlyB + neither;
  if (n === 0) throw new Error(`${fn}: nobody answered ${question}`);
  const { difference, lower, upper } = newcombePaired(both, onlyA, onlyB, neither);
  const p = mcnemarExact(onlyA, onlyB);
  const small = (v: number) => threshold > 0 && v > 0 && v < threshold;
  // The two shares go through the share rule and the run's ledger as multiResponse's cells of the same options
  // do (one chosen/not chosen variable per option), so a share a table hid is not printed here.
  const hiddenShares = sharesHidden(table, question, [a, b], [both + onlyA, both + onlyB], n, threshold);
  const status = small(onlyA) || small(onlyB) || hiddenShares.some(Boolean) ? "hidden" : "shown";
  const pct = (v: number) => `${v.toFixed(1)}%`;
  // One decimal with its sign; a value that rounds to zero is "0.0", never "−0.0".
  const signed = (v: number) => {
    const r = Math.abs(v).toFixed(1);
    return r === "0.0" ? r : `${v > 0 ? "+" : "−"}${r}`;
  };
  const shareA = (100 * (both + onlyA)) / n;
  const shareB = (100 * (both + onlyB)) / n;
  const shownA = hiddenShares[0] ? "suppressed" : pct(shareA);
  const shownB = hiddenShares[1] ? "suppressed" : pct(shareB);
  const head = `${a} ${shownA} vs ${b} ${shownB} (the same ${n} respondents)`;
  // With one share hidden the difference would give it back: only the test's verdict is said.
  const verdict = `${p < 0.05 ? "differ" : "no evidence of a difference"} at the 5% level (exact McNemar test)`;
  const text = hiddenShares.some(Boolean)
    ? `${head}: ${verdict}; shares, difference, interval and p-value not shown (they could reveal a count below ${threshold}).`
    : status === "hidden"
      ? `${head}: difference ${signed(100 * difference)} points; interval and test not shown (they could reveal a count below ${threshold}).`
      : `${head}: difference ${signed(100 * difference)} points (95% CI ${signed(100 * lower)} to ${signed(100 * upper)}, Newcombe); exact McNemar test ${formatP(p)}.`;
  const detail = hiddenShares.some(Boolean)
    ? `${shownA} vs ${shownB}; exact McNemar test`
    : status === "hidden"
      ? `${pct(shareA)} vs ${pct(shareB)}; exact McNemar test`
      : `${pct(shareA)} vs ${pct(shareB)}: ${signed(100 * difference)} points (95% CI ${signed(100 * lower)} to ${signed(100 * upper)}); exact McNemar test`;
  return {
    label: `${a} vs ${b}`,
    hidden: status === "hidden",
    detail,
    question,
    a,
    b,
    n,
    shareA,
    shareB,
    difference: 100 * difference,
    lower: 100 * lower,
    upper: 100 * upper,
    p,
    status,
    text,
  };
}

// Whether each option's share is hidden: by the share rule (count or complement 1..threshold-1), or by the run's
// ledger (an earlier output hid it, or with earlier outputs it would give a hidden count away).
function sharesHidden(
  table: ColumnTable,
  question: string,
  opts: readonly string[],
  counts: readonly number[],
  n: number,
  threshold: number,
): boolean[] {
  if (threshold <= 0) return opts.map(() => false);
  const own = counts.map((k) => shareHidden(k, n, threshold) || (n > 0 && n < threshold));
  const ledger = projectLedger();
  if (ledger.threshold <= 0 || threshold < ledger.threshold) return own;
  const levels = ["chosen", "not chosen"];
  const names = opts.map((o) => `${question}: ${o}`);
  const status = publishTable({
    source: toSource(table, "compareOptions"),
    label: `compareOptions ${question}`,
    threshold,
    variables: Object.fromEntries(names.map((v) => [v, levels])),
    cells: [
      ...names.map((v, i) => ({
        where: { [v]: ["chosen"] },
        count: counts[i]!,
        status: own[i] ? ("primary" as const) : ("shown" as const),
      })),
      { where: { [names[0]!]: levels }, count: n, status: "shown" as const },
      // The options of one question are answered together (nobody answers one and skips the other).
      { where: { [names[0]!]: [NO_ANSWER], [names[1]!]: levels }, count: 0, status: "shown" as const },
      { where: { [names[0]!]: levels, [names[1]!]: [NO_ANSWER] }, count: 0, status: "shown" as const },
    ],
  });
  return own.map((h, i) => h || status[i] !== "shown");
}

// Newcombe (1998), "Improved confidence intervals for the difference between binomial proportions based on
// paired data", Statistics in Medicine 17: 2635-2650, method 10: Wilson limits of each margin combined with
// the phi correlation, phi corrected towards zero by N/2 when AD > BC.
function newcombePaired(
  both: number,
  onlyA: number,
  onlyB: number,
  neither: number,
): { difference: number; lower: number; upper: number } {
  const n = both + onlyA + onlyB + neither;
  const p1 = (both + onlyA) / n;
  const p2 = (both + onlyB) / n;
  const w1 = wilson(both + onlyA, n);
  const w2 = wilson(both + onlyB, n);
  const denominator = Math.sqrt((both + onlyA) * (onlyB + neither) * (both + onlyB) * (onlyA + neither));
  const ad = both * neither;
  const bc = onlyA * onlyB;
  const phi = denominator === 0 ? 0 : (ad > bc ? Math.max(ad - bc - n / 2, 0) : ad - bc) / denominator;
  const d = p1 - p2;
  const dl = Math.sqrt(
    (p1 - w1.lower) ** 2 - 2 * phi * (p1 - w1.lower) * (w2.upper - p2) + (w2.upper - p2) ** 2,
  );
  const du = Math.sqrt(
    (w1.upper - p1) ** 2 - 2 * phi * (w1.upper - p1) * (p2 - w2.lower) + (p2 - w2.lower) ** 2,
  );
  return { difference: d, lower: d - dl, upper: d + du };
}

// Two-sided exact binomial test of k successes in m trials at 1/2 (R binom.test): the sum of the
// probabilities no larger than the observed one; with p = 1/2 that is twice the smaller tail, capped at 1.
function mcnemarExact(onlyA: number, onlyB: number): number {
  const m = onlyA + onlyB;
  if (m === 0) return 1;
  const k = Math.min(onlyA, onlyB);
  let tail = 0;
  for (let i = 0; i <= k; i++)
    tail += Math.exp(factorialln(m) - factorialln(i) - factorialln(m - i) - m * Math.LN2);
  return Math.min(1, 2 * tail);
}
