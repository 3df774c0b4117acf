import type { ColumnTable } from "arquero";
import Papa from "papaparse";

/**
 * Writes a tidy table as CSV text: multi-select arrays joined with "; ", missing values empty, booleans as
 * TRUE/FALSE, CRLF line endings (RFC 4180).
 * @example
 * tidyToCsv(table); // "response_id,ap_area,...\r\nR001,Active Lancashire,...\r\n"
 */
export function tidyToCsv(table: ColumnTable): string {
  const fields = table.columnNames();
  const data = (table.objects() as Record<string, unknown>[]).map((row) =>
    fields.map((f) => {
      const v = row[f];
      if (v === null || v === undefined) return "";
      if (Array.isArray(v)) return v.join("; ");
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      return String(v);
    }),
  );
  return `${Papa.unparse({ fields, data }, { newline: "\r\n" })}\r\n`;
}
