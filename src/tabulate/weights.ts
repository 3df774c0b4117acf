import type { ColumnTable } from "arquero";
import { UsageError } from "../errors/usage-error.js";
import { describe } from "./encode.js";
import type { ColumnLike } from "./source.js";

const cache = new WeakMap<object, Float64Array>();

/**
 * A weight column as a Float64Array over the backing rows, validated once and cached per column object.
 * Zero weights are allowed; negative, NaN, infinite, missing or non-numeric weights are errors that name
 * the column, the row and the value.
 */
export function weightsOf(column: ColumnLike, name: string, fn: string): Float64Array {
  const hit = cache.get(column);
  if (hit) return hit;
  const n = column.length;
  const weights = new Float64Array(n);
  const values = Array.isArray(column) ? (column as unknown[]) : null;
  for (let i = 0; i < n; ++i) {
    const value = values ? values[i] : column.at(i);
    if (typeof value !== "number" || !(value >= 0) || value === Infinity) {
      throw new UsageError(
        fn,
        `weight column "${name}" has invalid weight ${describe(value)} at row ${i}` +
          " (weights must be finite numbers >= 0)",
      );
    }
    weights[i] = value;
  }
  cache.set(column, weights);
  return weights;
}

/**
 * The optional weight column of an arquero table, validated as {@link weightsOf} does, or null without one:
 * for the verbs that read a ColumnTable directly instead of a tabulation source.
 * @example
 * const w = tableWeights(table, options.weight, "coOccurrence"); // Float64Array, or null when unweighted
 */
export function tableWeights(
  table: ColumnTable,
  weight: string | undefined,
  fn: string,
): Float64Array | null {
  if (!weight) return null;
  return weightsOf(
    Array.from(table.array(weight) as ArrayLike<unknown>) as unknown as ColumnLike,
    weight,
    fn,
  );
}
