import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/codebook/project-root.js";
import { activeLivesTable, activeLivesTrend } from "../../src/kit/active-lives-trend.js";

// The reference files read straight, without the module under test.
const csv = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(projectRoot(), "data", "reference", file), "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;
const districts = new Set(csv("nw-lad-active-partnership.csv").map((r) => r.lad19_code));
const active = csv("active-lives-nw-lad.csv");

describe("activeLivesTrend(periods) and activeLivesTable(trend)", () => {
  it("each year is the unweighted mean and range of the fieldwork-era districts, with England's figure", () => {
    const trend = activeLivesTrend(["2016/17", "2019/20"]);
    expect(trend.years.map((y) => y.period)).toEqual(["2016/17", "2019/20"]);
    for (const y of trend.years) {
      const values = active
        .filter((r) => r.period === y.period && districts.has(r.area_code!) && r.active_pct_19plus !== "")
        .map((r) => Number(r.active_pct_19plus));
      expect(y.n).toBe(values.length);
      expect(y.n).toBeGreaterThan(20);
      expect(y.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 10);
      expect([y.min, y.max]).toEqual([Math.min(...values), Math.max(...values)]);
      const england = active.find((r) => r.period === y.period && r.area_name === "England")!;
      expect(y.england).toBe(Number(england.active_pct_19plus));
    }
    expect(trend.mean).toBeCloseTo((trend.years[0]!.mean + trend.years[1]!.mean) / 2, 12);
  });

  it("the table has one row per year and a note with the mean of the yearly means and the comparison", () => {
    const trend = activeLivesTrend(["2016/17", "2019/20"]);
    const t = activeLivesTable(trend, "(a comparison)");
    expect(t.head).toEqual([
      "Year",
      "North West districts: mean",
      "range of districts",
      "districts",
      "England",
    ]);
    expect(t.rows.map((r) => r[0])).toEqual(["2016/17", "2019/20"]);
    expect(t.rows[0]![3]).toBe(String(trend.years[0]!.n));
    expect(t.notes[0]).toMatch(/^Mean of the two yearly North West means: \d+(\.\d)?% \(a comparison\)\.$/);
    expect(activeLivesTable(trend).notes[0]).toMatch(/means: \d+(\.\d)?%\.$/);
  });

  it("an unknown year names the file and the period", () => {
    expect(() => activeLivesTrend(["1999/00"])).toThrow('column "period" has no rows for "1999/00"');
  });
});
