import type { ColumnTable } from "arquero";
import type { Display } from "../tabulate/display.js";
import { shareFromSums } from "../stats/survey-share.js";
import { wilson } from "../stats/wilson.js";
import { HIDDEN_MARK, thresholdOf } from "../tabulate/suppress.js";
import { tableWeights } from "../tabulate/weights.js";
import { readMulti } from "./read.js";
import { NO_ANSWER, publishTable } from "../tabulate/publish.js";
import { toSource } from "../tabulate/source.js";

/** Options of {@link coOccurrence}. */
export interface CoOccurrenceOptions {
  /** Disclosure threshold (default 5; 0 or false turns it off). */
  suppress?: number | false;
  /** A weight column (from `rake` / `postStratify`): weighted counts and shares with design-based intervals. */
  weight?: string;
}

/** How one number of a co-occurrence table may be shown. */
export type PairStatus = "shown" | "suppressed";

/** Two options ticked together (a = b: the option itself). */
export interface OptionPair {
  readonly a: string;
  readonly b: string;
  /** Respondents who ticked both (weighted sum when weighted). */
  readonly count: number;
  /** Respondents who ticked both, unweighted (disclosure control decides on it). */
  readonly n: number;
  /** Percentage (0-100) of respondents who answered the question (weighted when weighted). */
  readonly share: number | null;
  /**
   * 95% interval of the share (0-100): Wilson unweighted; weighted, R's `svyciprop(method = "xlogit")` on the
   * domain of respondents who answered (`surveyShare`). Null when there is no share.
   */
  readonly lower: number | null;
  readonly upper: number | null;
  /** "suppressed" when the count is 1 to threshold-1. */
  readonly status: PairStatus;
  /** "suppressed" when the count or its complement (respondents - count) is 1 to threshold-1, or the count is. */
  readonly shareStatus: PairStatus;
}

/** Which options are ticked together. */
export interface CoOccurrenceResult {
  readonly question: string;
  readonly options: string[];
  /** Respondents who answered the question (the base of every share; unweighted). */
  readonly respondents: number;
  /** Their weighted sum (equal to `respondents` unweighted). */
  readonly weightedRespondents: number;
  /** The weight column, or null. */
  readonly weight: string | null;
  readonly respondentsStatus: PairStatus;
  /** Counts of respondents ticking both options, options x options (the diagonal: ticking the option). */
  readonly counts: number[][];
  /** Every pair a < b, most frequent first (ties in option order), then the single options in `options` order. */
  readonly pairs: OptionPair[];
  readonly threshold: number;
  /** Rows where the question was unanswered. */
  readonly missing: number;
  /** Its status in the note: "suppressed" when the run's ledger hides it (1-4, or it would give a count back). */
  readonly missingStatus: PairStatus;
}

