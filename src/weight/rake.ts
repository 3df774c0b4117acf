import type { ColumnTable } from "arquero";
import { finish } from "./finish.js";
import { adjust, check, prepare } from "./prepare.js";
import type { Targets, WeightOptions, WeightResult } from "./types.js";

/** Options of {@link rake}. */
export interface RakeOptions extends WeightOptions {
  /** Most full passes over the margins (default 100). */
  maxIterations?: number;
  /** Stop when every weighted margin is within tolerance x total of its target (default 1e-10). */
  tolerance?: number;
}

/**
 * Raking (iterative proportional fitting): post-stratifies to each margin in turn, pass after pass, until
 * every weighted margin meets its target within `tolerance` x total or `maxIterations` passes are used; the
 * result says which (`converged`, `iterations`, `maxError`). The fixed point is R's `survey::rake` (reference
 * weights in tests/weight/reference). Margins are population counts or shares per variable; with counts,
 * every variable's targets must sum to the same total. Optional trimming runs after raking, so trimmed weights
 * meet the margins only approximately: `maxError` reports by how much.
 * @example
 * const r = rake(lw, { ap_area: areaShares, trained: { Yes: 0.25, No: 0.75 } }, { trim: { upper: 4 } });
 * r.converged; r.designEffect; // then crosstab(r.table, ..., { weight: "weight" })
 */
export function rake(
  table: ColumnTable,
  margins: Readonly<Record<string, Targets>>,
  options: RakeOptions = {},
): WeightResult {
  const fn = "rake";
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  if (!Number.isInteger(maxIterations) || maxIterations < 1)
    throw new Error(`${fn}: option maxIterations must be a whole number >= 1, got ${String(maxIterations)}`);
  if (!(tolerance > 0))
    throw new Error(`${fn}: option tolerance must be a number > 0, got ${String(tolerance)}`);
  const p = prepare(fn, table, margins, options);
  const w = Float64Array.from(p.start);
  const goal = tolerance * p.margins[0]!.targets.reduce((a, b) => a + b, 0);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    for (const m of p.margins) adjust(w, m);
    if (check(w, p.margins).maxError <= goal) {
      converged = true;
      break;
    }
  }
  return finish(p, w, { iterations, converged }, options);
}
