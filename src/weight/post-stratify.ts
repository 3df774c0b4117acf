import type { ColumnTable } from "arquero";
import { adjust, prepare } from "./prepare.js";
import { finish } from "./finish.js";
import type { Targets, WeightOptions, WeightResult } from "./types.js";

/**
 * Post-stratification weights: each respondent's starting weight times target / weighted sample total of
 * their level, so the weighted counts of `column` meet the targets exactly (as R's `survey::postStratify`).
 * Targets are population counts or shares (see {@link WeightOptions}); every level in the data needs a target
 * and every level with a target needs respondents, or the error names the column and level.
 * @example
 * // Weight Link Workers to a known split by area (synthetic data)
 * const { table, designEffect } = postStratify(lw, "ap_area", { "Active Lancashire": 0.4, "Active Cumbria": 0.1, ... });
 * crosstab(table, "trained", "knows_guideline", { weight: "weight" });
 */
export function postStratify(
  table: ColumnTable,
  column: string,
  targets: Targets,
  options: WeightOptions = {},
): WeightResult {
  const fn = "postStratify";
  const p = prepare(fn, table, { [column]: targets }, options);
  const w = Float64Array.from(p.start);
  adjust(w, p.margins[0]!);
  return finish(p, w, { iterations: 1, converged: true }, options);
}
