import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { numericSummary } from "../../src/numeric/numeric-summary.js";

// Invented values. numpy.percentile([1, 2, 3, 4, 10, 12], [25, 50, 75]) (linear, R type 7) = 2.25, 3.5, 8.5.
const t = table({
  area: ["A", "A", "A", "A", "A", "A", "A", "B", "B", "C", "C", "C", "C", "C", "C"],
  minutes: [1, 2, 3, 4, 10, 12, null, 5, 6, 20, 30, 40, 50, 60, NaN],
});

describe("numericSummary(table, column, { by })", () => {
  it("n, missing, mean, median and type-7 quartiles per group; small groups hidden with a complement", () => {
    const s = numericSummary(t, "minutes", { by: "area" });
    const [a, b, c] = s.groups;
    expect(a).toMatchObject({
      group: "A",
      n: 6,
      missing: 1,
      median: 3.5,
      q1: 2.25,
      q3: 8.5,
      status: "shown",
    });
    expect(a!.mean).toBeCloseTo(32 / 6, 12);
    expect(b).toMatchObject({ n: 2, status: "primary", mean: null, median: null });
    // With B hidden, the overall n would reveal it by subtraction: one more group is hidden.
    expect([a!.status, c!.status].filter((x) => x === "secondary")).toHaveLength(1);
    expect(s.all).toMatchObject({ n: 13, missing: 2 });
  });
  it("without suppression every group is shown; without by, one group", () => {
    expect(numericSummary(t, "minutes", { by: "area", suppress: false }).groups[1]).toMatchObject({
      mean: 5.5,
      median: 5.5,
    });
    expect(numericSummary(t, "minutes").groups).toHaveLength(1);
  });
  it("errors name the column, row and value", () => {
    expect(() => numericSummary(table({ m: [1, "2 hrs"] }), "m")).toThrow(
      'numericSummary: column "m" has "2 hrs" at row 1',
    );
    expect(() => numericSummary(t, "mins")).toThrow('numericSummary: no column "mins"');
  });
});
