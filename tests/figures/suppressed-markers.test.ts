import { describe, expect, it } from "vitest";
import { divergingLikert } from "../../src/figures/diverging-likert.js";
import { table } from "arquero";
import { withLevels } from "../../src/codebook/levels.js";
import { chart } from "../../src/figures/chart.js";
import { likertFromSummary } from "../../src/figures/from-tabulation.js";
import { groupedBar } from "../../src/figures/grouped-bar.js";
import { likertSummary } from "../../src/tabulate/index.js";
import { rep } from "../tabulate/fixtures.js";
import * as S from "./samples.js";
import { specJSON } from "./spec-snapshot.js";

// Invented inputs shaped like an area-level breakdown, where disclosure control hides part of a row or group.
const opts = { title: "A finding stated as a sentence", base: S.base };
type Trace = Record<string, unknown>;

const groups = [
  {
    name: "Active Cumbria",
    data: [
      { label: "Knew the 150-minute guideline", value: 61.0, lower: 45.8, upper: 74.3, n: 41 },
      { label: "Knew what counts as moderate", value: null, suppressed: true, n: 41 },
    ],
  },
  {
    name: "Active Lancashire",
    data: [
      { label: "Knew the 150-minute guideline", value: 34.7, lower: 28.0, upper: 42.0, n: 173 },
      { label: "Knew what counts as moderate", value: 52.0, lower: 44.6, upper: 59.3, n: 173 },
    ],
  },
];
const items = [
  { label: "Instructors", counts: [4, 10, 48, 102, 50] },
  // Two hidden levels; the base may be shown, so the other three stay drawn at count / total.
  { label: "Support given to clients", counts: [null, 21, 30, 18, null], total: 78 },
  // Base hidden too: nothing may be drawn.
  { label: "Variety of provision", counts: [null, null, 3, null, null] },
];

describe("charts say what was hidden", () => {
  it("groupedBar: a suppressed cell keeps its slot with a 'suppressed' marker; the rest is drawn (spec)", async () => {
    const fig = groupedBar(groups, opts);
    const marker = fig.data.find((t) => t.type === "scatter") as Trace;
    expect(marker.text).toEqual(["suppressed"]);
    expect(marker.offsetgroup).toBe("0");
    expect((fig.data[0] as Trace).offsetgroup).toBe("0");
    expect(fig.layout.scattermode).toBe("group");
    expect((fig.data[1] as Trace).x).toEqual([52, 34.7]);
    await expect(specJSON(fig)).toMatchFileSnapshot("__snapshots__/grouped-bar-suppressed.json");
  });
  it("groupedBar without suppressed cells has no marker traces (spec unchanged)", () => {
    expect(groupedBar(S.trainingGroups, opts).data.every((t) => t.type === "bar")).toBe(true);
  });
  it("divergingLikert: a partly hidden item keeps its shown levels and a grey Suppressed segment (spec)", async () => {
    const fig = divergingLikert(S.ratingLevels, items, opts);
    const bars = fig.data as unknown as Trace[];
    const suppressed = bars.find((t) => t.name === "Suppressed (small counts)")!;
    const row = (t: Trace) =>
      (t.x as (number | null)[])[(t.y as string[]).indexOf("Support given to clients")];
    // Shown: 21, 30 (neutral, split), 18 of 78; hidden together: 9 of 78 = 11.54%.
    expect(row(bars.find((t) => t.name === "Poor")!)).toBeCloseTo((-100 * 21) / 78, 2);
    expect(row(bars.find((t) => t.name === "Good")!)).toBeCloseTo((100 * 18) / 78, 2);
    expect(row(suppressed)).toBeCloseTo((100 * 9) / 78, 2);
    expect(row(bars.find((t) => t.name === "Very poor")!)).toBeNull();
    const marker = bars.find((t) => t.type === "scatter")!;
    expect(marker.y).toEqual(["Variety of provision"]);
    expect(marker.text).toEqual(["suppressed"]);
    const support = fig.summary.rows.find((r) => r[0] === "Support given to clients")!;
    expect(support).toEqual([
      "Support given to clients",
      "suppressed",
      "27%",
      "38%",
      "23%",
      "suppressed",
      "–",
      "78",
    ]);
    await expect(specJSON(fig)).toMatchFileSnapshot("__snapshots__/diverging-likert-suppressed.json");
  });
  it("divergingLikert without hidden counts is unchanged (no suppressed traces)", () => {
    const fig = divergingLikert(S.ratingLevels, S.ratingItems, opts);
    expect(fig.data.some((t) => t.name === "Suppressed (small counts)" || t.type === "scatter")).toBe(false);
  });
});

describe("a Likert item across areas (likertSummary with { by }) as a diverging chart", () => {
  // Invented: one item on a three-point scale in three areas; B and C each have one small count.
  const t = withLevels(
    table({
      q: [
        ...rep<string | null>(["Lo", 6], ["Mid", 7], ["Hi", 8]),
        ...rep<string | null>(["Lo", 2], ["Mid", 5], ["Hi", 9]),
        ...rep<string | null>(["Lo", 3], ["Mid", 5], ["Hi", 10]),
      ],
      area: rep(["A", 21], ["B", 16], ["C", 18]),
    }),
    { q: ["Lo", "Mid", "Hi"] },
  );
  const l = likertSummary(t, "q", { by: "area" });

  it("likertFromSummary passes each row's shown base, so a row with hidden cells keeps its shown levels", () => {
    expect(likertFromSummary(l).map((i) => [i.label, i.counts, i.total])).toEqual([
      ["A", [6, 7, 8], 21],
      ["B", [null, null, 9], 16],
      ["C", [null, null, 10], 18],
    ]);
  });

  it("draws one row per area; hidden cells are one marked 'Suppressed' segment, the rest drawn (spec)", async () => {
    const fig = chart(l, { title: "A finding stated as a sentence", base: S.base });
    const bars = fig.data as unknown as Trace[];
    const at = (name: string) => bars.find((b) => b.name === name)!.x as (number | null)[];
    expect(bars.find((b) => b.name === "Hi")!.y).toEqual(["A", "B", "C"]);
    expect(at("Hi")).toEqual([38.1, 56.25, 55.56]);
    expect(at("Suppressed (small counts)")).toEqual([null, 43.75, 44.44]);
    expect(at("Lo")).toEqual([-28.57, null, null]);
    // No row is blank: no "suppressed" word at zero.
    expect(bars.some((b) => b.type === "scatter")).toBe(false);
    expect(fig.summary.rows[1]).toEqual(["B", "suppressed", "suppressed", "56%", "–", "16"]);
    await expect(specJSON(fig)).toMatchFileSnapshot("__snapshots__/diverging-likert-by-area.json");
  });
});
