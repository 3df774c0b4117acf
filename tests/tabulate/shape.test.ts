import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import {
  crosstab,
  formatP,
  formatTest,
  frequencies,
  hasTest,
  isCrosstab,
  isFrequencies,
  likertSummary,
  multiResponse,
  type Tabulation,
} from "../../src/tabulate/index.js";
import { tea, trained } from "./fixtures.js";

describe("one shape for every tabulation", () => {
  const grid = withLevels(table({ q__a: ["Hi", "Lo", "Hi", null], q__b: ["Lo", "Lo", null, null] }), {
    q__a: ["Lo", "Hi"],
    q__b: ["Lo", "Hi"],
  });
  const results: Tabulation[] = [
    frequencies(trained(), "trained", { suppress: false }),
    crosstab(tea(), "guess", { by: "truth", suppress: false }),
    multiResponse(table({ m: [["a"], ["a", "b"], [], null] }), "m", { suppress: false }),
    likertSummary(grid, "q", { suppress: false }),
  ];

  it("every result has rows x columns grids of the same size under the same names", () => {
    for (const r of results) {
      const dims = [r.rowLevels.length, r.colLevels.length];
      for (const g of [
        r.counts,
        r.unweighted,
        r.percents,
        r.bases,
        r.suppression.cells,
        r.suppression.bases,
      ]) {
        expect([g.length, g[0]?.length], r.kind).toEqual(dims);
      }
      expect(r.cells()).toHaveLength(dims[0]! * dims[1]!);
      expect(r.toTable().columnNames()).toEqual([
        "row",
        "column",
        "n",
        "n_unweighted",
        "base",
        "percent",
        "ci_lower",
        "ci_upper",
        "status",
        "suppressed",
      ]);
    }
  });

  it("base is the unweighted respondents in the table, bases the n behind each percentage", () => {
    const [f, x, m, l] = results as [Tabulation, Tabulation, Tabulation, Tabulation];
    expect(f.base).toBe(20);
    expect(x.base).toBe(8);
    expect(x.bases[0]).toEqual([4, 4]); // column base (the default with { by })
    expect(m.base).toBe(3); // [] answered, null not
    expect(l.base).toBe(3); // answered at least one item
    expect(l.bases.map((r) => r[0])).toEqual([3, 2]);
  });

  it("cell(row, column) finds one cell; the column may be left out of a one-column table", () => {
    const f = results[0]!;
    expect(f.cell("Yes, before")).toMatchObject({
      row: "Yes, before",
      column: "All",
      n: 10,
      percent: 50,
      base: 20,
    });
    expect(results[1]!.cell("Tea", "Tea").n).toBe(3);
  });

  it("cell() with an unknown label names the closest ones in one line", () => {
    expect(() => results[0]!.cell("Yes, befor")).toThrow(
      'frequencies(...).cell: no row "Yes, befor" in trained; did you mean "Yes, before"?',
    );
    expect(() => results[1]!.cell("Tea")).toThrow(/the table has 2 columns: name one; valid: "Milk", "Tea"$/);
  });

  it("cells() hides suppressed counts and the percentages that depend on them unless raw", () => {
    const f = frequencies(trained(), "trained");
    const no = f.cell("No");
    expect(no).toMatchObject({
      n: null,
      percent: null,
      ci_lower: null,
      status: "secondary",
      suppressed: true,
    });
    expect(f.cell("No", undefined, { raw: true }).n).toBe(6);
  });

  it("frequencies(table, col, { by }) is crosstab with the share within each group", () => {
    const t = table({ q: ["a", "b", "a", "a"], g: ["x", "x", "y", "y"] });
    const f = frequencies(t, "q", { by: "g", suppress: false });
    expect(isCrosstab(f)).toBe(true);
    expect(isFrequencies(f)).toBe(false);
    expect(f.percents).toEqual([
      [50, 100],
      [50, 0],
    ]);
    expect(f.toMarkdown()).toBe(crosstab(t, "q", { by: "g", suppress: false }).toMarkdown());
    expect(() => frequencies(t, "q", { by: "g", sort: "count" })).toThrow(
      'frequencies: option sort "count" cannot be combined with by',
    );
  });

  it("likertSummary with { by } has the shared shape: a row per group, scale levels as columns, by named", () => {
    const t = withLevels(table({ q: ["Hi", "Lo", "Hi", null, "Lo"], g: ["x", "x", "y", "y", null] }), {
      q: ["Lo", "Hi"],
    });
    const l = likertSummary(t, "q", { by: "g", suppress: false });
    expect(l.by).toBe("g");
    expect(l.groups).toEqual(["x", "y"]);
    expect(l.rowLevels).toEqual(["x", "y"]);
    expect(l.colLevels).toEqual(["Lo", "Hi"]);
    expect(l.counts).toEqual([
      [1, 1],
      [0, 1],
    ]);
    expect(l.percents).toEqual([
      [50, 50],
      [0, 100],
    ]);
    expect(l.bases).toEqual([
      [2, 2],
      [1, 1],
    ]);
    // Answered both the item and the breakdown: rows 1-3 (row 4 has no answer, row 5 no group).
    expect(l.base).toBe(3);
    expect(l.missing).toEqual([0, 1]);
    for (const g of [l.unweighted, l.suppression.cells, l.suppression.bases]) expect(g).toHaveLength(2);
    expect(l.cells()).toHaveLength(4);
    expect(l.cell("y", "Hi")).toMatchObject({ n: 1, percent: 100, base: 1, status: "shown" });
    expect(l.toString().split("\n")[1]).toMatch(/^g\s+Lo\s+Hi\s+n\s+Top box/);
  });

  it("likertSummary with { by } and a by that is an item is an error naming it", () => {
    expect(() => likertSummary(grid, "q", { by: "q__a" })).toThrow(
      'likertSummary: option by "q__a" is one of the items',
    );
  });
});

