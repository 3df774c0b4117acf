import { table } from "arquero";
import { beforeEach, describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { resetRunLedger } from "../../src/disclosure/ledger.js";
import { optionTests, optionTestsDisplay } from "../../src/multi-select/option-tests.js";
import { multiResponse } from "../../src/tabulate/multi-response.js";

// Synthetic respondents in areas A, B, C: [GPs only, Self only, both, neither] per area (found by searching small
// configurations for one where the two outputs' own rules hide different cells of the same option).
const spec: Record<string, number[]> = { A: [6, 3, 7, 0], B: [7, 6, 2, 2], C: [6, 0, 0, 0] };
function synthetic() {
  const sources: string[][] = [];
  const area: string[] = [];
  for (const [a, [g, s, b, n]] of Object.entries(spec)) {
    const add = (k: number, row: string[]) => {
      for (let i = 0; i < k; i++) {
        sources.push(row);
        area.push(a);
      }
    };
    add(g!, ["GPs"]);
    add(s!, ["Self"]);
    add(b!, ["GPs", "Self"]);
    add(n!, []);
  }
  return withLevels(table({ sources, area }), { sources: ["GPs", "Self"], area: ["A", "B", "C"] });
}
const groups = [0, 1, 2];

describe("optionTests in the run's ledger", () => {
  beforeEach(() => {
    resetRunLedger();
  });

  it("after a multiple-response table by the same breakdown, hides every count that table hid", () => {
    const lw = synthetic();
    const m = multiResponse(lw, "sources", { by: "area", ci: false });
    const t = optionTests(lw, "sources", "area");
    let checked = 0;
    for (const test of t.tests) {
      const row = m.rowLevels.indexOf(test.option);
      for (const k of groups.filter((k) => m.suppression.cells[row]![k] !== "shown")) {
        expect(test.chosenStatus[k], `${test.option} in ${t.groups[k]}`).not.toBe("shown");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // The printed table: no count the multiple-response table hid, and the tests on those tables keep only "hidden".
    const shown = optionTestsDisplay(t).body;
    for (const [o, test] of t.tests.entries())
      if (test.chosenStatus.some((s) => s !== "shown")) expect(shown[o]![t.groups.length + 2]).toBe("–");
  });

  it("alone, its own rule shows a count the multiple-response table hides (what the ledger prevents)", () => {
    const lw = synthetic();
    const alone = optionTests(lw, "sources", "area");
    resetRunLedger();
    const m = multiResponse(synthetic(), "sources", { by: "area", ci: false });
    const leaks = alone.tests.flatMap((test) => {
      const row = m.rowLevels.indexOf(test.option);
      return groups.filter(
        (k) => m.suppression.cells[row]![k] !== "shown" && test.chosenStatus[k] === "shown",
      );
    });
    expect(leaks.length).toBeGreaterThan(0);
  });

  it("hides a count of 1-4 in its note (2 answered the question but gave no area)", () => {
    const base = synthetic();
    const lw = withLevels(
      table({
        sources: [...(base.array("sources") as string[][]), ["GPs"], ["Self"]],
        area: [...(base.array("area") as string[]), null, null],
      }),
      { sources: ["GPs", "Self"], area: ["A", "B", "C"] },
    );
    const t = optionTests(lw, "sources", "area");
    expect(t.missing.by).toBe(2);
    expect(t.missingStatus.by).not.toBe("shown");
    const note = optionTestsDisplay(t).notes.find((n) => n.startsWith("Not tabulated"))!;
    expect(note).toMatch(/\[c\] had no answer for area/);
  });
});
