import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { crosstab, likertSummary } from "../../src/tabulate/index.js";
import { rep } from "./fixtures.js";

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

// Invented: one item on a three-point scale in three areas; B and C each have one small count.
const byArea = () =>
  withLevels(
    table({
      q: [
        ...rep<string | null>(["Lo", 6], ["Mid", 7], ["Hi", 8]),
        ...rep<string | null>(["Lo", 2], ["Mid", 5], ["Hi", 9]),
        ...rep<string | null>(["Lo", 3], ["Mid", 5], ["Hi", 10], [null, 2]),
      ],
      area: rep(["A", 21], ["B", 16], ["C", 20]),
      w: [...rep([1, 21]), ...rep([2, 16]), ...rep([0.5, 20])],
    }),
    { q: ["Lo", "Mid", "Hi"] },
  );

describe("likertSummary(table, item, { by })", () => {
  it("one row per group with the group's counts, row percentages and base; a single column names one item", () => {
    const l = likertSummary(byArea(), "q", { by: "area" });
    expect(l.items).toEqual(["q"]);
    expect(l.rowLevels).toEqual(["A", "B", "C"]);
    expect(l.rowItems).toEqual([0, 0, 0]);
    expect(l.rowGroups).toEqual([0, 1, 2]);
    expect(l.unweighted).toEqual([
      [6, 7, 8],
      [2, 5, 9],
      [3, 5, 10],
    ]);
    expect(l.rowBases).toEqual([21, 16, 18]);
    expect(l.percents[1]![2]).toBeCloseTo(56.25, 10);
    expect(l.missing).toEqual([0, 0, 2]);
    expect(l.base).toBe(55);
  });

  it("suppression hides the small cells and their protectors only, never the whole row", () => {
    const l = likertSummary(byArea(), "q", { by: "area" });
    expect(l.suppression.cells).toEqual([
      ["shown", "shown", "shown"],
      ["primary", "secondary", "shown"],
      ["primary", "secondary", "shown"],
    ]);
    expect(l.suppression.rowBases).toEqual(["shown", "shown", "shown"]);
    expect(l.suppression.topBox).toEqual([false, true, true]);
    // C's 2 missing answers are a count of 1-4: hidden in the footnote.
    expect(l.suppression.missing).toEqual(["shown", "shown", "primary"]);
    expect(l.toMarkdown()).toContain("| B | [c] | [c] | 9 (56.3%) | 16 |  |  |");
    expect(l.toMarkdown()).toContain("Missing answers (not tabulated): C: [c].");
  });

  it("each row's cells and statuses are those of the item's cross-tab by the breakdown (one rule)", () => {
    const l = likertSummary(byArea(), "q", { by: "area" });
    const x = crosstab(byArea(), "area", { by: "q", percent: "row" });
    expect(l.counts).toEqual(x.counts);
    expect(l.suppression.cells).toEqual(x.suppression.cells);
    expect(l.test).toEqual(x.test);
  });

  it("weighted: weighted counts and shares, unweighted bases, top box interval as the weighted cross-tab's (svyciprop)", () => {
    const l = likertSummary(byArea(), "q", { by: "area", weight: "w", suppress: false });
    expect(l.counts[1]).toEqual([4, 10, 18]);
    expect(l.rowBases[1]).toBe(16);
    expect(l.topBox[1]!.percent).toBeCloseTo(87.5, 10);
    // The top box is the "top" row share of area B in the weighted cross-tab of area by a top-two flag: the same
    // design (the item's respondents) and R's svyciprop interval, not Wilson on Kish's n.
    const flagged = byArea().derive({
      top: (d: { q: string | null }) => (d.q === null ? null : d.q === "Lo" ? "no" : "yes"),
    });
    const x = crosstab(flagged, "area", { by: "top", percent: "row", weight: "w", suppress: false });
    const yes = x.colLevels.indexOf("yes");
    expect(l.topBox[1]!.lower).toBeCloseTo(x.intervals!.lower[1]![yes]!, 9);
    expect(l.topBox[1]!.upper).toBeCloseTo(x.intervals!.upper[1]![yes]!, 9);
    const u = likertSummary(byArea(), "q", { by: "area", suppress: false });
    expect(l.topBox[1]!.lower).not.toBeCloseTo(u.topBox[1]!.lower!, 3);
  });

  it("several items with { by }: a row per item and group, labelled item: group", () => {
    const t = withLevels(table({ c__a: ["Lo", "Hi", "Hi"], c__b: ["Hi", null, "Lo"], g: ["x", "y", "y"] }), {
      c__a: ["Lo", "Hi"],
      c__b: ["Lo", "Hi"],
    });
    const l = likertSummary(t, "c", { by: "g", suppress: false });
    expect(l.rowLevels).toEqual(["c__a: x", "c__a: y", "c__b: x", "c__b: y"]);
    expect(l.counts).toEqual([
      [1, 0],
      [0, 2],
      [0, 1],
      [1, 0],
    ]);
    expect(l.missing).toEqual([0, 0, 0, 1]);
    expect(l.tests).toHaveLength(2);
    expect(l.test).toBeNull();
  });
});