describe("formatTest and formatP: one formatter for tests and p-values", () => {
  it("formatP(p) writes the sign with the value, never 'p = < 0.001'", () => {
    expect(formatP(0.0004)).toBe("p < 0.001");
    expect(formatP(0.001)).toBe("p = 0.001");
    expect(formatP(0.48571)).toBe("p = 0.486");
  });

  it("formatTest names the test, p, Cramér's V and the reason", () => {
    const t = crosstab(tea(), "guess", { by: "truth", suppress: false }).test;
    expect(hasTest(t)).toBe(true);
    expect(formatTest(t)).toBe(
      "Fisher's exact test: p = 0.486, Cramér's V = 0.50 (smallest expected count 2.00 is below 5).",
    );
    expect(formatTest(t, { brief: true, weighted: true })).toBe(
      "Fisher's exact test (on unweighted counts): p = 0.486, Cramér's V = 0.50.",
    );
    expect(
      formatTest(crosstab(tea(), "guess", { by: "truth", test: "chisq", suppress: false }).test, {
        brief: true,
      }),
    ).toMatch(/^Chi-square test \(X² = 0\.50, df = 1\): p = 0\.480, Cramér's V = 0\.50\.$/);
  });

  it("formatTest of a table that hides cells prints the verdict only, wherever the test is taken from", () => {
    // The tea table's counts are 3 and 1: every cell is hidden, and a p-value would narrow them down.
    const t = crosstab(tea(), "guess", { by: "truth" }).test;
    expect(hasTest(t) && t.hidden).toBe(true);
    expect(formatTest(t)).toBe(
      "Fisher's exact test: no evidence of a difference at the 5% level; statistic and p-value hidden because the table hides small cells.",
    );
    expect(formatTest(t)).not.toMatch(/0\.486|0\.50/);
  });

  it("formatTest says why there is no test", () => {
    const x = crosstab(table({ a: ["x", "x"], b: ["p", "q"] }), "a", { by: "b", suppress: false });
    expect(hasTest(x.test)).toBe(false);
    expect(formatTest(x.test)).toBe("No test: needs at least 2 non-empty rows and 2 non-empty columns.");
    expect(formatTest(null)).toBe("No test: none was asked for.");
  });
});
