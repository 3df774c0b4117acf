import { beforeAll, describe, expect, it, vi } from "vitest";
import { openSection } from "../../src/kit/section.js";
import { showFamily } from "../../src/kit/show-family.js";
import { presentSplits, splitOf } from "../../src/kit/present-splits.js";
import { compareWithEach, compareInRankOrder } from "../../src/kit/option-pairs.js";
import { percentsOf } from "../../src/kit/percents-of.js";
import { itemLabels, itemBases } from "../../src/kit/likert-items.js";
import { activeLivesBars } from "../../src/kit/active-lives-bars.js";
import { activeLivesTrend } from "../../src/kit/active-lives-trend.js";
import { compareOptions } from "../../src/multi-select/compare-options.js";
import { outcomeByOption } from "../../src/multi-select/outcome-by-option.js";
import { familyRow } from "../../src/kit/family-table.js";
import { adjustFamily } from "../../src/stats/adjust-p.js";
import { formatPercent, likertSummary } from "../../src/tabulate/index.js";
import { codebook, question } from "../../src/codebook/codebooks.js";
import type { Section } from "../../src/kit/section.js";
import type { Figure } from "../../src/figures/types.js";
import type { RecordsTable } from "../../src/area/records-table.js";

// The display calls are replaced by recorders: outside a kernel they emit nothing, and these tests check what
// the kit shows and in which order.
const shown = vi.hoisted(() => [] as { kind: "table" | "figure"; value: unknown }[]);
vi.mock("../../src/display/show-table.js", () => ({
  showTable: (value: unknown) => void shown.push({ kind: "table", value }),
}));
vi.mock("../../src/display/show.js", () => ({
  show: async (value: unknown) => void shown.push({ kind: "figure", value }),
}));

vi.mock("../../src/published/show-receipts.js", () => ({
  showReceipts: (receipts: unknown) => void shown.push({ kind: "table", value: receipts }),
}));

let s: Section;
beforeAll(() => {
  s = openSection("social-prescription", { quiet: true, area: "" });
});

describe("s.present: a table and its chart in one call", () => {
  it("shows the table, then the chart with the title, the source note and the survey's unit", async () => {
    shown.length = 0;
    const training = s.frequencies(s.lw, "pa_training", { caption: "Training" });
    expect(await s.present(training, "Four in five had no training")).toBeUndefined();
    expect(shown.map((x) => x.kind)).toEqual(["table", "figure"]);
    expect(shown[0]!.value).toBe(training);
    const figure = shown[1]!.value as Figure;
    expect(figure.summary.title).toBe("Four in five had no training");
    expect(figure.summary.base).toBe(`n = ${training.base} Link Workers answering`);
    expect(figure.summary.note).toBe(s.note);
    shown.length = 0;
    await s.present(s.multiResponse(s.pv, "challenges"), "Distance first", { unit: "providers ticking" });
    expect((shown[1]!.value as Figure).summary.base).toMatch(/ providers ticking$/);
    shown.length = 0;
    await s.present(s.crosstab(s.pv, "scale", { by: "funding_needed", percent: "row" }), "t", {
      type: "stacked",
    });
    expect((shown[1]!.value as Figure).summary.base).toMatch(/ providers answering$/);
  });
});

