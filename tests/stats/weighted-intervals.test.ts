import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { table } from "arquero";
import { crosstab, frequencies, likertSummary, multiResponse } from "../../src/tabulate/index.js";

// Synthetic respondent-level data with R's svyciprop intervals (tests/stats/reference/make-survey-fixtures.R):
// y is col == 0, in the whole sample and in the domain row == 0, for svydesign(ids = ~1, weights = ~w).
const fixtures = JSON.parse(readFileSync(join(__dirname, "reference/survey-fixtures.json"), "utf8")) as {
  raoScott: { name: string; rowCodes: number[]; colCodes: number[]; weights: number[] }[];
  svyciprop: { name: string; estimate: number; xlogit: number[]; logit: number[] }[];
};
const share = (name: string) => fixtures.svyciprop.find((s) => s.name === name)!;

describe("weighted crosstab and frequencies intervals match R's svyciprop", () => {
  for (const c of fixtures.raoScott) {
    const records = c.rowCodes.map((r, i) => ({ row: `r${r}`, col: `c${c.colCodes[i]}`, w: c.weights[i]! }));

    it(`${c.name}: crosstab row percentage of c0 in r0 = svyciprop(~y, subset(design, row == 0)), logit, to 1e-6`, () => {
      const t = crosstab(records, "row", "col", {
        weight: "w",
        percent: "row",
        suppress: false,
        test: false,
      });
      const i = t.rowLevels.indexOf("r0");
      const j = t.colLevels.indexOf("c0");
      const r = share(`${c.name} domain row 0`);
      expect(t.percents[i]![j]! / 100).toBeCloseTo(r.estimate, 9);
      expect(Math.abs(t.intervals!.lower[i]![j]! / 100 - r.logit[0]!)).toBeLessThan(1e-6);
      expect(Math.abs(t.intervals!.upper[i]![j]! / 100 - r.logit[1]!)).toBeLessThan(1e-6);
      expect(Math.abs(t.intervals!.lower[i]![j]! / 100 - r.xlogit[0]!)).toBeLessThan(1e-9);
      // The same share as a column percentage of the transposed table.
      const u = crosstab(records, "col", "row", {
        weight: "w",
        percent: "column",
        suppress: false,
        test: false,
      });
      const ui = u.rowLevels.indexOf("c0");
      const uj = u.colLevels.indexOf("r0");
      expect(Math.abs(u.intervals!.upper[ui]![uj]! / 100 - r.logit[1]!)).toBeLessThan(1e-6);
    });

    it(`${c.name}: frequencies share of c0 = svyciprop(~y, design), logit, to 1e-6`, () => {
      const f = frequencies(records, "col", { weight: "w", suppress: false });
      const k = f.rowLevels.indexOf("c0");
      const r = share(c.name);
      expect(Math.abs(f.intervals!.lower[k]![0]! / 100 - r.logit[0]!)).toBeLessThan(1e-6);
      expect(Math.abs(f.intervals!.upper[k]![0]! / 100 - r.logit[1]!)).toBeLessThan(1e-6);
    });
  }

  for (const c of fixtures.raoScott.slice(0, 3)) {
    it(`${c.name}: likertSummary top box (level c0) = svyciprop(~y, design), logit, to 1e-6`, () => {
      const records = c.colCodes.map((v, i) => ({ item: `c${v}`, w: c.weights[i]! }));
      const l = likertSummary(records, ["item"], { topBox: ["c0"], weight: "w", suppress: false });
      const r = share(c.name);
      expect(Math.abs(l.topBox[0]!.lower! / 100 - r.logit[0]!)).toBeLessThan(1e-6);
      expect(Math.abs(l.topBox[0]!.upper! / 100 - r.logit[1]!)).toBeLessThan(1e-6);
      expect(l.toMarkdown()).toContain("svydesign(ids = ~1, weights = ~w)");
    });
  }

  for (const c of fixtures.raoScott.slice(3, 6)) {
    it(`${c.name}: multiResponse share ticking "a" = svyciprop, whole sample and by row (domain r0), logit, to 1e-6`, () => {
      // Respondents tick "a" when col == 0 and "b" otherwise (one option each; "b" and "c" never both).
      const t = table({
        acts: c.colCodes.map((v) => (v === 0 ? ["a"] : ["b"])),
        row: c.rowCodes.map((r) => `r${r}`),
        w: c.weights,
      });
      const m = multiResponse(t, "acts", { weight: "w", suppress: false });
      const a = m.rowLevels.indexOf("a");
      const whole = share(c.name);
      expect(Math.abs(m.intervals!.lower[a]![0]! / 100 - whole.logit[0]!)).toBeLessThan(1e-6);
      expect(Math.abs(m.intervals!.upper[a]![0]! / 100 - whole.logit[1]!)).toBeLessThan(1e-6);
      const by = multiResponse(t, "acts", { weight: "w", by: "row", suppress: false });
      const j = by.colLevels.indexOf("r0");
      const domain = share(`${c.name} domain row 0`);
      expect(Math.abs(by.intervals!.lower[a]![j]! / 100 - domain.logit[0]!)).toBeLessThan(1e-6);
      expect(Math.abs(by.intervals!.upper[a]![j]! / 100 - domain.logit[1]!)).toBeLessThan(1e-6);
      // The "All" column is the whole design.
      const all = by.colLevels.length - 1;
      expect(Math.abs(by.intervals!.upper[a]![all]! / 100 - whole.logit[1]!)).toBeLessThan(1e-6);
      expect(m.toMarkdown()).toContain("svydesign(ids = ~1, weights = ~w)");
    });
  }

  const c = fixtures.raoScott[0]!;
  const records = c.rowCodes.map((r, i) => ({ row: `r${r}`, col: `c${c.colCodes[i]}`, w: c.weights[i]! }));

  it("the footnote names the method and the design; unweighted tables keep Wilson", () => {
    const md = crosstab(records, "row", "col", { weight: "w", suppress: false }).toMarkdown();
    expect(md).toContain("with 95% intervals)");
    expect(md).toContain(
      "95% CI: svyciprop xlogit method (R survey package; equal to its default logit method to 1e-6), design as svydesign(ids = ~1, weights = ~w).",
    );
    expect(md).not.toContain("Kish");
    const fmd = frequencies(records, "col", { weight: "w", suppress: false }).toMarkdown();
    expect(fmd).toContain("svydesign(ids = ~1, weights = ~w)");
    const plain = crosstab(records, "row", "col", { suppress: false }).toMarkdown();
    expect(plain).toContain("with 95% Wilson intervals");
    expect(plain).not.toContain("svyciprop");
  });

  it("a weighted share of 0% or 100% has no interval (no logit interval, as R), shown as a dash", () => {
    const t = crosstab(
      [
        { a: "x", b: "p", w: 1 },
        { a: "x", b: "p", w: 2 },
        { a: "y", b: "p", w: 1 },
        { a: "y", b: "q", w: 3 },
      ],
      "a",
      "b",
      { weight: "w", percent: "row", suppress: false, test: false },
    );
    expect(t.percents[0]).toEqual([100, 0]);
    expect(t.intervals!.lower[0]).toEqual([null, null]);
    expect(t.intervals!.upper[1]![0]).toBeGreaterThan(t.percents[1]![0]!);
    expect(t.toString()).toContain("100.0%, –");
  });
});
