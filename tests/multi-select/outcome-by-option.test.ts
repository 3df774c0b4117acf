import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { familyTable } from "../../src/kit/family-table.js";
import { outcomeByOption } from "../../src/multi-select/outcome-by-option.js";
import { adjustFamily } from "../../src/stats/adjust-p.js";
import { crosstab } from "../../src/tabulate/index.js";

// Invented providers (not survey data): 40 consult participants (30 confident), 60 do not (20 confident);
// 3 of the confident non-consulters consult "Funders" only, so that option's table has a count below 5.
function sample() {
  const consult: (string[] | null)[] = [];
  const confident: (boolean | null)[] = [];
  for (let i = 0; i < 40; i++) {
    consult.push(["Participants"]);
    confident.push(i < 30);
  }
  for (let i = 0; i < 60; i++) {
    consult.push(i < 3 ? ["Funders"] : ["Nobody"]);
    confident.push(i < 20);
  }
  consult.push(null);
  confident.push(true);
  return withLevels(table({ consult, confident }), { consult: ["Participants", "Funders", "Nobody"] });
}

describe("outcomeByOption", () => {
  it("cross-tabulates the outcome by ticked / not ticked for every option, as crosstab would", () => {
    const r = outcomeByOption(sample(), "consult", "confident", { names: ["Consult them", "Do not"] });
    expect(r.splits.map((s) => s.option)).toEqual(["Participants", "Funders", "Nobody"]);
    const p = r.splits[0]!.result;
    expect(p.colLevels).toEqual(["Consult them", "Do not"]);
    expect(p.cell("Yes", "Consult them").percent).toBeCloseTo(75, 10);
    expect(p.cell("Yes", "Do not").percent).toBeCloseTo(33.333, 2);
    expect(p.base).toBe(100); // the unanswered row is left out
    // The same table by hand: the test and its p agree.
    const manual = crosstab(
      table({
        confident: sample().array("confident"),
        ticked: (sample().array("consult") as unknown as (string[] | null)[]).map((c) =>
          c === null ? null : c.includes("Participants") ? "a" : "b",
        ),
      }),
      "confident",
      { by: "ticked" },
    );
    expect(r.splits[0]!.p).toBeCloseTo((manual.test as { p: number }).p, 12);
    expect(r.splits[0]!.detail).toMatch(
      /^75\.0% \(n = 40\) vs 33\.3% \(n = 60\); Chi-square test, Cramér's V = 0\.41$/,
    );
  });

  it("keeps a suppressed option's p in the family but marks it hidden, and draws it as suppressed", () => {
    const r = outcomeByOption(sample(), "consult", "confident");
    const funders = r.splits[1]!;
    expect(funders.hidden).toBe(true);
    expect(funders.p).not.toBeNull();
    expect(funders.detail.startsWith("– vs")).toBe(true);
    expect(r.series[0]!.data[1]!.suppressed).toBe(true);
    expect(r.series[0]!.data[1]!.value).toBeNull();
    const family = adjustFamily("each consulted group by confidence", r.splits, "holm");
    expect(family.size).toBe(3);
    const shown = familyTable(family, "Confidence by who providers consult");
    expect(shown.rows[1]!.slice(2)).toEqual(["not shown", "not shown"]);
    expect(shown.notes[0]).toBe(
      "p-values Holm-adjusted across the 3 tests of each consulted group by confidence.",
    );
    expect(shown.toMarkdown()).toContain("p (Holm-adjusted)");
  });

  it("shows Holm-adjusted p-values next to the raw ones", () => {
    const r = outcomeByOption(sample(), "consult", "confident", { suppress: false });
    const family = adjustFamily("each consulted group by confidence", r.splits, "holm");
    const raw = r.splits.map((s) => s.p!);
    const smallest = Math.min(...raw);
    const row = familyTable(family, "c").rows[raw.indexOf(smallest)]!;
    expect(row[3]).toBe(smallest * 3 < 0.001 ? "< 0.001" : (smallest * 3).toFixed(3));
  });

  it("names the closest level when the outcome level is misspelt", () => {
    expect(() => outcomeByOption(sample(), "consult", "confident", { level: "Yse" })).toThrow(
      /outcomeByOption: .*"Yse".*did you mean "Yes"/,
    );
  });
});
