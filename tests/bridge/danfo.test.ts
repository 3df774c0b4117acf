import { table } from "arquero";
import { describe, expect, it } from "vitest";
import * as dfd from "danfojs-node";
import { op } from "arquero";
import { fromDataFrame, fullLabels, toDataFrame, withoutMissing } from "../../src/bridge/danfo.js";
import { levelsOf, withLevels } from "../../src/codebook/levels.js";
import { loadSurvey } from "../../src/survey/load-survey.js";

const tiny = () =>
  withLevels(
    table({
      area: ["Active Cumbria", null, "Active Cheshire"],
      sources: [["GPs", "Self-referral"], [], null],
      minutes: [120, null, 30],
      trained: [true, null, false],
    }),
    {
      area: ["Active Cheshire", "Active Cumbria", "Active Lancashire"],
      sources: ["Self-referral", "GPs", "Social landlords"],
    },
  );

describe("toDataFrame(table)", () => {
  it("keeps labels, numbers and flags, joins multi-selects with '; ' ([] -> '', unanswered -> null, missing number -> NaN)", () => {
    const df = toDataFrame(tiny());
    expect(df.columns).toEqual(["area", "sources", "minutes", "trained"]);
    expect(df.column("sources").values).toEqual(["GPs; Self-referral", "", null]);
    expect(df.column("area").values).toEqual(["Active Cumbria", null, "Active Cheshire"]);
    expect(df.column("minutes").values).toEqual([120, NaN, 30]);
    expect(df.column("trained").values).toEqual([true, null, false]);
    expect(df.dtypes).toEqual(["string", "string", "float32", "boolean"]);
  });
  it("refuses a label containing the separator, and mixed columns, naming the column", () => {
    expect(() => toDataFrame(table({ q: [["a;b"]] }))).toThrow(
      'toDataFrame: column "q" has the label "a;b", which contains the separator ";"',
    );
    expect(() => toDataFrame(table({ q: ["a", 1] }))).toThrow(
      'toDataFrame: column "q" mixes string and number values',
    );
  });
  it("handles a table with no rows (no valid responses) and an all-missing column", () => {
    const empty = toDataFrame(tiny().filter(() => false));
    expect(empty.shape).toEqual([0, 4]);
    expect(fromDataFrame(empty).numRows()).toBe(0);
    expect(toDataFrame(table({ q: [null, null] })).column("q").values).toEqual([null, null]);
  });
});

describe("fromDataFrame(df)", () => {
  it("round-trips a tidy table: values, multi-select arrays and recorded levels", () => {
    const t = tiny();
    const back = fromDataFrame(toDataFrame(t));
    expect(back.objects()).toEqual(t.objects());
    expect(levelsOf(back, "area")).toEqual(["Active Cheshire", "Active Cumbria", "Active Lancashire"]);
    expect(levelsOf(back, "sources")).toEqual(["Self-referral", "GPs", "Social landlords"]);
  });
  it("round-trips the real Link Worker table (synthetic data), every column and level", () => {
    const lw = loadSurvey("link-worker", { area: "" }).table;
    const back = fromDataFrame(toDataFrame(lw));
    expect(back.columnNames()).toEqual(lw.columnNames());
    expect(back.objects()).toEqual(lw.objects());
    for (const c of ["travel_distance", "referral_sources", "activity_band"])
      expect(levelsOf(back, c)).toEqual(levelsOf(lw, c));
  });
  it("takes levels and multi-select columns from `like` for frames danfo made", () => {
    const t = tiny();
    const df = toDataFrame(t);
    const sub = df.loc({ rows: [0, 2], columns: ["area", "sources"] }) as dfd.DataFrame;
    const plain = fromDataFrame(sub);
    expect(plain.array("sources")).toEqual(["GPs; Self-referral", null]);
    const back = fromDataFrame(sub, { like: t });
    expect(back.array("sources")).toEqual([["GPs", "Self-referral"], null]);
    expect(levelsOf(back, "area")).toEqual(levelsOf(t, "area"));
  });
  it("turns NaN from danfo arithmetic into null", () => {
    const df = new dfd.DataFrame({ x: [1, NaN, 3] });
    expect(fromDataFrame(df).array("x")).toEqual([1, null, 3]);
  });
  it("names the column when a multi-select cell is not a string, and rejects non-DataFrames", () => {
    const df = new dfd.DataFrame({ x: [1, 2] });
    expect(() => fromDataFrame(df, { multi: ["x"] })).toThrow(
      'fromDataFrame: multi-select column "x" has 1, expected joined labels',
    );
    expect(() => fromDataFrame({} as dfd.DataFrame)).toThrow(
      "fromDataFrame: expected a danfojs-node DataFrame",
    );
  });
});

describe("missing numbers stay missing through the bridge (synthetic Link Worker data)", () => {
  const lw = loadSurvey("link-worker", { area: "" }).table.select("ap_area", "weekly_minutes");
  const byArea = (rows: { ap_area: string; weekly_minutes_mean: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.ap_area, r.weekly_minutes_mean]));
  it("a column with gaps: no group mean counts a gap as zero; withoutMissing then groupby gives arquero's means", () => {
    const expected = Object.fromEntries(
      lw
        .groupby("ap_area")
        .rollup({ m: op.mean("weekly_minutes") })
        .objects()
        .map((r) => [(r as { ap_area: string }).ap_area, (r as { m: number }).m]),
    );
    // The figures: Lancashire 155.4 (not 151.6), Cumbria 166.7 (not 161.7).
    expect(expected["Active Lancashire"]!.toFixed(1)).toBe("155.4");
    expect(expected["Active Cumbria"]!.toFixed(1)).toBe("166.7");
    const df = toDataFrame(lw);
    expect(df.column("weekly_minutes").values.some((v) => Number.isNaN(v))).toBe(true);
    const naive = byArea(dfd.toJSON(df.groupby(["ap_area"]).mean()) as never);
    // danfojs's groupby does not skip NaN: a group with a gap gives NaN, never a wrong number.
    expect(naive["Active Lancashire"]).toBeNaN();
    const means = byArea(
      dfd.toJSON(withoutMissing(df, ["weekly_minutes"]).groupby(["ap_area"]).mean()) as never,
    );
    for (const [area, m] of Object.entries(expected)) expect(means[area]).toBeCloseTo(m, 4);
    // Series.mean skips NaN: the overall mean of those who answered.
    const all = lw.rollup({ m: op.mean("weekly_minutes") }).object() as { m: number };
    expect(df.column("weekly_minutes").mean()).toBeCloseTo(all.m, 4);
  });
  it("withoutMissing names an unknown column", () => {
    expect(() => withoutMissing(toDataFrame(lw), ["minutes"])).toThrow(
      'withoutMissing: no column "minutes" in the DataFrame (columns: ap_area, weekly_minutes)',
    );
  });
  it("prints whole labels (danfojs cuts cells at 16 characters), also after fullLabels on a derived frame", () => {
    const df = toDataFrame(
      lw.filter((d: { ap_area: string }) => d.ap_area === "Active Lancashire").slice(0, 3),
    );
    expect(df.toString()).toContain("Active Lancashire");
    expect(df.toString()).not.toContain("Active Lancashi…");
    const counts = df.groupby(["ap_area"]).count();
    expect(counts.toString()).toContain("Active Lancashi…");
    expect(fullLabels(counts).toString()).toContain("Active Lancashire");
  });
});
