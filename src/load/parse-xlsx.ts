import { inflateRawSync } from "node:zlib";
import type * as XLSX from "xlsx";
import { sheetjs, sheetjsWithCodepages } from "../lazy/lazy-require.js";
import { ExportError, columnLetter, fail } from "./export-error.js";
import { refuseLimit, resolveLimits, type LoadLimits } from "./limits.js";
import { zipEntries } from "./zip-directory.js";

export interface ParsedSheet {
  rows: (string | null)[][];
  sheet: string;
  sheetNames: string[];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

// Excel serial dates converted through SheetJS's calendar code, not JS Date, so no time zone can shift them.
function serialToIso(serial: number, date1904: boolean): string {
  const d = sheetjs().SSF.parse_date_code(serial, { date1904 });
  return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}T${pad(d.H)}:${pad(d.M)}:${pad(Math.floor(d.S))}`;
}

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string | null {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  if (cell.t === "n" && typeof cell.v === "number" && cell.z !== undefined && sheetjs().SSF.is_date(cell.z)) {
    return serialToIso(cell.v, date1904);
  }
  if (cell.t === "d" && cell.v instanceof Date) return cell.v.toISOString().slice(0, 19);
  if (cell.t === "e") return cell.w ?? "#ERROR";
  if (typeof cell.v === "boolean") return cell.v ? "TRUE" : "FALSE";
  return String(cell.v);
}

/**
 * Reads one worksheet of an XLSX/XLS workbook into rows of cell text (SheetJS); date cells become ISO strings
 * ("2022-01-31T09:05:00"), blank cells null. The limits are checked before SheetJS sees the bytes (the
 * uncompressed sizes of the zip parts, from the central directory, then verified by a bounded inflate, since a
 * crafted zip can understate them) and while rows are taken (rows, columns, characters per field, cells). A row
 * ends at its last filled cell, so a sheet whose range is far wider than its data costs nothing.
 * @example
 * parseXlsx(fs.readFileSync("provider.xlsx"), "provider.xlsx").sheet; // "Form responses 1"
 */
export function parseXlsx(
  bytes: Uint8Array,
  file: string,
  sheetName?: string,
  score: (header: string[]) => number = () => 0,
  limits: Partial<LoadLimits> = {},
): ParsedSheet {
  const lim = resolveLimits(limits);
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
  if (isZip) checkZipSizes(bytes, file, lim);
  let workbook: XLSX.WorkBook;
  try {
    // sheetRows: SheetJS stops keeping cells past the row limit (one more row shows the limit was crossed).
    // A legacy .xls may store text in an 8-bit codepage: only the full build has the tables to decode it.
    workbook = (isCfb ? sheetjsWithCodepages() : sheetjs()).read(bytes, {
      type: "buffer",
      cellDates: false,
      cellNF: true,
      dense: true,
      sheetRows: lim.maxRows + 1,
    });
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
    (sheetNames.includes("Form responses 1")
      ? "Form responses 1"
      : bestSheet(workbook, score, date1904, lim, file));
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
  return { rows: sheetRows(sheet, date1904, lim, file), sheet: chosen, sheetNames };
}

// Refuses a workbook whose parts would inflate past the limit: first by the sizes its central directory
// declares (no inflating at all), then by inflating each part with an output cap, because a crafted archive can
// declare small sizes and still expand to gigabytes. Memory stays within one part of at most the limit.
function checkZipSizes(bytes: Uint8Array, file: string, lim: LoadLimits): void {
  const entries = zipEntries(bytes);
  if (!entries) {
    fail({
      code: "corrupt-xlsx",
      file,
      what: "the workbook cannot be opened (no zip central directory: the file is truncated or not a workbook)",
      expected: "an .xlsx file that Excel can open",
    });
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > lim.maxUncompressedBytes)
    refuseLimit(file, "maxUncompressedBytes", lim.maxUncompressedBytes, `its parts declare ${mb(declared)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let actual = 0;
  for (const e of entries) {
    if (e.method !== 8 || e.offset + 30 > bytes.length) continue;
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    const budget = lim.maxUncompressedBytes - actual;
    try {
      const part = inflateRawSync(bytes.subarray(start, start + e.compressedSize), {
        maxOutputLength: budget + 1,
      });
      actual += part.length;
      // SheetJS scans a whole sheet even past its row limit: counting the <row> tags first refuses a sheet of a
      // million rows in the time of one pass over its bytes.
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) checkRowTags(part, e.name, file, lim);
    } catch (error) {
      if (error instanceof ExportError) throw error;
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError)
        refuseLimit(
          file,
          "maxUncompressedBytes",
          lim.maxUncompressedBytes,
          `"${e.name}" inflates past the limit`,
        );
      // Corrupt data is SheetJS's to report, with its own message.
      continue;
    }
    if (actual > lim.maxUncompressedBytes)
      refuseLimit(
        file,
        "maxUncompressedBytes",
        lim.maxUncompressedBytes,
        `its parts inflate to more than ${mb(actual)}`,
      );
  }
}

function checkRowTags(xml: Buffer, name: string, file: string, lim: LoadLimits): void {
  let rows = 0;
  for (let at = xml.indexOf("<row"); at >= 0; at = xml.indexOf("<row", at + 4)) {
    const next = xml[at + 4];
    // "<row " or "<row>", not "<rows..." or another tag that starts the same way.
    if (next === 0x20 || next === 0x3e || next === 0x2f) rows++;
    if (rows > lim.maxRows)
      refuseLimit(file, "maxRows", lim.maxRows, `the sheet "${name}" has more than ${n(lim.maxRows)} rows`);
  }
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
const n = (x: number): string => x.toLocaleString("en-GB");

function sheetRows(
  sheet: XLSX.WorkSheet,
  date1904: boolean,
  lim: LoadLimits,
  file: string,
  limit = Infinity,
): (string | null)[][] {
  const data = (sheet["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
  if (limit === Infinity && data.length > lim.maxRows)
    refuseLimit(file, "maxRows", lim.maxRows, `the sheet has more than ${n(lim.maxRows)} rows`);
  const rows: (string | null)[][] = [];
  let cells = 0;
  for (let r = 0; r < Math.min(data.length, limit); r++) {
    const source = data[r] ?? [];
    if (source.length > lim.maxColumns)
      refuseLimit(file, "maxColumns", lim.maxColumns, `row ${r + 1} reaches column ${n(source.length)}`, {
        row: r + 1,
      });
    const row: (string | null)[] = [];
    for (let c = 0; c < source.length; c++) {
      const text = cellText(source[c], date1904);
      if (text !== null && text.length > lim.maxFieldChars)
        refuseLimit(file, "maxFieldChars", lim.maxFieldChars, `a cell of ${n(text.length)} characters`, {
          row: r + 1,
          column: columnLetter(c),
        });
      row.push(text);
    }
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    cells += row.length;
    if (cells > lim.maxCells)
      refuseLimit(file, "maxCells", lim.maxCells, `more than ${n(lim.maxCells)} cells by row ${r + 1}`);
    rows.push(row);
  }
  return rows;
}

// Without a "Form responses 1" sheet, the sheet whose first row best matches the codebook (first on ties).
function bestSheet(
  workbook: XLSX.WorkBook,
  score: (header: string[]) => number,
  date1904: boolean,
  lim: LoadLimits,
  file: string,
): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    const header = (sheetRows(sheet, date1904, lim, file, 1)[0] ?? []).map((c) => c ?? "");
    const s = score(header);
    if (!best || s > best.score) best = { name, score: s };
  }
  return best?.name;
}
