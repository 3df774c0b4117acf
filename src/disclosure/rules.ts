import type { Datum } from "../figures/types.js";
import { shareHidden } from "../tabulate/suppress.js";

/**
 * The rule for an estimate handed to a figure builder as raw numbers, without a status from a tabulation: a
 * percentage (unit "%") on base n is hidden when its implied count (round(value * n / 100)) or complement is
 * 1..threshold-1, or when n itself is; any other value (a mean, a median) is hidden when its n is
 * 1..threshold-1. A hidden datum keeps its label and loses its value, interval and n.
 * @example
 * withDisclosure({ label: "Inactive (<30)", value: 6.25, lower: 2, upper: 20, n: 32 }, "%");
 * // { label: "Inactive (<30)", value: null, lower: null, upper: null, n: null, suppressed: true }
 */
export function withDisclosure(d: Datum, unit: "%" | "" = "%", threshold = 5): Datum {
  const hidden = { label: d.label, value: null, lower: null, upper: null, n: null, suppressed: true };
  if (d.suppressed) return hidden;
  if (threshold <= 0 || d.n === null || d.n === undefined) return d;
  const n = d.n;
  if (n > 0 && n < threshold) return hidden;
  if (unit === "%" && typeof d.value === "number" && Number.isFinite(d.value)) {
    if (shareHidden(Math.round((d.value * n) / 100), n, threshold)) return hidden;
  }
  return d;
}

/**
 * Whether a test's numbers (statistic, p-value, effect size) may be shown: not when any cell or margin of the
 * table it was computed from is hidden, since a p-value on a small table narrows the hidden counts down, often
 * to one solution. The verdict ("differs" / "no evidence of a difference") is kept.
 * @example
 * testShown(["shown", "primary", "secondary", "shown"]); // false
 */
export function testShown(statuses: Iterable<string>): boolean {
  for (const s of statuses) if (s !== "shown") return false;
  return true;
}
