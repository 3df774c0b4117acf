import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mantelHaenszel } from "../../src/stats/mantel-haenszel.js";

// Reference values: R's mantelhaen.test, written by tests/stats/reference/mantelhaen.R (R 4.x, r-base-core).
interface Case {
  name: string;
  correct: boolean;
  level: number;
  tables: number[][][];
  statistic: number;
  df: number;
  p: number;
  oddsRatio: number | null;
  lower: number | null;
  upper: number | null;
}
const cases = JSON.parse(
  readFileSync(join(process.cwd(), "tests", "stats", "reference", "mantelhaen.json"), "utf8"),
) as Case[];
const rel = (a: number, b: number) =>
  expect(Math.abs(a - b) / Math.max(1e-300, Math.abs(b))).toBeLessThan(1e-9);

describe("mantelHaenszel(tables) matches R's mantelhaen.test", () => {
  for (const c of cases) {
    it(`${c.name}: statistic, df, p${c.oddsRatio === null ? "" : ", common odds ratio and interval"}`, () => {
      const r = mantelHaenszel(c.tables, { correct: c.correct, level: c.level });
      rel(r.statistic, c.statistic);
      expect(r.df).toBe(c.df);
      rel(r.p, c.p);
      expect(r.strata).toBe(c.tables.length);
      if (c.oddsRatio === null) {
        expect(r.form).toBe("rxcxK");
      } else {
        if (r.form !== "2x2xK") throw new Error("expected the 2 x 2 x K form");
        rel(r.oddsRatio, c.oddsRatio);
        rel(r.lower, c.lower!);
        rel(r.upper, c.upper!);
      }
    });
  }
  it("applies the continuity correction only when |delta| >= 0.5 (as R)", () => {
    // One stratum [[1,1],[1,1]]: a - E(a) = 0, so no correction even when asked for.
    const r = mantelHaenszel([
      [
        [1, 1],
        [1, 1],
      ],
      [
        [2, 2],
        [2, 2],
      ],
    ]);
    expect(r.statistic).toBe(0);
    expect(r.p).toBe(1);
    expect(r.form === "2x2xK" && r.corrected).toBe(false);
  });
});

describe("mantelHaenszel(tables) defences", () => {
  it("refuses a stratum with fewer than 2 respondents, naming it (R: sample size in each stratum must be > 1)", () => {
    expect(() =>
      mantelHaenszel([
        [
          [3, 4],
          [5, 6],
        ],
        [
          [1, 0],
          [0, 0],
        ],
      ]),
    ).toThrow("mantelHaenszel: stratum 2 has 1 respondent(s); each stratum needs more than 1");
  });
  it("refuses strata of different shapes, missing and non-integer counts, naming the stratum and cell", () => {
    expect(() =>
      mantelHaenszel([
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ]),
    ).toThrow("mantelHaenszel: stratum 2 is 2 x 3, stratum 1 is 2 x 2");
    expect(() =>
      mantelHaenszel([
        [
          [1, 2],
          [3, NaN],
        ],
      ]),
    ).toThrow("mantelHaenszel: stratum 1: counts[1][1] is NaN");
    expect(() =>
      mantelHaenszel([
        [
          [1, 2.5],
          [3, 4],
        ],
      ]),
    ).toThrow("stratum 1: counts[0][1] is 2.5");
    expect(() => mantelHaenszel([])).toThrow("mantelHaenszel: expected a non-empty array of strata");
  });
  it("says when the variance matrix is singular (a level empty in every stratum)", () => {
    expect(() =>
      mantelHaenszel([
        [
          [3, 4, 0],
          [5, 6, 0],
        ],
        [
          [2, 7, 0],
          [4, 1, 0],
        ],
      ]),
    ).toThrow("mantelHaenszel: the variance matrix is singular");
  });
});