/**
 * The co-occurrence table of a tick-all-that-apply question: for every pair of options, how many respondents
 * ticked both and what share of those who answered that is. Disclosure control: a count of 1 to threshold-1
 * is suppressed, and a share is hidden when its count or its complement (respondents who did not tick both)
 * is 1 to threshold-1, since either reveals a small group; with fewer than `threshold` respondents in all,
 * everything is hidden.
 *
 * With `weight`: counts and shares are weighted (Σw of respondents ticking both over Σw of respondents who
 * answered), with the design-based interval of `svyciprop(~both, subset(design, answered), method = "xlogit")`
 * for `svydesign(ids = ~1, weights = ~w)`; suppression still decides on the unweighted counts, as in every
 * weighted table (src/tabulate/README.md).
 * @example
 * const c = coOccurrence(lw, "improvements");
 * c.pairs[0]; // { a: "Lower cost", b: "More sessions", count: 41, share: 19.2, status: "shown", shareStatus: "shown" }
 * coOccurrence(weighted.table, "improvements", { weight: "w" }).pairs[0]?.share; // weighted
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
  const sums = multi.levels.map(() => new Array<number>(k).fill(0));
  const squares = multi.levels.map(() => new Array<number>(k).fill(0));
  const weights = tableWeights(table, options.weight, fn);
  let respondents = 0;
  let weightedRespondents = 0;
  let respondentSquares = 0;
  let missing = 0;
  multi.rows.forEach((row, r) => {
    if (row === null) {
      missing++;
      return;
    }
    const w = weights ? weights[r]! : 1;
    respondents++;
    weightedRespondents += w;
    respondentSquares += w * w;
    const codes = [...new Set(row)].map((o) => index.get(o)!);
    for (const i of codes)
      for (const j of codes) {
        counts[i]![j]!++;
        sums[i]![j]! += w;
        squares[i]![j]! += w * w;
      }
  });
  const small = (v: number) => threshold > 0 && v > 0 && v < threshold;
  const baseHidden = small(respondents);
  const pair = (i: number, j: number): OptionPair => {
    const n = counts[i]![j]!;
    const count = sums[i]![j]!;
    const hidden = baseHidden || small(n);
    const share = weightedRespondents > 0 ? (100 * count) / weightedRespondents : null;
    let ci: { lower: number; upper: number } | null = null;
    if (share !== null && weights) {
      const s = shareFromSums({
        yesWeight: count,
        noWeight: weightedRespondents - count,
        yesSquares: squares[i]![j]!,
        noSquares: respondentSquares - squares[i]![j]!,
        domainN: respondents,
        designN: multi.rows.length,
      });
      ci = Number.isFinite(s.lower) ? { lower: 100 * s.lower, upper: 100 * s.upper } : null;
    } else if (share !== null) {
      const s = wilson(n, respondents);
      ci = { lower: 100 * s.lower, upper: 100 * s.upper };
    }
    return {
      a: multi.levels[i]!,
      b: multi.levels[j]!,
      count,
      n,
      share,
      lower: ci ? ci.lower : null,
      upper: ci ? ci.upper : null,
      status: hidden ? "suppressed" : "shown",
      shareStatus: hidden || small(respondents - n) ? "suppressed" : "shown",
    };
  };
  const own: OptionPair[] = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) own.push(pair(i, j));
  own.sort((x, y) => y.count - x.count);
  for (let i = 0; i < k; i++) own.push(pair(i, i));
  const ledger = publishPairs(table, question, own, respondents, missing, baseHidden, threshold);
  const pairs = own.map((p, i) =>
    ledger.hidden[i] || ledger.baseHidden
      ? {
          ...p,
          status: ledger.hidden[i] ? ("suppressed" as const) : p.status,
          shareStatus: "suppressed" as const,
        }
      : p,
  );
  return {
    question,
    options: multi.levels,
    respondents,
    weightedRespondents,
    weight: options.weight ?? null,
    respondentsStatus: baseHidden || ledger.baseHidden ? "suppressed" : "shown",
    counts,
    pairs,
    threshold,
    missing,
    missingStatus: ledger.missingHidden ? "suppressed" : "shown",
  };
}

// The run's ledger, over multiResponse's per-option variables ("<question>: <option>", chosen / not chosen): one
// output per pair of options (one over every option would span 3^options joint categories), with the two
// ticking both, each option's own count (the diagonal), the base and the unanswered count, and the facts that the
// options are answered together (nobody answers one and skips the other). A count the ledger hides is
// suppressed with its share; a hidden base hides every share. With one option, the option alone is published.
function publishPairs(
  table: ColumnTable,
  question: string,
  pairs: readonly OptionPair[],
  respondents: number,
  missing: number,
  baseHidden: boolean,
  threshold: number,
): { hidden: boolean[]; baseHidden: boolean; missingHidden: boolean } {
  const levels = ["chosen", "not chosen"];
  const source = toSource(table, "coOccurrence");
  const statusOf = (p: OptionPair) => (p.status === "shown" ? ("shown" as const) : ("primary" as const));
  const diagonal = new Map(pairs.filter((p) => p.a === p.b).map((p) => [p.a, p]));
  const hiddenCell = new Set<string>();
  let hiddenBase = false;
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  // The base and the unanswered count first, as an output of their own: a pair's output then cannot pick the
  // base (a margin every share rests on) as the cell to hide, which would take every share of the table with it.
  const first = `${question}: ${pairs[0]!.a}`;
  const base = publishTable({
    source,
    label: `coOccurrence ${question}: respondents`,
    threshold,
    variables: { [first]: levels },
    cells: [
      { where: { [first]: levels }, count: respondents, status: baseHidden ? "primary" : "shown" },
      { where: { [first]: [NO_ANSWER] }, count: missing, status: "shown" },
    ],
  });
  if (base[0] !== "shown") hiddenBase = true;
  const missingHidden = base[1] !== "shown";
  const publishOne = (p: OptionPair) => {
    const va = `${question}: ${p.a}`;
    const vb = `${question}: ${p.b}`;
    const single = p.a === p.b;
    const da = diagonal.get(p.a)!;
    const db = diagonal.get(p.b)!;
    // Options are answered together: nobody answers one and skips another (ties each option to the base).
    const together = (v: string) =>
      v === first
        ? []
        : [
            { where: { [v]: [NO_ANSWER], [first]: levels }, count: 0, status: "shown" as const },
            { where: { [v]: levels, [first]: [NO_ANSWER] }, count: 0, status: "shown" as const },
          ];
    const cells = [
      ...(single ? [] : [{ where: { [va]: ["chosen"], [vb]: ["chosen"] }, count: p.n, status: statusOf(p) }]),
      { where: { [va]: ["chosen"] }, count: da.n, status: statusOf(da) },
      ...(single ? [] : [{ where: { [vb]: ["chosen"] }, count: db.n, status: statusOf(db) }]),
      ...together(va),
      ...(single ? [] : together(vb)),
    ];
    const out = publishTable({
      source,
      label: `coOccurrence ${question}: ${p.a} and ${p.b}`,
      threshold,
      variables: { [first]: levels, [va]: levels, [vb]: levels },
      cells,
    });
    const at = single ? 0 : 1;
    if (!single && out[0] !== "shown") hiddenCell.add(key(p.a, p.b));
    if (out[at] !== "shown") hiddenCell.add(key(p.a, p.a));
    if (!single && out[at + 1] !== "shown") hiddenCell.add(key(p.b, p.b));
  };
  const offDiagonal = pairs.filter((p) => p.a !== p.b);
  if (offDiagonal.length) offDiagonal.forEach(publishOne);
  else pairs.forEach(publishOne);
  return { hidden: pairs.map((p) => hiddenCell.has(key(p.a, p.b))), baseHidden: hiddenBase, missingHidden };
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
    const count = r.weight ? p.count.toFixed(1) : String(p.count);
    if (p.shareStatus === "suppressed" || p.share === null) return count;
    return `${count} (${p.share.toFixed(1)}%)`;
  };
  const notes = [
    "Cells: respondents who ticked both options (percentage of respondents who answered); the diagonal is each option on its own.",
    `Base: ${r.respondentsStatus === "shown" ? r.respondents : HIDDEN_MARK} respondents who answered; ${r.missingStatus === "shown" ? r.missing : HIDDEN_MARK} did not answer.`,
  ];
  if (r.weight)
    notes.push(
      `Weighted by "${r.weight}": counts are weighted sums and percentages weighted shares (base ${r.weightedRespondents.toFixed(1)}); intervals (in the chart) are design-based, as R's svyciprop(method = "xlogit"); disclosure control decides on unweighted counts.`,
    );
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
