import type { ColumnTable } from "arquero";
import type { Targets, WeightOptions } from "./types.js";

/** One weighting variable resolved against the table: a level code per row and its target. */
export interface Margin {
  readonly column: string;
  readonly levels: string[];
  readonly codes: Int32Array;
  readonly targets: Float64Array;
}

/** The label of a cell for matching targets: booleans read "No"/"Yes" as in crosstab, numbers as digits. */
function labelOf(value: unknown): string | null {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value)))
    return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return null;
}

/** Resolves the table (reified), starting weights and every margin, with errors naming column and value. */
export function prepare(
  fn: string,
  input: ColumnTable,
  margins: Readonly<Record<string, Targets>>,
  options: WeightOptions,
): { table: ColumnTable; start: Float64Array; margins: Margin[]; total: number; name: string } {
  if (!input || typeof (input as ColumnTable).columnNames !== "function")
    throw new Error(`${fn}: expected an arquero table`);
  const table = input.isFiltered() || input.isOrdered() ? input.reify() : input;
  const name = options.name ?? "weight";
  if (table.columnNames().includes(name))
    throw new Error(`${fn}: the table already has a column "${name}"; choose another with the name option`);
  const n = table.numRows();
  if (n === 0) throw new Error(`${fn}: the table has no rows to weight`);
  const start = new Float64Array(n).fill(1);
  if (options.weight) {
    const values = columnValues(fn, table, options.weight);
    values.forEach((v, i) => {
      if (typeof v !== "number" || !(v > 0) || v === Infinity)
        throw new Error(
          `${fn}: starting weight column "${options.weight}" has ${typeof v === "string" ? JSON.stringify(v) : String(v)} at row ${i}; weights must be finite numbers > 0`,
        );
      start[i] = v;
    });
  }
  const startTotal = start.reduce((a, b) => a + b, 0);
  const total = options.total ?? startTotal;
  if (!(total > 0)) throw new Error(`${fn}: option total must be a number > 0, got ${String(options.total)}`);
  const as = options.as;
  if (as !== undefined && as !== "counts" && as !== "shares")
    throw new Error(`${fn}: option as must be "counts" or "shares", got ${String(as)}`);
  const resolved = Object.entries(margins).map(([column, targets]) => {
    const values = columnValues(fn, table, column);
    const levels = Object.keys(targets);
    if (levels.length === 0) throw new Error(`${fn}: no targets given for column "${column}"`);
    const t = new Float64Array(levels.map((l) => targets[l]!));
    t.forEach((v, k) => {
      if (!(v >= 0) || v === Infinity)
        throw new Error(
          `${fn}: target for "${column}" = "${levels[k]}" is ${String(v)}; targets must be finite numbers >= 0`,
        );
    });
    const sum = t.reduce((a, b) => a + b, 0);
    const shares = as === "shares" || (as === undefined && Math.abs(sum - 1) <= 1e-6);
    if (shares) t.forEach((v, k) => (t[k] = (v / sum) * total));
    const index = new Map(levels.map((l, k) => [l, k]));
    const codes = new Int32Array(n);
    const sample = new Float64Array(levels.length);
    values.forEach((v, i) => {
      const label = labelOf(v);
      if (label === null)
        throw new Error(
          `${fn}: column "${column}" is missing at row ${i}; every respondent needs a level to be weighted (filter them out or give a "Missing" level)`,
        );
      const k = index.get(label);
      if (k === undefined)
        throw new Error(
          `${fn}: column "${column}" has "${label}" at row ${i}, which has no target (targets: ${levels.join(", ")})`,
        );
      codes[i] = k;
      sample[k]! += 1;
    });
    levels.forEach((l, k) => {
      if (sample[k] === 0 && t[k]! > 0)
        throw new Error(
          `${fn}: column "${column}" has no respondents in "${l}", so its target of ${targets[l]} cannot be met`,
        );
    });
    return { column, levels, codes, targets: t };
  });
  if (resolved.length === 0) throw new Error(`${fn}: no weighting variables given`);
  const totals = resolved.map((m) => m.targets.reduce((a, b) => a + b, 0));
  totals.forEach((s, k) => {
    if (Math.abs(s - totals[0]!) > 1e-6 * totals[0]!)
      throw new Error(
        `${fn}: the targets of "${resolved[k]!.column}" sum to ${s} but those of "${resolved[0]!.column}" to ${totals[0]}; margins must describe the same population`,
      );
  });
  return { table, start, margins: resolved, total, name };
}

function columnValues(fn: string, table: ColumnTable, column: string): unknown[] {
  if (!table.columnNames().includes(column))
    throw new Error(`${fn}: no column "${column}" in the table (columns: ${table.columnNames().join(", ")})`);
  return Array.from(table.array(column) as ArrayLike<unknown>);
}

/** Scales the weights of each level so that its weighted total meets its target (one post-stratification). */
export function adjust(w: Float64Array, margin: Margin): void {
  const sums = new Float64Array(margin.levels.length);
  for (let i = 0; i < w.length; i++) sums[margin.codes[i]!]! += w[i]!;
  for (let i = 0; i < w.length; i++) {
    const k = margin.codes[i]!;
    w[i] = sums[k]! > 0 ? (w[i]! * margin.targets[k]!) / sums[k]! : 0;
  }
}

/** Weighted totals per level against their targets, and the largest absolute gap. */
export function check(w: Float64Array, margins: readonly Margin[]) {
  let maxError = 0;
  const rows = margins.flatMap((m) => {
    const sums = new Float64Array(m.levels.length);
    const sample = new Float64Array(m.levels.length);
    for (let i = 0; i < w.length; i++) {
      sums[m.codes[i]!]! += w[i]!;
      sample[m.codes[i]!]! += 1;
    }
    return m.levels.map((level, k) => {
      maxError = Math.max(maxError, Math.abs(sums[k]! - m.targets[k]!));
      return { column: m.column, level, sample: sample[k]!, target: m.targets[k]!, weighted: sums[k]! };
    });
  });
  return { rows, maxError };
}
