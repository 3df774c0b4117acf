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

/** The footnote that states the rule, for rendered tables. */
export function suppressionNote(threshold: number, anySuppressed: boolean, weighted: boolean): string | null {
  if (threshold <= 0) return null;
  const base = weighted ? "unweighted counts" : "counts";
  const lead = `Disclosure control: ${base} of 1-${threshold - 1} are shown as "<${threshold}"`;
  if (!anySuppressed) return `${lead} (none in this table).`;
  return (
    `${lead}; "[c]" marks counts hidden so that a "<${threshold}" cell cannot be recovered by subtraction; ` +
    "percentages and intervals of hidden cells, and any test, are not shown."
  );
}

/**
 * Primary and complementary (secondary) cell suppression.
 *
 * `values` are unweighted counts of a flat grid; each entry of `lines` lists the cells of one additive
 * relation (its parts and its total, e.g. one row of a cross-tab with its row margin). Primary: counts from
 * 1 to threshold-1 (a true zero discloses no respondent and is shown). Secondary: while some relation holds
 * exactly one hidden cell, which could be recovered by subtraction, also hide one more non-zero cell of that
 * relation, preferring (1) a cell that also sits on another relation with exactly one hidden cell (so one
 * complement protects two relations and hidden cells form rectangles), (2) the lowest `rank` (inner cells
 * before margins), (3) the smallest count, (4) the first. A greedy heuristic: it stops exact recovery by
 * subtraction, not every interval inference (use sdcTable or tau-argus for a formal guarantee).
 */
export function suppressCells(
  values: ArrayLike<number>,
  lines: readonly (readonly number[])[],
  threshold: number,
  rank: (cell: number) => number = () => 0,
): CellStatus[] {
  const status: CellStatus[] = Array.from({ length: values.length }, (_, i) => {
    const v = values[i]!;
    return threshold > 0 && v > 0 && v < threshold ? "primary" : "shown";
  });
  if (threshold <= 0) return status;
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
