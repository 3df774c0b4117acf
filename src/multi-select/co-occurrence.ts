import type { ColumnTable } from "arquero";
import type { Display } from "../tabulate/display.js";
import { HIDDEN_MARK, thresholdOf } from "../tabulate/suppress.js";
import { readMulti } from "./read.js";

/** Options of {@link coOccurrence}. */
export interface CoOccurrenceOptions {
  /** Disclosure threshold (default 5; 0 or false turns it off). */
  suppress?: number | false;
}

/** How one number of a co-occurrence table may be shown. */
export type PairStatus = "shown" | "suppressed";

/** Two options ticked together (a = b: the option itself). */
export interface OptionPair {
  readonly a: string;
  readonly b: string;
  /** Respondents who ticked both. */
  readonly count: number;
  /** Percentage (0-100) of respondents who answered the question. */
  readonly share: number | null;
  /** "suppressed" when the count is 1 to threshold-1. */
  readonly status: PairStatus;
  /** "suppressed" when the count or its complement (respondents - count) is 1 to threshold-1, or the count is. */
  readonly shareStatus: PairStatus;
}

/** Which options are ticked together. */
export interface CoOccurrenceResult {
  readonly question: string;
  readonly options: string[];
  /** Respondents who answered the question (the base of every share). */
  readonly respondents: number;
  readonly respondentsStatus: PairStatus;
  /** Counts of respondents ticking both options, options x options (the diagonal: ticking the option). */
  readonly counts: number[][];
  /** Every pair a < b, most frequent first (ties in option order), then the single options in `options` order. */
  readonly pairs: OptionPair[];
  readonly threshold: number;
  /** Rows where the question was unanswered. */
  readonly missing: number;
}

/**
 * The co-occurrence table of a tick-all-that-apply question: for every pair of options, how many respondents
 * ticked both and what share of those who answered that is. Disclosure control: a count of 1 to threshold-1
 * is suppressed, and a share is hidden when its count or its complement (respondents who did not tick both)
 * is 1 to threshold-1, since either reveals a small group; with fewer than `threshold` respondents in all,
 * everything is hidden.
 * @example
 * const c = coOccurrence(lw, "improvements");
 * c.pairs[0]; // { a: "Lower cost", b: "More sessions", count: 41, share: 19.2, status: "shown", shareStatus: "shown" }
 */
export function coOccurrence(
  table: ColumnTable,
  question: string,
  options: CoOccurrenceOptions = {},
): CoOccurrenceResult {
  const fn = "coOccurrence";
  const multi = readMulti(fn, table, question);
  const threshold = thresholdOf(options.suppress, fn);
  const k = multi.levels.length;
  const index = new Map(multi.levels.map((l, i) => [l, i]));
  const counts = multi.levels.map(() => new Array<number>(k).fill(0));
  let respondents = 0;
  let missing = 0;
  for (const row of multi.rows) {
    if (row === null) {
      missing++;
      continue;
    }
    respondents++;
    const codes = [...new Set(row)].map((o) => index.get(o)!);
    for (const i of codes) for (const j of codes) counts[i]![j]!++;
  }
  const small = (v: number) => threshold > 0 && v > 0 && v < threshold;
  const baseHidden = small(respondents);
  const pair = (i: number, j: number): OptionPair => {
    const count = counts[i]![j]!;
    const hidden = baseHidden || small(count);
    return {
      a: multi.levels[i]!,
      b: multi.levels[j]!,
      count,
      share: respondents > 0 ? (100 * count) / respondents : null,
      status: hidden ? "suppressed" : "shown",
      shareStatus: hidden || small(respondents - count) ? "suppressed" : "shown",
    };
  };
  const pairs: OptionPair[] = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) pairs.push(pair(i, j));
  pairs.sort((x, y) => y.count - x.count);
  for (let i = 0; i < k; i++) pairs.push(pair(i, i));
  return {
    question,
    options: multi.levels,
    respondents,
    respondentsStatus: baseHidden ? "suppressed" : "shown",
    counts,
    pairs,
    threshold,
    missing,
  };
}

/**
 * The co-occurrence matrix as a table to show or export: "count (share%)" for each pair, "<5" for suppressed
 * counts, the count alone where only its share is hidden; the diagonal holds each option on its own.
 * @example
 * console.log(displayToText(coOccurrenceDisplay(coOccurrence(lw, "improvements"))));
 */
export function coOccurrenceDisplay(r: CoOccurrenceResult, caption?: string): Display {
  const lookup = new Map(r.pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
  const get = (a: string, b: string) => lookup.get(`${a}\u0000${b}`) ?? lookup.get(`${b}\u0000${a}`)!;
  const cell = (a: string, b: string) => {
    const p = get(a, b);
    if (p.status === "suppressed") return HIDDEN_MARK;
    if (p.shareStatus === "suppressed" || p.share === null) return String(p.count);
    return `${p.count} (${p.share.toFixed(1)}%)`;
  };
  const notes = [
    "Cells: respondents who ticked both options (percentage of respondents who answered); the diagonal is each option on its own.",
    `Base: ${r.respondentsStatus === "shown" ? r.respondents : HIDDEN_MARK} respondents who answered; ${r.missing} did not answer.`,
  ];
  if (r.threshold > 0)
    notes.push(
      `Disclosure control: counts of 1-${r.threshold - 1} are shown as "${HIDDEN_MARK}"; a percentage is not shown when its count or the number of other respondents is below ${r.threshold}.`,
    );
  return {
    caption: caption ?? `${r.question}: options ticked together`,
    head: [r.question, ...r.options],
    body: r.options.map((a) => [a, ...r.options.map((b) => cell(a, b))]),
    foot: [],
    notes,
  };
}
