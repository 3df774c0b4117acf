import { describe, expect, it } from "vitest";
import type { Receipt } from "../../src/published/receipt.js";
import { receiptsBundle, showReceipts } from "../../src/published/show-receipts.js";
import { trainedReceipt } from "../fixtures/receipts.js";

// Hand-built receipts (tests/fixtures/receipts.ts): 57 of 300 is 19.0%, Wilson 15.0-23.8%.
const pass = trainedReceipt;
const fail: Receipt = { ...pass, id: "lw-trained-in-role", published: 12, computed: 19, pass: false };
const empty: Receipt = {
  ...pass,
  id: "lw-empty",
  computed: null,
  successes: null,
  n: null,
  lower: null,
  upper: null,
  pass: false,
  detail: "no valid responses",
};

describe("showReceipts / receiptsBundle", () => {
  it("showReceipts(receipts) outside a kernel returns one bundle with html, markdown and text", () => {
    const b = showReceipts([pass]);
    expect(b).toBeDefined();
    expect(Object.keys(b!.data).sort()).toEqual(["text/html", "text/markdown", "text/plain"]);
  });

  it("counts passed and failed receipts in the output metadata the runner reads", () => {
    const b = receiptsBundle([pass, fail, empty]);
    expect(b.metadata).toEqual({ "sp-pathways": { kind: "receipts", passed: 1, failed: 2 } });
  });

  it("shows published value, computed share with count, n, Wilson interval and pass/fail", () => {
    const b = receiptsBundle([pass, fail]);
    const html = b.data["text/html"] as string;
    expect(html).toContain("<td>lw-trained</td>");
    expect(html).toContain("19% [18.5, 19.5)");
    expect(html).toContain("19.0% (57)");
    expect(html).toContain("<td>300</td>");
    expect(html).toContain("15.0–23.8%");
    expect(html).toMatch(/font-weight: bold">FAIL<\/td>/);
    expect(b.data["text/plain"] as string).toContain("FAIL lw-trained-in-role: published 12% [18.5, 19.5)");
  });

  it("captions the table as synthetic data by default and as real data on request", () => {
    expect(receiptsBundle([pass]).data["text/html"] as string).toMatch(/<caption[^>]*>.*SYNTHETIC/);
    const real = receiptsBundle([pass], { realData: true, caption: "Section 04" }).data[
      "text/markdown"
    ] as string;
    expect(real).toContain(
      "**Section 04: 1 of 1 within tolerance (0 failed). Computed values come from a local",
    );
    expect(real).not.toContain("SYNTHETIC");
  });

  it("shows a receipt with no valid responses as such, with empty n and interval", () => {
    const md = receiptsBundle([empty]).data["text/markdown"] as string;
    expect(md).toContain(
      "| lw-empty | Only 19% of Link Workers had received physical activity training, | 19% [18.5, 19.5) | no valid responses |  |  | FAIL |",
    );
  });

  it("labels a difference of means in the unit averaged, not in percentage points", () => {
    const breadth: Receipt = {
      ...pass,
      id: "prov-collab-breadth-of-measures",
      kind: "comparison",
      published: null,
      tolerance: null,
      computed: 1.2089,
      successes: null,
      n: 60,
      lower: null,
      upper: null,
      detail: "collaborate_with: Commissioners and funders mean 2.55 (n = 60) > not mean 1.34 (n = 134)",
    };
    const md = receiptsBundle([breadth]).data["text/markdown"] as string;
    expect(md).toContain("+1.21 outcome measures (difference in means): collaborate_with: Commissioners");
    expect(md).not.toContain("pts");
  });
  it("handles an empty list (no receipts) with zero counts", () => {
    const b = receiptsBundle([]);
    expect(b.metadata).toEqual({ "sp-pathways": { kind: "receipts", passed: 0, failed: 0 } });
    expect(b.data["text/plain"] as string).toMatch(/^Published vs computed: no receipts\./);
  });

  // The quote is cut to 19 characters plus an ellipsis: "a <b> | c " is 10 characters, then nine x.
  it("escapes HTML and markdown pipes in quotes and shortens long quotes", () => {
    const odd = { ...pass, quote: `a <b> | c ${"x".repeat(200)}` };
    const b = receiptsBundle([odd], { quoteLength: 20 });
    expect(b.data["text/html"] as string).toContain("a &lt;b&gt; | c xxxxxxxxx…</td>");
    expect(b.data["text/markdown"] as string).toContain("a <b> \\| c xxxxxxxxx… |");
  });

  it("rejects something that is not a list of receipts, saying what it got", () => {
    expect(() => receiptsBundle({} as unknown as Receipt[])).toThrow(
      "showReceipts: expected an array of receipts, got object",
    );
  });
});

describe("receiptsBundle(receipts, { demonstration: true })", () => {
  it("marks a deliberate failure so the notebook runner does not count it, and says so in the caption", () => {
    const b = receiptsBundle([fail], { demonstration: true });
    expect(b.metadata["sp-pathways"]).toEqual({ kind: "receipts-demonstration", passed: 0, failed: 1 });
    expect(b.data["text/plain"]).toContain("A DELIBERATE DEMONSTRATION");
  });
  it("throws when a receipt in a demonstration passes: the demonstration checks that the check fails", () => {
    expect(() => receiptsBundle([pass, fail], { demonstration: true })).toThrow(
      "showReceipts: a demonstration of a failing check expects every receipt to fail; lw-trained passed",
    );
  });
});
