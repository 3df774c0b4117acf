import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adjustP } from "../../src/stats/adjust-p.js";
import { compareColumnProportions } from "../../src/stats/column-proportions.js";

// R prop.test(correct = FALSE) p-values for every pair of columns in each row of synthetic random tables
// (tests/stats/reference/make-survey-fixtures.R).
const { columnProportions } = JSON.parse(
  readFileSync(join(__dirname, "reference/survey-fixtures.json"), "utf8"),
) as {
  columnProportions: { counts: number[][]; pairs: { row: number; a: number; b: number; p: number }[] }[];
};

describe("compareColumnProportions(counts) agrees with R prop.test and marks letters as SPSS", () => {
  columnProportions.forEach((c, k) => {
    it(`table ${k} (${c.counts.length} x ${c.counts[0]!.length}): pairwise p within 1e-9 relative of prop.test`, () => {
      const got = compareColumnProportions(c.counts);
      expect(got.pairs.length).toBe(c.pairs.length);
      for (const want of c.pairs) {
        const pair = got.pairs.find((p) => p.row === want.row && p.a === want.a && p.b === want.b)!;
        expect(Math.abs(pair.p - want.p) / want.p).toBeLessThan(1e-9);
      }
    });
    it(`table ${k}: Holm and Bonferroni adjust within each row, as p.adjust`, () => {
      for (const adjust of ["holm", "bonferroni"] as const) {
        const got = compareColumnProportions(c.counts, { adjust });
        for (let i = 0; i < c.counts.length; i++) {
          const want = adjustP(
            c.pairs.filter((p) => p.row === i).map((p) => p.p),
            adjust,
          );
          expect(got.pairs.filter((p) => p.row === i).map((p) => p.adjustedP)).toEqual(
            want.map((w) => expect.closeTo(w!, 9)),
          );
        }
      }
    });
  });

  it("marks the column with the larger proportion with the key of the smaller one", () => {
    const c = compareColumnProportions([
      [60, 20, 58],
      [40, 80, 42],
    ]);
    expect(c.keys).toEqual(["A", "B", "C"]);
    expect(c.marks[0]).toEqual(["B", "", "B"]);
    expect(c.marks[1]).toEqual(["", "AC", ""]);
    expect(c.note).toMatch(/Bonferroni-adjusted across the pairs of columns in each row/);
  });

  it("leaves out pairs touching a hidden (suppressed) cell, so no mark can reveal it", () => {
    const counts = [
      [60, 3, 58],
      [40, 97, 42],
    ];
    const c = compareColumnProportions(counts, {
      hidden: [
        [false, true, false],
        [false, false, false],
      ],
    });
    expect(c.pairs.filter((p) => p.row === 0).length).toBe(1);
    expect(c.marks[0]).toEqual(["", "", ""]);
    expect(c.marks[1]!.join("")).not.toBe("");
  });

  it("errors name the cell, option and value", () => {
    expect(() => compareColumnProportions([[1, NaN]])).toThrow(/counts\[0\]\[1\] is NaN/);
    expect(() => compareColumnProportions([[1, 2]], { adjust: "BH" as "holm" })).toThrow(/got BH/);
    expect(() => compareColumnProportions([[1, 2]], { bases: [3] })).toThrow(
      /bases has 1 entries for 2 columns/,
    );
  });
});
