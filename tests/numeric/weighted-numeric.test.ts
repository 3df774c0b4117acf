import { readFileSync } from "node:fs";
import { join } from "node:path";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { compareGroups } from "../../src/numeric/compare-groups.js";
import { numericSummary } from "../../src/numeric/numeric-summary.js";
import { surveyRankTest, weightedQuantile } from "../../src/stats/survey-rank-test.js";

interface Case {
  name: string;
  y: (number | null)[];
  group: string[];
  w: number[];
  levels: string[];
  mean: number[];
  q1: number[];
  median: number[];
  q3: number[];
  allMean: number;
  allQ: number[];
  statistic: number;
  df1: number;
  df2: number;
  p: number;
}
// Written by tests/numeric/reference/make-weighted-numeric.R (R 4.2, survey 4.1.1; synthetic random data).
const cases = JSON.parse(readFileSync(join(__dirname, "reference/weighted-numeric.json"), "utf8")) as Case[];

describe("surveyRankTest matches R's svyranktest(y ~ g, svydesign(ids = ~1, weights = ~w), 'KruskalWallis')", () => {
  for (const c of cases) {
    it(`${c.name}: statistic, df and p`, () => {
      const r = surveyRankTest(c.y, c.group, c.w);
      expect(r.kind).toBe(c.levels.length === 2 ? "t" : "F");
      expect(r.statistic).toBeCloseTo(c.statistic, 8);
      expect(r.df).toEqual([c.df1, c.df2]);
      expect(Math.abs(r.p - c.p) / c.p).toBeLessThan(1e-6);
    });
  }
  it("leaves out rows without a value or a group, and says when no test is possible", () => {
    expect(() => surveyRankTest([1, 2, null], ["a", "a", "b"], [1, 1, 1])).toThrow(
      "surveyRankTest: fewer than 2 groups with values",
    );
    expect(() => surveyRankTest([1, 2, 3, 4], ["a", "a", "b", "b"], [1, 1, 1, 1])).not.toThrow();
  });
});

describe("weightedQuantile matches svyquantile(qrule = 'math')", () => {
  it("is the smallest value whose cumulative weight share reaches p; zero weights are left out", () => {
    expect(weightedQuantile([10, 20, 30], [1, 1, 2], 0.5)).toBe(20);
    expect(weightedQuantile([10, 20, 30], [1, 1, 2], 0.51)).toBe(30);
    expect(weightedQuantile([10, 20, 30], [0, 1, 1], 0.25)).toBe(20);
    expect(weightedQuantile([10], [0], 0.5)).toBeNull();
  });
});

describe("numericSummary and compareGroups with { weight }", () => {
  for (const c of cases) {
    const t = table({ y: c.y, g: c.group, w: c.w });
    it(`${c.name}: weighted means (svymean) and quartiles (svyquantile, qrule "math") per group`, () => {
      const s = numericSummary(t, "y", { by: "g", weight: "w", suppress: false });
      expect(s.weight).toBe("w");
      s.groups.forEach((gr, k) => {
        expect(gr.group).toBe(c.levels[k]);
        expect(gr.mean).toBeCloseTo(c.mean[k]!, 9);
        expect([gr.q1, gr.median, gr.q3]).toEqual([c.q1[k], c.median[k], c.q3[k]]);
      });
      expect(s.all.mean).toBeCloseTo(c.allMean, 9);
      expect([s.all.q1, s.all.median, s.all.q3]).toEqual(c.allQ);
    });
    it(`${c.name}: compareGroups runs the design-based rank test`, () => {
      const r = compareGroups(t, "y", "g", { weight: "w", suppress: false });
      expect(r.test.method).toBe("survey-rank");
      expect(Math.abs(r.test.p! - c.p) / c.p).toBeLessThan(1e-6);
    });
  }
  it("suppresses a weighted group on its unweighted n, and hides the test", () => {
    const t = table({
      y: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      g: ["a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "b", "b"],
      w: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 50, 50],
    });
    const r = compareGroups(t, "y", "g", { weight: "w" });
    expect(r.summary.groups[1]).toMatchObject({ n: 2, status: "primary", mean: null, median: null });
    expect(r.test.status).toBe("hidden");
  });
  it("a missing or negative weight is an error naming the column, row and value", () => {
    const t = table({ y: [1, 2], g: ["a", "b"], w: [1, -1] });
    expect(() => numericSummary(t, "y", { by: "g", weight: "w" })).toThrow(/weight column "w".*-1/);
    expect(() => compareGroups(t, "y", "g", { weight: "w", ordinal: true })).toThrow(
      /weighted Spearman is not implemented/,
    );
  });
});
