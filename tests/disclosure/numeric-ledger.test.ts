import { table } from "arquero";
import { beforeEach, describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { resetRunLedger } from "../../src/disclosure/ledger.js";
import { compareGroupsDisplay, compareGroups } from "../../src/numeric/compare-groups.js";
import { numericSummary } from "../../src/numeric/numeric-summary.js";
import { frequencies } from "../../src/tabulate/frequencies.js";

// Synthetic respondents: areas A 3, B 6, C 7; two of C gave no minutes. frequencies hides A (3) and, so that
// A cannot be worked out from the total, B (the smallest other). numericSummary's own rule alone hides A and
// C (n 5, its smallest other), showing B's n = 6, which with the table's C = 7 and total 16 gives A = 3 back.
function synthetic() {
  const area = [...Array<string>(3).fill("A"), ...Array<string>(6).fill("B"), ...Array<string>(7).fill("C")];
  const minutes = area.map((a, i) => (a === "C" && i >= 14 ? null : 30 + i));
  return withLevels(table({ area, minutes }), { area: ["A", "B", "C"] });
}

describe("numericSummary in the run's ledger", () => {
  beforeEach(() => {
    resetRunLedger();
  });

  it("alone, applies its own rule (A primary, C the complement)", () => {
    const s = numericSummary(synthetic(), "minutes", { by: "area" });
    expect(s.groups.map((g) => g.status)).toEqual(["primary", "shown", "secondary"]);
  });

  it("after a frequencies table that hid B, does not show B's n (nor its mean) either", () => {
    const t = synthetic();
    const f = frequencies(t, "area", { ci: false });
    expect(f.suppression.cells.map((r) => r[0])).toEqual(["primary", "secondary", "shown"]);
    const s = numericSummary(t, "minutes", { by: "area" });
    const b = s.groups[1]!;
    expect(b.status).not.toBe("shown");
    expect(b.mean).toBeNull();
    const shown = compareGroupsDisplay(compareGroups(t, "minutes", "area")).body.find((r) => r[0] === "B")!;
    expect(shown.slice(1, 4)).not.toContain("6");
    expect(shown.slice(3).every((v) => v === "–")).toBe(true);
  });
});
