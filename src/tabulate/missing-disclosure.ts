import type { CrosstabResult } from "./crosstab.js";
import type { Display } from "./display.js";
import { formatCount } from "./format.js";
import type { FrequenciesResult } from "./frequencies.js";
import type { LikertSummaryResult } from "./likert-summary.js";
import { MISSING_LABEL } from "./labels.js";
import { HIDDEN_MARK, type CellStatus } from "./suppress.js";

// A missing-answer count of 1-4 tells a reader that those few people skipped the question (and, beside a
// section's population size, nothing more), but the rule is one rule: counts of 1-4 are not printed. These
// helpers apply it to what the renderers print from `missing`, from the statuses computed with the table.

const shown = (n: number, status: CellStatus) => (status === "shown" ? formatCount(n) : HIDDEN_MARK);

/**
 * A one-way table's display with its Missing row's count replaced by the hidden mark when the count is hidden.
 * @example
 * hideMissingCount(displayFrequencies(f), f); // Missing row: "[c]" when 1-4 answers are missing
 */
export function hideMissingCount(d: Display, f: FrequenciesResult): Display {
  if (f.missingAs !== "report" || f.suppression.missing === "shown") return d;
  const foot = d.foot.map((row) => (row[0] === MISSING_LABEL ? [row[0], HIDDEN_MARK, ...row.slice(2)] : row));
  return { ...d, foot };
}

/** The prefix of the cross-tab renderer's missing-answers footnote (render-crosstab.ts). */
const CROSSTAB_MISSING = "Missing (not tabulated):";

/**
 * A cross-tab's display with its missing-answers footnote restated with hidden counts ("[c]") where a count is
 * 1-4 (or where it would give a hidden part away).
 * @example
 * hideCrosstabMissing(displayCrosstab(t), t); // "Missing (not tabulated): [c] respondents (q: [c], by: 0, both: 0)."
 */
export function hideCrosstabMissing(d: Display, t: CrosstabResult): Display {
  const s = t.suppression.missing;
  if (s.total === "shown" && s.row === "shown" && s.column === "shown" && s.both === "shown") return d;
  const m = t.missing;
  const text =
    `${CROSSTAB_MISSING} ${shown(m.total, s.total)} respondents` +
    ` (${t.variable}: ${shown(m.row, s.row)}, ${t.by}: ${shown(m.column, s.column)}, both: ${shown(m.both, s.both)}).`;
  return { ...d, notes: d.notes.map((n) => (n.startsWith(CROSSTAB_MISSING) ? text : n)) };
}

/** The prefix of the Likert renderer's missing-answers footnote (render-likert-summary.ts). */
const LIKERT_MISSING = "Missing answers (not tabulated):";

/**
 * A Likert grid's display with each item's missing count of 1-4 shown as the hidden mark.
 * @example
 * hideLikertMissing(displayLikert(l), l); // "Missing answers (not tabulated): Item A: [c]; Item B: 12."
 */
export function hideLikertMissing(d: Display, l: LikertSummaryResult): Display {
  if (l.suppression.missing.every((s) => s === "shown")) return d;
  const parts = l.missing
    .map((m, i) => `${l.rowLevels[i]}: ${l.suppression.missing[i] === "shown" ? m : HIDDEN_MARK}`)
    .filter((_, i) => l.missing[i]! > 0);
  const text = `${LIKERT_MISSING} ${parts.join("; ")}.`;
  return { ...d, notes: d.notes.map((n) => (n.startsWith(LIKERT_MISSING) ? text : n)) };
}
