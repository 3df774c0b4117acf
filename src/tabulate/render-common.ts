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

/**
 * The footnote on weighting, or on the base when unweighted. A hidden base (the table's total, hidden so that
 * a hidden count cannot be worked out from it) is written with the hidden mark, as in the table.
 */
export function baseNote(
  weight: string | null,
  base: number,
  withIntervals: boolean,
  status: CellStatus = "shown",
): string {
  const n = hiddenText(status) ?? formatCount(base);
  if (!weight) return `Base n = ${n}.`;
  return (
    `Weighted by "${weight}": counts and percentages are weighted; unweighted base n = ${n}.` +
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
