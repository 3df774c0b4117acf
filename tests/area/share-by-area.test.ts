import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { focusRanking, focusTable } from "../../src/area/focus-ranking.js";
import { areaIndicators } from "../../src/area/area-indicators.js";
import { recordsTable } from "../../src/area/records-table.js";
import { shareByArea } from "../../src/area/share-by-area.js";

const rep = <T>(v: T, k: number): T[] => Array.from({ length: k }, () => v);
// 6 in Eden (4 far), 2 in Allerdale (1 far), 5 in Bolton (0 far), plus rows with a missing flag or area.
const lw = table({
  local_authority: [...rep("Eden", 6), ...rep("Allerdale", 2), ...rep("Bolton", 5), null, "Bolton"],
  far: [true, true, true, true, false, false, true, false, false, false, false, false, false, true, null],
});

describe("shareByArea(table, flag)", () => {
  it("lad19: one row per district with share, base and Wilson interval; missing flag or area left out", () => {
    const s = shareByArea(lw, "far", { geography: "lad19", suppress: false });
    expect(s).toHaveLength(39);
    const eden = s.find((a) => a.name === "Eden")!;
    // Wilson 95% for 4/6 by hand (z = 1.959964, z^2 = 3.841459): centre (4 + 1.920729)/(6 + 3.841459) = 0.601611;
    // half-width 1.959964 * sqrt(4*2/6 + 3.841459/4) / 9.841459 = 1.959964 * 1.514496 / 9.841459 = 0.301618,
    // so 0.299993 to 0.903229.
    expect(eden).toMatchObject({ successes: 4, n: 6, suppressed: false });
    expect(eden.percent).toBeCloseTo(66.667, 2);
    expect(eden.lower).toBeCloseTo(29.9993, 3);
    expect(eden.upper).toBeCloseTo(90.3229, 3);
    expect(s.find((a) => a.name === "Bolton")).toMatchObject({ n: 5, successes: 0, percent: 0 });
  });
  it("lad23 sums the Cumbria districts into their 2023 successors", () => {
    const s = shareByArea(lw, "far", { suppress: false });
    expect(s).toHaveLength(35);
    expect(s.find((a) => a.name === "Cumberland")).toMatchObject({ successes: 1, n: 2 });
    expect(s.find((a) => a.name === "Westmorland and Furness")).toMatchObject({ successes: 4, n: 6 });
  });
  it("suppresses areas answered by 1 to 4 respondents (default 5): share hidden, base kept", () => {
    const allerdale = shareByArea(lw, "far", { geography: "lad19" }).find((a) => a.name === "Allerdale")!;
    expect(allerdale).toMatchObject({ n: 2, suppressed: true, percent: null, lower: null });
    expect(
      shareByArea(lw, "far", { geography: "lad19", suppress: 7 }).find((a) => a.name === "Eden")!.suppressed,
    ).toBe(true);
  });
  it("suppresses an area whose count or complement is 1 to 4, not only by its base", () => {
    const s = shareByArea(lw, "far", { geography: "lad19" });
    // Eden: 4 of 6 say far, so the other 2 would be revealed by subtraction.
    expect(s.find((a) => a.name === "Eden")).toMatchObject({
      n: 6,
      suppressed: true,
      percent: null,
      upper: null,
    });
    // Bolton: 0 of 5 (a true zero, and a complement of 5) is shown.
    expect(s.find((a) => a.name === "Bolton")).toMatchObject({ n: 5, suppressed: false, percent: 0 });
  });
  it("lists areas with no valid responses as n = 0, share null, not suppressed", () => {
    const s = shareByArea(table({ local_authority: ["Eden"], far: [null] }), "far");
    expect(s.every((a) => a.n === 0 && a.percent === null && !a.suppressed)).toBe(true);
  });
  it("names the column and value of bad input", () => {
    expect(() => shareByArea(lw, "nope")).toThrow('shareByArea: the table has no column "nope"');
    expect(() => shareByArea(table({ local_authority: ["Leeds"], far: [true] }), "far")).toThrow(
      'shareByArea: column "local_authority" has "Leeds", not a North West district name',
    );
    expect(() => shareByArea(table({ local_authority: ["Eden"], far: ["yes"] }), "far")).toThrow(
      'shareByArea: column "far" has "yes", expected true, false or null',
    );
  });
});

describe("focusRanking(shares, indicators) and focusTable", () => {
  it("ranks areas by the mean position on share, IMD score and inactivity; leaves out suppressed and empty areas", () => {
    // 10 in Eden (5 far: count and complement both 5), 5 in Bolton (0 far), 2 in Allerdale (suppressed).
    const lw2 = table({
      local_authority: [...rep("Eden", 10), ...rep("Bolton", 5), ...rep("Allerdale", 2)],
      far: [...rep(true, 5), ...rep(false, 5), ...rep(false, 5), true, false],
    });
    const s = shareByArea(lw2, "far", { suppress: 5 });
    const r = focusRanking(s, areaIndicators("lad23"), "Far");
    // Ranked: Westmorland and Furness (50%, IMD 2025 17.8, inactive 17.9) and Bolton (0%, 31.4, 27.5).
    // W&F is highest on share, lowest on IMD and inactivity: (1 + 0 + 0)/3 = 0.333; Bolton (0 + 1 + 1)/3 = 0.667.
    expect(r.rows.map((x) => [x.indicators.name, Number(x.score.toFixed(3))])).toEqual([
      ["Bolton", 0.667],
      ["Westmorland and Furness", 0.333],
    ]);
    // "suppressed" and nothing more: no n.
    expect(r.unranked).toContainEqual({ name: "Cumberland", reason: "suppressed" });
    expect(r.unranked).toContainEqual({ name: "Wigan", reason: "no respondents" });
    const t = focusTable(r, ["Synthetic data."]);
    expect(t.head).toContain("IMD 2025 score (rank of 296)");
    expect(t.toMarkdown()).toContain("| 1 | Bolton | 0% | 5 |");
    expect(t.toString()).toContain("Synthetic data.");
  });
  it("refuses shares and indicators on different geographies", () => {
    const s = shareByArea(lw, "far", { geography: "lad19" });
    expect(() => focusRanking(s, areaIndicators("lad23"), "Far")).toThrow(
      /no indicators for area Allerdale \(E07000026\)/,
    );
  });
  it("ranks nothing when no area has valid responses", () => {
    const s = shareByArea(table({ local_authority: [null], far: [true] }), "far");
    expect(focusRanking(s, areaIndicators("lad23"), "Far").rows).toEqual([]);
  });
});

describe("recordsTable", () => {
  it("renders caption, cells and notes, and names a row of the wrong width", () => {
    const t = recordsTable("Claims", ["Claim", "Verdict"], [["A", "supported"]], ["Synthetic data."]);
    expect(t.toHTML()).toContain("<caption>Claims</caption>");
    expect(t.toMarkdown()).toContain("| A | supported |");
    expect(() => recordsTable("Claims", ["Claim", "Verdict"], [["A"]])).toThrow(
      'recordsTable "Claims": row 1 has 1 cells, the header has 2',
    );
  });
});
