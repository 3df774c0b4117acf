/** How a cell is shown after disclosure control. */
export type CellStatus = "shown" | "primary" | "secondary";

/** The threshold in force: counts 1..threshold-1 are suppressed; 0 turns disclosure control off. */
export function thresholdOf(suppress: number | false | undefined, fn: string): number {
  if (suppress === undefined) return 5;
  if (suppress === false) return 0;
  if (!Number.isFinite(suppress) || suppress < 0) {
    throw new Error(`${fn}: option suppress must be a number >= 0 or false, got ${String(suppress)}`);
  }
  return suppress;
}

/**
 * The one mark every hidden cell carries, whether hidden for its own small count (primary) or to protect
 * another (secondary). Two marks ("<5" and "[c]") would tell the reader a "[c]" cell is at least the threshold,
 * which solves its small partner; "[c]" is the GSS symbol for "confidential".
 */
export const HIDDEN_MARK = "[c]";

/**
 * What a cell shows in place of its count: {@link HIDDEN_MARK} when hidden, null when shown.
 * @example
 * hiddenMark("primary"); // "[c]"
 * hiddenMark("shown"); // null
 */
export function hiddenMark(status: CellStatus): string | null {
  return status === "shown" ? null : HIDDEN_MARK;
}

/**
 * The footnote that states the rule, for rendered tables; with disclosure control off it says so, so that the
 * audit lists the table as not audited rather than reading it.
 * @example
 * suppressionNote(5, false, false); // 'Disclosure control: counts of 1-4 ... (none in this table).'
 */
export function suppressionNote(threshold: number, anySuppressed: boolean, weighted: boolean): string | null {
  if (threshold <= 0) return "Disclosure control: off for this table (option suppress: false).";
  const base = weighted ? "unweighted counts" : "counts";
  const lead =
    `Disclosure control: ${base} of 1-${threshold - 1}, and shares whose complement is 1-${threshold - 1}, ` +
    `are hidden and shown as "${HIDDEN_MARK}"`;
  if (!anySuppressed) return `${lead} (none in this table).`;
  return (
    `${lead}, as are further cells chosen so that none can be recovered by subtraction (one mark for all, so ` +
    "it does not say which); their percentages and intervals, and any test's statistic and p-value, are not shown."
  );
}

/**
 * Whether a share (count of base) must be hidden: its count or its complement (base minus count) is
 * 1..threshold-1. The complement matters only when the base is shown (a reader subtracts); pass
 * `baseShown: false` when it is not. The rule for builders handed raw numbers without a status.
 * @example
 * shareHidden(1, 12, 5); // true (1 respondent)
 * shareHidden(11, 12, 5); // true (the other 1 is revealed by subtraction)
 * shareHidden(6, 12, 5); // false
 */
export function shareHidden(count: number, base: number, threshold: number, baseShown = true): boolean {
  if (threshold <= 0) return false;
  const small = (k: number) => k > 0 && k < threshold;
  return small(count) || (baseShown && small(base - count));
}

/**
 * Primary and complementary (secondary) cell suppression.
 *
 * `values` are unweighted counts of a flat grid; each entry of `lines` lists the cells of one additive
 * relation, its parts first and its total LAST (e.g. one row of a cross-tab with its row margin). Primary:
 * counts from 1 to threshold-1 (a true zero discloses no respondent and is shown), and parts whose complement
 * in a relation (total minus part) is 1 to threshold-1 while that total is shown, since the share reveals it;
 * `options.shares` adds [part, base] pairs that are shares but not additive relations (a multiple-response
 * option over its respondents). Secondary: while some relation holds
 * exactly one hidden cell, which could be recovered by subtraction, also hide one more non-zero cell of that
 * relation, preferring (1) a cell that also sits on another relation with exactly one hidden cell (so one
 * complement protects two relations and hidden cells form rectangles), (2) the lowest `rank` (inner cells
 * before margins), (3) the smallest count, (4) the first. A greedy heuristic: it stops exact recovery by
 * subtraction, not every interval inference (use sdcTable or tau-argus for a formal guarantee). Across tables
 * of one run, the ledger (src/disclosure/ledger.ts) keeps one pattern.
 * @example
 * suppressCells([27, 3, 30], [[0, 1, 2]], 5); // ["primary", "primary", "shown"] (27's complement is 3)
 */
export function suppressCells(
  values: ArrayLike<number>,
  lines: readonly (readonly number[])[],
  threshold: number,
  rank: (cell: number) => number = () => 0,
  options: { readonly shares?: readonly (readonly [part: number, base: number])[] } = {},
): CellStatus[] {
  const small = (v: number) => v > 0 && v < threshold;
  const status: CellStatus[] = Array.from({ length: values.length }, (_, i) =>
    threshold > 0 && small(values[i]!) ? "primary" : "shown",
  );
  if (threshold <= 0) return status;
  // The complement rule: once the totals' own status is known, a share of a shown total whose complement is
  // small is hidden as if it were small itself (it discloses those few respondents by subtraction).
  const pairs = [
    ...lines.flatMap((line) => line.slice(0, -1).map((cell) => [cell, line[line.length - 1]!] as const)),
    ...(options.shares ?? []),
  ];
  for (const [part, total] of pairs) {
    if (status[total] === "shown" && status[part] === "shown" && small(values[total]! - values[part]!))
      status[part] = "primary";
  }
  const linesOf: number[][] = Array.from({ length: values.length }, () => []);
  lines.forEach((line, l) => line.forEach((cell) => linesOf[cell]!.push(l)));
  const hiddenIn = (l: number) => lines[l]!.filter((cell) => status[cell] !== "shown").length;
  // How many other relations a candidate would also complete.
  const fixes = (cell: number, own: number) =>
    linesOf[cell]!.filter((l) => l !== own && hiddenIn(l) === 1).length;
  for (let changed = true; changed;) {
    changed = false;
    for (let l = 0; l < lines.length; ++l) {
      const line = lines[l]!;
      if (hiddenIn(l) !== 1) continue;
      const pick = complement(values, line, status, (cell) => fixes(cell, l), rank);
      if (pick === undefined) continue;
      status[pick] = "secondary";
      changed = true;
    }
  }
  return status;
}

function complement(
  values: ArrayLike<number>,
  line: readonly number[],
  status: readonly CellStatus[],
  fixes: (cell: number) => number,
  rank: (cell: number) => number,
): number | undefined {
  let best: number | undefined;
  for (const cell of line) {
    // Hiding a zero protects nothing: the reader can still bound it at 0.
    if (status[cell] !== "shown" || !(values[cell]! > 0)) continue;
    if (best === undefined || better(cell, best, values, fixes, rank)) best = cell;
  }
  return best;
}

function better(
  a: number,
  b: number,
  values: ArrayLike<number>,
  fixes: (cell: number) => number,
  rank: (cell: number) => number,
): boolean {
  const fa = fixes(a);
  const fb = fixes(b);
  if (fa !== fb) return fa > fb;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb;
  return values[a]! < values[b]!;
}
