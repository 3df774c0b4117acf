import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { districtLookup } from "../../src/area/reference.js";
import { respondentsByArea } from "../../src/area/respondents-by-area.js";

const named = (name: string, n: number) => Array.from({ length: n }, () => name);

describe("respondentsByArea", () => {
  it("counts per 2023 authority, summing the Cumbrian districts into their successors", () => {
    const t = table({
      local_authority: [...named("Eden", 6), ...named("Carlisle", 7), ...named("Liverpool", 9), null],
    });
    const r = respondentsByArea(t);
    const lad23 = new Set(districtLookup().map((d) => d.lad23Code));
    expect(r.values).toHaveLength(lad23.size);
    expect(r.answered).toBe(22);
    const value = (name: string) => {
      const code = districtLookup().find((d) => d.lad23Name === name)!.lad23Code;
      return r.values.find((v) => v.code === code)!;
    };
    expect(value("Westmorland and Furness")).toMatchObject({ value: 6, n: 6, suppressed: false });
    expect(value("Cumberland")).toMatchObject({ value: 7, suppressed: false });
    expect(value("Liverpool").value).toBe(9);
    expect(value("Blackpool")).toMatchObject({ value: 0, suppressed: false });
  });

  it("hides counts of 1 to 4 with their n, and a second area when one hidden count could be subtracted out", () => {
    // Merseyside: Liverpool 9, Sefton 3 (hidden), Wirral 12: with Merseyside's total published, Sefton alone
    // would be 24 - 21; the next smallest Merseyside area (Liverpool) is hidden too.
    const t = table({
      local_authority: [
        ...named("Liverpool", 9),
        ...named("Sefton", 3),
        ...named("Wirral", 12),
        ...named("Preston", 8),
        ...named("Bury", 2),
        ...named("Bolton", 6),
        ...named("Wigan", 7),
      ],
    });
    const r = respondentsByArea(t);
    const byName = (name: string) => {
      const code = districtLookup().find((d) => d.lad23Name === name)!.lad23Code;
      return r.values.find((v) => v.code === code)!;
    };
    expect(byName("Sefton")).toEqual({ code: byName("Sefton").code, value: null, n: null, suppressed: true });
    expect(byName("Liverpool").suppressed).toBe(true);
    expect(byName("Wirral").suppressed).toBe(false);
    // Greater Manchester: Bury hidden, so Bolton (6, the smallest other) is hidden too; Wigan stays.
    expect(byName("Bury").suppressed).toBe(true);
    expect(byName("Bolton").suppressed).toBe(true);
    expect(byName("Wigan").value).toBe(7);
    expect(byName("Preston").value).toBe(8);
    expect(r.suppressed).toBe(4);
    expect(JSON.stringify(r.values)).not.toMatch(/"n":[1-4][,}]/);
  });

  it("names the column and the value it cannot place", () => {
    expect(() => respondentsByArea(table({ la: ["Gotham"] }), { areaColumn: "la" })).toThrow(
      'respondentsByArea: column "la" has "Gotham", not a North West district name',
    );
    expect(() => respondentsByArea(table({ x: [1] }))).toThrow('no column "local_authority"');
  });
});
