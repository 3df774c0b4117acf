import { adjustFamily, type AdjustedFamily, type AdjustMethod } from "../stats/adjust-p.js";
import { hasTest } from "../tabulate/format.js";
import type { Tabulation } from "../tabulate/tabulation.js";

/**
 * Adjusts the association tests of several tabulations together (Holm by default) and keeps each result beside
 * its adjusted p, the shape `evidenceTable` reads (`family.tests[i].result`). A result without a test (too few
 * answers, or none asked for) stays in the list with p null and does not count in the family's size; a test
 * whose table hides small counts keeps its raw p here, so the adjustment counts it (tables show it hidden).
 * @example
 * const family = testFamily("the provider associations behind conclusions 3 and 4", [t1, t2, t3]);
 * family.tests[0].adjustedP; // t1's Holm-adjusted p
 * family.note; // "p-values Holm-adjusted across the 3 tests of the provider associations behind conclusions 3 and 4."
 */
export function testFamily<R extends Tabulation>(
  family: string,
  results: readonly R[],
  method: AdjustMethod = "holm",
): AdjustedFamily<{ readonly result: R; readonly p: number | null }> {
  return adjustFamily(
    family,
    results.map((result) => ({ result, p: hasTest(result.test) ? result.test.p : null })),
    method,
  );
}
