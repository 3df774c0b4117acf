import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { columnsOf, levelBars, levelChart } from "../../src/kit/level-bars.js";
import { crosstab } from "../../src/tabulate/index.js";
import { rep } from "../tabulate/fixtures.js";

// knows by trained (2 x 2) and by band (2 x 3), 60 respondents; "low" has only 3 who know (a hidden cell).
const data = () =>
  table({
    knows: rep(["yes", 10], ["no", 20], ["yes", 20], ["no", 10]),
    trained: rep(["no", 30], ["yes", 30]),
    band: rep(["low", 3], ["mid", 7], ["low", 20], ["mid", 10], ["high", 20]),
  });

describe("levelBars / levelChart: one level's share across the columns of several tables", () => {
  it("takes the chosen columns in the order given, labelled, then every column of a plain table", () => {
    const byTraining = crosstab(data(), "knows", { by: "trained" });
    const byBand = crosstab(data(), "knows", { by: "band" });
    const bars = levelBars("yes", [columnsOf(byTraining, { yes: "Trained", no: "Not trained" }), byBand]);
    expect(bars.map((b) => b.label)).toEqual(["Trained", "Not trained", ...byBand.colLevels]);
    const yes = byTraining.rowLevels.indexOf("yes");
    expect(bars[0]!.value).toBe(byTraining.percents[yes]![byTraining.colLevels.indexOf("yes")]);
    expect(bars[0]!.value).toBeCloseTo((100 * 20) / 30, 10);
    expect(bars[1]!.value).toBeCloseTo((100 * 10) / 30, 10);
    expect(bars[0]!.n).toBe(30);
    // Disclosure control carries over: the band with 3 who know is a suppressed bar without a value.
    const low = bars[2 + byBand.colLevels.indexOf("low")]!;
    expect(low.suppressed).toBe(true);
    expect(low.value).toBeNull();
  });

  it("names an unknown level or column with the closest ones", () => {
    const byTraining = crosstab(data(), "knows", { by: "trained" });
    expect(() => levelBars("Yes", [byTraining])).toThrow(
      'levelBars: no level of knows "Yes"; did you mean "yes"?',
    );
    expect(() => columnsOf(byTraining, { Yes: "Trained" })).toThrow(
      'columnsOf: no column of trained "Yes"; did you mean "yes"?',
    );
    expect(() => levelChart("yes", [], { title: "t", unit: "u", axisTitle: "a" })).toThrow(
      /levelChart: no tabulation/,
    );
  });

  it("levelChart keeps the given order and takes the first table's base", () => {
    const byTraining = crosstab(data(), "knows", { by: "trained" });
    const figure = levelChart("yes", [columnsOf(byTraining, { no: "Not trained", yes: "Trained" })], {
      title: "Trained respondents know more often",
      unit: "respondents answering",
      axisTitle: "% who know",
      note: "Test data.",
    });
    expect(figure.summary.base).toBe("n = 60 respondents answering");
    expect(figure.summary.rows.map((r) => r[0])).toEqual(["Not trained", "Trained"]);
    expect(figure.summary.note).toBe("Test data.");
  });
});
