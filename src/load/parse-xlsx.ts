import * as XLSX from "xlsx";
import { fail } from "./export-error.js";

export interface ParsedSheet {
  rows: (string | null)[][];
  sheet: string;
  sheetNames: string[];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

// Excel serial dates converted through SheetJS's calendar code, not JS Date, so no time zone can shift them.
function serialToIso(serial: number, date1904: boolean): string {
  const d = XLSX.SSF.parse_date_code(serial, { date1904 });
  return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}T${pad(d.H)}:${pad(d.M)}:${pad(Math.floor(d.S))}`;
}

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string | null {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  if (cell.t === "n" && typeof cell.v === "number" && cell.z !== undefined && XLSX.SSF.is_date(cell.z)) {
    return serialToIso(cell.v, date1904);
  }
  if (cell.t === "d" && cell.v instanceof Date) return cell.v.toISOString().slice(0, 19);
  if (cell.t === "e") return cell.w ?? "#ERROR";
  if (typeof cell.v === "boolean") return cell.v ? "TRUE" : "FALSE";
  return String(cell.v);
}

/**
 * Reads one worksheet of an XLSX/XLS workbook into rows of cell text (SheetJS); date cells become ISO strings
 * ("2022-01-31T09:05:00"), blank cells null.
 * @example
 * parseXlsx(fs.readFileSync("provider.xlsx"), "provider.xlsx").sheet; // "Form responses 1"
 */
export function parseXlsx(
  bytes: Uint8Array,
  file: string,
  sheetName?: string,
  score: (header: string[]) => number = () => 0,
): ParsedSheet {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isCfb = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  if (!isZip && !isCfb) {
    fail({
      code: "corrupt-xlsx",
      file,
      what: "not an Excel workbook (the file does not start with the ZIP signature of .xlsx)",
      expected: "an .xlsx file as saved by Excel, Google Forms or Microsoft Forms",
    });
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: "buffer", cellDates: false, cellNF: true, dense: false });
  } catch (error) {
    fail({
      code: "corrupt-xlsx",
      file,
      what: `the workbook cannot be opened (${(error as Error).message})`,
      expected: "an .xlsx file that Excel can open",
    });
  }
  const sheetNames = workbook.SheetNames;
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const chosen =
    sheetName ??
    (sheetNames.includes("Form responses 1") ? "Form responses 1" : bestSheet(workbook, score, date1904));
  const sheet = chosen === undefined ? undefined : workbook.Sheets[chosen];
  if (chosen === undefined || !sheet) {
    fail({
      code: "no-sheet",
      file,
      what: sheetName ? `no worksheet named "${sheetName}"` : "the workbook has no worksheets",
      expected: sheetNames.length
        ? `one of ${sheetNames.map((s) => JSON.stringify(s)).join(", ")}`
        : "a worksheet of responses",
    });
  }
  return { rows: sheetRows(sheet, date1904), sheet: chosen, sheetNames };
}

function sheetRows(sheet: XLSX.WorkSheet, date1904: boolean, limit = Infinity): (string | null)[][] {
  const rows: (string | null)[][] = [];
  const ref = sheet["!ref"];
  if (!ref) return rows;
  const range = XLSX.utils.decode_range(ref);
  for (let r = 0; r <= Math.min(range.e.r, limit - 1); r++) {
    const row: (string | null)[] = [];
    for (let c = 0; c <= range.e.c; c++)
      row.push(cellText(sheet[XLSX.utils.encode_cell({ r, c })], date1904));
    rows.push(row);
  }
  return rows;
}

// Without a "Form responses 1" sheet, the sheet whose first row best matches the codebook (first on ties).
function bestSheet(
  workbook: XLSX.WorkBook,
  score: (header: string[]) => number,
  date1904: boolean,
): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    const header = (sheetRows(sheet, date1904, 1)[0] ?? []).map((c) => c ?? "");
    const s = score(header);
    if (!best || s > best.score) best = { name, score: s };
  }
  return best?.name;
}
