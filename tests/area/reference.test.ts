import { describe, expect, it } from "vitest";
import { areaIndicators } from "../../src/area/area-indicators.js";
import { activeLives, districtLookup, imd, referenceCsv } from "../../src/area/reference.js";
import { loadNorthWestHexes } from "../../src/figures/hexjson.js";

const CUMBRIA_2019 = ["E07000026", "E07000027", "E07000028", "E07000029", "E07000030", "E07000031"];
const CUMBRIA_2023 = ["E06000063", "E06000064"];

describe("reference readers (values checked against data/reference/SOURCES.md)", () => {
  it("imd('2019') has the 39 districts, Blackpool rank 1 of 317, and no Cumbria unitaries", () => {
    const rows = imd("2019");
    expect(rows).toHaveLength(39);
    expect(rows.find((r) => r.name === "Blackpool")).toMatchObject({
      rank: 1,
      rankOutOf: 317,
      score: 45.039,
    });
    expect(rows.map((r) => r.code)).toEqual(expect.arrayContaining(CUMBRIA_2019));
    expect(rows.some((r) => CUMBRIA_2023.includes(r.code))).toBe(false);
  });
  it("imd('2025') has the 35 current authorities with Cumberland and Westmorland and Furness, ranks of 296", () => {
    const rows = imd("2025");
    expect(rows).toHaveLength(35);
    expect(rows.map((r) => r.code)).toEqual(expect.arrayContaining(CUMBRIA_2023));
    expect(rows.every((r) => r.rankOutOf === 296 && r.edition === "IMD 2025")).toBe(true);
  });
  it("activeLives('2021/22') has old districts and new authorities; later years only the new ones", () => {
    const y = activeLives("2021/22");
    expect(y.find((r) => r.name === "Eden")?.inactivePct).toBe(16.8);
    expect(y.find((r) => r.code === "E06000064")?.inactivePct).toBe(17.9);
    expect(activeLives("2023/24").some((r) => r.code === "E07000030")).toBe(false);
  });
  it("activeLives names the column and value when a period has no rows", () => {
    expect(() => activeLives("2030/31")).toThrow(
      'active-lives-nw-lad.csv column "period" has no rows for "2030/31"',
    );
  });
  it("referenceCsv names a missing column", () => {
    expect(() => referenceCsv("imd2025-nw-lad24.csv", ["lad23_code"])).toThrow(
      'reference data: imd2025-nw-lad24.csv has no column "lad23_code"',
    );
  });
  it("districtLookup sends Eden to Westmorland and Furness and Allerdale to Cumberland", () => {
    const d = districtLookup();
    expect(d).toHaveLength(39);
    expect(d.find((r) => r.lad19Name === "Eden")?.lad23Code).toBe("E06000064");
    expect(d.find((r) => r.lad19Name === "Allerdale")?.lad23Code).toBe("E06000063");
  });
});

describe("areaIndicators(geography)", () => {
  it("lad23: the hex map's 35 authorities, IMD 2025 only, Active Lives for every one", () => {
    const a = areaIndicators("lad23");
    expect(new Set(a.map((r) => r.code))).toEqual(new Set(loadNorthWestHexes().hexes.map((h) => h.code)));
    expect(new Set(a.map((r) => r.imdEdition))).toEqual(new Set(["IMD 2025"]));
    expect(a.every((r) => r.inactivePct !== null)).toBe(true);
  });
  it("lad19: the 39 fieldwork districts, IMD 2019 only, six Cumbria districts and no unitaries", () => {
    const a = areaIndicators("lad19");
    expect(a).toHaveLength(39);
    expect(new Set(a.map((r) => r.imdEdition))).toEqual(new Set(["IMD 2019"]));
    expect(a.filter((r) => CUMBRIA_2019.includes(r.code))).toHaveLength(6);
    expect(a.some((r) => CUMBRIA_2023.includes(r.code))).toBe(false);
  });
  it("takes another Active Lives year; old districts then have no inactivity figure (missing, not invented)", () => {
    const a = areaIndicators("lad19", { activeLivesPeriod: "2023/24" });
    expect(a.find((r) => r.name === "Eden")?.inactivePct).toBeNull();
    expect(a.find((r) => r.name === "Bolton")?.activeLivesPeriod).toBe("2023/24");
  });
  it("rejects an unknown geography by name", () => {
    expect(() => areaIndicators("lad21" as "lad19")).toThrow(
      'areaIndicators: geography "lad21" is not "lad19" or "lad23"',
    );
  });
});
