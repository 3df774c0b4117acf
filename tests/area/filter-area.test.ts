import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { table } from "arquero";
import { afterEach, describe, expect, it } from "vitest";
import { filterArea, resolveArea } from "../../src/area/filter-area.js";
import { levelsOf, withLevels } from "../../src/codebook/levels.js";
import { loadSurvey } from "../../src/survey/load-survey.js";

const saved = { area: process.env.SP_AREA, dir: process.env.SP_DATA_DIR };
afterEach(() => {
  for (const [key, value] of [
    ["SP_AREA", saved.area],
    ["SP_DATA_DIR", saved.dir],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("resolveArea(name, survey)", () => {
  it("accepts an ap_area label in any case", () => {
    expect(resolveArea("active cumbria", "link-worker")).toBe("Active Cumbria");
    expect(resolveArea("  MERSEYSIDE SPORT (MERSEYSIDE) ", "provider")).toBe("Merseyside Sport (Merseyside)");
  });
  it("accepts a word that picks out one label (Lancashire, Greater Manchester)", () => {
    expect(resolveArea("Lancashire", "link-worker")).toBe("Active Lancashire");
    expect(resolveArea("greater manchester", "provider")).toBe("Greater Sport (Greater Manchester)");
  });
  it("rejects an unknown name, naming the column and listing the valid labels", () => {
    expect(() => resolveArea("Yorkshire", "link-worker")).toThrow(
      'SP_AREA "Yorkshire" matches no area; column "ap_area" has: "Active Lancashire", "Active Cumbria", ' +
        '"Greater Sport (Greater Manchester)", "Merseyside Sport (Merseyside)", "Active Cheshire"',
    );
  });
  it("rejects an ambiguous name and a part-word match", () => {
    expect(() => resolveArea("Active", "link-worker")).toThrow(
      /matches more than one area \(Active Lancashire/,
    );
    expect(() => resolveArea("Lanc", "link-worker")).toThrow(/"Lanc" matches no area/);
  });
  it("rejects an empty name", () => {
    expect(() => resolveArea("  ", "provider")).toThrow(/SP_AREA is empty/);
  });
});

describe("filterArea(table, area)", () => {
  const t = withLevels(
    table({
      _row: [2, 3, 4, 5],
      response_id: ["a", "b", "c", "d"],
      ap_area: ["Active Cumbria", null, "Active Cheshire", "Active Cumbria"],
      travel: ["Under 1 mile", "3 miles or more", null, "3 miles or more"],
    }),
    { travel: ["Under 1 mile", "1 to 3 miles", "3 miles or more"] },
  );

  it("keeps the area's rows, keeps recorded levels and logs every other row with its reason", () => {
    const { table: out, step } = filterArea(t, "Active Cumbria");
    expect(out.array("response_id")).toEqual(["a", "d"]);
    expect(levelsOf(out, "travel")).toEqual(["Under 1 mile", "1 to 3 miles", "3 miles or more"]);
    expect(step).toMatchObject({ step: "area filter", rowsIn: 4, rowsOut: 2 });
    expect(step.dropped).toEqual([
      { row: 3, responseId: "b", reason: "area not given" },
      { row: 4, responseId: "c", reason: 'outside the area (ap_area "Active Cheshire")' },
    ]);
  });
  it("returns an empty table (no valid responses) when nobody is in the area", () => {
    const { table: out, step } = filterArea(t, "Active Lancashire");
    expect(out.numRows()).toBe(0);
    expect(step.dropped).toHaveLength(4);
  });
  it("names the missing column", () => {
    expect(() => filterArea(table({ x: [1] }), "Active Cumbria")).toThrow(
      'filterArea: the table has no column "ap_area"',
    );
  });
});

describe("loadSurvey with SP_AREA", () => {
  it("filters both surveys to the area and records an 'area filter' step; the lineage still balances", () => {
    process.env.SP_DATA_DIR = mkdtempSync(join(tmpdir(), "sp-empty-"));
    const all = loadSurvey("link-worker");
    process.env.SP_AREA = "lancashire";
    for (const survey of ["link-worker", "provider"] as const) {
      const cut = loadSurvey(survey);
      expect(cut.area).toBe("Active Lancashire");
      expect(cut.table.numRows()).toBeGreaterThan(0);
      expect(new Set(cut.table.array("ap_area") as unknown as string[])).toEqual(
        new Set(["Active Lancashire"]),
      );
      const last = cut.lineage.steps[cut.lineage.steps.length - 1]!;
      expect(last.step).toBe("area filter");
      expect(cut.lineage.rowsKept).toBe(cut.table.numRows());
      expect(cut.lineage.balanced).toBe(true);
    }
    const lancashire = (all.table.array("ap_area") as unknown as (string | null)[]).filter(
      (a) => a === "Active Lancashire",
    ).length;
    expect(loadSurvey("link-worker").table.numRows()).toBe(lancashire);
  });
  it("options.area overrides SP_AREA, and '' keeps every area", () => {
    process.env.SP_DATA_DIR = mkdtempSync(join(tmpdir(), "sp-empty-"));
    process.env.SP_AREA = "Cumbria";
    expect(loadSurvey("provider", { area: "Cheshire" }).area).toBe("Active Cheshire");
    const every = loadSurvey("provider", { area: "" });
    expect(every.area).toBeNull();
    expect(every.lineage.steps.some((s) => s.step === "area filter")).toBe(false);
  });
  it("fails before reading when SP_AREA names no area", () => {
    process.env.SP_AREA = "Yorkshire";
    expect(() => loadSurvey("provider")).toThrow(/SP_AREA "Yorkshire" matches no area; column "ap_area" has/);
  });
});
