import { describe, it, expect } from "vitest";
import { evaluateSpec } from "../../src/published/evaluate.js";
import { receiptSpecs, type RankSpec } from "../../src/published/specs.js";
import { receiptsFor } from "../../src/published/receipt.js";
import { publishedFigures, publishedFigure } from "../../src/published/figures.js";
import { flag, ticked, answered, not, anyOf, allOf } from "../../src/published/conditions.js";

describe("receiptSpecs()", () => {
  it("has a computation for every published figure id, and none for unknown ids", () => {
    const specs = receiptSpecs();
    expect(Object.keys(specs).sort()).toEqual(
      publishedFigures()
        .map((f) => f.id)
        .sort(),
    );
  });
  it("every option label a spec names exists in the codebooks (building them checks it)", () => {
    expect(() => ticked("link-worker", "referral_sources", "GP")).toThrow(
      '"GP" is not an option of link-worker "referral_sources"',
    );
  });
});

describe("conditions", () => {
  it("ticked() is null for an unanswered multi-select and false for an empty one", () => {
    const c = ticked("link-worker", "referral_sources", "GPs");
    expect([
      c({ referral_sources: null }),
      c({ referral_sources: [] }),
      c({ referral_sources: ["GPs"] }),
    ]).toEqual([null, false, true]);
  });
  it("answered(), not() and anyOf() keep missing values missing", () => {
    const n = answered("provider", "scale", "Neighbourhood");
    expect([n({ scale: null }), not(n)({ scale: null }), not(n)({ scale: "National" })]).toEqual([
      null,
      null,
      true,
    ]);
    expect(anyOf(flag("a"), flag("b"))({ a: null, b: null })).toBeNull();
    expect(anyOf(flag("a"), flag("b"))({ a: null, b: false })).toBe(false);
  });
});

describe("evaluateSpec(rows, spec)", () => {
  const trained = receiptSpecs()["lw-trained"]!;
  it("a share counts successes over answered rows only (missing values excluded): 1 of 2 = 50%", () => {
    const ev = evaluateSpec([{ trained: true }, { trained: false }, { trained: null }], trained);
    expect([ev.computed, ev.successes, ev.n]).toEqual([50, 1, 2]);
  });
  it("no valid responses gives computed null and n = 0", () => {
    const ev = evaluateSpec([{ trained: null }], trained);
    expect([ev.computed, ev.n]).toEqual([null, 0]);
    expect(ev.detail).toMatch(/no valid responses/);
  });
  it("a comparison holds only when group a's share is strictly higher (difference in points)", () => {
    const spec = receiptSpecs()["lw-confident-by-training"]!;
    const rows = [
      { trained: true, confident_discussing: true },
      { trained: true, confident_discussing: false },
      { trained: false, confident_discussing: false },
      { trained: false, confident_discussing: true },
    ];
    const tie = evaluateSpec(rows, spec);
    expect([tie.computed, tie.holds]).toEqual([0, false]);
    const up = evaluateSpec([...rows, { trained: true, confident_discussing: true }], spec);
    // hand calculation: trained 2/3 = 66.7%, untrained 1/2 = 50% -> +16.7 points
    expect(up.computed).toBeCloseTo(16.667, 2);
    expect(up.holds).toBe(true);
  });
  it("a '<' comparison holds when group a's share is lower: neighbourhood providers need funding less often", () => {
    const spec = receiptSpecs()["prov-funding-neighbourhood-lower"]!;
    const rows = [
      { scale: "Neighbourhood", needs_funding: false },
      { scale: "Neighbourhood", needs_funding: true },
      { scale: "National", needs_funding: true },
    ];
    // hand calculation: neighbourhood 1/2 = 50% < larger scales 1/1 = 100% -> -50 points
    const ev = evaluateSpec(rows, spec);
    expect([ev.computed, ev.holds]).toEqual([-50, true]);
    expect(
      evaluateSpec(
        [...rows, { scale: "National", needs_funding: false }, { scale: "National", needs_funding: false }],
        spec,
      ).holds,
    ).toBe(false);
  });
  it("a comparison with an empty group cannot hold (null)", () => {
    const ev = evaluateSpec(
      [{ trained: true, confident_discussing: true }],
      receiptSpecs()["lw-confident-by-training"]!,
    );
    expect(ev.holds).toBeNull();
  });
  it("a ranking needs the named option strictly first; a tie fails", () => {
    const spec: RankSpec = {
      type: "rank",
      survey: "link-worker",
      options: [
        { label: "a", outcome: flag("a") },
        { label: "b", outcome: flag("b") },
      ],
      check: { kind: "order", labels: ["a"] },
    };
    expect(evaluateSpec([{ a: true, b: false }], spec).holds).toBe(true);
    expect(evaluateSpec([{ a: true, b: true }], spec).holds).toBe(false);
    expect(evaluateSpec([{ a: null, b: null }], spec).holds).toBeNull();
    const bottom: RankSpec = { ...spec, check: { kind: "bottom", labels: ["b"] } };
    expect(evaluateSpec([{ a: true, b: false }], bottom).holds).toBe(true);
  });
  it("'within-top' holds when the label ranks among the k highest, and fails on a tie at the k-th place", () => {
    const spec: RankSpec = {
      type: "rank",
      survey: "link-worker",
      options: ["a", "b", "c"].map((l) => ({ label: l, outcome: flag(l) })),
      check: { kind: "within-top", labels: ["b"], k: 2 },
    };
    // hand counts: a 2/2, b 1/2, c 0/2 -> b is second of three
    const rows = [
      { a: true, b: true, c: false },
      { a: true, b: false, c: false },
    ];
    expect(evaluateSpec(rows, spec).holds).toBe(true);
    expect(evaluateSpec(rows, { ...spec, check: { kind: "within-top", labels: ["b"], k: 1 } }).holds).toBe(
      false,
    );
    // c ties b at 1/2: b is not certainly among the top two
    const tied = [rows[0]!, { a: true, b: false, c: true }];
    expect(evaluateSpec(tied, spec).holds).toBe(false);
  });
  it("allOf() is true only when every condition is, and null when any is unanswered", () => {
    const both = allOf(flag("a"), flag("b"));
    expect([both({ a: true, b: true }), both({ a: true, b: false }), both({ a: true, b: null })]).toEqual([
      true,
      false,
      null,
    ]);
  });
  it("the combined 'commissioners or Public Health' reading counts a Link Worker ticking both once", () => {
    const spec = receiptSpecs()["lw-monitor-commissioners-or-public-health"]!;
    const rows = [
      { outcomes_monitored_by: ["Commissioners", "Public Health"] },
      { outcomes_monitored_by: ["Public Health"] },
      { outcomes_monitored_by: ["My employer"] },
      { outcomes_monitored_by: null },
    ];
    // hand calculation: 2 of the 3 who answered
    const ev = evaluateSpec(rows, spec);
    expect([ev.successes, ev.n]).toEqual([2, 3]);
  });
  it("a count counts the rows in the subset", () => {
    const rows = [
      { ap_area: "Merseyside Sport (Merseyside)" },
      { ap_area: "Active Cheshire" },
      { ap_area: null },
    ];
    expect(evaluateSpec(rows, receiptSpecs()["mer-n"]!).computed).toBe(1);
  });
});

