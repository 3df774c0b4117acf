import { describe, expect, it } from "vitest";
import { areaIndicators } from "../../src/area/area-indicators.js";
import { areaMap } from "../../src/kit/area-map.js";
import type { AreaMeasure } from "../../src/kit/correlation-table.js";

const hover = (f: ReturnType<typeof areaMap>) =>
  f.data.flatMap((t) => ((t as { customdata?: unknown[] }).customdata ?? []).map(String));

describe("areaMap: one published area indicator on the hex map", () => {
  it("draws each authority's value of the measure (IMD 2025 score on the 35 current authorities)", () => {
    const imd25 = areaIndicators("lad23");
    const blackpool = imd25.find((a) => a.name === "Blackpool")!;
    const h = hover(areaMap(imd25, "imdScore", { title: "IMD", base: "IMD 2025", unit: "" }));
    expect(h).toHaveLength(35);
    expect(h).toContain(`Blackpool: ${blackpool.imdScore.toFixed(1)}`);
    expect(h.some((x) => x.endsWith("no data"))).toBe(false);
  });

  it("names the fieldwork districts the layout lacks, or leaves them out on request (successors: no data)", () => {
    const imd19 = areaIndicators("lad19");
    expect(() => areaMap(imd19, "imdScore", { title: "IMD 2019", base: "IMD 2019", unit: "" })).toThrow(
      /^areaMap: .*Carlisle \(E07000028\).* not on the hex layout; use the lad23 areas, or option offMap: "leave out"$/,
    );
    const h = hover(
      areaMap(imd19, "imdScore", { title: "IMD 2019", base: "IMD 2019", unit: "", offMap: "leave out" }),
    );
    expect(h).toContain("Cumberland: no data");
    expect(h).toContain("Westmorland and Furness: no data");
    expect(h.filter((x) => x.endsWith("no data"))).toHaveLength(2);
  });

  it("names a bad measure", () => {
    expect(() => areaMap([], "imd" as AreaMeasure, { title: "x", base: "y" })).toThrow(
      'areaMap: option measure must be "imdScore", "imdRank", "inactivePct" or "activePct", got "imd"',
    );
  });
});
