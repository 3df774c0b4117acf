import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { raoScottFromCells, raoScottTest } from "../../src/stats/rao-scott.js";
import { surveyShare } from "../../src/stats/survey-share.js";

interface RaoCase {
  name: string;
  rowCodes: number[];
  colCodes: number[];
  weights: number[];
  pearson: number;
  F: number;
  ndf: number;
  ddf: number;
  pF: number;
  pChisq: number;
  df: number;
}
interface ShareCase {
  name: string;
  y: number[];
  weights: number[];
  inDomain: number[];
  estimate: number;
  df: number;
  xlogit: [number, number];
  logit: [number, number];
}
// Written by tests/stats/reference/make-survey-fixtures.R (R survey package; synthetic random tables).
const fixtures = JSON.parse(readFileSync(join(__dirname, "reference/survey-fixtures.json"), "utf8")) as {
  raoScott: RaoCase[];
  svyciprop: ShareCase[];
};

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("raoScottTest(rowCodes, colCodes, weights) agrees with R svychisq", () => {
  for (const c of fixtures.raoScott) {
    it(`${c.name}: second-order F (svychisq default) p within 1e-6 relative`, () => {
      const t = raoScottTest(c.rowCodes, c.colCodes, c.weights);
      expect(rel(t.pearson, c.pearson)).toBeLessThan(1e-9);
      expect(rel(t.value, c.F)).toBeLessThan(1e-8);
      expect(rel(t.df[0]!, c.ndf)).toBeLessThan(1e-8);
      expect(rel(t.df[1]!, c.ddf)).toBeLessThan(1e-8);
      expect(rel(t.p, c.pF)).toBeLessThan(1e-6);
      expect(t.method).toMatch(/^Rao-Scott F \(second-order\), mean design effect \d+\.\d\d$/);
    });
    it(`${c.name}: first-order chi-square (statistic = "Chisq") p within 1e-6 relative`, () => {
      const t = raoScottTest(c.rowCodes, c.colCodes, c.weights, { statistic: "Chisq" });
      expect(t.df).toEqual([c.df]);
      expect(rel(t.p, c.pChisq)).toBeLessThan(1e-6);
      expect(t.method).toMatch(/^Rao-Scott chi-square \(first-order\), mean design effect/);
    });
  }

  it("with equal weights the design effect is about 1 and F is X^2 / df", () => {
    const rows = [0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0];
    const cols = [0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0];
    const t = raoScottTest(
      rows,
      cols,
      rows.map(() => 2),
    );
    // Under equal weights V = n/(n-1) * Vsrs exactly, so every design effect is n/(n-1).
    expect(t.designEffect).toBeCloseTo(12 / 11, 12);
  });

  it("leaves out levels nobody chose, as svychisq counts only levels present", () => {
    const c = fixtures.raoScott[2]!;
    const shifted = raoScottTest(
      c.rowCodes.map((r) => (r === 0 ? 0 : r + 1)),
      c.colCodes,
      c.weights,
    );
    expect(shifted.rows).toBe(3);
    expect(rel(shifted.p, c.pF)).toBeLessThan(1e-6);
  });

  it("errors name the respondent and value", () => {
    expect(() => raoScottTest([0, 1], [0, 1, 1], [1, 1, 1])).toThrow(/lengths 2, 3 and 3/);
    expect(() => raoScottTest([0, -1], [0, 1], [1, 1])).toThrow(/rowCodes\[1\] is -1/);
    expect(() => raoScottTest([0, 1], [0, 1], [1, NaN])).toThrow(/weights\[1\] is NaN/);
    expect(() => raoScottTest([0, 0, 0], [0, 1, 1], [1, 1, 1])).toThrow(
      /at least 2 rows and 2 columns.*1 x 2/,
    );
    expect(() => raoScottTest([0, 1], [0, 1], [1, 1], { statistic: "Wald" as "F" })).toThrow(
      /"F" or "Chisq", got Wald/,
    );
  });

  it("raoScottFromCells gives the same answer from a cross-tab's cell sums", () => {
    const c = fixtures.raoScott[0]!;
    const sums = [
      [0, 0],
      [0, 0],
    ];
    const squares = [
      [0, 0],
      [0, 0],
    ];
    c.rowCodes.forEach((r, i) => {
      sums[r]![c.colCodes[i]!]! += c.weights[i]!;
      squares[r]![c.colCodes[i]!]! += c.weights[i]! ** 2;
    });
    expect(rel(raoScottFromCells({ sums, squares, n: c.rowCodes.length }).p, c.pF)).toBeLessThan(1e-6);
  });
});

describe("surveyShare(y, weights) agrees with R svyciprop", () => {
  for (const c of fixtures.svyciprop) {
    it(`${c.name}: xlogit interval within 1e-6 (logit method within 1e-6 too)`, () => {
      const s = surveyShare(c.y, c.weights, { domain: c.inDomain });
      expect(s.df).toBe(c.df);
      expect(rel(s.estimate, c.estimate)).toBeLessThan(1e-12);
      expect(Math.abs(s.lower - c.xlogit[0])).toBeLessThan(1e-9);
      expect(Math.abs(s.upper - c.xlogit[1])).toBeLessThan(1e-9);
      expect(Math.abs(s.lower - c.logit[0])).toBeLessThan(1e-6);
      expect(Math.abs(s.upper - c.logit[1])).toBeLessThan(1e-6);
    });
  }
  it("a share of 0 or 1 has no logit interval (NaN, as R)", () => {
    const s = surveyShare([0, 0, 0], [1, 2, 3]);
    expect(s.estimate).toBe(0);
    expect(s.lower).toBeNaN();
  });
  it("errors name the respondent and value", () => {
    expect(() => surveyShare([1, 2], [1, 1])).toThrow(/y\[1\] is 2/);
    expect(() => surveyShare([1, 0], [1, -1])).toThrow(/weights\[1\] is -1/);
    expect(() => surveyShare([1, 0], [1, 1], { level: 95 })).toThrow(/level is 95/);
  });
});
