import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { levelsOf, withLevels } from "../../src/codebook/levels.js";
import { combineLevels, crossedSeries, type Factor } from "../../src/kit/combined-levels.js";
import { withinEachOther } from "../../src/kit/within-each-other.js";
import { crosstab } from "../../src/tabulate/index.js";
import { rep } from "../tabulate/fixtures.js";

// 80 respondents: a flag (trained), a recorded categorical (band, with a level nobody chose) and an outcome;
// one missing answer in each factor.
const data = () =>
  withLevels(
    table({
      trained: rep<boolean | null>([false, 40], [true, 39], [null, 1]),
      band: rep<string | null>(["low", 20], ["high", 19], [null, 1], ["low", 15], ["high", 25]),
      confident: rep(
        ["no", 14],
        ["yes", 6],
        ["no", 9],
        ["yes", 11],
        ["no", 10],
        ["yes", 5],
        ["no", 5],
        ["yes", 20],
      ),
    }),
    { band: ["low", "high", "none"], confident: ["no", "yes"] },
  );

const training: Factor = {
  column: "trained",
  name: "Training",
  levels: { No: "Not trained", Yes: "Trained" },
  among: { No: "the untrained" },
};
const band: Factor = { column: "band", name: "Band", levels: { low: "low", high: "high", none: "none" } };

describe("combineLevels: two factors as one column with ordered levels", () => {
  it("labels every pair in the factors' order, and is missing where either factor is", () => {
    const out = combineLevels(data(), "tb", training, band);
    expect(levelsOf(out, "tb")).toEqual([
      "Not trained, low",
      "Not trained, high",
      "Not trained, none",
      "Trained, low",
      "Trained, high",
      "Trained, none",
    ]);
    const values = out.array("tb") as (string | null)[];
    expect(values.slice(0, 3)).toEqual(["Not trained, low", "Not trained, low", "Not trained, low"]);
    expect(values[38]).toBe("Not trained, high");
    expect(values[39]).toBeNull(); // band missing
    expect(values[40]).toBe("Trained, low");
    expect(values[79]).toBeNull(); // trained missing
    expect(values.filter((v) => v === null)).toHaveLength(2);
    // The source's recorded levels survive (they drive the order of every later table).
    expect(levelsOf(out, "band")).toEqual(["low", "high", "none"]);
    const t = crosstab(out, "confident", { by: "tb" });
    expect(t.colLevels).toEqual(levelsOf(out, "tb"));
    expect(t.base).toBe(78);
  });

  it("names an unknown column, an unknown level and a level left without a label", () => {
    expect(() => combineLevels(data(), "x", { ...training, column: "trainde" }, band)).toThrow(
      'combineLevels: no column "trainde"; did you mean "trained"?',
    );
    expect(() => combineLevels(data(), "x", { ...training, levels: { No: "n", Yse: "y" } }, band)).toThrow(
      'combineLevels: no level of trained "Yse"; did you mean "Yes"?',
    );
    expect(() => combineLevels(data(), "x", training, { ...band, levels: { low: "low" } })).toThrow(
      'combineLevels: level "high" of band has no label',
    );
    expect(() => combineLevels(data(), "band", training, band)).toThrow(
      'combineLevels: the table already has a column "band"',
    );
  });

  it("crossedSeries: one series per first-factor level, its bars the cross-tab's cells of the outcome level", () => {
    const t = crosstab(combineLevels(data(), "tb", training, band), "confident", { by: "tb" });
    const series = crossedSeries(t, "yes", training, band);
    expect(series.map((g) => g.name)).toEqual(["Not trained", "Trained"]);
    expect(series[0]!.data.map((d) => d.label)).toEqual(["low", "high", "none"]);
    const yes = t.rowLevels.indexOf("yes");
    expect(series[1]!.data[1]!.value).toBeCloseTo(
      t.percents[yes]![t.colLevels.indexOf("Trained, high")]!,
      10,
    );
    expect(series[1]!.data[1]!.value).toBeCloseTo((100 * 19) / 24, 10); // 19 of the 24 trained, high
    expect(() => crossedSeries(t, "Yes", training, band)).toThrow(
      'crossedSeries: no level of confident "Yes"',
    );
  });
});

describe("withinEachOther: each factor's test within each level of the other", () => {
  it("gives one family row per level, equal to the cross-tab of the filtered table", () => {
    const two: Factor = { column: "band", name: "Band", levels: { low: "low", high: "high" } };
    const rows = withinEachOther(data(), "confident", training, two);
    expect(rows.map((r) => r.label)).toEqual([
      "Band, among the untrained",
      "Band, among Trained",
      "Training, among low",
      "Training, among high",
    ]);
    const d = data();
    const expected = [
      crosstab(
        d.filter((r: { trained: boolean | null }) => r.trained === false),
        "confident",
        { by: "band" },
      ),
      crosstab(
        d.filter((r: { trained: boolean | null }) => r.trained === true),
        "confident",
        { by: "band" },
      ),
      crosstab(
        d.filter((r: { band: string | null }) => r.band === "low"),
        "confident",
        { by: "trained" },
      ),
      crosstab(
        d.filter((r: { band: string | null }) => r.band === "high"),
        "confident",
        { by: "trained" },
      ),
    ];
    rows.forEach((row, i) => {
      const test = expected[i]!.test;
      expect(test && "p" in test ? test.p : null).not.toBeNull();
      expect(row.p).toBe(test && "p" in test ? test.p : null);
    });
    // The tests differ: each row is its own group.
    expect(new Set(rows.map((r) => r.p)).size).toBe(4);
  });
});
