import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { adjustP } from "../../src/stats/adjust-p.js";
import { surveyLogisticWald } from "../../src/stats/survey-logistic.js";
import { weightedStratified } from "../../src/strata/weighted-stratified.js";
import { weightedStrataFixtures, type WeightedStrataFixture } from "./reference/weighted-strata.js";

// Reference values from R (regTermTest(svyglm(...)) and svychisq) on synthetic weighted data:
// tests/strata/reference/make-weighted-strata.R writes tests/strata/reference/weighted-strata.json.
type Fixture = WeightedStrataFixture;
const fixtures = weightedStrataFixtures;

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

function tableOf(f: Fixture, strata: string[] = f.s) {
  return table({ y: f.y, by: f.by, s: strata, w: f.w });
}
const holm = (ps: number[]) => adjustP(ps, "holm");

describe("weightedStratified: per-stratum Rao-Scott tests, their Holm family and the pooled test", () => {
  for (const f of fixtures)
    it(`${f.name}: matches R without suppression`, () => {
      const r = weightedStratified(tableOf(f), "by", "y", "s", "w", { suppress: false });
      expect(r.tables.map((t) => t.stratum)).toEqual(f.strata);
      r.tables.forEach((t, k) =>
        expect(Math.abs(t.test!.p - f.stratumP[k]!) / f.stratumP[k]!).toBeLessThan(1e-6),
      );
      expect(r.tables.map((t) => t.adjustedP)).toEqual(holm(r.tables.map((t) => t.test!.p)));
      expect(r.familyNote).toBe(
        `p-values Holm-adjusted across the ${f.strata.length} tests of by vs y within each s.`,
      );
      expect(Math.abs(r.pooled!.statistic - f.F) / f.F).toBeLessThan(1e-8);
      expect(Math.abs(r.pooled!.p - f.p) / f.p).toBeLessThan(1e-6);
      expect(r.pooled!.strataUsed).toEqual(f.strata);
    });

  it("suppresses each stratum on its unweighted counts and pools hidden strata only combined", () => {
    // Threshold 15 on "n400 by2 K5" hides S2-S4 (their combined table is publishable). The pooled test must
    // equal the test on data where those strata carry one shared label (what a reader could derive anyway).
    const f = fixtures.find((x) => x.name === "n400 by2 K5")!;
    const r = weightedStratified(tableOf(f), "by", "y", "s", "w", { suppress: 15 });
    expect(r.tables.filter((t) => t.hidden).map((t) => t.stratum)).toEqual(["S2", "S3", "S4"]);
    for (const t of r.tables)
      t.status.forEach((row, i) =>
        row.forEach((s, j) => {
          if (t.counts[i]![j]! > 0 && t.counts[i]![j]! < 15) expect(s).not.toBe("shown");
        }),
      );
    expect(r.pooled!.strataUsed).toEqual(["S1", "S5"]);
    expect(r.pooled!.merged).toEqual(["S2", "S3", "S4"]);
    const relabelled = f.s.map((s) => (["S2", "S3", "S4"].includes(s) ? "S2+" : s));
    const plain = weightedStratified(tableOf(f, relabelled), "by", "y", "s", "w", { suppress: false });
    expect(r.pooled!.statistic).toBeCloseTo(plain.pooled!.statistic, 10);
    expect(r.pooled!.p).toBe(plain.pooled!.p);
  });

  it("leaves a lone hidden stratum out of the pooled test", () => {
    // Threshold 10 on "n600 by3 K5" hides only S5, whose table alone is not publishable.
    const f = fixtures.find((x) => x.name === "n600 by3 K5")!;
    const r = weightedStratified(tableOf(f), "by", "y", "s", "w", { suppress: 10 });
    expect(r.pooled!.leftOut).toEqual(["S5"]);
    const keep = f.s.map((s) => s !== "S5");
    const pick = <T>(v: T[]) => v.filter((_, i) => keep[i]);
    const without = table({ y: pick(f.y), by: pick(f.by), s: pick(f.s), w: pick(f.w) });
    const plain = weightedStratified(without, "by", "y", "s", "w", { suppress: false });
    expect(r.pooled!.p).toBe(plain.pooled!.p);
    expect(r.pooled!.ddf).toBe(plain.pooled!.ddf);
  });

  it("refuses a pooled test for an outcome with more than two levels, naming what to do", () => {
    const f = fixtures[1]!;
    const t = table({ y: f.by, by: f.y, s: f.s, w: f.w });
    expect(() => weightedStratified(t, "by", "y", "s", "w")).toThrow(
      'the pooled weighted test needs a two-level outcome and "y" has 3 (A, B, C); collapse "y" to two levels, or keep only the per-stratum Rao-Scott tests with { pooled: false }',
    );
    const only = weightedStratified(t, "by", "y", "s", "w", { pooled: false, suppress: false });
    expect(only.pooled).toBeNull();
    expect(only.tables.every((s) => s.test !== null)).toBe(true);
  });

  it("names the row and value of an invalid weight", () => {
    const f = fixtures[0]!;
    const w = [...f.w];
    w[3] = -1;
    expect(() => weightedStratified(table({ y: f.y, by: f.by, s: f.s, w }), "by", "y", "s", "w")).toThrow(
      'weight column "w" has invalid weight -1 at row 3',
    );
  });
});
