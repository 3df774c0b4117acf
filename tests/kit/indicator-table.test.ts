import { describe, expect, it } from "vitest";
import { unknownName } from "../../src/errors/usage-error.js";
import { indicatorTable, type ReceiptLookup } from "../../src/kit/indicator-table.js";
import type { Receipt } from "../../src/published/receipt.js";
import type { RecommendationIndicator } from "../../src/published/recommendation-indicators.js";
import { trainedReceipt } from "../fixtures/receipts.js";

const base: Receipt = trainedReceipt;
const receipts: Record<string, Receipt> = {
  "lw-trained": base,
  "lw-travel-3-miles": {
    ...base,
    id: "lw-travel-3-miles",
    published: 41,
    computed: null,
    n: null,
    lower: null,
    upper: null,
  },
  "lw-monitor-pcn": {
    ...base,
    id: "lw-monitor-pcn",
    published: 25,
    computed: null,
    n: null,
    suppressed: true,
  },
};
const section: ReceiptLookup = {
  note: "Synthetic data.",
  receipt(id) {
    const r = receipts[id];
    if (!r) throw unknownName("section.receipt", "receipt", id, Object.keys(receipts));
    return r;
  },
};
const rows: RecommendationIndicator[] = [
  { recommendation: "2. Learning", indicator: "Trained", receipt: "lw-trained", direction: "up" },
  { recommendation: "3. Travel", indicator: "Far", receipt: "lw-travel-3-miles", direction: "down" },
  { recommendation: "5. Monitor", indicator: "PCNs", receipt: "lw-monitor-pcn", direction: "context" },
];

describe("indicatorTable: each recommendation's indicator with its baseline", () => {
  it("formats the baseline once: computed share, n and 95% interval; published figure; direction", () => {
    const t = indicatorTable(section, rows);
    expect(t.head).toEqual([
      "Recommendation",
      "Indicator",
      "Baseline: computed (n, 95% CI)",
      "Published",
      "Direction wanted",
    ]);
    expect(t.rows[0]).toEqual(["2. Learning", "Trained", "19.0% (n = 300, 15.0–23.8%)", "19%", "up"]);
    expect(t.notes).toEqual([
      "Synthetic data.",
      "Receipt ids: lw-trained, lw-travel-3-miles, lw-monitor-pcn.",
    ]);
  });

  it("says 'no valid responses' when nothing was computed and 'suppressed' when disclosure control hid it", () => {
    const t = indicatorTable(section, rows);
    expect(t.rows[1]![2]).toBe("no valid responses");
    expect(t.rows[2]![2]).toBe("suppressed");
    expect(t.toString()).not.toMatch(/n = null/);
  });

  it("passes on the section's error for an indicator whose receipt it lacks", () => {
    const bad = [{ ...rows[0]!, receipt: "lw-traned" }];
    expect(() => indicatorTable(section, bad)).toThrow(
      'section.receipt: no receipt "lw-traned"; did you mean "lw-trained"?',
    );
  });
});
