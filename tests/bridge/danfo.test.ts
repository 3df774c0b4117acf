import { table } from "arquero";
import { describe, expect, it } from "vitest";
import * as dfd from "danfojs-node";
import { fromDataFrame, toDataFrame } from "../../src/bridge/danfo.js";
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
  it("keeps labels, numbers and flags, joins multi-selects with '; ' ([] -> '', unanswered -> null)", () => {
    const df = toDataFrame(tiny());
    expect(df.columns).toEqual(["area", "sources", "minutes", "trained"]);
    expect(df.column("sources").values).toEqual(["GPs; Self-referral", "", null]);
    expect(df.column("area").values).toEqual(["Active Cumbria", null, "Active Cheshire"]);
    expect(df.column("minutes").values).toEqual([120, null, 30]);
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
