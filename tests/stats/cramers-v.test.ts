import { describe, expect, it } from "vitest";
import { cramersV } from "../../src/stats/index.js";

// V = sqrt(chi2 / (n (min(r, c) - 1))) with the uncorrected chi-square (exact rational in derive.out).
describe("cramersV", () => {
  it("cramersV matches scipy's association(method='cramer') documentation example (4 x 2)", () => {
    // scipy docs: 0.18617813077483678; chi2 = 38529071725 / 458373468, n = 2425, min(r, c) - 1 = 1
    const v = cramersV([
      [100, 150],
      [203, 322],
      [420, 700],
      [320, 210],
    ]);
    expect(Math.abs(v - 0.18617813077483678)).toBeLessThan(1e-9);
  });

  it("cramersV ignores the continuity correction on a 2 x 2 (sqrt((50/63) / 100))", () => {
    const v = cramersV([
      [10, 20],
      [30, 40],
    ]);
    expect(Math.abs(v - Math.sqrt(50 / 63 / 100))).toBeLessThan(1e-12);
    expect(Math.abs(v - 0.0890870806374748)).toBeLessThan(1e-9);
  });

  it("cramersV is 1 for a perfect association and 0 for proportional rows", () => {
    expect(
      cramersV([
        [5, 0, 0],
        [0, 7, 0],
        [0, 0, 9],
      ]),
    ).toBeCloseTo(1, 12);
    expect(
      cramersV([
        [1, 2, 3],
        [2, 4, 6],
      ]),
    ).toBeCloseTo(0, 12);
  });

  it("cramersV leaves out empty levels, so they do not change min(r, c)", () => {
    const v = cramersV([
      [10, 20, 0],
      [30, 40, 0],
      [0, 0, 0],
    ]);
    expect(Math.abs(v - Math.sqrt(50 / 63 / 100))).toBeLessThan(1e-12);
  });

  it("cramersV is NaN for a 1 x k table (undefined, as scipy)", () => {
    expect(cramersV([[3, 4, 5]])).toBeNaN();
  });

  it("cramersV rejects missing values and tables with no valid responses", () => {
    expect(() =>
      cramersV([
        [1, undefined as unknown as number],
        [1, 2],
      ]),
    ).toThrow("cramersV: counts[0][1] is undefined");
    expect(() =>
      cramersV([
        [0, 0],
        [0, 0],
      ]),
    ).toThrow("cramersV: the table has no counts");
  });
});
