import type { ColumnTable } from "arquero";
import Papa from "papaparse";
import { spreadsheetSafe } from "../output/spreadsheet-safe.js";

/**
 * Writes a tidy table as CSV text: multi-select arrays joined with "; ", missing values empty, booleans as
 * TRUE/FALSE, CRLF line endings (RFC 4180). Every cell and header passes through spreadsheetSafe, so an answer
 * such as `=HYPERLINK(...)` is written as text a spreadsheet will not run.
 * @example
 * tidyToCsv(table); // "response_id,ap_area,...\r\nR001,Active Lancashire,...\r\n"
 */
export function tidyToCsv(table: ColumnTable): string {
  const fields = table.columnNames();
  const data = (table.objects() as Record<string, unknown>[]).map((row) =>
    fields.map((f) => {
      const v = row[f];
      if (v === null || v === undefined) return "";
      if (Array.isArray(v)) return spreadsheetSafe(v.join("; "));
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      return spreadsheetSafe(String(v));
    }),
  );
  // Papa's own escapeFormulae would also quote plain negative numbers; spreadsheetSafe keeps them numeric.
  return `${Papa.unparse({ fields: fields.map(spreadsheetSafe), data }, { newline: "\r\n" })}\r\n`;
}
