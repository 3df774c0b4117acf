import { unknownName } from "../errors/usage-error.js";
import { formatPercent } from "../tabulate/format.js";
import type { Tabulation } from "../tabulate/tabulation.js";

/**
 * The percentages of some rows of a tabulation in one column (which may be left out when the table has one),
 * formatted as tables print them, for a sentence or a title; a hidden share is an en dash, as in the table.
 * @example
 * const [yes, no] = percentsOf(frequencies(lw, "knowledge_of_provision"), ["Yes", "No"]); // ["31.0%", "45.3%"]
 */
export function percentsOf(result: Tabulation, rows: readonly string[], column?: string): string[] {
  for (const row of rows) {
    if (!result.rowLevels.includes(row))
      throw unknownName("percentsOf", `level of ${result.variable}`, row, result.rowLevels);
  }
  if (column !== undefined && !result.colLevels.includes(column)) {
    throw unknownName("percentsOf", `column of ${result.by ?? result.variable}`, column, result.colLevels);
  }
  return rows.map((row) => formatPercent(result.cell(row, column).percent));
}
