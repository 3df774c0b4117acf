import { readFileSync } from "node:fs";
import { join } from "node:path";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { kishDesignEffect, kishEffectiveN, postStratify, rake, trimWeights } from "../../src/weight/index.js";

// Reference weights: R's survey package (postStratify, rake, trimWeights) on an invented seeded sample,
// written by tests/weight/reference/weights.R.
const ref = JSON.parse(
  readFileSync(join(process.cwd(), "tests", "weight", "reference", "weights.json"), "utf8"),
) as {
  data: { area: string[]; trained: string[]; band: string[]; w0: number[] };
  postStratify: number[];
  postStratifyWeighted: number[];
  rake2: number[];
  rake3Weighted: number[];
  rake3WeightedTrimmed_1_3: number[];
};
const sample = () => table(ref.data);
const area = { Cheshire: 30, Cumbria: 25, Lancashire: 60, Merseyside: 45 };
const trained = { No: 120, Yes: 40 };
const band = { Inactive: 40, "Fairly active": 56, Active: 64 };
const same = (actual: readonly number[], expected: readonly number[], tol = 1e-9) => {
  expect(actual.length).toBe(expected.length);
  const worst = Math.max(...actual.map((a, i) => Math.abs(a - expected[i]!) / expected[i]!));
  expect(worst).toBeLessThan(tol);
};

describe("postStratify(table, column, targets) matches R's survey::postStratify", () => {
  it("to population counts, unweighted start", () => {
    const r = postStratify(sample(), "area", area);
    same(r.weights, ref.postStratify);
    expect(r.table.array("weight")).toEqual(r.weights);
    expect(r.converged).toBe(true);
    expect(r.maxError).toBeLessThan(1e-9);
    expect(r.margins.find((m) => m.level === "Cumbria")).toMatchObject({
      column: "area",
      sample: 18,
      target: 25,
    });
  });
  it("from starting weights (a weight column)", () => {
    same(postStratify(sample(), "area", area, { weight: "w0" }).weights, ref.postStratifyWeighted);
  });
  it("to shares: the same weights scaled to the given total (default the sample n)", () => {
    const shares = { Cheshire: 30 / 160, Cumbria: 25 / 160, Lancashire: 60 / 160, Merseyside: 45 / 160 };
    const scaled = postStratify(sample(), "area", shares, { total: 160 });
    same(scaled.weights, ref.postStratify);
    const ownN = postStratify(sample(), "area", shares);
    expect(ownN.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(80, 9);
  });
});

describe("rake(table, margins) matches R's survey::rake", () => {
  it("two margins, unweighted start; reports convergence", () => {
    const r = rake(sample(), { area, trained });
    same(r.weights, ref.rake2, 1e-9);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeGreaterThan(1);
    expect(r.maxError).toBeLessThan(160 * 1e-10);
  });
  it("three margins from starting weights", () => {
    same(rake(sample(), { area, trained, band }, { weight: "w0" }).weights, ref.rake3Weighted, 1e-9);
  });
  it("with trimming to [1, 3] as trimWeights(strict = TRUE); margins then met only approximately", () => {
    const r = rake(sample(), { area, trained, band }, { weight: "w0", trim: { lower: 1, upper: 3 } });
    same(r.weights, ref.rake3WeightedTrimmed_1_3, 1e-9);
    expect(r.trimmed).toBeGreaterThan(0);
    expect(r.range.min).toBeGreaterThanOrEqual(1 - 1e-12);
    expect(r.range.max).toBeLessThanOrEqual(3 + 1e-12);
    expect(r.maxError).toBeGreaterThan(0.01);
  });
  it("says when it has not converged within maxIterations", () => {
    const r = rake(sample(), { area, trained, band }, { weight: "w0", maxIterations: 1 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(1);
    expect(r.maxError).toBeGreaterThan(1e-6);
  });
  it("reports Kish's design effect and effective n of the weights it made", () => {
    const r = rake(sample(), { area, trained });
    expect(r.designEffect).toBeCloseTo(kishDesignEffect(ref.rake2), 10);
    expect(r.effectiveN).toBeCloseTo(80 / r.designEffect, 10);
    expect(r.designEffect).toBeGreaterThan(1);
  });
});

describe("weighting defences name the column and the value", () => {
  it("a level without a target, a target without respondents, a missing value, a clash of totals", () => {
    expect(() => postStratify(sample(), "area", { Cheshire: 1, Cumbria: 1, Lancashire: 1 })).toThrow(
      'postStratify: column "area" has "Merseyside" at row',
    );
    expect(() => postStratify(sample(), "area", { ...area, Cheshire_typo: 3 })).toThrow(
      'postStratify: column "area" has no respondents in "Cheshire_typo"',
    );
    expect(() => postStratify(table({ a: ["x", null] }), "a", { x: 1 })).toThrow(
      'postStratify: column "a" is missing at row 1',
    );
    expect(() => rake(sample(), { area, trained: { No: 100, Yes: 40 } })).toThrow(
      'rake: the targets of "trained" sum to 140 but those of "area" to 160',
    );
    expect(() => postStratify(sample(), "nope", area)).toThrow('postStratify: no column "nope" in the table');
    expect(() => postStratify(sample(), "area", area, { name: "area" })).toThrow(
      'postStratify: the table already has a column "area"',
    );
    expect(() => postStratify(sample(), "area", area, { weight: "area" })).toThrow(
      'postStratify: starting weight column "area" has "Cumbria" at row 0; weights must be finite numbers > 0',
    );
  });
  it("filtered tables are weighted on their rows only", () => {
    const t = sample().filter((d: { area: string }) => d.area !== "Cheshire");
    const r = postStratify(t, "area", { Cumbria: 1, Lancashire: 2, Merseyside: 1 }, { as: "counts" });
    expect(r.table.numRows()).toBe(80 - 13);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(4, 12);
  });
});

describe("trimWeights and Kish", () => {
  it("trimWeights spreads the trimmed amount over the untrimmed weights and keeps the total", () => {
    const w = new Float64Array([0.5, 1, 1, 3.5]);
    expect(trimWeights(w, { lower: 0.8, upper: 2 })).toBe(2);
    expect(Array.from(w).map((v) => +v.toFixed(12))).toEqual([0.8, 1.6, 1.6, 2]);
    expect(() => trimWeights(new Float64Array([1, 5]), { upper: 2 })).toThrow(
      "trimWeights: 2 weights summing to 6 cannot all lie in [-Infinity, 2]",
    );
  });
  it("kishDesignEffect is 1 for equal weights and n sum(w^2)/(sum w)^2 otherwise", () => {
    expect(kishDesignEffect([2, 2, 2])).toBe(1);
    expect(kishDesignEffect([1, 1, 2, 2])).toBeCloseTo(40 / 36, 14);
    expect(kishEffectiveN([1, 1, 2, 2])).toBeCloseTo(3.6, 14);
    expect(kishDesignEffect([])).toBeNaN();
  });
});
