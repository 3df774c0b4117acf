import { redactPii } from "../clean/redact-pii.js";

/** The label shown instead of a free-text answer that too few respondents gave. */
export const RARE_FREE_TEXT = "[free text given by too few to show]";

/**
 * The display label of a free-text answer used as a category (a row of a table, a bar of a chart): the text with
 * personal data redacted when at least `threshold` respondents gave exactly that text, else a placeholder, since
 * a rare answer can identify the person who wrote it even after redaction. Used for string columns that have
 * no recorded levels (free text, "Other" text, ids), whose values come from respondents rather than the codebook.
 * @example
 * freeTextLabel("Parkrun", 12); // "Parkrun"
 * freeTextLabel("Ask Dr Sarah Jones", 2); // "[free text given by too few to show]"
 * freeTextLabel("Ask Dr Sarah Jones", 9); // "Ask [name]"
 */
export function freeTextLabel(text: string, count: number, threshold = 5): string {
  return count >= Math.max(threshold, 1) ? redactPii(text).text : RARE_FREE_TEXT;
}

// Like recorded levels, the mark sits on the column's data object, so it survives arquero's filter and select.
const freeText = new WeakSet<object>();

/**
 * Marks columns of a table as respondents' own words, so tabulations label their values with freeTextLabel.
 * cleanExport marks every column without recorded levels (free text, "Other" text, ids, timestamps).
 * @example
 * markFreeText(table, ["improvements_other"]);
 */
export function markFreeText<T extends { column(name: string): unknown }>(
  table: T,
  names: readonly string[],
): T {
  for (const name of names) {
    const column = table.column(name);
    if (column && typeof column === "object") freeText.add(column);
  }
  return table;
}

/**
 * Whether a column was marked as free text by markFreeText.
 * @example
 * isFreeText(lw.table, "improvements_other"); // true
 */
export function isFreeText(table: { column(name: string): unknown }, name: string): boolean {
  const column = table.column(name);
  return typeof column === "object" && column !== null && freeText.has(column);
}
