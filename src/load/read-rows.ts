import { decodeText } from "./decode.js";
import { fail, problem } from "./export-error.js";
import { guessDelimiter, parseCsv, type HeaderScore } from "./parse-csv.js";
import { parseXlsx } from "./parse-xlsx.js";
import type { LoadLimits } from "./limits.js";
import type { LoadReport, Problem } from "./types.js";

export type Cell = string | null;

/** The cells of an export, before any header is interpreted, and how the file was read. */
export interface ReadRows {
  rows: Cell[][];
  format: Pick<LoadReport, "format" | "encoding" | "bom" | "delimiter" | "sheet">;
  problems: Problem[];
  /** Record indices (0-based) where a quoted field was never closed. */
  unclosed: Set<number>;
}

/**
 * Reads the rows of a CSV (any common delimiter and encoding) or of one worksheet of a workbook. `score`
 * rates a candidate header row; it picks the delimiter and, without a "Form responses 1" sheet, the sheet.
 * @example
 * readRows(bytes, "lw.csv", ".csv", undefined, (h) => h.length).format.delimiter; // ","
 */
export function readRows(
  bytes: Uint8Array,
  file: string,
  ext: string,
  sheetName: string | undefined,
  score: HeaderScore,
  limits?: Partial<LoadLimits>,
): ReadRows {
  if (bytes.length === 0)
    fail({
      code: "empty-file",
      file,
      what: "the file is empty (0 bytes)",
      expected: "a header row and data rows",
    });
  const isWorkbook =
    [".xlsx", ".xlsm", ".xls"].includes(ext) || (ext !== ".csv" && bytes[0] === 0x50 && bytes[1] === 0x4b);
  return isWorkbook
    ? readWorkbook(bytes, file, sheetName, score, limits)
    : readText(bytes, file, score, limits);
}

function readWorkbook(
  bytes: Uint8Array,
  file: string,
  sheetName: string | undefined,
  score: HeaderScore,
  limits?: Partial<LoadLimits>,
): ReadRows {
  const sheet = parseXlsx(bytes, file, sheetName, score, limits);
  const problems: Problem[] = [];
  if (!sheetName && sheet.sheet !== "Form responses 1" && sheet.sheetNames.length > 1) {
    problems.push(
      problem({
        severity: "warning",
        code: "sheet-guessed",
        file,
        what: `no sheet named "Form responses 1"; read "${sheet.sheet}", the sheet whose headers best match the codebook`,
        expected: "the responses sheet (choose another with the sheet option)",
      }),
    );
  }
  return {
    rows: sheet.rows,
    format: { format: "xlsx", encoding: "utf-8", bom: false, sheet: sheet.sheet },
    problems,
    unclosed: new Set(),
  };
}

function readText(
  bytes: Uint8Array,
  file: string,
  score: HeaderScore,
  limits?: Partial<LoadLimits>,
): ReadRows {
  const decoded = decodeText(bytes);
  const problems: Problem[] = [];
  if (decoded.invalid) {
    problems.push(
      problem({
        severity: "warning",
        code: "encoding-fallback",
        file,
        what: `not valid UTF-8 (byte 0x${decoded.invalid.byte.toString(16).toUpperCase()} at line ${decoded.invalid.line})`,
        expected: "UTF-8 text",
        action:
          "read as Windows-1252/Latin-1, as Excel on Windows saves CSV; check that characters such as £ look right",
      }),
    );
  }
  if (decoded.text.trim() === "")
    fail({ code: "empty-file", file, what: "the file has no text", expected: "a header row and data rows" });
  const { delimiter, width } = guessDelimiter(decoded.text, score, limits, file);
  if (width <= 1) {
    fail({
      code: "single-column",
      file,
      row: 1,
      what: "the header row splits into only one column with comma, semicolon, tab or pipe as delimiter",
      value: parseCsv(decoded.text, ",", 1).rows[0]?.[0] ?? "",
      expected: 'a delimited export such as "Response ID,Started,Completed,..."',
    });
  }
  const parsed = parseCsv(decoded.text, delimiter, 0, limits, file);
  return {
    rows: parsed.rows,
    format: { format: "csv", encoding: decoded.encoding, bom: decoded.bom, delimiter },
    problems,
    unclosed: new Set(parsed.unclosedQuoteRows),
  };
}
