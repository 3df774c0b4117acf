import { describe, expect, it } from "vitest";
import type { AreaShare } from "../../src/area/share-by-area.js";
import { loadNorthWestHexes } from "../../src/figures/hexjson.js";
import { shareMap, sharesShown } from "../../src/kit/share-map.js";

const hexes = loadNorthWestHexes().hexes;
// Three areas: one shown (5 of 12), one suppressed by shareByArea (3 answered), one nobody answered.
const share = (i: number, over: Partial<AreaShare>): AreaShare => ({
  code: hexes[i]!.code,
  name: hexes[i]!.name,
  successes: 0,
  n: 0,
  percent: null,
  lower: null,
  upper: null,
  suppressed: false,
  ...over,
});
const shares = [
  share(0, { successes: 5, n: 12, percent: (100 * 5) / 12, lower: 19.3, upper: 68 }),
  share(1, { successes: 2, n: 3, suppressed: true }),
  share(2, {}),
];
const hover = (f: ReturnType<typeof shareMap>) =>
  f.data.flatMap((t) => ((t as { customdata?: unknown[] }).customdata ?? []).map(String));

describe("shareMap: shareByArea's shares as a hex map, suppression carried", () => {
  it("shows a shown share with its n, a suppressed one as 'suppressed' with no n, an empty one as no data", () => {
    const f = shareMap(shares, {
      title: "Far",
      respondents: "Link Workers giving a distance",
      note: "Synthetic.",
    });
    const h = hover(f);
    expect(h).toContain(`${hexes[0]!.name}: 42%, n = 12`);
    expect(h).toContain(`${hexes[1]!.name}: suppressed`);
    expect(h.find((x) => x.startsWith(`${hexes[1]!.name}:`))).not.toMatch(/n =|\d%/);
    expect(h).toContain(`${hexes[2]!.name}: no data, n = 0`);
  });

  it("writes the base from the shares (every respondent counted once) and draws on 0-100 by default", () => {
    const f = shareMap(shares, { title: "Far", respondents: "Link Workers giving a distance" });
    expect(f.summary.base).toBe(
      "n = 15 Link Workers giving a distance; small areas and small counts suppressed",
    );
    const markers = f.data.map((t) => (t as { marker?: { cmin?: number; cmax?: number } }).marker);
    const bar = markers.find((m) => m?.cmin !== undefined);
    expect([bar?.cmin, bar?.cmax]).toEqual([0, 100]);
  });

  it("still suppresses a small share handed in without a status (hexMap's own rule)", () => {
    const raw = [share(0, { successes: 2, n: 12, percent: (100 * 2) / 12 })];
    expect(hover(shareMap(raw, { title: "Far", respondents: "Link Workers" }))).toContain(
      `${hexes[0]!.name}: suppressed`,
    );
  });

  it("counts the areas whose share may be shown", () => {
    expect(sharesShown(shares)).toBe("1 of 3 authorities have a share disclosure control allows showing.");
    expect(sharesShown(shares, "districts")).toMatch(/^1 of 3 districts /);
  });
});
