import { formatCount } from "./format.js";
import { hiddenMark, type CellStatus } from "./suppress.js";

/**
 * What a hidden number is shown as: one mark for every hidden cell (see {@link hiddenMark}), null if shown.
 * `threshold` is kept for callers; the mark no longer depends on it, so it cannot tell a small cell from its
 * complementary partner.
 */
export function hiddenText(status: CellStatus, _threshold?: number): string | null {
  return hiddenMark(status);
}

/** The footnote on weighting, or on the base when unweighted. */
export function baseNote(weight: string | null, base: number, withIntervals: boolean): string {
  if (!weight) return `Base n = ${formatCount(base)}.`;
  return (
    `Weighted by "${weight}": counts and percentages are weighted; unweighted base n = ${formatCount(base)}.` +
    (withIntervals ? ` ${surveyIntervalNote(weight)}` : "")
  );
}

/** How the intervals of a weighted crosstab or frequency table are computed (crosstab and frequencies). */
export function surveyIntervalNote(weight: string): string {
  return (
    `95% CI: svyciprop xlogit method (R survey package; equal to its default logit method to 1e-6),` +
    ` design as svydesign(ids = ~1, weights = ~${weight}).`
  );
}
