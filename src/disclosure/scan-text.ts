/**
 * What the audit recognises in one piece of output text (a line, a table row, one plotly point's labels).
 * The heuristics and their limits are in src/disclosure/README.md.
 */
export type LeakKind =
  /** An explicit respondent count: "n = 3", "count: 2", "(n 4)". */
  | "count"
  /** A count over its base: "3 of 12", "(2/32)". */
  | "fraction"
  /** A count beside its percentage: "3 (25.0%", "6.3% (2)". */
  | "count-with-share"
  /** A percentage whose shown base implies a count (or a complement) of 1..threshold-1: "8%, n = 12". */
  | "share"
  /** Hidden cells marked with two symbols, so the second ("[c]") tells the reader it is at least the threshold. */
  | "marks"
  /** A test statistic or p-value printed in a cell whose outputs hide cells. */
  | "test"
  /**
   * Two counts over their bases shown in different outputs of one notebook whose difference (count and base
   * both nested) is a count of 1..threshold-1, or leaves one: "20/154" and "18/122" give 2 of 32.
   */
  | "cross";

/** One leak found in a segment of text. */
export interface Leak {
  readonly kind: LeakKind;
  /** The respondent count shown or implied (for "marks" and "test": 0). */
  readonly count: number;
  /** The matched words, e.g. "n = 3" or "8% with n = 12". */
  readonly match: string;
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const toInt = (s: string) => Number(s.replace(/,/g, ""));

// Words that introduce a respondent count: "n = 3", "count: 3", "respondents 3", "Total: 3" (a table margin).
const COUNT_WORD = String.raw`(?<![\w'’])(?:n|count|counts|respondents|responses|answering|frequency|base|total|unweighted n)`;
const COUNT_RE = new RegExp(String.raw`${COUNT_WORD}\s*(?:=|:)?\s*(${NUM})(?![\d.,]*\s*%)(?![.,]?\d)`, "gi");

// "k of N" unless it counts something other than respondents ("4 of 4 within tolerance", "rank 3 of 35").
const OF_RE = new RegExp(
  String.raw`(\b[\w#]+\s+)?\b(${NUM})\s+(?:out\s+)?of\s+(${NUM})\b(?!\s*%)(\s+[\w-]+)?`,
  "gi",
);
const OF_BEFORE = /^(?:rank|ranked|ranks|position|top|page|step|notebook|item|question|cell|#)\b/i;
const OF_AFTER =
  /^(?:within|notebooks?|figures?|receipts?|areas?|districts?|authorities|local|tests?|questions?|columns?|rows?|cells?|options?|items?|categories|levels?|scales?|hexes|published|quoted|claims?|checks?|passed|failed|years?|months?|weeks?|days?|hours?|minutes?|pages?|steps?|points?|stars?|sections?)$/i;

// "(2/32)", "2 / 32": a count over its base. Dates ("1/4/2022") and "1/4 of" (a fraction) are not.
/** @internal The audit's pattern of a count over its base, shared with the cross-output check. */
export const SLASH_RE = /(?<![\d./])(\d+)\s*\/\s*(\d+)(?![\d/]|\s+of\b)/g;

// "3 (25.0%" (count then its share) and "6.3% (2)" (share then its count).
const COUNT_SHARE_RE = /(?<![\d.,%])(\d+)\s*\(\s*\d+(?:\.\d+)?\s*%/g;
const SHARE_COUNT_RE = /\d+(?:\.\d+)?\s*%\s*\(\s*(\d+)\s*\)/g;

// Intervals and confidence levels are not shares of a base: removed before percentages are read.
// A receipt's published value and quote come from the report, not from the base beside them (also a value
// followed by its rounding band, "12% [11.5, 12.5)", as the evidence table prints it).
const INTERVAL_RE =
  /\bquote:[^;]*|published:?\s*\d+(?:\.\d+)?\s*%|\d+(?:\.\d+)?\s*%\s*(?=\[[\d.,\s]+\))|\(\s*\d+%\s*(?:CI|Wilson|confidence)[^)]*\)|\b\d+%\s*(?:CI|Wilson|confidence)(?:\s+interval)?|\d+(?:\.\d+)?%?\s*[–-]\s*\d+(?:\.\d+)?\s*%|\[[\d.,\s]+\)|[+-]\d+(?:\.\d+)?\s*(?:pts|points|percentage points)/gi;
const PERCENT_RE = /(?<![\d.])(\d+(?:\.\d+)?)\s*%/g;
const BASE_RE = new RegExp(
  String.raw`(?<![\w'’])(?:n|base|unweighted n)\s*(?:=|:)?\s*(${NUM})(?![\d.,]*\s*%)(?![.,]?\d)`,
  "gi",
);

/**
 * The leaks in one segment of output text: explicit counts of 1..threshold-1 and percentages whose base in the
 * same segment implies one.
 * @example
 * scanSegment("Sefton: 8%, n = 12", 5); // [{ kind: "share", count: 1, match: "8% with n = 12" }]
 */
export function scanSegment(segment: string, threshold: number): Leak[] {
  if (threshold <= 1) return [];
  const small = (k: number) => k >= 1 && k < threshold;
  const leaks: Leak[] = [];
  for (const m of segment.matchAll(COUNT_RE)) {
    const k = toInt(m[1]!);
    if (small(k)) leaks.push({ kind: "count", count: k, match: m[0].trim() });
  }
  for (const m of segment.matchAll(OF_RE)) {
    const k = toInt(m[2]!);
    const n = toInt(m[3]!);
    if (!small(k) || n < k) continue;
    if (m[1] && OF_BEFORE.test(m[1].trim())) continue;
    if (m[4] && OF_AFTER.test(m[4].trim())) continue;
    leaks.push({ kind: "fraction", count: k, match: m[0].trim() });
  }
  for (const m of segment.matchAll(SLASH_RE)) {
    const k = toInt(m[1]!);
    const n = toInt(m[2]!);
    if (small(k) && n >= k) leaks.push({ kind: "fraction", count: k, match: m[0].trim() });
  }
  for (const re of [COUNT_SHARE_RE, SHARE_COUNT_RE]) {
    for (const m of segment.matchAll(re)) {
      const k = toInt(m[1]!);
      if (small(k)) leaks.push({ kind: "count-with-share", count: k, match: m[0].trim() });
    }
  }
  leaks.push(...impliedByShares(segment, threshold));
  // One segment may repeat a label (a plotly point's customdata and the hovertemplate that shows it).
  const seen = new Set<string>();
  return leaks.filter((l) => {
    const key = `${l.kind}|${l.count}|${l.match}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

// Each percentage is paired with the base that follows it in the segment (or, when none follows, the last one
// before it). A shown percentage p with d decimals and base N implies the counts k with round(100k/N, d) = p.
function impliedByShares(segment: string, threshold: number): Leak[] {
  const text = segment.replace(INTERVAL_RE, " ");
  const bases = [...text.matchAll(BASE_RE)].map((m) => ({ at: m.index, n: toInt(m[1]!) }));
  if (!bases.length) return [];
  const leaks: Leak[] = [];
  for (const m of text.matchAll(PERCENT_RE)) {
    const base = bases.find((b) => b.at > m.index) ?? bases.filter((b) => b.at < m.index).pop();
    if (!base || base.n <= 0) continue;
    const k = impliedSmallCount(Number(m[1]), decimals(m[1]!), base.n, threshold);
    if (k !== null) leaks.push({ kind: "share", count: k, match: `${m[0].trim()} with n = ${base.n}` });
  }
  return leaks;
}

const decimals = (s: string) => (s.includes(".") ? s.length - s.indexOf(".") - 1 : 0);

/**
 * The small count (1..threshold-1) that a percentage shown to `digits` decimals on base `n` implies, either as
 * the count itself or as its complement (n minus the count); null when it implies none, or when 0 (or n) is also
 * consistent with the shown value (a "0%" on a large base could be nobody, so it reveals no one).
 * @example
 * impliedSmallCount(8, 0, 12, 5); // 1 (1/12 = 8.3%)
 * impliedSmallCount(92, 0, 12, 5); // 1 (the complement: 11/12 = 91.7%)
 * impliedSmallCount(0, 0, 300, 5); // null (0 or 1 person)
 */
export function impliedSmallCount(
  percent: number,
  digits: number,
  n: number,
  threshold: number,
): number | null {
  const tol = 0.5 * 10 ** -digits + 1e-9;
  const fits = (k: number) => Math.abs((100 * k) / n - percent) <= tol;
  if (fits(0) || fits(n)) return null;
  for (let k = 1; k < threshold && k <= n; ++k) {
    if (fits(k)) return k;
    if (n - k > 0 && fits(n - k)) return k;
  }
  return null;
}

// A hidden-cell mark: "<5" (the threshold) standing alone (a table cell, "n = <5"), or "[c]". Labels such as
// "Inactive (<30)" are not marks unless 30 is the threshold.
const lessMark = (threshold: number) =>
  new RegExp(String.raw`(?:^|[\s|:=>])<\s?${threshold}(?=$|[\s|)<;,])`, "m");
// A footnote that names the mark ('shown as "[c]"') is not a hidden cell: the mark stands unquoted in a cell.
const C_MARK = /(?<!["“']|&quot;)\[c\](?!["”']|&quot;)/i;
const P_VALUE = /(?<![\w])p\s*(?:=|<|≤|&lt;)\s*(?:<\s*)?(?:\d*\.\d+(?:e-?\d+)?|\d(?:\.\d+)?e-\d+|1\b)/i;

/**
 * Whether one output's text carries hidden cells, and whether it uses two kinds of hidden-cell mark (a "<5"
 * and a "[c]", which tells the reader the "[c]" cell is at least the threshold).
 * @example
 * hiddenMarks("| Yes | <5 |\n| No | [c] |", 5); // { hidden: true, twoKinds: true }
 */
export function hiddenMarks(text: string, threshold: number): { hidden: boolean; twoKinds: boolean } {
  const less = threshold > 0 && lessMark(threshold).test(text);
  const c = C_MARK.test(text);
  return { hidden: less || c, twoKinds: less && c };
}

/**
 * The first p-value printed in a text ("p = 0.03", "p < 0.001", "p = 2.70e-6"), or null.
 * @example
 * pValueIn("chisq p = 2.70e-6, V = 0.28"); // "p = 2.70e-6"
 */
export function pValueIn(text: string): string | null {
  const m = P_VALUE.exec(text);
  return m ? m[0] : null;
}
