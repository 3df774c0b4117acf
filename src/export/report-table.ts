import type * as XLSX from "xlsx";
import { sheetjs } from "../lazy/lazy-require.js";
import Papa from "papaparse";
import type { Display } from "../tabulate/display.js";
import { spreadsheetSafe } from "../output/spreadsheet-safe.js";

/** Anything with a rendered form: every tabulation result, or a Display built by one of the toolbox helpers. */
export type Exportable = Display | { display(): Display };

function displayOf(x: Exportable): Display {
  if (x && typeof (x as { display?: unknown }).display === "function")
    return (x as { display(): Display }).display();
  const d = x as Display;
  if (!d || typeof d.caption !== "string" || !Array.isArray(d.head) || !Array.isArray(d.body))
    throw new Error("toCsv/toXlsx: expected a tabulation result (with display()) or a Display");
  return d;
}

/** The sheet as rows of strings: caption, a blank row, head, body, margin rows, a blank row, footnotes. */
function rowsOf(d: Display): string[][] {
  const rows: string[][] = [
    [d.caption],
    [],
    [...d.head],
    ...d.body.map((r) => [...r]),
    ...d.foot.map((r) => [...r]),
  ];
  if (d.notes.length) rows.push([], ...d.notes.map((n) => [n]));
  return rows.map((r) => r.map(spreadsheetSafe));
}

/**
 * A tabulation as CSV for a report: the caption on the first line, the table exactly as displayed (rounded as
 * shown, "<5" and "[c]" kept, hidden numbers absent), then each footnote on its own line. Cells that a
 * spreadsheet would run as formulas are neutralised with {@link spreadsheetSafe}. Lines end in CRLF (RFC 4180).
 * @example
 * writeFileSync("trained-by-area.csv", toCsv(crosstab(lw, "trained", "ap_area")));
 */
export function toCsv(result: Exportable): string {
  const rows = rowsOf(displayOf(result));
  const width = Math.max(...rows.map((r) => r.length));
  // Pad to one width so every line has the same number of fields, as CSV readers expect.
  const padded = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
  return Papa.unparse(padded, { newline: "\r\n", quotes: false }) + "\r\n";
}

/** Options of {@link toXlsx}. */
export interface ToXlsxOptions {
  /** Worksheet name (default "Table"; at most 31 characters, as Excel allows). */
  sheet?: string;
}

const COUNT = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;
const PERCENT = /^-?\d+(\.\d+)?%$/;

/**
 * A tabulation as an Excel workbook (bytes of an .xlsx, through SheetJS): caption, table and footnotes as
 * {@link toCsv} lays them out; cells that are a plain count ("1,234", "12.5") or a percentage ("30.0%") become
 * numbers with the same display format, everything else ("12 (30.0%, 20.1–40.2)", "<5", "[c]") stays text as
 * displayed. Formula-leading text is neutralised; no cell is ever written as a formula.
 * @example
 * writeFileSync("trained-by-area.xlsx", toXlsx(crosstab(lw, "trained", "ap_area"), { sheet: "Training" }));
 */
export function toXlsx(result: Exportable, options: ToXlsxOptions = {}): Uint8Array {
  const sheetName = options.sheet ?? "Table";
  if (sheetName.length === 0 || sheetName.length > 31 || /[\\/?*[\]:]/.test(sheetName))
    throw new Error(`toXlsx: sheet name "${sheetName}" must be 1-31 characters without \\ / ? * [ ] :`);
  const d = displayOf(result);
  const headAt = 2;
  const tableEnd = headAt + d.body.length + d.foot.length;
  const cells = rowsOf(d).map((row, i) =>
    row.map((text, j): XLSX.CellObject => {
      const inTable = i > headAt && i <= tableEnd && j > 0;
      if (inTable && COUNT.test(text)) {
        const decimals = text.split(".")[1]?.length ?? 0;
        return {
          t: "n",
          v: Number(text.replace(/,/g, "")),
          z: decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0",
        };
      }
      if (inTable && PERCENT.test(text)) {
        const decimals = text.replace("%", "").split(".")[1]?.length ?? 0;
        return {
          t: "n",
          v: Number(text.replace("%", "")) / 100,
          z: decimals ? `0.${"0".repeat(decimals)}%` : "0%",
        };
      }
      return { t: "s", v: text };
    }),
  );
  const sheet: XLSX.WorkSheet = {};
  let cols = 0;
  cells.forEach((row, i) =>
    row.forEach((cell, j) => {
      sheet[sheetjs().utils.encode_cell({ r: i, c: j })] = cell;
      cols = Math.max(cols, j + 1);
    }),
  );
  sheet["!ref"] = sheetjs().utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: cells.length - 1, c: Math.max(0, cols - 1) },
  });
  const book = sheetjs().utils.book_new();
  sheetjs().utils.book_append_sheet(book, sheet, sheetName);
  return new Uint8Array(sheetjs().write(book, { type: "buffer", bookType: "xlsx" }) as ArrayBuffer);
}
