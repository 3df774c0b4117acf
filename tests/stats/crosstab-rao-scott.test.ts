import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crosstab } from "../../src/tabulate/index.js";

// Synthetic respondent-level data with R's svychisq p (tests/stats/reference/make-survey-fixtures.R).
const { raoScott } = JSON.parse(readFileSync(join(__dirname, "reference/survey-fixtures.json"), "utf8")) as {
  raoScott: { name: string; rowCodes: number[]; colCodes: number[]; weights: number[]; pF: number }[];
};

describe("crosstab(..., { weight }) tests weighted tables with Rao-Scott, as svychisq", () => {
  const c = raoScott[2]!;
  const records = c.rowCodes.map((r, i) => ({ row: `r${r}`, col: `c${c.colCodes[i]}`, w: c.weights[i]! }));

  it(`${c.name}: test.p equals svychisq's p and the footnote names the test and where V comes from`, () => {
    const t = crosstab(records, "row", "col", { weight: "w", suppress: false });
    expect(t.test?.method).toBe("rao-scott");
    expect(Math.abs(t.test!.method === null ? NaN : (t.test as { p: number }).p - c.pF) / c.pF).toBeLessThan(
      1e-6,
    );
    const md = t.toMarkdown();
    expect(md).toMatch(
      /Rao-Scott F \(second-order\), mean design effect \d\.\d\d: F = [\d.]+ on [\d.]+ and [\d.]+ df/,
    );
    expect(md).toContain("(on the weighted table)");
    expect(md).not.toContain("on unweighted counts");
  });

  it("respondents with a missing answer are left out of the design (complete cases)", () => {
    const withMissing = [...records, { row: null, col: "c0", w: 5 }, { row: "r1", col: null, w: 3 }];
    const t = crosstab(withMissing as never, "row", "col", { weight: "w", suppress: false });
    expect(Math.abs((t.test as { p: number }).p - c.pF) / c.pF).toBeLessThan(1e-6);
  });

  it("unweighted tables keep the chi-square / Fisher choice", () => {
    const t = crosstab(records, "row", "col", { suppress: false });
    expect(t.test?.method).toBe("chisq");
  });
});
