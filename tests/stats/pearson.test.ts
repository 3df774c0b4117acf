import { describe, expect, it } from "vitest";
import { correlation } from "../../src/area/correlation.js";
import { pearson } from "../../src/stats/pearson.js";
import { spearman } from "../../src/stats/spearman.js";

describe("pearson(a, b): the r shared by spearman and the area correlation", () => {
  it("matches scipy pearsonr", () => {
    // scipy.stats.pearsonr([1, 2, 3, 4], [2, 4, 5, 9]).statistic
    expect(pearson([1, 2, 3, 4], [2, 4, 5, 9])).toBeCloseTo(0.9647638212377322, 14);
    expect(pearson(Float64Array.from([1, 2, 3]), Float64Array.from([3, 2, 1]))).toBe(-1);
  });
  it("returns NaN when either series is constant", () => {
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNaN();
    expect(pearson([4, 4], [1, 2])).toBeNaN();
  });
  it("clamps a perfect correlation that rounding carries past 1", () => {
    const a = [3.48, 3.26, 2.38, 0.15];
    const b = a.map((v) => v * 2.2); // r computed in floating point is 1.0000000000000002
    expect(pearson(a, b)).toBe(1);
    // The area correlation then reports r = 1 without an interval (it gave NaN bounds before the clamp).
    expect(correlation(a, b, { method: "pearson" })).toMatchObject({ r: 1, lower: null, upper: null });
  });
  it("spearman and correlation({ method: 'spearman' }) give the same r (both are pearson of mid-ranks)", () => {
    const x = [1, 2, 3, 4, 5, 6, 2];
    const y = [2, 1, 4, 3, 6, 5, 2];
    expect(correlation(x, y).r).toBe(spearman(x, y).rho);
  });
});
