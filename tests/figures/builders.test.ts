import { describe, expect, it } from "vitest";
import { barChart } from "../../src/figures/bar.js";
import { divergingLikert } from "../../src/figures/diverging-likert.js";
import { publishedVsComputed, withinPublished } from "../../src/figures/dot-range.js";
import { groupedBar } from "../../src/figures/grouped-bar.js";
import { hexMap } from "../../src/figures/hex-map.js";
import { pathwayScorecard } from "../../src/figures/scorecard.js";
import { stacked100 } from "../../src/figures/stacked100.js";
import { SYNTHETIC_NOTE } from "../../src/figures/theme.js";
import * as S from "./samples.js";
import { specJSON } from "./spec-snapshot.js";

const opts = { title: "A finding stated as a sentence", base: S.base };
type Trace = Record<string, unknown>;
const trace = (fig: { data: readonly unknown[] }, i: number) => fig.data[i] as Trace;

describe("figure specs (file snapshots, numbers rounded)", () => {
  it("barChart(data) spec", async () => {
    await expect(specJSON(barChart(S.referralSources, opts))).toMatchFileSnapshot("__snapshots__/bar.json");
  });
  it("groupedBar(groups) spec", async () => {
    await expect(specJSON(groupedBar(S.trainingGroups, opts))).toMatchFileSnapshot(
      "__snapshots__/grouped-bar.json",
    );
  });
  it("stacked100(levels, rows) spec", async () => {
    const fig = stacked100(S.scaleLevels, S.fundingRows, { ...opts, scale: true });
    await expect(specJSON(fig)).toMatchFileSnapshot("__snapshots__/stacked100.json");
  });
  it("divergingLikert(levels, items) spec", async () => {
    const fig = divergingLikert(S.ratingLevels, S.ratingItems, opts);
    await expect(specJSON(fig)).toMatchFileSnapshot("__snapshots__/diverging-likert.json");
  });
  it("publishedVsComputed(rows) spec", async () => {
    await expect(specJSON(publishedVsComputed(S.receipts, opts))).toMatchFileSnapshot(
      "__snapshots__/dot-range.json",
    );
  });
  it("hexMap(values) spec on the North West layout", async () => {
    await expect(specJSON(hexMap(S.areaValues, opts))).toMatchFileSnapshot("__snapshots__/hex-map.json");
  });
  it("pathwayScorecard(indicators) spec", async () => {
    await expect(specJSON(pathwayScorecard(S.scorecard, opts))).toMatchFileSnapshot(
      "__snapshots__/scorecard.json",
    );
  });
});

describe("theme", () => {
  it("every builder states the finding as title, the base as subtitle and the synthetic note by default", () => {
    const figs = [
      barChart(S.referralSources, opts),
      groupedBar(S.trainingGroups, opts),
      stacked100(S.scaleLevels, S.fundingRows, opts),
      divergingLikert(S.ratingLevels, S.ratingItems, opts),
      publishedVsComputed(S.receipts, opts),
      hexMap(S.areaValues, opts),
      pathwayScorecard(S.scorecard, opts),
    ];
    for (const fig of figs) {
      const title = (fig.layout.title as { text: string }).text;
      expect(title).toContain("<b>A finding stated as a sentence</b>");
      expect(title).toContain("n = 214 Link Workers");
      const notes = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
      expect(notes).toContain("Synthetic data calibrated to the published report");
      expect(fig.summary.note).toBe(SYNTHETIC_NOTE);
    }
  });
  it("the source note is an option", () => {
    const fig = barChart(S.referralSources, { ...opts, note: "Source: NW Link Worker survey 2022" });
    expect((fig.layout.annotations as { text: string }[])[0]!.text).toBe(
      "Source: NW Link Worker survey 2022",
    );
  });
  it("a base given as a string is used verbatim", () => {
    const fig = barChart(S.referralSources, { ...opts, base: "n = 160 providers" });
    expect(fig.summary.base).toBe("n = 160 providers");
  });
});

