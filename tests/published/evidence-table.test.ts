import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { claimEvidence, evidenceTable, VERDICTS } from "../../src/published/evidence-table.js";
import type { Receipt } from "../../src/published/receipt.js";
import { adjustFamily } from "../../src/stats/adjust-p.js";
import { crosstab } from "../../src/tabulate/crosstab.js";
import { frequencies } from "../../src/tabulate/frequencies.js";
import { hasTest } from "../../src/tabulate/format.js";
import { trainedReceipt } from "../fixtures/receipts.js";

// Hand-built receipts (not survey data): 57 of 300 is 19.0%, Wilson 15.0-23.8%.
const trained = trainedReceipt;
const failed: Receipt = {
  ...trained,
  id: "lw-trained-in-role",
  published: 12,
  tolerance: "[11.5, 12.5)",
  pass: false,
};
const top: Receipt = {
  ...trained,
  id: "lw-referrals-gp-top",
  kind: "rank",
  published: null,
  tolerance: null,
  computed: null,
  lower: null,
  upper: null,
  detail: "ranked: GPs 89.0% (267/300)",
};
const receipts = [trained, failed, top];

// Invented respondents: 40 with the factor ("Yes"), yesYes of them with the outcome; 40 without, noYes with it.
function twoByTwo(yesYes: number, noYes: number) {
  const f: string[] = [];
  const o: string[] = [];
  for (let i = 0; i < 80; i++) {
    f.push(i < 40 ? "Yes" : "No");
    o.push(i < 40 ? (i < yesYes ? "Yes" : "No") : i - 40 < noYes ? "Yes" : "No");
  }
  return withLevels(table({ factor: f, outcome: o }), { factor: ["No", "Yes"], outcome: ["No", "Yes"] });
}

describe("claimEvidence(claim, context)", () => {
  const ctx = { receipts, synthetic: true };
  it("supports a claim whose receipts all pass, quoting published value, computed share, n and interval", () => {
    const e = claimEvidence({ claim: "Few are trained", ids: ["lw-trained", "lw-referrals-gp-top"] }, ctx);
    expect(e.verdict).toBe(VERDICTS.supported);
    expect(e.figures).toBe(
      "lw-trained: 19% [18.5, 19.5); 19.0%, n = 300, 15.0–23.8% | lw-referrals-gp-top: holds",
    );
  });
  it("quotes a verbal quantity in the report's words with the band it was read as", () => {
    const almostHalf: Receipt = {
      ...trained,
      id: "lw-more-pa-provision",
      kind: "range",
      published: 50,
      tolerance: "[47, 50)",
      computed: 48.6,
      n: 294,
      lower: 43.0,
      upper: 54.3,
    };
    const e = claimEvidence(
      { claim: "Almost half want more", ids: ["lw-more-pa-provision"] },
      { receipts: [almostHalf], synthetic: true },
    );
    expect(e.figures).toBe('lw-more-pa-provision: "almost half" [47, 50); 48.6%, n = 294, 43.0–54.3%');
  });
  it("does not support a claim with a failing receipt", () => {
    expect(claimEvidence({ claim: "x", ids: ["lw-trained-in-role"] }, ctx).verdict).toBe(VERDICTS.against);
  });
  it("marks a claim resting on an unpublished share as not checked on synthetic data, and judges it on real data", () => {
    const t = frequencies(
      withLevels(table({ a: Array.from({ length: 20 }, (_, i) => (i < 14 ? "Yes" : "No")) }), {
        a: ["No", "Yes"],
      }),
      "a",
    );
    const claim = { claim: "Most tick it", shares: [{ label: "ticked a", result: t }] };
    const synth = claimEvidence(claim, ctx);
    expect(synth.verdict).toBe(VERDICTS.synthetic);
    expect(synth.figures).toBe("ticked a: 70.0%, n = 20, 48.1–85.5%");
    expect(claimEvidence(claim, { receipts, synthetic: false }).verdict).toBe(VERDICTS.supported);
  });
  it("names the receipt it cannot find, with the closest ids", () => {
    expect(() => claimEvidence({ claim: "x", ids: ["lw-trainde"] }, ctx)).toThrow(
      /no receipt "lw-trainde"; did you mean "lw-trained"/,
    );
  });
  it("quotes the Holm-adjusted p of the claim's test within its family and judges on it", () => {
    const strong = crosstab(twoByTwo(30, 10), "outcome", { by: "factor" });
    const weak = crosstab(twoByTwo(22, 18), "outcome", { by: "factor" });
    const family = adjustFamily("the two associations", [
      { p: hasTest(strong.test) ? strong.test.p : null, result: strong },
      { p: hasTest(weak.test) ? weak.test.p : null, result: weak },
    ]);
    const e = claimEvidence({ claim: "Factor goes with outcome", test: strong }, { ...ctx, family });
    expect(e.test).toMatch(
      /^χ² p < 0\.001, Holm-adjusted p < 0\.001 \(2 tests: the two associations\), V = 0\.50, claimed direction$/,
    );
    expect(e.verdict).toBe(VERDICTS.supported);
    const w = claimEvidence({ claim: "Weak", test: weak }, { ...ctx, family });
    expect(w.verdict).toBe(VERDICTS.suggestive);
  });
  it("does not support an association that runs the other way", () => {
    const t = crosstab(twoByTwo(10, 30), "outcome", { by: "factor" });
    const e = claimEvidence({ claim: "x", test: t }, ctx);
    expect(e.test).toContain("opposite direction");
    expect(e.verdict).toBe(VERDICTS.against);
  });
  it("says why an unmeasured claim cannot be judged", () => {
    expect(claimEvidence({ claim: "x", unmeasured: "No client data." }, ctx)).toEqual({
      figures: "No client data.",
      test: "",
      verdict: VERDICTS.unmeasured,
    });
  });
});

describe("evidenceTable(title, claims, context)", () => {
  it("renders one row per claim with the reading note", () => {
    const t = evidenceTable(
      "1. Training",
      [
        { claim: "Few are trained", ids: ["lw-trained"] },
        { claim: "Forecast", interpretive: true, ids: ["lw-trained"] },
      ],
      { receipts, synthetic: true, notes: ["Synthetic."] },
    );
    expect(t.rows.map((r) => r[3])).toEqual([VERDICTS.supported, VERDICTS.suggestive]);
    expect(t.toMarkdown()).toContain("Published ranges in brackets are how the report's wording was read");
  });
});
