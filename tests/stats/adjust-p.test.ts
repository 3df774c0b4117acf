import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adjustFamily, adjustP } from "../../src/stats/adjust-p.js";

// Written by tests/stats/reference/make-survey-fixtures.R (R p.adjust on synthetic random p-values).
const { pAdjust } = JSON.parse(readFileSync(join(__dirname, "reference/survey-fixtures.json"), "utf8")) as {
  pAdjust: {
    p: (number | null)[];
    holm: (number | null)[];
    BH: (number | null)[];
    bonferroni: (number | null)[];
  }[];
};

describe("adjustP(ps, method) agrees with R p.adjust", () => {
  pAdjust.forEach((c, k) => {
    for (const method of ["holm", "BH", "bonferroni"] as const) {
      it(`case ${k} (m = ${c.p.length}${c.p.includes(null) ? ", with NA" : ""}): ${method} within 1e-12`, () => {
        const got = adjustP(c.p, method);
        got.forEach((v, i) => {
          const want = c[method][i]!;
          if (want === null) expect(v).toBeNull();
          else expect(Math.abs(v! - want)).toBeLessThan(1e-12);
        });
      });
    }
  });
  it("defaults to Holm and keeps the input order", () => {
    expect(adjustP([0.04, 0.01, 0.03])).toEqual([0.06, 0.03, 0.06]);
  });
  it("an empty family gives an empty result", () => {
    expect(adjustP([], "BH")).toEqual([]);
  });
  it("errors name the p-value and the method", () => {
    expect(() => adjustP([0.1, 1.5])).toThrow(/p-value 1 is 1.5/);
    expect(() => adjustP([0.1], "fdr" as "BH")).toThrow(/got fdr/);
  });
});

describe("adjustFamily(family, tests) adjusts and names the family", () => {
  it("adds adjustedP to each test and writes the footnote", () => {
    const f = adjustFamily("each option by group", [
      { option: "Walking", p: 0.01 },
      { option: "Gym", p: 0.04 },
      { option: "Swim", p: null },
    ]);
    expect(f.tests.map((t) => t.adjustedP)).toEqual([0.02, 0.04, null]);
    expect(f.tests[0]!.option).toBe("Walking");
    expect(f.size).toBe(2);
    expect(f.note).toBe("p-values Holm-adjusted across the 2 tests of each option by group.");
    expect(adjustFamily("x", [{ p: 0.5 }], "BH").note).toMatch(/Benjamini-Hochberg/);
  });
  it("refuses an unnamed family", () => {
    expect(() => adjustFamily(" ", [{ p: 0.1 }])).toThrow(/name the family/);
  });
});
