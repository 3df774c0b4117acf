import { describe, expect, it } from "vitest";
import {
  conclusion,
  conclusionReceiptIds,
  interpretive,
  reportConclusions,
  unmeasured,
} from "../../src/kit/conclusion.js";
import { evidenceTable, VERDICTS } from "../../src/published/evidence-table.js";
import type { Receipt } from "../../src/published/receipt.js";
import { trainedReceipt } from "../fixtures/receipts.js";

// The hand-built passing receipt of the fixtures, under the ids a claim names.
const receipt = (id: string): Receipt => ({ ...trainedReceipt, id });

describe('conclusion / reportConclusions: claims written as "claim": evidence', () => {
  it("turns receipt ids, interpretive(ids) and unmeasured(why) into the claims evidenceTable judges", () => {
    const c = conclusion("2. Training", {
      "Few have training": ["lw-trained", "lw-trained-in-role"],
      "So motivation is not the problem": interpretive("lw-trained"),
      "Clients are under-engaged": unmeasured("The surveys asked professionals, not clients."),
    });
    expect(c.claims).toEqual([
      { claim: "Few have training", ids: ["lw-trained", "lw-trained-in-role"] },
      { claim: "So motivation is not the problem", ids: ["lw-trained"], interpretive: true },
      { claim: "Clients are under-engaged", unmeasured: "The surveys asked professionals, not clients." },
    ]);
    const t = evidenceTable(c.title, c.claims, {
      receipts: [receipt("lw-trained"), receipt("lw-trained-in-role")],
      synthetic: true,
    });
    expect(t.rows.map((r) => r[3])).toEqual([VERDICTS.supported, VERDICTS.suggestive, VERDICTS.unmeasured]);
    expect(t.rows[0]![1]).toBe(
      "lw-trained: 19% [18.5, 19.5); 19.0%, n = 300, 15.0–23.8% | lw-trained-in-role: 19% [18.5, 19.5); 19.0%, n = 300, 15.0–23.8%",
    );
  });

  it("keeps the report's order of conclusions and claims, and lists their receipt ids once each", () => {
    const cs = reportConclusions({
      "1. Referral": {
        "GPs refer most": ["lw-referrals-gp-top", "lw-referrals-gp"],
        "Few physical": ["lw-x"],
      },
      "2. Training": {
        "Few trained": ["lw-trained"],
        Motivation: interpretive("lw-referrals-gp", "lw-trained"),
      },
    });
    expect(cs.map((c) => c.title)).toEqual(["1. Referral", "2. Training"]);
    expect(cs[0]!.claims.map((c) => c.claim)).toEqual(["GPs refer most", "Few physical"]);
    expect(conclusionReceiptIds(cs)).toEqual([
      "lw-referrals-gp-top",
      "lw-referrals-gp",
      "lw-x",
      "lw-trained",
    ]);
  });

  it("names the conclusion and the claim that has no evidence", () => {
    expect(() => conclusion("3. Distance", { "Distance matters": [] })).toThrow(
      'conclusion: claim "Distance matters" of "3. Distance" has no evidence; give receipt ids, a test, shares or why it is unmeasured',
    );
    expect(() => conclusion("3. Distance", {})).toThrow('conclusion: "3. Distance" has no claims');
    expect(() => conclusion("", { a: ["x"] })).toThrow("conclusion: the title is empty");
    expect(() => reportConclusions({})).toThrow("reportConclusions: no conclusions given");
    expect(() => interpretive()).toThrow("interpretive: no receipt ids");
    expect(() => unmeasured(" ")).toThrow("unmeasured: the reason is empty");
  });
});
