import { readFileSync } from "node:fs";
import { join } from "node:path";
import { escape, table } from "arquero";
import { describe, expect, it } from "vitest";
import { ask } from "../../src/ask/ask.js";
import { isPairsAnswer } from "../../src/ask/answer.js";
import { coOccurrence, coOccurrenceDisplay } from "../../src/multi-select/co-occurrence.js";
import { loadSurvey } from "../../src/survey/load-survey.js";
import { displayToText } from "../../src/tabulate/display.js";

// Written by tests/multi-select/reference/make-weighted-pairs.R (R 4.2, survey 4.1.1; synthetic random data).
const ref = JSON.parse(readFileSync(join(__dirname, "reference/weighted-pairs.json"), "utf8")) as {
  rows: (string[] | null)[];
  w: number[];
  pairs: { a: string; b: string; n: number; share: number; lower: number; upper: number }[];
};

describe("coOccurrence(table, question, { weight })", () => {
  const t = table({ m: ref.rows, w: ref.w });
  const c = coOccurrence(t, "m", { weight: "w", suppress: false });
  const find = (a: string, b: string) => c.pairs.find((p) => p.a === a && p.b === b)!;

  it("weighted shares and their intervals match R's svyciprop(~both, subset(design, answered), 'xlogit')", () => {
    for (const r of ref.pairs) {
      const p = find(r.a, r.b);
      expect(p.n).toBe(r.n);
      expect(p.share! / 100).toBeCloseTo(r.share, 12);
      expect(p.lower! / 100).toBeCloseTo(r.lower, 9);
      expect(p.upper! / 100).toBeCloseTo(r.upper, 9);
    }
  });

  it("weighted counts are sums of weights; suppression decides on the unweighted count", () => {
    const p = find("C", "D");
    const both = ref.rows.map((r, i) => (r && r.includes("C") && r.includes("D") ? ref.w[i]! : 0));
    expect(p.count).toBeCloseTo(
      both.reduce((a, b) => a + b, 0),
      10,
    );
    const s = coOccurrence(t, "m", { weight: "w" });
    for (const q of s.pairs) expect(q.status).toBe(q.n > 0 && q.n < 5 ? "suppressed" : "shown");
    expect(displayToText(coOccurrenceDisplay(s))).toMatch(/Weighted by "w"/);
  });
});

describe("ask(..., { pairs: true, weight })", () => {
  it("answers with weighted shares, hidden pairs still hidden, the weight named in the base", () => {
    const lw = loadSurvey("link-worker").table;
    // An invented weight: 2 for trained Link Workers, 1 otherwise.
    const t = lw.derive({
      w: escape((d: { trained: unknown }) => (d.trained === true || d.trained === "Yes" ? 2 : 1)),
    });
    const a = ask("link-worker", "refer_to", { pairs: true, weight: "w", table: t, synthetic: true });
    if (!isPairsAnswer(a)) throw new Error("expected pairs");
    const r = a.table.result;
    expect(r.weight).toBe("w");
    expect(r.weightedRespondents).toBeGreaterThan(r.respondents);
    expect(a.figure.summary.base).toMatch(/weighted by w/);
    const unweighted = ask("link-worker", "refer_to", { pairs: true, table: t, synthetic: true });
    if (!isPairsAnswer(unweighted)) throw new Error("expected pairs");
    // The same pairs are hidden with and without the weight (the rule reads unweighted counts).
    const hidden = (x: typeof r) => x.pairs.filter((p) => p.status !== "shown").map((p) => `${p.a}+${p.b}`);
    expect(new Set(hidden(r))).toEqual(new Set(hidden(unweighted.table.result)));
  });
});
