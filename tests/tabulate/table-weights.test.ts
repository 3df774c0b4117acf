import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { tableWeights } from "../../src/tabulate/weights.js";

describe("tableWeights(table, weight, fn)", () => {
  const t = table({ q: ["a", "b", "c"], w: [0.5, 0, 2.25], bad: [1, -1, 2], text: ["1", "2", "3"] });
  it("returns null when no weight column is named (the unweighted path)", () => {
    expect(tableWeights(t, undefined, "coOccurrence")).toBeNull();
    expect(tableWeights(t, "", "coOccurrence")).toBeNull();
  });
  it("returns the column's weights as a Float64Array, zero weights allowed", () => {
    const w = tableWeights(t, "w", "numericSummary");
    expect(w).toBeInstanceOf(Float64Array);
    expect(Array.from(w!)).toEqual([0.5, 0, 2.25]);
  });
  it("names the function, the column, the row and the value of an invalid weight", () => {
    expect(() => tableWeights(t, "bad", "coOccurrence")).toThrow(
      /^coOccurrence: weight column "bad" has invalid weight -1 at row 1 \(weights must be finite numbers >= 0\)$/,
    );
    expect(() => tableWeights(t, "text", "numericSummary")).toThrow(
      /numericSummary: weight column "text" has invalid weight "1" at row 0/,
    );
  });
});