describe("barChart", () => {
  it("sorts by value, largest first, with missing and suppressed rows last", () => {
    const fig = barChart(S.referralSources, opts);
    expect(fig.summary.rows.map((r) => r[0])).toEqual([
      "GP practice",
      "Self-referral",
      "Social landlord",
      "Community mental health team",
      "Police",
      "Fire service",
    ]);
  });
  it("keeps the given order when the scale is ordered", () => {
    const fig = barChart(S.referralSources, { ...opts, ordered: true });
    expect(fig.summary.rows.map((r) => r[0])).toEqual(S.referralSources.map((d) => d.label));
  });
  it("draws whiskers from the interval: 89.3 (84.4-92.8) gives +3.5/-4.9", () => {
    const bars = trace(barChart(S.referralSources, opts), 0);
    const err = bars.error_x as { array: number[]; arrayminus: number[] };
    expect(err.array[0]).toBeCloseTo(3.5, 5);
    expect(err.arrayminus[0]).toBeCloseTo(4.9, 5);
  });
  it("shows missing and suppressed values as labels, not as zero-length bars", () => {
    const fig = barChart(S.referralSources, opts);
    expect((trace(fig, 0).x as unknown[]).slice(-2)).toEqual([null, null]);
    expect((trace(fig, 1).text as string[]).slice(-2).map((t) => t.trim())).toEqual([
      "suppressed",
      "no data",
    ]);
    expect(fig.summary.footnotes).toContain(
      "Suppressed: counts below the disclosure threshold are not shown.",
    );
  });
  it("with no valid responses says so in the figure", () => {
    const fig = barChart([{ label: "GP practice", value: null }], opts);
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toContain(
      "No valid responses to show",
    );
  });
  it("rejects a duplicate label, naming it", () => {
    expect(() =>
      barChart(
        [
          { label: "GP", value: 1 },
          { label: "GP", value: 2 },
        ],
        opts,
      ),
    ).toThrow('barChart: label "GP" appears twice');
  });
});

describe("groupedBar", () => {
  it("sorts categories by their mean across groups: moderate (61.4) above guideline (47.9)", () => {
    expect(groupedBar(S.trainingGroups, opts).summary.rows.map((r) => r[0])).toEqual([
      "Knew what counts as moderate",
      "Knew the 150-minute guideline",
    ]);
  });
  it("treats a category missing from one group as missing there", () => {
    const fig = groupedBar(
      [
        {
          name: "A",
          data: [
            { label: "x", value: 10 },
            { label: "y", value: 20 },
          ],
        },
        { name: "B", data: [{ label: "x", value: 30 }] },
      ],
      opts,
    );
    expect(trace(fig, 1).x).toEqual([30, null]);
  });
  it("with no valid responses says so", () => {
    const fig = groupedBar([{ name: "A", data: [{ label: "x", value: null }] }], opts);
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toContain(
      "No valid responses to show",
    );
  });
});

describe("stacked100", () => {
  it("turns counts into row shares: 6 of 37 is 16.22%", () => {
    const fig = stacked100(S.scaleLevels, S.fundingRows, opts);
    const need = fig.summary.rows.findIndex((r) => r[0] === "Need funding");
    expect((trace(fig, 0).x as number[])[need]).toBeCloseTo(16.22, 2);
  });
  it("leaves a row with a suppressed count blank and labelled", () => {
    const fig = stacked100(S.scaleLevels, S.fundingRows, opts);
    expect(fig.summary.rows.find((r) => r[0] === "Not sure")).toContain("suppressed");
  });
  it("rejects a row whose counts do not match the levels, naming the row", () => {
    expect(() => stacked100(["a", "b"], [{ label: "r1", counts: [1] }], opts)).toThrow(
      'stacked100: row "r1" has 1 counts for 2 levels',
    );
  });
  it("with no valid responses says so", () => {
    const fig = stacked100(["a", "b"], [{ label: "r1", counts: [0, 0] }], opts);
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toContain(
      "No valid responses to show",
    );
  });
});

