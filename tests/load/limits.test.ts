import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { ExportError } from "../../src/load/export-error.js";
import { syntheticExport } from "../../src/load/find-export.js";
import { DEFAULT_LIMITS, resolveLimits } from "../../src/load/limits.js";
import { loadSurvey } from "../../src/survey/load-survey.js";
import { parseCsv } from "../../src/load/parse-csv.js";
import { readExport } from "../../src/load/read-export.js";
import { zipEntries } from "../../src/load/zip-directory.js";

const dir = mkdtempSync(join(tmpdir(), "sp-limits-"));
const lwText = readFileSync(syntheticExport("link-worker"), "utf8");
const write = (name: string, data: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

// A workbook of numbered rows (SheetJS writes it deflated): its sheet XML is about 25 bytes a cell.
function workbook(rows: number, cols = 1): Buffer {
  const aoa = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r * cols + c));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), "Sheet1");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}

describe("loader limits refuse oversized input with one line naming the limit", () => {
  it("defaults are far above a real survey and overridable; bad overrides are refused", () => {
    expect(DEFAULT_LIMITS.maxRows).toBeGreaterThanOrEqual(100_000);
    expect(DEFAULT_LIMITS.maxFieldChars).toBe(32_767);
    expect(resolveLimits({ maxRows: 7 }).maxRows).toBe(7);
    expect(() => resolveLimits({ maxRows: 0 })).toThrow(
      "limit maxRows: found 0, expected a positive whole number",
    );
  });

  it("file size: refused from the size on disk, before reading", () => {
    const path = write("lw.csv", lwText);
    const message = refusal(() => readExport(path, "link-worker", { limits: { maxFileBytes: 1000 } }));
    expect(message).toMatch(
      /^lw\.csv: over the limit on file size \(maxFileBytes\): found .* MB: expected at most/,
    );
    expect(message).toContain("--max-file-bytes");
    expect(message).not.toContain("\n");
  });

  it("rows: reading stops at the limit (through loadSurvey)", () => {
    const path = write("lw-rows.csv", lwText);
    expect(() => loadSurvey("link-worker", { path, limits: { maxRows: 10 } })).toThrow(
      /over the limit on rows \(maxRows\): more than 10 rows/,
    );
    expect(loadSurvey("link-worker", { path, limits: { maxRows: 100_000 } }).table.numRows()).toBeGreaterThan(
      0,
    );
  });

  it("columns: 2,000,000 bare commas are refused as too many columns, quickly", () => {
    const path = write("commas.csv", ",".repeat(2_000_000));
    const t0 = Date.now();
    const message = refusal(() => readExport(path, "link-worker"));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(message).toContain("over the limit on columns (maxColumns): row 1 has 2,000,001 fields");
  });

  it("characters per field and cells are checked row by row", () => {
    expect(() => parseCsv(`a,b\r\nx,${"y".repeat(50)}\r\n`, ",", 0, { maxFieldChars: 20 }, "f.csv")).toThrow(
      "f.csv, row 2, column B: over the limit on characters in one field (maxFieldChars): a field of 50 characters",
    );
    expect(() => parseCsv("a,b,c\r\n1,2,3\r\n", ",", 0, { maxCells: 5 }, "f.csv")).toThrow(
      "over the limit on cells (maxCells): more than 5 cells by row 2",
    );
  });

  it("the CLI takes limit flags and exits 2 with the one-line refusal", async () => {
    const path = write("lw-cli.csv", lwText);
    const r = await cli("validate", path, "--survey", "link-worker", "--max-rows", "5");
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toContain("over the limit on rows (maxRows)");
    const bad = await cli("validate", path, "--survey", "link-worker", "--max-rows", "lots");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--max-rows: found "lots", expected a positive whole number');
  });
});

describe("XLSX limits are checked before anything is inflated", () => {
  it("zipEntries reads the declared sizes from the central directory", () => {
    const entries = zipEntries(workbook(100)) ?? [];
    expect(entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
    expect(entries.every((e) => e.size > 0 && e.compressedSize > 0)).toBe(true);
    expect(zipEntries(new Uint8Array(40))).toBeNull();
  });

  it("refuses a workbook whose parts declare more than the uncompressed limit", () => {
    const path = write("big.xlsx", workbook(5000));
    const message = refusal(() => readExport(path, "provider", { limits: { maxUncompressedBytes: 50_000 } }));
    expect(message).toMatch(
      /over the limit on uncompressed workbook size \(maxUncompressedBytes\): its parts declare/,
    );
  });

  it("refuses a zip bomb that understates its sizes: the capped inflate finds it", () => {
    const bytes = workbook(5000);
    // Rewrite the sheet's declared size to 100 bytes, in the central directory and the local header.
    const sheet = (zipEntries(bytes) ?? []).find((e) => e.name === "xl/worksheets/sheet1.xml");
    expect(sheet).toBeDefined();
    bytes.writeUInt32LE(100, sheet!.offset + 22);
    for (let p = 0; p + 4 < bytes.length; p++) {
      if (bytes.readUInt32LE(p) !== 0x02014b50) continue;
      const name = bytes.subarray(p + 46, p + 46 + bytes.readUInt16LE(p + 28)).toString();
      if (name === "xl/worksheets/sheet1.xml") bytes.writeUInt32LE(100, p + 24);
    }
    expect((zipEntries(bytes) ?? []).find((e) => e.name === sheet!.name)?.size).toBe(100);
    const path = write("liar.xlsx", bytes);
    const message = refusal(() => readExport(path, "provider", { limits: { maxUncompressedBytes: 50_000 } }));
    expect(message).toContain('"xl/worksheets/sheet1.xml" inflates past the limit');
  });

  it("rows and columns of a sheet (through loadSurvey)", () => {
    const rows = write("rows.xlsx", workbook(50));
    expect(() => loadSurvey("provider", { path: rows, limits: { maxRows: 20 } })).toThrow(
      /over the limit on rows \(maxRows\): the sheet "xl\/worksheets\/sheet1\.xml" has more than 20 rows/,
    );
    const cols = write("cols.xlsx", workbook(2, 30));
    expect(() => loadSurvey("provider", { path: cols, limits: { maxColumns: 10 } })).toThrow(
      "over the limit on columns (maxColumns): row 1 reaches column 30",
    );
  });

  it("the bundled provider workbook passes the default limits", () => {
    expect(loadSurvey("provider").table.numRows()).toBeGreaterThan(0);
  });
});
