import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { crosstab } from "../../src/tabulate/index.js";
import { shareFromSums, wilson } from "../../src/stats/index.js";
import { tableEqual } from "../helpers/table-equal.js";
import { cells, rep, tea } from "./fixtures.js";

// R's ?chisq.test example M: gender x party = [[762, 327, 468], [484, 239, 477]];
// R prints X-squared = 30.07, df = 2, p-value = 2.954e-07.
const party = () =>
  cells("gender", "party", [
    ["F", "Democrat", 762],
    ["F", "Independent", 327],
    ["F", "Republican", 468],
    ["M", "Democrat", 484],
    ["M", "Independent", 239],
    ["M", "Republican", 477],
  ]);

describe("crosstab", () => {
  it("crosstab(table, row, { by }) keeps raw counts rows x columns without margins, with totals and bases", () => {
    const t = crosstab(party(), "gender", { by: "party", percent: "row" });
    expect(t.rowLevels).toEqual(["F", "M"]);
    expect(t.colLevels).toEqual(["Democrat", "Independent", "Republican"]);
    expect(t.counts).toEqual([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    expect(t.rowTotals).toEqual([1557, 1200]);
    expect(t.colTotals).toEqual([1246, 566, 945]);
    expect(t.total).toBe(2757);
    expect(t.rowBases).toEqual([1557, 1200]);
    expect(t.colBases).toEqual([1246, 566, 945]);
    expect(t.base).toBe(2757);
    // The base behind each row percentage is its row's respondents.
    expect(t.bases).toEqual([
      [1557, 1557, 1557],
      [1200, 1200, 1200],
    ]);
  });

  it("crosstab percentages: row, column and total bases", () => {
    const t = crosstab(party(), "gender", { by: "party" });
    expect(t.allPercents.row[0]![0]).toBeCloseTo((100 * 762) / 1557, 12);
    expect(t.allPercents.column[1]![2]).toBeCloseTo((100 * 477) / 945, 12);
    expect(t.allPercents.total[1]![1]).toBeCloseTo((100 * 239) / 2757, 12);
    // With { by } the default base is the column: the share within each group of `by`.
    expect(t.percent).toBe("column");
    expect(t.percents).toBe(t.allPercents.column);
  });

  it("crosstab(table, row, col), the deprecated positional form, keeps row percentages by default", () => {
    const old = crosstab(party(), "gender", "party");
    const now = crosstab(party(), "gender", { by: "party", percent: "row" });
    expect(old.percent).toBe("row");
    expect(old.by).toBe("party");
    expect(old.percents).toEqual(now.percents);
    expect(old.toMarkdown()).toBe(now.toMarkdown());
  });

  it("crosstab without a breakdown is an error that shows the call to write", () => {
    expect(() => crosstab(party(), "gender", {})).toThrow(
      /^crosstab: no breakdown for "gender"; write crosstab\(table, "gender", \{ by: "<column>" \}\)/,
    );
  });

  it("crosstab intervals are Wilson intervals on the chosen base", () => {
    const t = crosstab(party(), "gender", { by: "party", percent: "column" });
    const w = wilson(327, 566);
    expect(t.intervals!.lower[0]![1]).toBeCloseTo(100 * w.lower, 10);
    expect(t.intervals!.upper[0]![1]).toBeCloseTo(100 * w.upper, 10);
  });

  it("crosstab test 'auto' uses chi-square when every expected count is >= 5 (R chisq.test example)", () => {
    const t = crosstab(party(), "gender", { by: "party" });
    if (!t.test || t.test.method === null) throw new Error("expected a test");
    expect(t.test.method).toBe("chisq");
    expect(t.test.reason).toMatch(/every expected count is at least 5/);
    expect(t.test.statistic).toBeCloseTo(30.07, 2);
    expect(t.test.df).toBe(2);
    expect(t.test.p).toBeCloseTo(2.954e-7, 9);
    // Cramér's V by hand: sqrt(30.0701 / (2757 * 1)) = 0.10444
    expect(t.test.cramersV).toBeCloseTo(0.10444, 4);
  });

  it("crosstab test 'auto' uses Fisher's exact test when an expected count is < 5 and says why", () => {
    const t = crosstab(tea(), "guess", { by: "truth", suppress: false });
    if (!t.test || t.test.method === null) throw new Error("expected a test");
    expect(t.test.method).toBe("fisher");
    expect(t.test.reason).toBe("smallest expected count 2.00 is below 5");
    expect(t.test.p).toBeCloseTo(34 / 70, 9);
  });

  it("crosstab test: false runs no test; a forced 'chisq' says it was requested", () => {
    expect(crosstab(tea(), "guess", { by: "truth", test: false }).test).toBeNull();
    const t = crosstab(tea(), "guess", { by: "truth", test: "chisq" });
    expect(t.test?.method).toBe("chisq");
    expect(t.test?.reason).toBe("requested; smallest expected count 2.00");
  });

  it("crosstab keeps empty recorded levels and leaves them out of the test", () => {
    const t = withLevels(tea(), { truth: ["Milk", "Tea", "Coffee"] });
    const x = crosstab(t, "guess", { by: "truth", suppress: false });
    expect(x.colLevels).toEqual(["Milk", "Tea", "Coffee"]);
    expect(x.counts).toEqual([
      [3, 1, 0],
      [1, 3, 0],
    ]);
    expect(x.test?.reason).toMatch(/1 empty row\(s\)\/column\(s\) left out/);
    expect(x.test && x.test.method !== null && x.test.p).toBeCloseTo(34 / 70, 9);
  });

  it("crosstab reports missing answers by variable instead of dropping them silently", () => {
    const t = table({ a: ["x", "y", null, "x", null], b: ["p", null, "q", "q", null] });
    const x = crosstab(t, "a", { by: "b", suppress: false });
    expect(x.counts).toEqual([
      [1, 1],
      [0, 0],
    ]);
    expect(x.missing).toEqual({ row: 1, column: 1, both: 1, total: 3 });
    expect(x.toString()).toContain("Missing (not tabulated): 3 respondents (a: 1, b: 1, both: 1).");
  });

  it("crosstab with missing: 'level' adds a Missing level on the side that has missing answers", () => {
    const t = table({ a: ["x", "y", null, "x"], b: ["p", "q", "q", "q"] });
    const x = crosstab(t, "a", { by: "b", missing: "level", suppress: false });
    expect(x.rowLevels).toEqual(["x", "y", "Missing"]);
    expect(x.colLevels).toEqual(["p", "q"]);
    expect(x.counts).toEqual([
      [1, 1],
      [0, 1],
      [0, 1],
    ]);
  });

  it("crosstab of a 1 x k table counts but runs no test, saying why", () => {
    const t = table({ a: rep(["only", 6]), b: rep(["p", 3], ["q", 3]) });
    const x = crosstab(t, "a", { by: "b", suppress: false });
    expect(x.counts).toEqual([[3, 3]]);
    expect(x.test).toEqual({
      method: null,
      reason: "no test: needs at least 2 non-empty rows and 2 non-empty columns",
    });
  });

  it("crosstab of an empty table returns recorded levels with zero counts and no test", () => {
    const t = withLevels(table({ a: [] as string[], b: [] as string[] }), { a: ["x", "y"], b: ["p", "q"] });
    const x = crosstab(t, "a", { by: "b" });
    expect(x.counts).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(x.percents).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(x.test?.method).toBeNull();
  });

  it("crosstab of an all-missing column tabulates nothing and counts every row as missing", () => {
    const t = table({ a: ["x", "y", "x"], b: [null, null, null] });
    const x = crosstab(t, "a", { by: "b" });
    expect(x.colLevels).toEqual([]);
    expect(x.missing.column).toBe(3);
    expect(x.total).toBe(0);
  });

  it("crosstab weights: weighted counts and percentages, unweighted bases, zero weights allowed", () => {
    const t = table({
      a: ["x", "x", "x", "y", "y"],
      b: ["p", "q", "q", "p", "q"],
      w: [2, 0, 1, 0.5, 1.5],
    });
    const x = crosstab(t, "a", { by: "b", percent: "row", weight: "w", suppress: false, test: false });
    expect(x.counts).toEqual([
      [2, 1],
      [0.5, 1.5],
    ]);
    expect(x.unweighted).toEqual([
      [1, 2],
      [1, 1],
    ]);
    expect(x.rowBases).toEqual([3, 2]);
    expect(x.percents[0]).toEqual([(100 * 2) / 3, (100 * 1) / 3]);
    // Weighted: svyciprop's interval for the share of p in row x (weights 2, 0, 1; design of 5 respondents).
    const w = shareFromSums({
      yesWeight: 2,
      noWeight: 1,
      yesSquares: 4,
      noSquares: 1,
      domainN: 3,
      designN: 5,
    });
    expect(x.intervals!.lower[0]![0]).toBeCloseTo(100 * w.lower, 10);
    expect(x.intervals!.upper[0]![0]).toBeCloseTo(100 * w.upper, 10);
    expect(x.toString()).toContain('Weighted by "w"');
  });

  it("crosstab rejects invalid weights naming the column, row and value", () => {
    const t = table({ a: ["x", "y"], b: ["p", "q"], w: [1, null] });
    expect(() => crosstab(t, "a", { by: "b", weight: "w" })).toThrow(
      'crosstab: weight column "w" has invalid weight null at row 1 (weights must be finite numbers >= 0)',
    );
    expect(() => crosstab(t, "a", { by: "b", weight: "nope" })).toThrow('crosstab: no column "nope"');
  });

  it("crosstab rejects bad options, naming them", () => {
    const bad = { percent: "cell" } as unknown as { percent: "row" };
    expect(() => crosstab(tea(), "guess", { by: "truth", ...bad })).toThrow(
      'crosstab: option percent must be "row", "column" or "total", got "cell"',
    );
    expect(() => crosstab(tea(), "guess", { by: "truth", suppress: -1 })).toThrow(
      /option suppress must be a number >= 0/,
    );
  });

  it("crosstab hides a small cell and the dependent cells that would reveal it by subtraction", () => {
    // A: 2 10 20 | 32   B: 8 15 30 | 53   C: 12 9 40 | 61.  "2" is primary. Row A then needs a complement
    // (smallest: A-Y 10), column X too (B-X 8), which leaves column Y and row B each with one hidden cell:
    // B-Y (15) closes both, so the hidden cells form the rectangle {A, B} x {X, Y} and every margin stays.
    const t = cells("r", "c", [
      ["A", "X", 2],
      ["A", "Y", 10],
      ["A", "Z", 20],
      ["B", "X", 8],
      ["B", "Y", 15],
      ["B", "Z", 30],
      ["C", "X", 12],
      ["C", "Y", 9],
      ["C", "Z", 40],
    ]);
    const x = crosstab(t, "r", { by: "c", percent: "row", ci: false });
    expect(x.suppression.cells).toEqual([
      ["primary", "secondary", "shown"],
      ["secondary", "secondary", "shown"],
      ["shown", "shown", "shown"],
    ]);
    expect(x.suppression.rowTotals).toEqual(["shown", "shown", "shown"]);
    expect(x.counts[0]).toEqual([2, 10, 20]); // raw numbers stay
    const md = x.toMarkdown();
    expect(md).toContain("| A | [c] | [c] | 20 (62.5%) | 32 |"); // one mark: primary and secondary look alike
    expect(md).toContain("| B | [c] | [c] | 30 (56.6%) | 53 |");
    expect(md).toContain("Test not shown: it could reveal suppressed cells.");
    expect(md).not.toMatch(/Chi-square|Fisher/);
    tableEqual(
      x.toTable().filter((d: { row: string }) => d.row === "A"),
      {
        row: ["A", "A", "A"],
        column: ["X", "Y", "Z"],
        n: [null, null, 20],
        n_unweighted: [null, null, 20],
        base: [32, 32, 32],
        percent: [null, null, 62.5],
        ci_lower: [null, null, null],
        ci_upper: [null, null, null],
        status: ["primary", "secondary", "shown"],
        suppressed: [true, true, false],
      },
    );
    expect(x.toTable({ raw: true }).array("n").slice(0, 2)).toEqual([2, 10]);
  });

  it("crosstab suppression hides a margin when no inner cell can protect a small cell (1 x k)", () => {
    // One row: 3 and 0. The zero cannot protect the 3, so the row total and then the grand total must go.
    const t = table({ a: rep(["only", 3]), b: rep(["p", 3]) });
    const x = crosstab(withLevels(t, { b: ["p", "q"] }), "a", { by: "b" });
    expect(x.suppression.cells).toEqual([["primary", "shown"]]);
    expect(x.suppression.rowTotals).toEqual(["primary"]);
    expect(x.suppression.colTotals).toEqual(["primary", "shown"]);
    expect(x.suppression.total).toBe("primary");
  });

  it("crosstab suppress: 0 and false turn disclosure control off", () => {
    for (const suppress of [0, false] as const) {
      const x = crosstab(tea(), "guess", { by: "truth", suppress });
      expect(x.suppression.any).toBe(false);
      expect(x.toMarkdown()).not.toMatch(/<\d|\[c\]/);
    }
  });

  it("crosstab suppresses on unweighted counts even when weighted counts are large", () => {
    const t = table({
      a: ["x", "x", "y", "y", "y", "y", "y"],
      b: ["p", "q", "p", "p", "q", "q", "q"],
      w: rep([100, 7]),
    });
    const x = crosstab(t, "a", { by: "b", weight: "w" });
    expect(x.suppression.cells[0]).toEqual(["primary", "primary"]);
    expect(x.toString()).toContain(
      'unweighted counts of 1-4, and shares whose complement is 1-4, are hidden and shown as "[c]"',
    );
  });

  it("crosstab renders Markdown, HTML and text with caption and footnotes", () => {
    const x = crosstab(tea(), "guess", {
      by: "truth",
      percent: "row",
      suppress: false,
      ci: false,
      notes: ["Synthetic data."],
    });
    expect(x.toMarkdown()).toBe(
      [
        "**guess by truth**",
        "",
        "| guess \\ truth | Milk | Tea | Total |",
        "| :--- | ---: | ---: | ---: |",
        "| Milk | 3 (75.0%) | 1 (25.0%) | 4 |",
        "| Tea | 1 (25.0%) | 3 (75.0%) | 4 |",
        "| Total | 4 | 4 | 8 |",
        "",
        "Cells: count (percentage of each row).  ",
        "Base n = 8.  ",
        "Fisher's exact test: p = 0.486, Cramér's V = 0.50 (smallest expected count 2.00 is below 5).  ",
        "Disclosure control: off for this table (option suppress: false).  ",
        "Synthetic data.",
      ].join("\n"),
    );
    const html = x.toHTML();
    expect(html).toContain("<caption>guess by truth</caption>");
    expect(html).toContain('<tr><th scope="row">Milk</th><td align="right">3 (75.0%)</td>');
    expect(html).toContain('<tr><td colspan="4">Synthetic data.</td></tr>');
    expect(html).not.toMatch(/<script|style=/);
    expect(x.toString().split("\n").slice(0, 4)).toEqual([
      "guess by truth",
      "guess \\ truth       Milk        Tea  Total",
      "-------------  ---------  ---------  -----",
      "Milk           3 (75.0%)  1 (25.0%)      4",
    ]);
  });

  it("crosstab caches the encoding per column: a repeated call and a filtered view reuse the codes", () => {
    const t = party();
    const first = crosstab(t, "gender", { by: "party" });
    const again = crosstab(
      t.filter((d: { gender: string }) => d.gender === "M"),
      "gender",
      "party",
    );
    expect(again.counts).toEqual([[0, 0, 0], first.counts[1]]);
  });
});
