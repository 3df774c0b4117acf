import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { isWeightedStrataAnswer } from "../../src/ask/answer.js";
import { ask } from "../../src/ask/ask.js";
import { toCsv } from "../../src/export/report-table.js";
import { weightedStrataFixture, type WeightedStrataFixture } from "../strata/reference/weighted-strata.js";

// Synthetic weighted respondents with R's regTermTest(svyglm(...)) and per-stratum svychisq p-values
// (tests/strata/reference/make-weighted-strata.R).
const fx = weightedStrataFixture;
const tableOf = (f: WeightedStrataFixture) => table({ y: f.y, by: f.by, s: f.s, w: f.w });

describe("ask({ by, strata, weight }): weighted strata and the design-based pooled test", () => {
  it("answers with R's pooled Wald F and names the method", () => {
    const f = fx("n400 by2 K5");
    const a = ask("link-worker", "y", { by: "by", strata: "s", weight: "w", table: tableOf(f), suppress: 0 });
    if (!isWeightedStrataAnswer(a) || !a.test)
      throw new Error("expected a weighted strata answer with a test");
    expect(Math.abs(a.test.statistic - f.F) / f.F).toBeLessThan(1e-8);
    expect(Math.abs(a.test.p - f.p) / f.p).toBeLessThan(1e-6);
    expect(a.test.label).toBe(
      "design-based Wald F test from a quasi-binomial survey GLM with stratum as a term, as R's regTermTest(svyglm(...))",
    );
    expect(a.testLine).toBe(
      `Design-based Wald F test from a quasi-binomial survey GLM with stratum as a term, as R's regTermTest(svyglm(...)) (F = ${f.F.toFixed(2)}, df = 1, 394): p = ${f.p.toFixed(3)}; 5 strata shown in full.`,
    );
    const notes = a.table.display().notes.join("\n");
    expect(notes).toContain("p-values Holm-adjusted across the 5 tests of by vs y within each s.");
    expect(notes).toContain(`S3: F = `);
    expect(a.figure.summary.title).toMatch(/within s \(design-based Wald F p = 0\.025\)/);
  });

  it("keeps only the verdict when a stratum hides cells, in the line, the notes and the title", () => {
    const f = fx("n400 by2 K5");
    const a = ask("link-worker", "y", {
      by: "by",
      strata: "s",
      weight: "w",
      table: tableOf(f),
      suppress: 15,
    });
    if (!isWeightedStrataAnswer(a) || !a.test)
      throw new Error("expected a weighted strata answer with a test");
    expect(a.testLine).toMatch(/: an association at the 5% level; statistic and p-value hidden/);
    const text = [a.testLine, a.figure.summary.title, ...a.table.display().notes].join("\n");
    expect(text).not.toContain(a.test.p.toFixed(3));
    expect(text).not.toContain(a.test.statistic.toFixed(2));
    expect(text).toMatch(/S2: .*\(statistic hidden: small cells\)/);
    // A hidden stratum is drawn as suppressed in the chart and has no base in the table.
    const hiddenBars = a.figure.summary.rows.filter((r) => r[0]!.startsWith("S3"));
    expect(hiddenBars.length).toBeGreaterThan(0);
    for (const r of hiddenBars) expect(r.slice(1).join(" ")).toMatch(/suppressed/);
    const body = a.table.display().body.filter((r) => r[0]!.startsWith("S3 · "));
    expect(body.every((r) => r[r.length - 1] === "–")).toBe(true);
    // Suppression is on unweighted counts: every count of 1-14 in the hidden stratum is "[c]" in the export.
    const s3 = a.table.result.tables.find((t) => t.stratum === "S3")!;
    const small = s3.counts
      .flatMap((r, i) => r.map((v, j) => [v, i, j] as const))
      .filter(([v]) => v > 0 && v < 15);
    expect(small.length).toBeGreaterThan(0);
    const csv = toCsv(a.table)
      .split(/\r?\n/)
      .filter((l) => l.startsWith("S3 · "));
    for (const [, i, j] of small) expect(csv[i]!.split(",")[j + 1]).toBe("[c]");
  });

  it("refuses an outcome with more than two answers in one line naming what to do", () => {
    const f = fx("n300 by3 K3");
    const t = table({ y: f.by, by: f.y, s: f.s, w: f.w });
    expect(() => ask("link-worker", "y", { by: "by", strata: "s", weight: "w", table: t })).toThrow(
      /^ask: strata with weight: the pooled weighted test needs a two-level question and "y" has more answers; collapse it to two \(e\.g\. a Yes\/No column\), or ask\(survey, "y", \{ by: "by", weight: "w" \}\) within each s for the per-stratum Rao-Scott tests \(then adjustP\)$/,
    );
  });
});
