import type { ColumnTable } from "arquero";
import { UsageError, unknownName } from "../errors/usage-error.js";
import { readGroups } from "../multi-select/read.js";
import { addColumn } from "./add-column.js";

/**
 * The table with one more column that groups a column's levels: each new level lists the levels it takes, or
 * says "rest" for every level no other group takes. The new levels keep the order given; a missing answer
 * stays missing.
 * @example
 * const grouped = collapseLevels(pv, "scale", "scale_group", { "Larger scales": "rest", Neighbourhood: ["Neighbourhood"] });
 * levelsOf(grouped, "scale_group"); // ["Larger scales", "Neighbourhood"]
 */
export function collapseLevels(
  table: ColumnTable,
  column: string,
  name: string,
  groups: Readonly<Record<string, readonly string[] | "rest">>,
): ColumnTable {
  const fn = "collapseLevels";
  if (!table.columnNames().includes(column)) throw unknownName(fn, "column", column, table.columnNames());
  const { levels, labels } = readGroups(fn, table, column);
  const into = new Map<string, string>();
  let rest: string | undefined;
  for (const [group, members] of Object.entries(groups)) {
    if (members === "rest") {
      if (rest !== undefined) throw new UsageError(fn, `both "${rest}" and "${group}" say "rest"`);
      rest = group;
      continue;
    }
    for (const level of members) {
      if (!levels.includes(level)) throw unknownName(fn, `level of ${column}`, level, levels);
      const taken = into.get(level);
      if (taken !== undefined)
        throw new UsageError(fn, `level "${level}" of ${column} is in both "${taken}" and "${group}"`);
      into.set(level, group);
    }
  }
  const left = levels.filter((l) => !into.has(l));
  if (rest === undefined && left.length > 0) {
    throw new UsageError(fn, `level "${left[0]}" of ${column} is in no group`, {
      valid: 'list it in a group, or give one group "rest"',
    });
  }
  const values = labels.map((l) => (l === null ? null : (into.get(l) ?? rest!)));
  return addColumn(fn, table, name, values, Object.keys(groups));
}
