import type { ColumnTable } from "arquero";
import { kishDesignEffect } from "./design-effect.js";
import { check, type Margin } from "./prepare.js";
import { trimWeights } from "./trim.js";
import type { WeightOptions, WeightResult } from "./types.js";

/** Trims if asked, checks the margins and attaches the weight column. */
export function finish(
  p: { table: ColumnTable; margins: Margin[]; name: string },
  w: Float64Array,
  run: { iterations: number; converged: boolean },
  options: WeightOptions,
): WeightResult {
  const trimmed = options.trim ? trimWeights(w, options.trim) : 0;
  const { rows, maxError } = check(w, p.margins);
  const weights = Array.from(w);
  const deff = kishDesignEffect(w);
  return {
    table: p.table.assign({ [p.name]: weights }),
    column: p.name,
    weights,
    designEffect: deff,
    effectiveN: w.length / deff,
    converged: run.converged,
    iterations: run.iterations,
    maxError,
    margins: rows,
    trimmed,
    range: { min: Math.min(...weights), max: Math.max(...weights) },
  };
}
