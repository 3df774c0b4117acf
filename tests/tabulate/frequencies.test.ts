import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { frequencies } from "../../src/tabulate/index.js";
import { wilson } from "../../src/stats/index.js";
import { tableEqual } from "../helpers/table-equal.js";
import { rep, trained } from "./fixtures.js";

/** The single column of a one-way table's grids. */
const only = <T>(grid: T[][]): T[] => grid.map((row) => row[0]!);

describe("frequencies", () => {
  it("frequencies(table, col) counts in recorded level order, keeps empty levels and reports missing", () => {
    const f = frequencies(trained(), "trained", { suppress: false });
    expect(f.rowLevels).toEqual(["No", "Yes, before", "Yes, current", "Unsure"]);
    expect(only(f.counts)).toEqual([6, 10, 4, 0]);
    expect(f.base).toBe(20);
    expect(f.missing).toBe(2);
    // 6/20, 10/20, 4/20, 0/20
    expect(only(f.percents)).toEqual([30, 50, 20, 0]);
  });

  it("frequencies(records, col) accepts plain records and sorts distinct values when no levels are recorded", () => {
    const f = frequencies([{ a: "b" }, { a: "a" }, { a: null }, { a: "b" }, { a: undefined }], "a", {
      suppress: 0,
    });
    expect(f.rowLevels).toEqual(["a", "b"]);
    expect(only(f.counts)).toEqual([1, 2]);
    expect(f.missing).toBe(2);
  });

  it("frequencies treats NaN as missing and sorts numbers numerically", () => {
    const f = frequencies(table({ x: [10, 9, NaN, 10, 100] }), "x", { suppress: false });
    expect(f.rowLevels).toEqual(["9", "10", "100"]);
    expect(only(f.counts)).toEqual([1, 2, 1]);
    expect(f.missing).toBe(1);
  });

  it("frequencies counts null, undefined and NaN alike as missing, with or without recorded levels", () => {
    const values = [NaN, "b", null, "a", undefined, NaN, "b"];
    expect(frequencies(table({ q: values }), "q", { suppress: false }).missing).toBe(4);
    const f = frequencies(withLevels(table({ q: values }), { q: ["b", "a"] }), "q", { suppress: false });
    expect(only(f.counts)).toEqual([2, 1]);
    expect(f.missing).toBe(4);
  });

  it("frequencies handles columns with hundreds of distinct values (wide codes)", () => {
    const values = Array.from({ length: 600 }, (_, i) =>
      i % 300 === 7 ? null : `v${String(i % 300).padStart(3, "0")}`,
    );
    const f = frequencies(table({ q: values }), "q", { suppress: false });
    expect(f.rowLevels.length).toBe(299);
    expect(f.rowLevels[0]).toBe("v000");
    expect(only(f.counts).every((c) => c === 2)).toBe(true);
    expect(f.missing).toBe(2);
  });

  it("frequencies shows boolean flags as No/Yes, false first", () => {
    const f = frequencies(table({ flag: [true, false, true, null] }), "flag", { suppress: false });
    expect(f.rowLevels).toEqual(["No", "Yes"]);
    expect(only(f.counts)).toEqual([1, 2]);
    expect(f.missing).toBe(1);
  });

  it("frequencies with missing: 'level' tabulates a Missing level and percentages of everyone", () => {
    const f = frequencies(trained(), "trained", { missing: "level", suppress: false });
    expect(f.rowLevels).toEqual(["No", "Yes, before", "Yes, current", "Unsure", "Missing"]);
    expect(only(f.counts)).toEqual([6, 10, 4, 0, 2]);
    expect(f.missing).toBe(0);
    expect(f.percents[4]![0]).toBeCloseTo((100 * 2) / 22, 12);
  });

  it("frequencies sort: 'count' orders by descending count, ties in level order", () => {
    const f = frequencies(trained(), "trained", { sort: "count", suppress: false });
    expect(f.rowLevels).toEqual(["Yes, before", "No", "Yes, current", "Unsure"]);
  });

  it("frequencies intervals are Wilson intervals of count over the valid base", () => {
    const f = frequencies(trained(), "trained", { suppress: false });
    const w = wilson(10, 20);
    expect(f.intervals!.lower[1]![0]).toBeCloseTo(100 * w.lower, 12);
    expect(f.intervals!.upper[1]![0]).toBeCloseTo(100 * w.upper, 12);
    // Wilson upper bound for 0 of 20 by hand: z^2 / (n + z^2) = 3.841459 / 23.841459 = 0.161124
    expect(f.intervals!.lower[3]![0]).toBeCloseTo(0, 12);
    expect(f.intervals!.upper[3]![0]).toBeCloseTo(16.1124, 3);
  });

  it("frequencies of an all-missing column gives no levels, base 0 and every row missing", () => {
    const f = frequencies(table({ q: [null, null, null] }), "q");
    expect(f.rowLevels).toEqual([]);
    expect(f.base).toBe(0);
    expect(f.missing).toBe(3);
  });

  it("frequencies with no valid responses keeps recorded levels at zero with undefined percentages", () => {
    const t = withLevels(table({ q: [null, null] }), { q: ["Low", "High"] });
    const f = frequencies(t, "q");
    expect(only(f.counts)).toEqual([0, 0]);
    expect(only(f.percents)).toEqual([null, null]);
    expect(only(f.intervals!.lower)).toEqual([null, null]);
    expect(f.toString()).toContain("Missing");
  });

  it("frequencies of an empty table counts nothing", () => {
    const t = withLevels(table({ q: [] as string[] }), { q: ["A", "B"] });
    const f = frequencies(t, "q");
    expect(only(f.counts)).toEqual([0, 0]);
    expect(f.base).toBe(0);
    expect(f.missing).toBe(0);
  });

  it("frequencies counts only the rows of a filtered table", () => {
    const t = table({ g: rep(["a", 3], ["b", 3]), v: [1, 2, 3, 4, 5, 6] });
    const f = frequencies(
      t.filter((d: { v: number }) => d.v > 2),
      "g",
      { suppress: false },
    );
    expect(only(f.counts)).toEqual([1, 3]);
  });

  it("frequencies weights counts and keeps the unweighted base, zero weights allowed", () => {
    const t = table({ g: ["a", "a", "b", "b"], w: [0, 2, 1.5, 0.5] });
    const f = frequencies(t, "g", { weight: "w", suppress: false });
    expect(only(f.counts)).toEqual([2, 2]);
    expect(only(f.unweighted)).toEqual([2, 2]);
    expect(f.base).toBe(4);
    expect(only(f.percents)).toEqual([50, 50]);
  });

  it("frequencies rejects a negative weight naming the column, row and value", () => {
    const t = table({ g: ["a", "b"], w: [1, -2] });
    expect(() => frequencies(t, "g", { weight: "w" })).toThrow(
      'frequencies: weight column "w" has invalid weight -2 at row 1 (weights must be finite numbers >= 0)',
    );
    expect(() => frequencies(table({ g: ["a"], w: [NaN] }), "g", { weight: "w" })).toThrow(
      /invalid weight NaN at row 0/,
    );
  });

  it("frequencies rejects an unknown column and a value outside the recorded levels, naming both", () => {
    expect(() => frequencies(trained(), "nope")).toThrow('frequencies: no column "nope"; valid: "trained"');
    const t = withLevels(table({ q: ["A", "Z"] }), { q: ["A", "B"] });
    expect(() => frequencies(t, "q")).toThrow(
      'frequencies: column "q" has value "Z" that is not one of its recorded levels (A, B)',
    );
  });

  it("frequencies rejects a multi-select column and points to multiResponse", () => {
    expect(() => frequencies(table({ m: [["a"], null] }), "m")).toThrow(
      /column "m" holds multi-select answers.*multiResponse/,
    );
  });

  it("frequencies suppresses a small count and one complementary count (1 x k table)", () => {
    // counts 6, 10, 4, 0 with total 20: "4" alone could be recovered as 20 - 6 - 10 - 0, so the smallest
    // other non-zero count (6) is hidden too; the zero stays.
    const f = frequencies(trained(), "trained");
    expect(only(f.suppression.cells)).toEqual(["secondary", "shown", "primary", "shown"]);
    expect(only(f.counts)).toEqual([6, 10, 4, 0]); // raw numbers stay on the result
    tableEqual(
      f.toTable(),
      {
        row: ["No", "Yes, before", "Yes, current", "Unsure"],
        column: ["All", "All", "All", "All"],
        n: [null, 10, null, 0],
        n_unweighted: [null, 10, null, 0],
        base: [20, 20, 20, 20],
        percent: [null, 50, null, 0],
        ci_lower: [null, 100 * wilson(10, 20).lower, null, 0],
        ci_upper: [null, 100 * wilson(10, 20).upper, null, 100 * wilson(0, 20).upper],
        status: ["secondary", "shown", "primary", "shown"],
        suppressed: [true, false, true, false],
      },
      9,
    );
  });

  it("frequencies renders as aligned text with the suppression footnote", () => {
    const f = frequencies(trained(), "trained", { ci: false, notes: ["Synthetic data."] });
    expect(f.toString()).toBe(
      [
        "trained",
        "trained         n       %",
        "------------  ---  ------",
        "No            [c]",
        "Yes, before    10   50.0%",
        "Yes, current  [c]",
        "Unsure          0    0.0%",
        "------------  ---  ------",
        "Total          20  100.0%",
        "Missing         2",
        "",
        "Percentages of respondents who answered; missing answers are counted separately.",
        "Base n = 20.",
        'Disclosure control: counts of 1-4, and shares whose complement is 1-4, are hidden and shown as "[c]", as are further cells chosen so that none can be recovered by subtraction (one mark for all, so it does not say which); their percentages and intervals, and any test\'s statistic and p-value, are not shown.',
        "Synthetic data.",
      ].join("\n"),
    );
  });
});
