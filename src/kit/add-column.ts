import { table as aqTable, type ColumnTable } from "arquero";
import { levelsOf, withLevels } from "../codebook/levels.js";
import { UsageError } from "../errors/usage-error.js";

/**
 * The table with one more categorical column (one value per row, in row order) and its ordered levels. The
 * table's own recorded levels are kept: assigning copies a filtered table's columns, and levels belong to
 * column objects.
 * @example
 * addColumn("collapseLevels", pv, "scale_group", ["Neighbourhood", null, "Larger scales"], ["Larger scales", "Neighbourhood"]);
 */
export function addColumn(
  fn: string,
  table: ColumnTable,
  name: string,
  values: readonly (string | null)[],
  levels: readonly string[],
): ColumnTable {
  if (table.columnNames().includes(name)) {
    throw new UsageError(fn, `the table already has a column "${name}"`, {
      valid: "give the new column a new name",
    });
  }
  const out = table.assign(aqTable({ [name]: [...values] }));
  const kept = Object.fromEntries(
    table.columnNames().flatMap((c) => {
      const recorded = levelsOf(table, c);
      return recorded ? [[c, recorded] as const] : [];
    }),
  );
  return withLevels(out, { ...kept, [name]: levels });
}
