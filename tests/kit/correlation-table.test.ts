import { describe, expect, it } from "vitest";
import type { AreaIndicators } from "../../src/area/area-indicators.js";
import { correlation } from "../../src/area/correlation.js";
import type { AreaShare } from "../../src/area/share-by-area.js";
import { areaCorrelation, correlationTable, type AreaMeasure } from "../../src/kit/correlation-table.js";

const area = (i: number, imdScore: number, inactivePct: number | null): AreaIndicators => ({
  code: `E0${i}`,
  name: `Area ${i}`,
  geography: "lad23",
  imdEdition: "IMD 2025",
  imdScore,
  imdRank: 100 - i,
  imdRankOutOf: 296,
  inactivePct,
  activePct: null,
  activeLivesPeriod: "2021/22",
});
const share = (i: number, percent: number | null, suppressed = false): AreaShare => ({
  code: `E0${i}`,
  name: `Area ${i}`,
  successes: 0,
  n: 20,
  percent: suppressed ? null : percent,
  lower: null,
  upper: null,
  suppressed,
});
const areas = [
  area(1, 10, 20),
  area(2, 20, 25),
  area(3, 30, 22),
  area(4, 40, 30),
  area(5, 50, 28),
  area(6, 60, null),
];
const shares = [share(1, 12), share(2, 15), share(3, 30), share(4, 25), share(5, 40), share(6, 50)];

describe("areaCorrelation / correlationTable: shares by area against an area indicator", () => {
  it("pairs each area's share with its indicator by code, as correlation() on the paired series", () => {
    const c = areaCorrelation({ label: "IMD", shares, areas, measure: "imdScore" });
    expect(c).toEqual(correlation([12, 15, 30, 25, 40, 50], [10, 20, 30, 40, 50, 60]));
    expect(c.r).toBeCloseTo(0.943, 3); // ranks 1 2 4 3 5 6 against 1..6: 1 - 6*2/(6*35)
  });

  it("leaves suppressed areas and areas without the indicator out", () => {
    const hidden = [...shares.slice(0, 5), share(6, 50, true)];
    expect(areaCorrelation({ label: "IMD", shares: hidden, areas, measure: "imdScore" }).n).toBe(5);
    // Area 6 has no inactivity figure.
    expect(areaCorrelation({ label: "Inactive", shares, areas, measure: "inactivePct" }).n).toBe(5);
  });

  it("shows rho and the interval to two decimals, '–' when too few areas, and says who is left out", () => {
    const t = correlationTable(
      "Travel and deprivation",
      [
        { label: "IMD score", shares, areas, measure: "imdScore" },
        { label: "Two areas", shares: shares.slice(0, 2), areas, measure: "imdScore" },
      ],
      ["Synthetic data."],
    );
    const c = correlation([12, 15, 30, 25, 40, 50], [10, 20, 30, 40, 50, 60]);
    expect(t.rows[0]).toEqual([
      "IMD score",
      "6",
      c.r!.toFixed(2),
      `${c.lower!.toFixed(2)} to ${c.upper!.toFixed(2)}`,
    ]);
    expect(t.rows[1]).toEqual(["Two areas", "2", "–", "–"]);
    expect(t.notes).toEqual([
      "Synthetic data.",
      "Areas whose share is suppressed or empty are left out. Each area counts once whatever its base.",
    ]);
  });

  it("names a share's area missing from the indicators (two geographies mixed) and a bad measure", () => {
    expect(() => areaCorrelation({ label: "x", shares: [share(9, 10)], areas, measure: "imdScore" })).toThrow(
      "areaCorrelation: area E09 (Area 9) of the shares is not among the indicators' areas",
    );
    expect(() => areaCorrelation({ label: "x", shares, areas, measure: "imdscore" as AreaMeasure })).toThrow(
      'areaCorrelation: option measure must be "imdScore", "imdRank", "inactivePct" or "activePct", got "imdscore"; did you mean "imdScore"?',
    );
  });
});
