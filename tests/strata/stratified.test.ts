import { describe, expect, it } from "vitest";
import { mantelHaenszel } from "../../src/stats/mantel-haenszel.js";
import { stratified } from "../../src/strata/stratified.js";
import { strataSample } from "../fixtures/strata-sample.js";

// Invented respondents from counts per stratum, plus one without an area (counted as missing).
const fromCounts = (strata: Record<string, number[][]>) => strataSample(strata, { unassigned: true });
// R: mantelhaen.test on these three strata: X-squared = 6.476680691140511, p = 0.010929890944872504,
// common OR 2.5193572782077012 (tests/stats/reference/mantelhaen.json, "invented 2x2x3").
const three = {
  A: [
    [12, 30],
    [4, 23],
  ],
  B: [
    [9, 14],
    [6, 20],
  ],
  C: [
    [15, 22],
    [7, 31],
  ],
};
// The same with no small count in A, so all three are shown in full under the default threshold.
const shown = {
  ...three,
  A: [
    [12, 30],
    [6, 23],
  ],
};

// Two strata small enough to be hidden under the default threshold.
const D = [
  [3, 6],
  [5, 8],
];
const E = [
  [6, 2],
  [4, 9],
];

describe("stratified(table, row, col, strata)", () => {
  it("without disclosure control: one table per stratum and the pooled test as R's mantelhaen.test", () => {
    const s = stratified(fromCounts(three), "trained", "knows", "area", { suppress: false });
    expect(s.tables.map((t) => t.counts)).toEqual(Object.values(three));
    expect(s.missing).toBe(1);
    expect(s.pooled!.p).toBeCloseTo(0.010929890944872504, 12);
    expect(s.pooled!.form === "2x2xK" && s.pooled!.oddsRatio).toBeCloseTo(2.5193572782077012, 12);
    expect(s.pooled!.strataUsed).toEqual(["A", "B", "C"]);
  });
  it("shown strata enter alone; two hidden strata enter combined when their sum is publishable", () => {
    const data = {
      ...shown,
      D,
      E,
    };
    const s = stratified(fromCounts(data), "trained", "knows", "area");
    expect(s.tables.filter((t) => t.hidden).map((t) => t.stratum)).toEqual(["D", "E"]);
    expect(s.pooled!.merged).toEqual(["D", "E"]);
    const combined = [
      [9, 8],
      [9, 17],
    ];
    const expected = mantelHaenszel([...Object.values(shown), combined]);
    expect(s.pooled!.statistic).toBeCloseTo(expected.statistic, 12);
    expect(s.reason).toContain("2 hidden strata combined into one (D, E)");
  });
  it("a single hidden stratum (its combined table is itself) is left out, so no number of it is used", () => {
    const s = stratified(
      fromCounts({
        ...shown,
        D,
      }),
      "trained",
      "knows",
      "area",
    );
    expect(s.pooled!.leftOut).toEqual(["D"]);
    expect(s.pooled!.statistic).toBeCloseTo(mantelHaenszel(Object.values(shown)).statistic, 12);
  });
  it("no pooled test when every stratum is hidden", () => {
    const s = stratified(
      fromCounts({
        D,
      }),
      "trained",
      "knows",
      "area",
    );
    expect(s.pooled).toBeNull();
    expect(s.reason).toContain("every stratum is hidden");
  });
  it("names an unknown column", () => {
    expect(() => stratified(fromCounts(three), "trained", "knows", "region")).toThrow(
      'stratified: no column "region" in the table',
    );
  });
});

describe("stratifiedDisplay(result)", () => {
  it("stacks the strata, marks suppressed cells and states the pooled test and the hidden-strata rule", async () => {
    const { stratifiedDisplay } = await import("../../src/strata/stratified.js");
    const s = stratified(
      fromCounts({
        ...shown,
        D,
      }),
      "trained",
      "knows",
      "area",
    );
    const d = stratifiedDisplay(s);
    expect(d.body[0]).toEqual(["A · Yes", "12", "30", "42"]);
    const dYes = d.body.find((r) => r[0] === "D · Yes")!;
    expect(dYes[1]).toBe("[c]");
    expect(dYes[3]).toBe("–");
    expect(d.notes.join(" ")).toContain("left out: D");
    // A stratum hides cells, so the pooled test keeps its verdict and hides its numbers (the rule for every test).
    expect(d.notes.join(" ")).toContain(
      "statistic and p-value hidden because stratum tables hide small cells",
    );
    expect(d.notes.join(" ")).not.toContain("common odds ratio");
  });
});
