import { describe, it, expect } from "vitest";
import * as aq from "arquero";
import { alternativeReadings, compareReadings, readingsTable } from "../../src/published/readings.js";
import { publishedFigure } from "../../src/published/figures.js";
import { receiptComparisons } from "../../src/published/comparisons.js";
import {
  receiptsAtSampleSizes,
  sampleSizeTable,
  subsample,
  misstatedFigure,
} from "../../src/published/sample-size.js";
import { computeReceipts } from "../../src/published/compute.js";
import { rankingProvenance, rankingProvenanceTable } from "../../src/published/provenance.js";

describe("rankingProvenance()", () => {
  it("lists every ranking claim with its question, and marks which question texts the report quotes", () => {
    const rs = rankingProvenance();
    const byId = new Map(rs.map((r) => [r.id, r]));
    expect(byId.get("lw-referrals-gp-top")).toMatchObject({
      question: "referral_sources",
      questionText: "verbatim",
      options: 8,
    });
    expect(byId.get("lw-referrals-loneliness-prominent")).toMatchObject({
      question: "referral_reasons",
      questionText: "reconstructed",
    });
    expect(byId.get("lw-confident-inactive-lowest")).toMatchObject({
      question: "activity_band",
      questionText: "derived",
    });
    expect(rs.every((r) => r.question !== "(unnamed)")).toBe(true);
    expect(rankingProvenanceTable().rows).toHaveLength(rs.length);
  });
});

describe("compareReadings(tables)", () => {
  it("every alternative reading names a published figure", () => {
    for (const a of alternativeReadings()) expect(() => publishedFigure(a.id), a.id).not.toThrow();
  });
  it("the 13% as a column share: of 40 providers needing funding 10 are neighbourhood (25%), not the row share 50%", () => {
    // hand calculation: row share = 10 of 20 neighbourhood providers (50%); column share = 10 of the 40 needing funding (25%)
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => ({ scale: "Neighbourhood", needs_funding: i < 10 })),
      ...Array.from({ length: 30 }, () => ({ scale: "National", needs_funding: true })),
    ];
    const alt = alternativeReadings().filter((a) => a.id === "prov-neighbourhood-needs-funding");
    const [c] = compareReadings({ provider: rows }, alt);
    expect([c!.ours.computed, c!.other.computed]).toEqual([50, 25]);
    expect([c!.ours.pass, c!.other.pass, c!.changes]).toEqual([false, false, false]);
  });
  it("a band reading re-judges the same share: 48% passes [40, 50) and fails [49, 50)", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({
      more_provision: i < 48 ? ["Physical activity"] : [],
    }));
    const cs = compareReadings(
      { "link-worker": rows },
      alternativeReadings().filter((a) => a.id === "lw-more-pa-provision"),
    );
    expect(cs.map((c) => [c.ours.pass, c.other.pass, c.changes])).toEqual([
      [true, true, false],
      [true, false, true],
    ]);
    const t = readingsTable(cs, "Synthetic.");
    expect(t.rows[1]![6]).toBe("FAIL (changes)");
    expect(t.notes).toContain("Synthetic.");
  });
  it("skips readings of a survey whose table is not given", () => {
    expect(compareReadings({ provider: [] }).every((c) => c.ours.survey === "provider")).toBe(true);
  });
});

describe("receiptComparisons(receipts)", () => {
  const rows = Array.from({ length: 100 }, (_, i) => ({
    trained: i < 19,
    more_provision: i < 48 ? ["Physical activity"] : [],
    referral_sources: ["GPs"],
  }));
  const rs = computeReceipts({ "link-worker": rows }).filter((r) =>
    ["lw-trained", "lw-more-pa-provision", "lw-referrals-gp-top"].includes(r.id),
  );
  it("labels rows by name, draws a number with its value and a verbal claim as words with a band, and leaves out ranks", () => {
    const cs = receiptComparisons(rs);
    expect(cs.map((c) => c.label)).toEqual([
      "Link Workers with physical activity training",
      "Link Workers wanting more physical activity provision",
    ]);
    expect(cs[0]!.published).toMatchObject({ value: 19, lower: 18.5, upper: 19.5 });
    expect(cs[1]!.published).toEqual({ words: "almost half", lower: 47, upper: 50, interval: "[)" });
    expect(cs[1]!.published).not.toHaveProperty("value");
  });
});

describe("subsample and receiptsAtSampleSizes", () => {
  const t = aq.table({
    i: Array.from({ length: 300 }, (_, k) => k),
    trained: Array.from({ length: 300 }, (_, k) => k % 5 === 0),
  });
  it("subsample(table, n, seed) keeps n distinct rows, the same ones for the same seed", () => {
    const a = subsample(t, 69, 7).array("i") as number[];
    expect(a).toHaveLength(69);
    expect(new Set(a).size).toBe(69);
    expect(subsample(t, 69, 7).array("i")).toEqual(a);
    expect(subsample(t, 69, 8).array("i")).not.toEqual(a);
    expect(subsample(t, 500).numRows()).toBe(300);
    expect(() => subsample(t, 0)).toThrow("subsample: n must be a whole number of at least 1, got 0");
  });
  it("intervals narrow as the subsample grows, and the table says whether each reaches the published band", () => {
    const rows = receiptsAtSampleSizes({ "link-worker": t }, ["lw-trained"], [69, 300]);
    expect(rows.map((r) => r.receipt.n)).toEqual([69, 300]);
    expect(rows[0]!.width!).toBeGreaterThan(rows[1]!.width!);
    // hand calculation: every 5th of 300 = 60 = 20%; Wilson 95% 15.9-24.9 (half-width 4.5 points) reaches [18.5, 19.5)
    expect(sampleSizeTable(rows).rows[0]![3]).toMatch(
      /^20% \(16–25\), ±5, n = 300, reaches the published band$/,
    );
    expect(() => receiptsAtSampleSizes({ "link-worker": t }, ["lw-traned"], [69])).toThrow(
      'no published figure "lw-traned"',
    );
  });
  it("misstatedFigure(id, value) gives a receipt that fails: 19% trained against a published 29%", () => {
    const [r] = computeReceipts({ "link-worker": t }, misstatedFigure("lw-trained", 29));
    expect([r!.published, r!.tolerance, r!.computed, r!.pass]).toEqual([29, "[28.5, 29.5)", 20, false]);
    expect(() => misstatedFigure("lw-referrals-gp-top", 50)).toThrow("is a rank");
  });
});
