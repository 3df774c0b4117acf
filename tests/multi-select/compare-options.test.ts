import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { compareOptions } from "../../src/multi-select/compare-options.js";

// Invented respondents (not survey data): both, only A, only B, neither, plus one who did not answer.
function sample(both: number, onlyA: number, onlyB: number, neither: number) {
  const rows: (string[] | null)[] = [
    ...Array.from({ length: both }, () => ["Distance", "Fitness"]),
    ...Array.from({ length: onlyA }, () => ["Distance"]),
    ...Array.from({ length: onlyB }, () => ["Fitness", "Cost"]),
    ...Array.from({ length: neither }, () => ["Cost"]),
    null,
  ];
  return withLevels(table({ barriers: rows }), { barriers: ["Distance", "Fitness", "Cost"] });
}

describe("compareOptions", () => {
  it("matches R: Newcombe's paired interval (method 10) and binom.test on the discordant pairs", () => {
    // Reference values from R 4: binom.test(14, 44)$p.value, and Newcombe (1998) method 10 written out in R
    // as biostatUZH::confIntPairedProportion computes it (Wilson margins, phi = (ru - st - n/2)/sqrt(...) when
    // ru - st > n/2): difference 0.08, interval 0.0150196765 to 0.1441936457, p 0.0226288412.
    const c = compareOptions(sample(40, 30, 14, 116), "barriers", "Distance", "Fitness");
    expect(c.n).toBe(200);
    expect(c.shareA).toBeCloseTo(35, 10);
    expect(c.shareB).toBeCloseTo(27, 10);
    expect(c.difference).toBeCloseTo(8, 10);
    expect(c.lower).toBeCloseTo(1.50196765, 6);
    expect(c.upper).toBeCloseTo(14.41936457, 6);
    expect(c.p).toBeCloseTo(0.0226288412, 9);
    expect(c.status).toBe("shown");
    expect(c.text).toBe(
      "Distance 35.0% vs Fitness 27.0% (the same 200 respondents): difference +8.0 points (95% CI +1.5 to +14.4, Newcombe); exact McNemar test p = 0.023.",
    );
  });

  it("matches R when the correlation is negative (phi not corrected) and B leads", () => {
    // R: difference -0.35, interval -0.5788525335 to -0.0416149155; binom.test(2, 11) p = 0.0654296875.
    const c = compareOptions(sample(5, 2, 9, 4), "barriers", "Distance", "Fitness", { suppress: false });
    expect(c.difference).toBeCloseTo(-35, 10);
    expect(c.lower).toBeCloseTo(-57.88525335, 6);
    expect(c.upper).toBeCloseTo(-4.16149155, 6);
    expect(c.p).toBeCloseTo(0.0654296875, 9);
  });

  it("gives p = 1 and an interval around 0 when the two options are ticked equally often", () => {
    const c = compareOptions(sample(20, 10, 10, 60), "barriers", "Distance", "Fitness");
    expect(c.difference).toBe(0);
    expect(c.p).toBe(1);
    expect(c.lower).toBeLessThan(0);
    expect(c.upper).toBeGreaterThan(0);
  });

  it("withholds the interval and test when a discordant count is 1 to 4", () => {
    const c = compareOptions(sample(5, 2, 9, 4), "barriers", "Distance", "Fitness");
    expect(c.status).toBe("hidden");
    expect(c.text).toContain("interval and test not shown");
    expect(c.text).not.toMatch(/McNemar/);
  });

  it("names the closest option when one is misspelt", () => {
    expect(() => compareOptions(sample(1, 1, 1, 1), "barriers", "Distanse", "Fitness")).toThrow(
      /compareOptions: .*"Distanse".*did you mean "Distance"/,
    );
    expect(() => compareOptions(sample(1, 1, 1, 1), "barriers", "Cost", "Cost")).toThrow(
      /two different options/,
    );
  });
});

describe("compareOptions as a family row", () => {
  it("carries a label, the raw p and a detail line, so comparisons can be adjusted together", () => {
    const c = compareOptions(sample(40, 30, 14, 116), "barriers", "Distance", "Fitness");
    expect(c.label).toBe("Distance vs Fitness");
    expect(c.hidden).toBe(false);
    expect(c.detail).toBe("35.0% vs 27.0%: +8.0 points (95% CI +1.5 to +14.4); exact McNemar test");
    expect(compareOptions(sample(5, 2, 9, 4), "barriers", "Distance", "Fitness").hidden).toBe(true);
  });
});

describe("compareOptions wording", () => {
  it("prints a bound that rounds to zero as 0.0, not −0.0", () => {
    // 57 ticked only Distance, 38 only Fitness, of 300: the lower bound is -0.04 points.
    const c = compareOptions(sample(60, 57, 38, 145), "barriers", "Distance", "Fitness");
    expect(c.lower).toBeLessThan(0);
    expect(c.lower).toBeGreaterThan(-0.05);
    expect(c.text).toContain("(95% CI 0.0 to +");
  });
});
