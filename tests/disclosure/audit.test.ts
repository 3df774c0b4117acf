import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { auditNotebook, auditPath, formatFindings, type NotebookJson } from "../../src/disclosure/audit.js";

type Output = NonNullable<NotebookJson["cells"][number]["outputs"]>[number];
const display = (data: Record<string, unknown>): Output => ({ output_type: "display_data", data });
const stream = (text: string): Output => ({ output_type: "stream", text });
const notebook = (...cells: Output[][]): NotebookJson => ({
  cells: [{ cell_type: "markdown" }, ...cells.map((outputs) => ({ cell_type: "code", outputs }))],
});
const plotly = (data: unknown[], layout: unknown = {}) =>
  display({ "application/vnd.plotly.v1+json": { data, layout } });
const kinds = (nb: NotebookJson) =>
  auditNotebook(nb, "t.ipynb").map((f) => `${f.kind}:${f.count}:${f.match}`);

// Each kind of leak the issue lists, as the committed notebooks showed it.
const leaks = {
  "map hover": notebook([
    plotly([
      {
        type: "scatter",
        mode: "text",
        text: ["Fylde<br>supp.", "Sefton<br>40%"],
        customdata: ["Fylde: suppressed (small count), n = 3", "Sefton: 40%, n = 30"],
        hovertemplate: "%{customdata}<extra></extra>",
      },
    ]),
  ]),
  "share whose base gives the count": notebook([
    plotly([{ type: "scatter", customdata: ["Sefton: 8%, n = 12"], hovertemplate: "%{customdata}" }]),
  ]),
  receipt: notebook([
    display({
      "text/html":
        '<table class="sp-receipts"><thead><tr><th>id</th><th>computed</th><th>result</th></tr></thead>' +
        "<tbody><tr><td>lw-confident-inactive-lowest</td><td>Inactive (&lt;30) 6.3% (2/32)</td><td>pass</td></tr></tbody></table>",
    }),
  ]),
  "chart from raw numbers": notebook([
    plotly([
      {
        type: "bar",
        orientation: "h",
        x: [6.25],
        y: ["Inactive (<30)"],
        hovertemplate: "%{y}: %{x}%, n = 32",
      },
    ]),
  ]),
  "[c] revealing at least 5": notebook([
    display({
      "text/markdown":
        "| band \\ confident | No | Yes | Total |\n| :--- | ---: | ---: | ---: |\n| Inactive (<30) | [c] | <5 | 32 |\n",
    }),
  ]),
  "test on a suppressed table": notebook([
    display({
      "text/plain": "band       No   Yes\n---------  ---  ---\nInactive   [c]  [c]\nActive     40   60",
    }),
    stream("chisq p = 0.012, V = 0.21\n"),
  ]),
  "count column in an HTML table": notebook([
    display({
      "text/html":
        "<table><thead><tr><th>Area</th><th>Percent</th><th>n</th></tr></thead>" +
        "<tbody><tr><td>St. Helens</td><td>suppressed</td><td>1</td></tr></tbody></table>",
    }),
  ]),
};