describe("s.showReceipts: an id ending in * stands for every receipt it starts", () => {
  it("expands a prefix in the section's order, and names a prefix that matches nothing", () => {
    shown.length = 0;
    s.showReceipts(["lw-knows-guideline-by-*", "lw-trained"]);
    const ids = (shown[0]!.value as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(["lw-knows-guideline-by-training", "lw-knows-guideline-by-activity", "lw-trained"]);
    expect(s.coverage()).toMatch(/receipts shown for 3$/);
    expect(() => s.showReceipts(["lw-confidnet-*"])).toThrow(
      /section\.showReceipts: no receipt matching "lw-confidnet-\*"/,
    );
  });
});

describe("showFamily: adjust a family and show it as one table", () => {
  it("shows the table familyTable gives for adjustFamily of the same rows", () => {
    shown.length = 0;
    const a = s.crosstab(s.lw, "knows_guideline", { by: "trained" });
    const b = s.crosstab(s.lw, "knows_guideline", { by: "meets_guideline" });
    const rows = [familyRow("by training", a), familyRow("by activity", b)];
    expect(showFamily("two tests", rows, "Two tests", { notes: ["A note."] })).toBeUndefined();
    const table = shown[0]!.value as RecordsTable;
    const adjusted = adjustFamily("two tests", rows);
    expect(table.rows.map((r) => r[0])).toEqual(["by training", "by activity"]);
    expect(table.toString()).toContain(adjusted.note);
    expect(table.toString()).toContain("A note.");
    expect(showFamily("bonferroni", rows, "B", { method: "bonferroni" })).toBeUndefined();
    expect((shown[1]!.value as RecordsTable).toString()).toContain("Bonferroni-adjusted");
  });
});

describe("presentSplits / splitOf: an outcome by each option, the claimed splits shown", () => {
  it("shows the named splits' tables in order, then the grouped bars of every option", async () => {
    shown.length = 0;
    const consult = outcomeByOption(s.pv, "consult", "confident_additional_needs", {
      names: ["Consult", "Do not"],
    });
    await presentSplits(consult, ["Under-represented groups", "Participants"], {
      title: "Consulting goes with confidence",
      unit: "providers answering both questions",
      axisTitle: "% confident",
    });
    expect(shown.map((x) => x.kind)).toEqual(["table", "table", "figure"]);
    expect(shown[0]!.value).toBe(splitOf(consult, "Under-represented groups").result);
    expect(shown[1]!.value).toBe(splitOf(consult, "Participants").result);
    const figure = shown[2]!.value as Figure;
    expect(figure.summary.base).toBe(
      `n = ${consult.splits[0]!.result.base} providers answering both questions`,
    );
    expect(() => splitOf(consult, "Participant")).toThrow(
      /splitOf: no option of consult "Participant"; did you mean "Participants"/,
    );
  });
});

describe("compareWithEach / compareInRankOrder: the paired comparisons behind a ranking", () => {
  it("are compareOptions of each pair", () => {
    const each = compareWithEach(s.lw, "more_provision", "Physical activity", [
      "Mental health support",
      "Peer support groups",
    ]);
    const direct = compareOptions(s.lw, "more_provision", "Physical activity", "Peer support groups");
    expect(each.map((c) => c.b)).toEqual(["Mental health support", "Peer support groups"]);
    expect(each[1]!.p).toBe(direct.p);
    expect(each[1]!.difference).toBe(direct.difference);
    const ranked = compareInRankOrder(s.pv, "challenges", [
      "Distance of travel to activities",
      "Levels of health and fitness",
      "Mental health",
    ]);
    expect(ranked.map((c) => [c.a, c.b])).toEqual([
      ["Distance of travel to activities", "Levels of health and fitness"],
      ["Levels of health and fitness", "Mental health"],
    ]);
    expect(ranked[1]!.p).toBe(
      compareOptions(s.pv, "challenges", "Levels of health and fitness", "Mental health").p,
    );
    expect(() => compareInRankOrder(s.pv, "challenges", ["Mental health"])).toThrow(
      /compareInRankOrder: a ranking needs two/,
    );
    expect(() => compareWithEach(s.pv, "challenges", "Mental health", [])).toThrow(
      /compareWithEach: no options/,
    );
  });
});

describe("percentsOf, itemLabels, itemBases, activeLivesBars", () => {
  it("percentsOf formats the cells' percentages as tables do", () => {
    const k = s.frequencies(s.lw, "knowledge_of_provision");
    expect(percentsOf(k, ["No", "Yes"])).toEqual([
      formatPercent(k.cell("No").percent),
      formatPercent(k.cell("Yes").percent),
    ]);
    expect(() => percentsOf(k, ["Noo"])).toThrow(
      /percentsOf: no level of knowledge_of_provision "Noo"; did you mean "No"/,
    );
  });

  it("itemLabels keys the codebook's item labels by tidy column; itemBases spans the items' bases", () => {
    const labels = itemLabels("link-worker", "provision_rating");
    const items = question(codebook("link-worker"), "provision_rating").items!;
    expect(Object.keys(labels)).toEqual(items.map((i) => `provision_rating__${i.code}`));
    expect(Object.values(labels)).toEqual(items.map((i) => i.label));
    expect(() => itemLabels("link-worker", "provision_ratin")).toThrow(
      /itemLabels: no question "provision_ratin" in the link-worker codebook; did you mean "provision_rating"/,
    );
    expect(() => itemLabels("link-worker", "pa_training")).toThrow(/is not a grid/);
    const rating = likertSummary(s.lw, "provision_rating", { labels });
    expect(rating.rowLevels).toEqual(items.map((i) => i.label));
    expect(itemBases(rating, "Link Workers")).toEqual({
      n: Math.min(...rating.rowBases),
      unit: `or more Link Workers per item (up to ${Math.max(...rating.rowBases)})`,
    });
  });

  it("activeLivesBars: the districts' mean over the years and England's latest year", () => {
    const trend = activeLivesTrend(["2018/19", "2019/20"]);
    const bars = activeLivesBars(trend);
    expect(bars).toEqual([
      { label: "North West adults 19+, mean of districts 2018/19-2019/20 (Active Lives)", value: trend.mean },
      { label: "England adults 19+, 2019/20 (Active Lives)", value: trend.years[1]!.england },
    ]);
  });
});
