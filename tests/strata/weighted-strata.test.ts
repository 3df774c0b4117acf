import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { surveyLogisticWald } from "../../src/stats/survey-logistic.js";

// Reference values from R (regTermTest(svyglm(...)) and svychisq) on synthetic weighted data:
// tests/strata/reference/make-weighted-strata.R writes tests/strata/reference/weighted-strata.json.
interface Fixture {
  name: string;
  y: string[];
  by: string[];
  s: string[];
  w: number[];
  F: number;
  df: number;
  ddf: number;
  p: number;
  coef: number[];
  vcov: number[];
  strata: string[];
  stratumP: number[];
}
const fixtures = JSON.parse(
  readFileSync(new URL("./reference/weighted-strata.json", import.meta.url), "utf8"),
) as Fixture[];

/** R's treatment coding of y ~ s + by: intercept, strata after the first, groups after the first. */
function design(f: Fixture) {
  const S = [...new Set(f.s)].sort();
  const B = [...new Set(f.by)].sort();
  const x = f.s.map((s, i) => [
    1,
    ...S.slice(1).map((l) => (l === s ? 1 : 0)),
    ...B.slice(1).map((l) => (l === f.by[i] ? 1 : 0)),
  ]);
  const tested = B.slice(1).map((_, j) => S.length + j);
  return { x, y: f.y.map((v) => (v === "Yes" ? 1 : 0)), tested };
}

describe("surveyLogisticWald matches R's regTermTest(svyglm(..., quasibinomial()), ~by)", () => {
  for (const f of fixtures)
    it(f.name, () => {
      const { x, y, tested } = design(f);
      const t = surveyLogisticWald(x, y, f.w, tested);
      expect(t.df).toBe(f.df);
      expect(t.ddf).toBe(f.ddf);
      expect(Math.abs(t.statistic - f.F) / f.F).toBeLessThan(1e-8);
      expect(Math.abs(t.p - f.p) / f.p).toBeLessThan(1e-6);
      t.coefficients.forEach((b, j) => expect(b).toBeCloseTo(f.coef[j]!, 9));
      const p = f.coef.length;
      t.covariance.forEach((row, a) => row.forEach((v, b) => expect(v).toBeCloseTo(f.vcov[b * p + a]!, 10)));
    });

  it("names the respondent when an outcome is not 0 or 1", () => {
    expect(() => surveyLogisticWald([[1], [1], [1]], [0, 2, 1], [1, 1, 1], [0])).toThrow(
      "surveyLogisticWald: y[1] is 2; the outcome must be 0 or 1",
    );
  });
});