describe("auditNotebook", () => {
  it.each(Object.entries(leaks))("finds the leak: %s", (_name, nb) => {
    expect(auditNotebook(nb, "t.ipynb").length).toBeGreaterThan(0);
  });

  it("reports map hover counts with the notebook, cell index, MIME type and text", () => {
    const [f, ...rest] = auditNotebook(leaks["map hover"], "01.ipynb");
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      notebook: "01.ipynb",
      cell: 1,
      output: 0,
      mime: "application/vnd.plotly.v1+json",
      kind: "count",
      count: 3,
      match: "n = 3",
    });
    expect(f!.text).toContain("Fylde: suppressed (small count), n = 3");
  });

  it("reads a share against its base: 8% of 12 is 1 person", () => {
    expect(kinds(leaks["share whose base gives the count"])).toEqual(["share:1:8% with n = 12"]);
  });

  it("reads receipts as a count over its base and a share that implies it", () => {
    expect(kinds(leaks.receipt)).toEqual(["fraction:2:2/32"]);
  });

  it("fills a hovertemplate with the raw value, so a chart built from raw numbers is read as shown", () => {
    expect(kinds(leaks["chart from raw numbers"])).toEqual(["share:2:6.25% with n = 32"]);
  });

  it('flags "<5" beside "[c]" (the second mark says "at least 5") and a test beside hidden cells', () => {
    expect(kinds(leaks["[c] revealing at least 5"])).toEqual(["marks:0:<5 and [c]"]);
    expect(kinds(leaks["test on a suppressed table"])).toEqual(["test:0:p = 0.012"]);
  });

  it("reads a count column of an HTML table by its header", () => {
    expect(kinds(leaks["count column in an HTML table"])).toEqual(["count:1:n: 1"]);
  });

  it('reads a frequency table\'s "n" column beside "%" as the row\'s count, not as the share\'s base', () => {
    // 5 of a base of 25 is 20%: a base of 5 would have made it 1 person (a false finding in an area run).
    const table = (count: string, share: string) =>
      notebook([
        display({
          "text/plain":
            "scale                n       %     95% CI\n" +
            "-------------------  ---  ------  ---------\n" +
            `Town or district     ${count}   ${share}   8.9–39.1\n` +
            "Neighbourhood        20   80.0%  61.0–91.1\n" +
            "-------------------  ---  ------  ---------\n" +
            "Total                25  100.0%",
        }),
      ]);
    expect(kinds(table("5", "20.0%"))).toEqual([]);
    // A small count in the same layout is still a count.
    expect(kinds(table("3", "12.0%"))).toEqual(["count:3:count: 3"]);
  });

  it("judges a tabulation's own test by its own table, and a printed test by every table of the cell", () => {
    const note = 'Disclosure control: counts of 1-4 are hidden and shown as "[c]".';
    const hiddenTable = display({
      "text/plain": `band       No   Yes\n---------  ---  ---\nInactive   [c]  [c]\nActive     40   60\n\n${note}`,
    });
    const shownWithTest = (p: string) =>
      display({
        "text/plain":
          "band       No   Yes\n---------  ---  ---\nInactive   29   11\nActive     14   26\n---------  ---  ---\nTotal      43   37\n\n" +
          `Missing (not tabulated): [c] respondents.\nChi-square test (X² = 9.86, df = 1): ${p}, Cramér's V = 0.38.\n${note}`,
      });
    // Beside a table that hides cells, a second table whose cells are all shown keeps its own test.
    expect(kinds(notebook([hiddenTable, shownWithTest("p = 0.002")]))).toEqual([]);
    // A test printed on its own in that cell could rest on the hidden table: flagged.
    expect(kinds(notebook([hiddenTable, stream("Funding: p = 0.645\n")]))).toEqual(["test:0:p = 0.645"]);
    // A tabulation that hides cells and prints its own test: flagged.
    const own = display({
      "text/plain": `band       No   Yes\n---------  ---  ---\nInactive   [c]  [c]\nActive     40   60\n\nChi-square test: p = 0.012.\n${note}`,
    });
    expect(kinds(notebook([own]))).toEqual(["test:0:p = 0.012"]);
  });

  it('a hidden count in a summary table\'s "Missing" column is no hidden cell for its test; a hidden group is', () => {
    const row = (cells: string[]) => cells.map((c, i) => c.padEnd([6, 3, 7, 5][i]!)).join("  ");
    const summary = (missing: string, n: string) =>
      display({
        "text/plain": [
          row(["group", "n", "Missing", "Mean"]),
          row(["------", "---", "-------", "-----"]),
          row(["low", n, missing, "67.4"]),
          row(["high", "68", "0", "218.2"]),
          row(["------", "---", "-------", "-----"]),
          row(["All", "91", "[c]", "163.0"]),
          "",
          "Spearman's rho: rho = 0.395, p < 0.001.",
          'Disclosure control: groups of 1-4 are not summarised ("[c]").',
        ].join("\n"),
      });
    expect(kinds(notebook([summary("[c]", "23")]))).toEqual([]);
    expect(kinds(notebook([summary("0", "[c]")]))).toEqual(["test:0:p < 0.001"]);
  });

  it("flags a share whose complement is small (92% of 12: the other 1)", () => {
    expect(kinds(notebook([stream("Wigan: 92%, n = 12\n")]))).toEqual(["share:1:92% with n = 12"]);
  });

  it("passes a clean notebook: large counts, hidden cells with one mark and no test, and numbers that are not counts", () => {
    const clean = notebook(
      [
        display({
          "text/plain": [
            "activity_band      n      %",
            "--------------  ----  -----",
            "Inactive (<30)    32  10.8%",
            "Active (150+)    142  48.0%",
            "",
            "Base n = 296. Chi-square test: p < 0.001",
          ].join("\n"),
        }),
      ],
      [display({ "text/markdown": "| band | No | Yes |\n| --- | --- | --- |\n| Inactive | [c] | [c] |\n" })],
      [
        stream(
          "4 of 4 within tolerance (0 failed); rank 3 of 35 areas; 2015/16 and 2021/22; 30 minutes a week; " +
            "19.0% (57); 0% of n = 300; published 12% [11.5, 12.5); computed 15.2% (5); n=33; Sefton: 40% (95% CI 2–60%), n = 30; id 4; 1/4 of the year\n",
        ),
      ],
      [
        plotly(
          [{ type: "bar", x: [48], y: ["Active"], customdata: ["Active: 48% (95% CI 42–54%), n = 296"] }],
          {
            title: { text: "Fewer than half are active (p = 0.03)" },
            xaxis: { title: { text: "% of 296" } },
          },
        ),
      ],
    );
    expect(auditNotebook(clean, "clean.ipynb")).toEqual([]);
  });

  it('a footnote naming the mark (shown as "[c]") or a hidden missing count is no hidden cell; a "[c]" cell is', () => {
    const footnotes = [
      "knows     No   Yes",
      "Yes       40   60",
      "No        50   50",
      "Missing (not tabulated): [c] respondents (knows: 0, trained: [c], both: 0).",
      "Chi-square test (X² = 22.02, df = 1): p < 0.001, Cramér's V = 0.28.",
      'Disclosure control: counts of 1-4, and shares whose complement is 1-4, are hidden and shown as "[c]" (none in this table).',
    ];
    expect(kinds(notebook([display({ "text/plain": footnotes.join("\n") })]))).toEqual([]);
    const hiding = [...footnotes.slice(0, 2), "No        [c]  [c]", ...footnotes.slice(3)];
    expect(kinds(notebook([display({ "text/plain": hiding.join("\n") })]))).toEqual(["test:0:p < 0.001"]);
  });

  it("lists a table with disclosure control off as not audited instead of reading it", () => {
    const nb = notebook([
      display({ "text/plain": "Total: 3\nDisclosure control: off for this table (option suppress: false)." }),
    ]);
    const dir = mkdtempSync(join(tmpdir(), "sp-audit-"));
    writeFileSync(join(dir, "00.ipynb"), JSON.stringify(nb));
    const r = auditPath(dir);
    expect(r.findings).toEqual([]);
    expect(formatFindings(r)).toBe(
      '00.ipynb cell 1 output 0: not audited (says "Disclosure control: off for this table (option suppress: false).")\n' +
        "audit: 1 notebook, no finding",
    );
  });

  it("checks the threshold option and says what is wrong with a non-notebook", () => {
    expect(() => auditNotebook(notebook(), "x", { threshold: -1 })).toThrow(
      "auditNotebook: option threshold must be a whole number >= 0, got -1",
    );
    expect(() => auditNotebook({} as NotebookJson, "x.ipynb")).toThrow(
      'auditNotebook: x.ipynb is not a notebook (no "cells" list)',
    );
    // A higher threshold (NHS Digital's 1-7) finds more.
    expect(auditNotebook(notebook([stream("n = 6\n")]), "x", { threshold: 8 })).toHaveLength(1);
    expect(auditNotebook(notebook([stream("n = 6\n")]), "x")).toHaveLength(0);
  });
});

describe("sp-pathways audit (CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-audit-cli-"));
  writeFileSync(join(dir, "leaky.ipynb"), JSON.stringify(leaks["map hover"]));
  const cleanDir = mkdtempSync(join(tmpdir(), "sp-audit-clean-"));
  writeFileSync(join(cleanDir, "clean.ipynb"), JSON.stringify(notebook([stream("n = 300\n")])));
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  it("exits 1 and names notebook, cell and text on a finding", async () => {
    const r = await run("audit", dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'leaky.ipynb cell 1 output 0 application/vnd.plotly.v1+json: respondent count (3): "n = 3" in: Fylde; supp.; Fylde: suppressed (small count), n = 3',
    );
    expect(r.out).toContain("audit: 1 finding in 1 cell of 1 of 1 notebook");
  });

  it("exits 0 on a clean folder, 2 on a missing path or a bad threshold", async () => {
    expect(await run("audit", cleanDir)).toMatchObject({ code: 0, out: "audit: 1 notebook, no finding" });
    const missing = await run("audit", join(cleanDir, "nope.ipynb"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no notebook or folder at");
    const bad = await run("audit", cleanDir, "--threshold", "five");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--threshold must be a whole number >= 0, got "five"');
  });
});
