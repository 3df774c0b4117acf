import { describe, expect, it } from "vitest";
import { chiSquareTest } from "../../src/stats/index.js";

// Reference values: statistics are exact rationals (tests/stats/reference/derive.py, fractions), p-values the
// regularized upper incomplete gamma at 40 digits (mpmath); printed in derive.out. Published values are
// also checked at their printed precision.
const rel = (actual: number, expected: number, tol = 1e-9) =>
  expect(Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300)).toBeLessThan(tol);

describe("chiSquareTest", () => {
  it("chiSquareTest matches R's chisq.test documentation example (M, party by gender)", () => {
    // R: X-squared = 30.07, df = 2, p-value = 2.954e-07. Exact statistic 3668733438511 / 122005828000.
    // With df = 2 the upper tail is exp(-x/2) exactly.
    const r = chiSquareTest([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    rel(r.statistic, 3668733438511 / 122005828000);
    expect(r.df).toBe(2);
    rel(r.p, 2.953589183211758e-7);
    rel(r.p, Math.exp(-r.statistic / 2));
    expect(r.p.toPrecision(4)).toBe("2.954e-7");
    // expected = row total * column total / n, e.g. 1557 * 1246 / 2757
    rel(r.expected[0]![0]!, (1557 * 1246) / 2757);
  });

  it("chiSquareTest matches scipy's chi2_contingency documentation example (2 x 3, no correction at df 2)", () => {
    // scipy docs: statistic 2.7777777777777777, pvalue 0.2493522087772962, dof 2, expected [[12,12,16],[18,18,24]]
    const r = chiSquareTest([
      [10, 10, 20],
      [20, 20, 20],
    ]);
    rel(r.statistic, 25 / 9);
    rel(r.p, 0.2493522087772962);
    expect(r.df).toBe(2);
    expect(r.expected.map((row) => row.map((e) => Math.round(e * 1e9) / 1e9))).toEqual([
      [12, 12, 16],
      [18, 18, 24],
    ]);
  });

  it("chiSquareTest applies Yates' correction at df = 1 as scipy does (2 x 2 [[10, 20], [30, 40]])", () => {
    // E = [[12, 18], [28, 42]], |O - E| = 2 -> 1.5; 2.25 (1/12 + 1/18 + 1/28 + 1/42) = 25/56.
    const r = chiSquareTest([
      [10, 20],
      [30, 40],
    ]);
    rel(r.statistic, 25 / 56);
    expect(r.df).toBe(1);
    rel(r.p, 0.5040358664525048);
  });

  it("chiSquareTest({ correction: false }) gives Pearson's statistic (4 (1/12 + 1/18 + 1/28 + 1/42) = 50/63)", () => {
    const r = chiSquareTest(
      [
        [10, 20],
        [30, 40],
      ],
      { correction: false },
    );
    rel(r.statistic, 50 / 63);
    rel(r.p, 0.37299848361348714);
  });

  it("chiSquareTest matches scipy's aspirin example (Yates, large n)", () => {
    // scipy docs (Physicians' Health Study): statistic 6.892569132546561, pvalue 0.008655478161175739
    const r = chiSquareTest([
      [176, 230],
      [21035, 21018],
    ]);
    rel(r.statistic, 6.892569132546568);
    rel(r.p, 0.008655478161175697);
  });

  it("chiSquareTest caps the Yates adjustment at |O - E| (scipy's min(0.5, |O - E|)), giving 0 and p = 1", () => {
    // E[0][0] = 10 * 10 / 21 = 4.76; |O - E| = 0.238 < 0.5, so every corrected cell equals its expectation.
    const r = chiSquareTest([
      [5, 5],
      [5, 6],
    ]);
    expect(r.statistic).toBe(0);
    expect(r.p).toBe(1);
  });

  it("chiSquareTest keeps tiny p-values that 1 - cdf would lose", () => {
    // df = 2: statistic 600 exactly, p = exp(-300) = 5.148200222412013e-131
    rel(
      chiSquareTest([
        [300, 0, 100],
        [0, 300, 100],
      ]).p,
      5.148200222412013e-131,
    );
    // df = 1 without correction: statistic 2834708225 / 3056669, p = erfc(sqrt(x / 2)) = 1.0934594119502999e-203
    const r = chiSquareTest(
      [
        [520, 10],
        [15, 480],
      ],
      { correction: false },
    );
    rel(r.statistic, 2834708225 / 3056669);
    rel(r.p, 1.0934594119502999e-203, 1e-8);
  });

  it("chiSquareTest leaves out a level with no answers (all-zero row/column) and reports its expected counts as 0", () => {
    const r = chiSquareTest([
      [10, 0, 10, 20],
      [0, 0, 0, 0],
      [20, 0, 20, 20],
    ]);
    rel(r.statistic, 25 / 9);
    expect(r.df).toBe(2);
    rel(r.p, 0.2493522087772962);
    expect(r.expected[1]).toEqual([0, 0, 0, 0]);
    expect(r.expected.map((row) => row[1])).toEqual([0, 0, 0]);
  });

  it("chiSquareTest on a 1 x k table has df 0, statistic 0 and p = 1, as scipy", () => {
    const r = chiSquareTest([[3, 4, 5]]);
    expect(r).toMatchObject({ statistic: 0, df: 0, p: 1 });
    expect(r.expected).toEqual([[3, 4, 5]]);
  });

  it("chiSquareTest accepts weighted (non-integer) counts, as scipy", () => {
    // Every cell doubled then halved: same proportions, half the statistic of [[10,10,20],[20,20,20]] at n/2.
    const r = chiSquareTest([
      [5, 5, 10],
      [10, 10, 10],
    ]);
    rel(r.statistic, 25 / 18);
  });

  it("chiSquareTest rejects a table with no valid responses", () => {
    expect(() =>
      chiSquareTest([
        [0, 0],
        [0, 0],
      ]),
    ).toThrow("chiSquareTest: the table has no counts (every cell is 0)");
    expect(() => chiSquareTest([])).toThrow("chiSquareTest: counts must be a non-empty array of rows");
  });

  it("chiSquareTest rejects missing, negative and ragged cells, naming the cell", () => {
    expect(() =>
      chiSquareTest([
        [1, null as unknown as number],
        [2, 3],
      ]),
    ).toThrow("chiSquareTest: counts[0][1] is null");
    expect(() =>
      chiSquareTest([
        [1, 2],
        [NaN, 3],
      ]),
    ).toThrow("chiSquareTest: counts[1][0] is NaN");
    expect(() =>
      chiSquareTest([
        [1, 2],
        [-1, 3],
      ]),
    ).toThrow("chiSquareTest: counts[1][0] is -1");
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(
      "chiSquareTest: counts[1] must be an array of 2 numbers",
    );
  });
});