describe("receiptsFor(tables)", () => {
  it("judges percent figures by tolerance: 19 of 100 trained passes lw-trained, 20 of 100 does not", () => {
    const rows = (k: number) => Array.from({ length: 100 }, (_, i) => ({ trained: i < k }));
    const fig = [publishedFigure("lw-trained")];
    expect(receiptsFor({ "link-worker": rows(19) }, undefined, fig)[0]!.pass).toBe(true);
    expect(receiptsFor({ "link-worker": rows(20) }, undefined, fig)[0]!.pass).toBe(false);
  });
  it("skips figures of a survey whose table is not given, and fails a figure with no valid responses", () => {
    const rs = receiptsFor({ "link-worker": [{ trained: null }] });
    expect(rs.every((r) => r.survey === "link-worker")).toBe(true);
    expect(rs.find((r) => r.id === "lw-trained")!.pass).toBe(false);
  });
  it("passes the interval function successes and n and reports percent bounds", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ trained: i < 19 }));
    const r = receiptsFor({ "link-worker": rows }, (x, n) => ({ lower: x / n - 0.01, upper: x / n + 0.01 }), [
      publishedFigure("lw-trained"),
    ])[0]!;
    expect(r.lower).toBeCloseTo(18, 6);
    expect(r.upper).toBeCloseTo(20, 6);
  });
});

describe("receipts under disclosure control", () => {
  const only = publishedFigures().filter((f) => f.id === "lw-trained");
  const rows = (k: number, n: number) => Array.from({ length: n }, (_, i) => ({ trained: i < k }));
  it("a receipt resting on a hidden cell keeps its verdict and hides its numbers: 4 of 21 = 19.0% passes", () => {
    const [r] = receiptsFor({ "link-worker": rows(4, 21) }, () => ({ lower: 0.1, upper: 0.3 }), only);
    expect(r).toMatchObject({
      pass: true,
      suppressed: true,
      computed: null,
      successes: null,
      n: null,
      lower: null,
    });
    expect(r!.detail).toBe("suppressed");
  });
  it("a share whose count and complement are both 5 or more is shown: 19 of 100", () => {
    const [r] = receiptsFor({ "link-worker": rows(19, 100) }, undefined, only);
    expect(r).toMatchObject({ pass: true, suppressed: false, computed: 19, successes: 19, n: 100 });
    expect(r!.detail).toBe("19.0% (19/100)");
  });
  it("a ranking hides the share of a small group and keeps the order it judged", () => {
    const spec = receiptSpecs()["lw-confident-inactive-lowest"] as RankSpec;
    const band = (b: string, yes: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ activity_band: b, confident_discussing: i < yes }));
    const ev = evaluateSpec(
      [
        ...band("Active (150+)", 60, 100),
        ...band("Fairly active (30-149)", 20, 100),
        ...band("Inactive (<30)", 2, 30),
      ],
      spec,
    );
    expect(ev.hidden).toBe(true);
    expect(ev.detail).toContain("Inactive (<30) suppressed");
    expect(ev.detail).not.toContain("2/30");
  });
});
