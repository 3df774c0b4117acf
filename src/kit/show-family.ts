import { showTable } from "../display/show-table.js";
import { adjustFamily, type AdjustMethod } from "../stats/adjust-p.js";
import { familyTable, type FamilyRow } from "./family-table.js";

/** Options of {@link showFamily}. */
export interface ShowFamilyOptions {
  /** Notes under the table, after the family's own. */
  notes?: readonly string[];
  /** The adjustment (default Holm). */
  method?: AdjustMethod;
}

/**
 * Adjusts a family of tests together and shows it as one table (each comparison, its test, raw and adjusted
 * p; the footnote names the family and the method): `showTable(familyTable(adjustFamily(...)))` in one call.
 * Returns nothing, so a cell that ends with it prints nothing more (tslab prints a cell's last value).
 * @example
 * showFamily("the report's sentence on knowing the guideline", [
 *   familyRow("Knew the guideline, by training", knowsByTraining),
 *   familyRow("Knew the guideline, by own activity", knowsByActivity),
 * ], "Knowing the guideline: the two tests behind one sentence");
 */
export function showFamily<T extends FamilyRow>(
  family: string,
  tests: readonly T[],
  caption: string,
  options: ShowFamilyOptions = {},
): void {
  showTable(familyTable(adjustFamily(family, tests, options.method), caption, options.notes));
}
