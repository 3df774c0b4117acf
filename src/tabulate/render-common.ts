import { formatCount } from "./format.js";
import type { CellStatus } from "./suppress.js";

/** What a hidden number is shown as: "<k" for a small count, "[c]" for a complementary one; null if shown. */
export function hiddenText(status: CellStatus, threshold: number): string | null {
  return status === "primary" ? `<${threshold}` : status === "secondary" ? "[c]" : null;
}

/** The footnote on weighting, or on the base when unweighted. */
export function baseNote(weight: string | null, base: number, withIntervals: boolean): string {
  if (!weight) return `Base n = ${formatCount(base)}.`;
  return (
    `Weighted by "${weight}": counts and percentages are weighted; unweighted base n = ${formatCount(base)}` +
    (withIntervals ? "; intervals use Kish's effective sample size." : ".")
  );
}
