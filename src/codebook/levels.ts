import type { ColumnTable } from "arquero";

// Ordered levels are attached to a column's data object, not to the table: arquero's filter, select and
// groupby return new table objects that share column objects, so the order survives them.
const registry = new WeakMap<object, readonly string[]>();

/**
 * Records the ordered levels of categorical columns of a table (empty levels included).
 * @example
 * withLevels(lw, { trained: ["No", "Yes, before current role", "Yes, in current role"] });
 */
export function withLevels<T extends ColumnTable>(table: T, levels: Record<string, readonly string[]>): T {
  for (const [name, values] of Object.entries(levels)) {
    const column = table.column(name);
    if (!column) throw new Error(`withLevels: no column "${name}" in the table`);
    registry.set(column, [...values]);
  }
  return table;
}

/**
 * The ordered levels recorded for a column, or undefined when none were recorded.
 * @example
 * levelsOf(lw, "confident_discussing"); // ["Not at all", ..., "Extremely"]
 */
export function levelsOf(table: ColumnTable, name: string): readonly string[] | undefined {
  const column = table.column(name);
  return column ? registry.get(column) : undefined;
}
