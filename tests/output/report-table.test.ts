import * as XLSX from "xlsx";
import Papa from "papaparse";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { toCsv, toXlsx } from "../../src/export/report-table.js";
import { spreadsheetSafe } from "../../src/output/spreadsheet-safe.js";
import { crosstab } from "../../src/tabulate/crosstab.js";
import type { Display } from "../../src/tabulate/display.js";

// Invented respondents: group B has 3 "Yes" (hidden as "[c]", the one mark for a hidden cell).
const rows = [
  ...Array.from({ length: 20 }, (_, i) => ({ g: "A", q: i < 12 ? "Yes" : "No" })),
  ...Array.from({ length: 10 }, (_, i) => ({ g: "B", q: i < 3 ? "Yes" : "No" })),
  ...Array.from({ length: 1234 }, (_, i) => ({ g: "C", q: i % 2 ? "Yes" : "No" })),
];
const result = crosstab(table({ g: rows.map((r) => r.g), q: rows.map((r) => r.q) }), "g", "q", {
  caption: "=Synthetic table",
  notes: ["Synthetic data."],
});

describe("spreadsheetSafe(value)", () => {
  it("prefixes a quote to formula-leading values, not to plain numbers or other text", () => {
    for (const v of ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
      expect(spreadsheetSafe(v)).toBe(`'${v}`);
    for (const v of ["-3", "+1.5", "-1e3", "<5", "[c]", "12 (30.0%)", ""]) expect(spreadsheetSafe(v)).toBe(v);
  });
});

describe("toCsv(result)", () => {
  const csv = toCsv(result);
  const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: "\r\n" }).data;
  const display = result.display();
  it("writes the caption, the table as displayed (with the hidden-cell mark [c]) and every footnote", () => {
    expect(parsed[0]![0]).toBe("'=Synthetic table");
    expect(parsed[2]).toEqual([...display.head]);
    expect(parsed.slice(3, 3 + display.body.length)).toEqual(display.body.map((r) => [...r]));
    const b = parsed.find((r) => r[0] === "B")!;
    expect(b.slice(1)).toContain("[c]");
    expect(csv).toContain("[c]");
    for (const note of display.notes) expect(parsed.some((r) => r[0] === note)).toBe(true);
    expect(csv).toContain("Synthetic data.");
  });
  it("keeps numbers rounded as displayed (no raw decimals) and every line the same width", () => {
    expect(csv).not.toMatch(/\d\.\d{3,}/);
    expect(new Set(parsed.map((r) => r.length)).size).toBe(1);
  });
  it("accepts a Display and refuses anything else", () => {
    const d: Display = { caption: "c", head: ["", "n"], body: [["@x", "-3"]], foot: [], notes: [] };
    expect(toCsv(d)).toBe("c,\r\n,\r\n,n\r\n'@x,-3\r\n");
    expect(() => toCsv({} as Display)).toThrow("toCsv/toXlsx: expected a tabulation result");
  });
});

describe("toXlsx(result)", () => {
  const book = XLSX.read(toXlsx(result, { sheet: "Training" }), { type: "array", cellNF: true });
  const sheet = book.Sheets["Training"]!;
  const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: "" });
  it("writes counts as numbers with their format, composite and suppressed cells as displayed text", () => {
    const c = grid.find((r) => r[0] === "C")!;
    const display = result.display();
    const totalRow = grid.find((r) => r[0] === "Total")!;
    expect(totalRow[3]).toBe(1264);
    const cell = Object.values(sheet).find((v) => (v as XLSX.CellObject).v === 1264) as XLSX.CellObject;
    expect(cell.t).toBe("n");
    expect(cell.z).toBe("#,##0");
    expect(c[1]).toBe(display.body[2]![1]);
    expect(grid.find((r) => r[0] === "B")).toContain("[c]");
    expect(grid[0]![0]).toBe("'=Synthetic table");
    expect(Object.values(sheet).some((v) => typeof v === "object" && v !== null && "f" in v)).toBe(false);
  });
  it("refuses a sheet name Excel would reject", () => {
    expect(() => toXlsx(result, { sheet: "a/b" })).toThrow(
      'toXlsx: sheet name "a/b" must be 1-31 characters',
    );
  });
});
