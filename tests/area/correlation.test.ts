import { describe, expect, it } from "vitest";
import { correlation } from "../../src/area/correlation.js";

// R's ?cor.test example (Hollander & Wolfe 1973, p. 187): cor.test(x, y) gives cor 0.5711816 with 95% CI
// -0.1497426 to 0.8955795; cor.test(x, y, method = "spearman") gives rho 0.6.
const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];

describe("correlation(x, y)", () => {
  it("pearson matches R cor.test: r and its Fisher-z interval", () => {
    const c = correlation(x, y, { method: "pearson" });
    expect(c.r).toBeCloseTo(0.5711816, 6);
    expect(c.lower).toBeCloseTo(-0.1497426, 6);
    expect(c.upper).toBeCloseTo(0.8955795, 6);
    expect(c.n).toBe(9);
  });
  it("spearman matches R's rho, with the Bonett-Wright interval computed by hand", () => {
    // atanh(0.6) = 0.6931472; se = sqrt((1 + 0.36/2) / (9 - 3)) = sqrt(0.1966667) = 0.4434712;
    // 0.6931472 -+ 1.959964 * 0.4434712 = -0.1760403 and 1.5623347; tanh gives -0.1742441 and 0.9157979.
    const c = correlation(x, y);
    expect(c.method).toBe("spearman");
    expect(c.r).toBeCloseTo(0.6, 10);
    expect(c.lower).toBeCloseTo(-0.1742441, 6);
    expect(c.upper).toBeCloseTo(0.9157979, 6);
  });
  it("spearman averages tied ranks (R rank ties 'average')", () => {
    // ranks of x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4; Pearson of those ranks = 0.9486833 (= 3/sqrt(10)).
    expect(correlation([1, 2, 2, 3], [10, 20, 30, 40]).r).toBeCloseTo(0.9486833, 6);
  });
  it("drops pairs with a missing value on either side", () => {
    const c = correlation([...x, null, 3], [...y, 4, null], { method: "pearson" });
    expect(c.n).toBe(9);
    expect(c.r).toBeCloseTo(0.5711816, 6);
  });
  it("gives r null with fewer than 3 complete pairs (no valid responses) or a constant series", () => {
    expect(correlation([], []).r).toBeNull();
    expect(correlation([1, null, 2], [1, 2, null]).r).toBeNull();
    expect(correlation([1, 1, 1, 1], [1, 2, 3, 4]).r).toBeNull();
  });
  it("gives r without an interval for 3 pairs (n - 3 = 0)", () => {
    const c = correlation([1, 2, 3], [1, 3, 2]);
    expect(c.r).toBeCloseTo(0.5, 10);
    expect(c.lower).toBeNull();
  });
  it("names mismatched lengths and bad options", () => {
    expect(() => correlation([1, 2], [1])).toThrow("correlation: x has 2 values but y has 1");
    expect(() => correlation([1], [1], { level: 95 })).toThrow(
      "correlation: level 95 is not strictly between 0 and 1",
    );
    expect(() => correlation([1], [1], { method: "kendall" as "pearson" })).toThrow(/method "kendall"/);
  });
});
