import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { referralSample } from "../fixtures/referral-sample.js";
import { chiSquareTest } from "../../src/stats/chi-square-test.js";
import {
  coOccurrence,
  coOccurrenceDisplay,
  optionTests,
  optionTestsDisplay,
} from "../../src/multi-select/index.js";

describe("optionTests(table, question, by)", () => {
  const r = optionTests(referralSample(), "refer", "trained");
  const get = (o: string) => r.tests.find((t) => t.option === o)!;
  it("counts each option ticked / not ticked per group among those who answered", () => {
    expect(r.groups).toEqual(["Yes", "No"]);
    expect(r.bases).toEqual([14, 14]);
    expect(get("Sports clubs")).toMatchObject({ chosen: [9, 5], notChosen: [5, 9] });
    expect(r.missing).toEqual({ question: 1, by: 1 });
  });
  it("tests each option (chi-square with Yates: R chisq.test p = 0.25683925795785661) with raw p and a family", () => {
    const t = get("Sports clubs");
    expect(t.method).toBe("chisq");
    expect(t.p!).toBeCloseTo(0.25683925795785661, 12);
    expect(t.family).toBe("refer by trained");
    expect(t.status).toBe("shown");
    expect(get("Gyms").p).toBeCloseTo(
      chiSquareTest([
        [6, 7],
        [8, 7],
      ]).p,
      14,
    );
  });
  it("hides the test of an option whose table has a small count, keeps its raw p in the family", () => {
    const parks = get("Parks");
    expect(parks.chosenStatus[0]).toBe("primary");
    expect(parks.notChosenStatus[1]).toBe("primary");
    expect(parks.status).toBe("hidden");
    expect(parks.p!).toBeCloseTo(0.007513835161187277, 12); // R chisq.test(matrix(c(2,10,12,4),2,byrow=TRUE))
    expect(parks.reason).toContain("could reveal suppressed counts");
  });
  it("no test when everyone ticked the option", () => {
    expect(get("Walking")).toMatchObject({
      status: "none",
      p: null,
      reason: "no test: everyone or no one ticked it",
    });
  });
  it("uses Fisher's exact test when an expected count is below 5 (R fisher.test p = 0.07196969696969693)", () => {
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => ({ g: "A", q: i < 4 ? ["x"] : [] })),
      ...Array.from({ length: 7 }, (_, i) => ({ g: "B", q: i < 1 ? ["x"] : [] })),
    ];
    const t = optionTests(table({ g: rows.map((r) => r.g), q: rows.map((r) => r.q) }), "q", "g", {
      suppress: false,
    });
    expect(t.tests[0]!.method).toBe("fisher");
    expect(t.tests[0]!.p!).toBeCloseTo(0.07196969696969693, 12);
  });
  it('the display with adjust: "holm" adds the family\'s adjusted p (R p.adjust) and names the family', () => {
    const d = optionTestsDisplay(r, "Referrals by training", { adjust: "holm" });
    expect(d.head.at(-1)).toBe("p (Holm-adjusted)");
    // Family: Parks 0.0075 (hidden, still counted), Sports clubs 0.2568, Gyms (largest); Walking has no test.
    // Holm by hand: Parks 3 x 0.0075, then Sports clubs 2 x 0.25684 = 0.51368.
    expect(d.body.find((row) => row[0] === "Sports clubs")!.at(-1)).toBe("0.514");
    expect(d.body.find((row) => row[0] === "Parks")!.slice(-3)).toEqual(["hidden", "–", "–"]);
    expect(d.foot[0]).toHaveLength(d.head.length);
    expect(d.notes.join(" ")).toContain("p-values Holm-adjusted across the 3 tests of refer by trained.");
    expect(d.notes.join(" ")).not.toContain("p-values are unadjusted");
  });
  it("the display marks suppressed counts (one mark, [c]) and hidden tests and says the p-values are unadjusted", () => {
    const d = optionTestsDisplay(r);
    const parks = d.body.find((row) => row[0] === "Parks")!;
    expect(parks[1]).toBe("[c]");
    expect(d.body.flat()).not.toContain("<5");
    expect(parks.slice(3)).toEqual(["hidden", "–"]);
    expect(d.body.find((row) => row[0] === "Sports clubs")).toEqual([
      "Sports clubs",
      "9 (64.3%)",
      "5 (35.7%)",
      "Chi-square",
      "0.257",
    ]);
    expect(d.notes.join(" ")).toContain("p-values are unadjusted");
  });
  it("errors name the column and value", () => {
    expect(() => optionTests(referralSample(), "trained", "refer")).toThrow(
      'optionTests: column "trained" is not a multi-select column: row 0 holds "Yes"',
    );
    expect(() => optionTests(referralSample(), "refer", "nope")).toThrow(
      'optionTests: no column "nope" in the table',
    );
  });
});

describe("coOccurrence(table, question)", () => {
  const r = coOccurrence(referralSample(), "refer");
  const pair = (a: string, b: string) =>
    r.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))!;
  it("counts respondents ticking both options, with shares of those who answered", () => {
    expect(r.respondents).toBe(29);
    expect(r.missing).toBe(1);
    // Sports & Gyms: trained i < 6 (6) + not trained i < 5 (5) = 11
    expect(pair("Sports clubs", "Gyms")).toMatchObject({ count: 11, status: "shown", shareStatus: "shown" });
    expect(pair("Sports clubs", "Gyms").share!).toBeCloseTo((100 * 11) / 29, 12);
    expect(pair("Gyms", "Gyms").count).toBe(6 + 7 + 1);
    expect(r.pairs[0]!.count).toBeGreaterThanOrEqual(r.pairs[1]!.count);
  });
  it("suppresses counts of 1-4, and shares whose count or complement is 1-4", () => {
    // Sports & Parks: trained i < 2 (2) + not trained i = 4 (1) = 3
    expect(pair("Sports clubs", "Parks")).toMatchObject({
      count: 3,
      status: "suppressed",
      shareStatus: "suppressed",
    });
    // Walking & Walking: 28 of 29: the complement 1 is small
    expect(pair("Walking", "Walking")).toMatchObject({
      count: 28,
      status: "shown",
      shareStatus: "suppressed",
    });
    const d = coOccurrenceDisplay(r);
    const parks = d.body.find((row) => row[0] === "Parks")!;
    expect(parks[1]).toBe("[c]");
    expect(d.body.find((row) => row[0] === "Walking")![4]).toBe("28");
  });
  it("hides everything when fewer than 5 answered", () => {
    const small = coOccurrence(referralSample().slice(0, 3), "refer");
    expect(small.pairs.every((p) => p.count === 0 || p.status === "suppressed")).toBe(true);
    expect(small.respondentsStatus).toBe("suppressed");
  });
});
