import { SLASH_RE } from "./scan-text.js";

/** A count over its base shown in one output of a notebook ("(20/154)" in a receipt's detail). */
export interface ShownFraction {
  readonly cell: number;
  readonly output: number;
  readonly count: number;
  readonly base: number;
  /** The segment it was read from (a line, a table row). */
  readonly text: string;
}

/** Two shown fractions whose difference is a small count. */
export interface CrossLeak {
  readonly larger: ShownFraction;
  readonly smaller: ShownFraction;
  /** The count the difference gives (or the complement it leaves), 1..threshold-1. */
  readonly count: number;
  /** e.g. "20/154 - 18/122 = 2/32". */
  readonly match: string;
}

const N_RE = /(?<![\w'’])(?:n|base|unweighted n)\s*(?:=|:)\s*(\d+)(?![\d.,]*\s*%)(?![.,]?\d)/gi;

/**
 * Every base printed in a segment: denominators of "s/n" and "n = 32", "base: 32".
 * @example
 * basesIn("Inactive: [c], n = 32; 20/154"); // [154, 32]
 */
export function basesIn(segment: string): number[] {
  return [
    ...fractionsIn(segment).map((f) => f.base),
    ...[...segment.matchAll(N_RE)].map((m) => Number(m[1])),
  ];
}

/**
 * Every count over its base ("s/n") in one segment of output text.
 * @example
 * fractionsIn("not meets guideline 13.0% (20/154)"); // [{ count: 20, base: 154 }]
 */
export function fractionsIn(segment: string): { count: number; base: number }[] {
  const out: { count: number; base: number }[] = [];
  for (const m of segment.matchAll(SLASH_RE)) {
    const count = Number(m[1]);
    const base = Number(m[2]);
    if (base > 0 && count <= base) out.push({ count, base });
  }
  return out;
}

/**
 * The cross-output check of the audit: among the counts over their bases shown in different outputs of one
 * notebook, each pair where one could be a subgroup of the other (smaller count and smaller base) and the
 * difference is a count of 1..threshold-1 (a/b - c/d = (a-c)/(b-d)), where the remainder's base b-d is itself shown as a base in the notebook (`shownBases`: a
 * denominator or an "n = "), the sign that the remainder is a group the notebook is about. Text alone cannot tell
 * whether the two groups nest (whether "not meeting the guideline" holds "fairly active"), so a finding is a pair
 * to look at, not a proof; a pair whose groups cannot nest is a false finding, and a nested pair whose remainder
 * is never shown as a base is missed. A pair is not reported when either row shows the remainder group with
 * another count (a comparison's "not X" side), which says the groups do not nest that way. What it cannot see: counts without their base (a table's bare count cells), groups that add up
 * rather than nest (two disjoint shares summed), and differences across more than two outputs.
 * @example
 * crossFractions([{ cell: 3, output: 0, count: 20, base: 154, text: "" },
 *   { cell: 5, output: 0, count: 18, base: 122, text: "" }], 5)[0]?.match; // "20/154 - 18/122 = 2/32"
 */
export function crossFractions(
  fractions: readonly ShownFraction[],
  threshold: number,
  shownBases?: ReadonlySet<number>,
): CrossLeak[] {
  const small = (k: number) => k >= 1 && k < threshold;
  // One fraction shown in several MIME types of one output (HTML, markdown, text) is one fact.
  const seen = new Set<string>();
  const facts = fractions.filter((f) => {
    const key = `${f.cell}|${f.output}|${f.count}|${f.base}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const leaks: CrossLeak[] = [];
  const reported = new Set<string>();
  for (const a of facts) {
    for (const b of facts) {
      // One segment (a receipt's row) compares groups side by side, not a group with its part.
      if (a.text === b.text || (a.count === b.count && a.base === b.base)) continue;
      if (!(b.base < a.base && b.count <= a.count)) continue;
      const k = a.count - b.count;
      const n = a.base - b.base;
      if (k > n) continue;
      // Only the difference itself: its complement ((b-d) - (a-c)) matched almost any two shares of small
      // bases in a trial on the Cumbria notebooks, so it is left out (a limit, src/disclosure/README.md).
      const count = small(k) ? k : 0;
      if (!count) continue;
      // The remainder must be a group the notebook shows (its base printed elsewhere, as a base or an n):
      // else the two groups are most likely unrelated.
      if (shownBases && !shownBases.has(n)) continue;
      // A row that shows the remainder group's own count (a comparison's other side: "not X 36% (29/80)")
      // says the two groups do not nest that way.
      const other = [...fractionsIn(a.text), ...fractionsIn(b.text)];
      if (other.some((f) => f.base === n && f.count !== k)) continue;
      const match = `${a.count}/${a.base} - ${b.count}/${b.base} = ${k}/${n}`;
      if (reported.has(match)) continue;
      reported.add(match);
      leaks.push({ larger: a, smaller: b, count, match });
    }
  }
  return leaks;
}
