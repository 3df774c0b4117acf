import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { ask } from "../../src/ask/ask.js";
import { isLikertAnswer } from "../../src/ask/answer.js";
import { withLevels } from "../../src/codebook/levels.js";
import { crosstab } from "../../src/tabulate/crosstab.js";

describe("ask(survey, question, options) on the bundled synthetic data", () => {
  it("a single-choice question by a flag: crosstab with its chi-square/Fisher test, titled by the result", () => {
    const a = ask("link-worker", "knowledge_of_provision", { by: "trained", area: "" });
    expect(a.table.kind).toBe("crosstab");
    expect(a.test?.method).toMatch(/chisq|fisher/);
    const p = (a.test as { p: number }).p;
    expect(a.figure.summary.title).toContain(p < 0.05 ? "differs by trained" : "no detectable difference");
    expect(a.figure.summary.note).toMatch(/Synthetic/);
    expect(a.testLine).toMatch(/^(Chi-square test \(X² = [\d.]+, df = 2\)|Fisher's exact test): p = /);
    expect(a.synthetic).toBe(true);
  });
  it("a question alone: frequencies in level order, no test", () => {
    const a = ask("link-worker", "travel_distance");
    expect(a.table.kind).toBe("frequencies");
    expect(a.test).toBeNull();
    expect(a.testLine).toBe("No test: no breakdown was asked for.");
    expect(a.figure.summary.rows.map((r) => r[0])).toEqual([
      "Less than 1 mile",
      "1 to 2 miles",
      "2 to 3 miles",
      "3 miles or more",
    ]);
  });
  it("a multi-select by a breakdown for one area: one test per option, Holm-adjusted as one family", () => {
    const a = ask("provider", "challenges", { by: "scale", area: "Cumbria" });
    expect(a.area).toBe("Active Cumbria");
    expect(new Set(a.data.array("ap_area") as unknown as string[])).toEqual(new Set(["Active Cumbria"]));
    expect(a.kind).toBe("options");
    expect(a.table.kind).toBe("optionTests");
    expect(a.testLine).toMatch(/per-option tests of challenges by scale, Holm-adjusted as one family/);
    expect(a.figure.summary.base).toContain("by scale");
    expect(a.figure.summary.title).toMatch(/by scale/);
  });
  it("a Likert question by area: one diverging row per area, hidden cells marked, the test's figures hidden", () => {
    const a = ask("link-worker", "confidence_taking_part", { by: "ap_area" });
    expect(a.kind).toBe("likert");
    if (!isLikertAnswer(a)) throw new Error("expected a Likert answer");
    expect(a.table.by).toBe("ap_area");
    expect(a.table.rowLevels).toEqual(a.table.groups);
    const rows = a.figure.summary.rows;
    expect(rows.map((r) => r[0]).sort()).toEqual([...a.table.groups!].sort());
    const partly = a.table.suppression.cells.findIndex((r) => r.includes("primary") && r.includes("shown"));
    expect(partly).toBeGreaterThanOrEqual(0);
    const row = rows.find((r) => r[0] === a.table.rowLevels[partly])!;
    expect(row).toContain("suppressed");
    expect(row.some((c) => /^\d+%$/.test(c))).toBe(true);
    expect(a.figure.data.some((t) => t.name === "Suppressed (small counts)")).toBe(true);
    // The same test as the cross-tab of the question by area, its figures hidden beside hidden cells.
    expect(a.test).toEqual(crosstab(a.data, "ap_area", { by: "confidence_taking_part" }).test);
    expect(a.testLine).not.toMatch(/p [=<]/);
    expect(a.figure.summary.title).toMatch(/^confidence_taking_part .*by ap_area/);
  });
  it("a likert grid item by area works like any single-choice column", () => {
    const a = ask("link-worker", "provision_rating__support", { by: "ap_area" });
    expect(a.table.kind).toBe("crosstab");
    expect(a.figure.summary.title.startsWith("provision_rating__support")).toBe(true);
  });
});

describe("ask on a given table: missing values and no valid responses", () => {
  const t = withLevels(
    table({
      q: ["Yes", null, "No", "Yes", null],
      g: ["A", "A", null, "B", "B"],
      none: [null, null, null, null, null],
    }),
    { q: ["No", "Yes"] },
  );
  it("leaves missing answers out of the base and says so", () => {
    const a = ask("link-worker", "q", { table: t, suppress: 0 });
    expect(a.table.kind).toBe("frequencies");
    expect((a.table as { base: number }).base).toBe(3);
    expect(a.figure.summary.note).toBe("Computed from the table passed to ask().");
  });
  it("a column with no valid responses gives an empty chart, not a crash", () => {
    const a = ask("link-worker", "none", { table: t, suppress: 0 });
    expect(a.figure.summary.title).toBe("none: no shares to show");
  });
});

describe("ask defences name the column", () => {
  it("unknown column: one line with the closest names, or the survey's columns when none is close", () => {
    expect(() => ask("link-worker", "pa_trainig")).toThrow(
      /^ask: no column "pa_trainig" in the link-worker survey; did you mean "pa_training"\?$/,
    );
    expect(() => ask("link-worker", "trained", { by: "ap_aera" })).toThrow(/did you mean "ap_area"\?$/);
    expect(() => ask("provider", "nope")).toThrow(
      /^ask: no column "nope" in the provider survey; valid: .*"scale"/,
    );
  });
  it("free text, multi-select breakdown and the same column twice", () => {
    expect(() => ask("link-worker", "home_suggestions")).toThrow('ask: "home_suggestions" is free text');
    expect(() => ask("link-worker", "trained", { by: "referral_sources" })).toThrow(
      'ask: breakdown "referral_sources" must be a categorical column',
    );
    expect(() => ask("link-worker", "trained", { by: "trained" })).toThrow(
      'ask: question and breakdown are both "trained"',
    );
  });
});