describe("divergingLikert", () => {
  it("splits the neutral level across zero and puts disagreement left", () => {
    const fig = divergingLikert(S.ratingLevels, S.ratingItems, opts);
    const [negHalf, posHalf] = [trace(fig, 0), trace(fig, 1)];
    expect(negHalf.name).toBe("Neither good nor poor");
    // Instructors: 48 of 214 neutral = 22.43%, half each side.
    const row = fig.summary.rows.findIndex((r) => r[0] === "Instructors");
    expect((negHalf.x as number[])[row]).toBeCloseTo(-11.21, 2);
    expect((posHalf.x as number[])[row]).toBeCloseTo(11.21, 2);
    const poor = fig.data.find((t) => t.name === "Poor") as Trace;
    expect((poor.x as number[])[row]).toBeLessThan(0);
  });
  it("sorts items by net agreement: instructors (+64) first, client support (-10) last", () => {
    // Instructors: (102+50-4-10)/214 = +64.5 points; support: (48+13-22-61)/214 = -10.3 points.
    const rows = divergingLikert(S.ratingLevels, S.ratingItems, opts).summary.rows;
    expect(rows[0]!.slice(0, 1).concat(rows[0]!.slice(-2, -1))).toEqual(["Instructors", "+64"]);
    expect(rows[rows.length - 1]![0]).toBe("Support given to clients");
  });
  it("rejects an item with the wrong number of counts, naming it", () => {
    expect(() => divergingLikert(S.ratingLevels, [{ label: "Cost", counts: [1, 2] }], opts)).toThrow(
      'divergingLikert: item "Cost" has 2 counts for 5 levels',
    );
  });
  it("with no valid responses says so", () => {
    const fig = divergingLikert(S.ratingLevels, [{ label: "Cost", counts: [0, 0, 0, 0, 0] }], opts);
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toContain(
      "No valid responses to show",
    );
  });
});

describe("publishedVsComputed", () => {
  it("judges a computed value against the published range", () => {
    expect(withinPublished(S.receipts[2]!)).toBe(true);
    expect(
      withinPublished({
        label: "x",
        published: { value: 18, lower: 17.5, upper: 18.5 },
        computed: { label: "x", value: 19 },
      }),
    ).toBe(false);
    expect(withinPublished(S.receipts[3]!)).toBeNull();
  });
  it("lists a suppressed computed value as suppressed", () => {
    const row = publishedVsComputed(S.receipts, opts).summary.rows.find(
      (r) => r[0] === "Received PA training",
    );
    expect(row?.[3]).toBe("suppressed");
  });
});

describe("hexMap", () => {
  it("places odd-r hexes: odd rows shift half a hex right", () => {
    const fig = hexMap(S.areaValues, opts);
    const labels = trace(fig, 0);
    const names = (labels.customdata as string[]).map((c) => c.split(":")[0]);
    const x = labels.x as number[];
    // Halton q=1 r=11 (odd): x = sqrt(3) * 1.5 = 2.598; Warrington q=2 r=11 (odd): sqrt(3) * 2.5 = 4.330.
    expect(x[names.indexOf("Halton")]).toBeCloseTo(2.598, 3);
    expect(x[names.indexOf("Warrington")]).toBeCloseTo(4.33, 3);
  });
  it("shows suppressed and missing areas as such, grey", () => {
    const fig = hexMap(S.areaValues, opts);
    // Each hex reads "<short name><br><value or status>". Suppressed: the one flagged, and three handed in as
    // raw numbers whose count or complement is 1-4 (12.5% of 8 = 1, 30% of 10 = 3, 22.2% of 9 = 2).
    const status = (trace(fig, 0).text as string[]).map((t) => t.split("<br>")[1]);
    expect(status.filter((t) => t === "supp.")).toHaveLength(4);
    expect(status.filter((t) => t === "no data")).toHaveLength(29);
    expect(fig.summary.footnotes.join(" ")).toMatch(/4 areas suppressed .* 29 areas with no data/);
  });
  it("says 'suppressed' and nothing more for a suppressed area (no n in hover or table)", () => {
    const fig = hexMap(S.areaValues, opts);
    const hover = trace(fig, 0).customdata as string[];
    expect(hover).toContain("Halton: suppressed");
    expect(hover).toContain("Blackburn with Darwen: 46%, n = 11");
    expect(hover.filter((h) => /suppressed.*n =/.test(h))).toEqual([]);
    expect(fig.summary.rows.find((r) => r[0] === "Halton")).toEqual([
      "Halton",
      "E06000006",
      "suppressed",
      "",
    ]);
    // suppress: false keeps raw numbers as given (for values that are not respondent shares).
    const off = hexMap(S.areaValues, { ...opts, suppress: false });
    expect(off.summary.rows.find((r) => r[0] === "Halton")?.[3]).toBe("8");
  });
  it("rejects an area code the layout lacks, naming it", () => {
    expect(() => hexMap([{ code: "E99999999", value: 1 }], opts)).toThrow('hexMap: area code "E99999999"');
  });
  it("with no valid responses says so", () => {
    const fig = hexMap([], opts);
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toContain(
      "No valid responses to show",
    );
  });
});

