import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { spreadsheetSafe } from "../../src/output/spreadsheet-safe.js";
import { plainText, plainTextDeep } from "../../src/output/plain-text.js";
import { freeTextLabel, RARE_FREE_TEXT } from "../../src/output/free-text-label.js";
import { displayToMarkdown } from "../../src/tabulate/display.js";

describe("spreadsheetSafe(value) neutralises cells a spreadsheet would run", () => {
  it.each([
    ['=HYPERLINK("http://x","click")'],
    ["+cmd|' /C calc'!A0"],
    ["-2+3"],
    ["@SUM(1+1)"],
    ["\t=1+1"],
    ["\r=1+1"],
  ])("prefixes %j with a single quote", (value) => {
    expect(spreadsheetSafe(value)).toBe(`'${value}`);
  });

  it("leaves plain numbers, including signed ones, and ordinary text alone", () => {
    for (const v of ["-3", "+44", "-1.5", "1e3", "-.5", "150", "Active Lancashire", "", "a=b", "x-y"])
      expect(spreadsheetSafe(v)).toBe(v);
  });

  it("SheetJS reads a neutralised CSV cell back as text, not a formula", () => {
    const csv = `a\r\n${spreadsheetSafe('=HYPERLINK("http://x","click")')}\r\n`;
    const cell = XLSX.read(csv, { type: "string" }).Sheets.Sheet1?.A2;
    expect(cell?.f).toBeUndefined();
    expect(cell?.t).toBe("s");
  });
});

describe("plainText(text) keeps chart labels and hover text free of live markup", () => {
  it("escapes links and styling but keeps the builders' line breaks and emphasis", () => {
    expect(plainText('<a href="http://x">click</a>')).toBe('&lt;a href="http://x"&gt;click&lt;/a&gt;');
    expect(plainText("<span style='color:red'>x</span>")).toBe(
      "&lt;span style='color:red'&gt;x&lt;/span&gt;",
    );
    expect(plainText("Yes<br>(n = 12) <b>bold</b>")).toBe("Yes<br>(n = 12) <b>bold</b>");
    expect(plainText("<5 and a < b")).toBe("<5 and a < b");
  });

  it("walks traces and layouts but not Plotly's own templates", () => {
    const [trace] = plainTextDeep([
      { x: ["<a href='x'>y</a>"], hovertemplate: "%{x}<extra></extra>", y: new Float64Array([1]) },
    ]);
    expect(trace?.x[0]).toBe("&lt;a href='x'&gt;y&lt;/a&gt;");
    expect(trace?.hovertemplate).toBe("%{x}<extra></extra>");
    expect(trace?.y).toBeInstanceOf(Float64Array);
  });
});

describe("markdown tables escape HTML", () => {
  it("a <script> answer shows as text; '<5' stays", () => {
    const md = displayToMarkdown({
      caption: "Answers",
      head: ["answer", "n"],
      body: [["<script>alert(1)</script>", "<5"]],
      foot: [],
      notes: ["<img src=x onerror=alert(1)>"],
    });
    expect(md).not.toMatch(/<script|<img/);
    expect(md).toContain("&lt;script>alert(1)&lt;/script>");
    expect(md).toContain("| <5 |");
  });
});

describe("freeTextLabel(text, count) shows respondents' words only redacted and only when common", () => {
  it("hides text fewer than the threshold gave, and redacts the rest", () => {
    expect(freeTextLabel("Ask Dr Sarah Jones", 2)).toBe(RARE_FREE_TEXT);
    expect(freeTextLabel("Ask Dr Sarah Jones", 5)).toBe("Ask [name]");
    expect(freeTextLabel("Parkrun", 4, 3)).toBe("Parkrun");
  });
});
