import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { likertSummary } from "../../src/tabulate/index.js";

const scale = ["Not at all", "Slightly", "Moderately", "Quite", "Extremely"];
const grid = () =>
  withLevels(
    table({
      conf__a: ["Extremely", "Quite", "Quite", "Moderately", null, "Slightly"],
      conf__b: [null, null, null, null, null, null],
      other: [1, 2, 3, 4, 5, 6],
    }),
    { conf__a: scale, conf__b: scale },
  );

describe("likertSummary", () => {
  it("likertSummary(table, question) picks the grid's item columns and keeps empty levels", () => {
    const l = likertSummary(grid(), "conf", { suppress: false });
    expect(l.items).toEqual(["conf__a", "conf__b"]);
    expect(l.colLevels).toEqual(scale);
    expect(l.counts[0]).toEqual([0, 1, 1, 2, 1]);
    expect(l.rowBases).toEqual([5, 0]);
    expect(l.bases[0]).toEqual([5, 5, 5, 5, 5]);
    // Respondents who answered at least one item (conf__b is all missing).
    expect(l.base).toBe(5);
    expect(l.missing).toEqual([1, 6]);
  });

  it("likertSummary top box: the top two levels by default, with a Wilson interval matching statsmodels", () => {
    const l = likertSummary(grid(), "conf", { suppress: false });
    expect(l.topBoxLevels).toEqual(["Quite", "Extremely"]);
    // 3 of 5; statsmodels proportion_confint(3, 5, method="wilson") = (0.230724, 0.882378), by hand:
    // centre (0.6 + 0.384146) / 1.768292 = 0.556555, half-width 0.325827.
    expect(l.topBox[0]!.percent).toBe(60);
    expect(l.topBox[0]!.lower).toBeCloseTo(23.0724, 3);
    expect(l.topBox[0]!.upper).toBeCloseTo(88.2378, 3);
  });

  it("likertSummary with no valid responses to an item gives null shares and no interval", () => {
    const l = likertSummary(grid(), ["conf__b"]);
    expect(l.percents[0]).toEqual([null, null, null, null, null]);
    expect(l.topBox[0]).toEqual({ count: 0, percent: null, lower: null, upper: null });
    expect(l.toString()).toContain("Missing answers (not tabulated): conf__b: 6.");
  });

  it("likertSummary topBox as levels or a count; bad values are errors naming them", () => {
    expect(likertSummary(grid(), ["conf__a"], { topBox: 1, suppress: false }).topBox[0]!.count).toBe(1);
    expect(likertSummary(grid(), ["conf__a"], { topBox: ["Moderately", "Quite"] }).topBoxLevels).toEqual([
      "Moderately",
      "Quite",
    ]);
    expect(() => likertSummary(grid(), ["conf__a"], { topBox: ["Very"] })).toThrow(
      'likertSummary: topBox level "Very" is not on the scale (Not at all, Slightly, Moderately, Quite, Extremely)',
    );
    expect(() => likertSummary(grid(), ["conf__a"], { topBox: 9 })).toThrow(
      /topBox must be a whole number from 1 to 5/,
    );
  });

  it("likertSummary rejects items on different scales, naming both columns", () => {
    const t = withLevels(table({ a: ["x"], b: ["y"] }), { a: ["x", "y"], b: ["y", "x"] });
    expect(() => likertSummary(t, ["a", "b"])).toThrow(
      'likertSummary: column "b" has levels (y, x) that differ from "a" (x, y)',
    );
    expect(() => likertSummary(t, "nothing")).toThrow(
      'likertSummary: no Likert grid "nothing" in the table (a grid is columns named <grid>__<item>); there is none',
    );
    const g = grid();
    expect(() => likertSummary(g, "cnf")).toThrow(/did you mean "conf"\?$/);
  });

  it("likertSummary suppresses small cells with a complement and hides the item's top box", () => {
    const l = likertSummary(grid(), ["conf__a"]);
    // counts 0 1 1 2 1 (n 5): all non-zero cells are < 5 and so primary; the base 5 stays.
    expect(l.suppression.cells[0]).toEqual(["shown", "primary", "primary", "primary", "primary"]);
    expect(l.suppression.topBox).toEqual([true]);
    expect(l.toMarkdown()).toContain("| conf__a | 0 (0.0%) | [c] | [c] | [c] | [c] | 5 |  |  |");
  });
});