describe("pathwayScorecard", () => {
  it("draws the four stages left to right and says the indicators are not flows", () => {
    const fig = pathwayScorecard(S.scorecard, opts);
    const heads = (fig.layout.annotations as { text: string }[])
      .map((a) => a.text)
      .filter((t) => /^<b>\d\./.test(t));
    expect(heads).toEqual([
      "<b>1. Initial contact</b>",
      "<b>2. Social prescription</b>",
      "<b>3. Provision</b>",
      "<b>4. Outcomes</b>",
    ]);
    expect(fig.summary.footnotes[0]).toMatch(/not of referrals/);
    expect(fig.data.every((t) => t.type === "scatter" || t.type === "bar")).toBe(true);
  });
  it("rejects an unknown stage, naming it", () => {
    expect(() => pathwayScorecard([{ stage: "Referral" as "Outcomes", label: "x", value: 1 }], opts)).toThrow(
      'pathwayScorecard: stage "Referral"',
    );
  });
  it("with no indicators says so in each panel", () => {
    const fig = pathwayScorecard([], opts);
    expect(
      (fig.layout.annotations as { text: string }[]).filter((a) => a.text === "No indicators"),
    ).toHaveLength(4);
  });
});

describe("publishedVsComputed verbal claims", () => {
  it("draws a verbal claim as its band with the words on it, and no published point", () => {
    const fig = publishedVsComputed(S.receipts, opts);
    const points = trace(fig, 0);
    const bands = trace(fig, 1);
    const words = trace(fig, 2);
    const labels = points.y as string[];
    const i = labels.indexOf("Measure social isolation");
    expect((points.x as (number | null)[])[i]).toBeNull();
    expect(bands.x).toEqual([37, 40, null]);
    expect(bands.y).toEqual(["Measure social isolation", "Measure social isolation", null]);
    expect(words.text).toEqual(["just shy of 40%"]);
    expect(words.x).toEqual([38.5]);
    const row = fig.summary.rows.find((r) => r[0] === "Measure social isolation");
    expect(row?.slice(1, 3)).toEqual(['"just shy of 40%"', "37–40%"]);
  });
  it("honours open ends: 40 is outside [37, 40), 37 inside", () => {
    const row = (value: number) => ({
      label: "x",
      published: { words: "just shy of 40%", lower: 37, upper: 40, interval: "[)" as const },
      computed: { label: "x", value },
    });
    expect([withinPublished(row(40)), withinPublished(row(37))]).toEqual([false, true]);
  });
  it("rejects a verbal claim without a range and a number that is not one, naming the row", () => {
    expect(() =>
      publishedVsComputed(
        [{ label: "Half", published: { words: "almost half" }, computed: { label: "h", value: 48 } }],
        opts,
      ),
    ).toThrow('row "Half" is a verbal claim ("almost half") and needs a lower and upper bound');
    expect(() =>
      publishedVsComputed(
        [{ label: "N", published: { value: Number.NaN }, computed: { label: "n", value: 48 } }],
        opts,
      ),
    ).toThrow('row "N" has published value NaN');
  });
});

describe("publishedVsComputed ranges", () => {
  it("states the published range to one decimal, as the wording allows (88.5–89.5%, not 89–90%)", () => {
    const row = publishedVsComputed(S.receipts, opts).summary.rows.find((r) => r[0] === "Referrals from GPs");
    expect(row?.[2]).toBe("88.5–89.5%");
  });
});
