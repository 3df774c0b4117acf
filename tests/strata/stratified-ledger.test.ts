import { table } from "arquero";
import { beforeEach, describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { resetRunLedger } from "../../src/disclosure/ledger.js";
import { stratified, stratifiedDisplay } from "../../src/strata/stratified.js";
import { weightedStratified } from "../../src/strata/weighted-stratified.js";
import { crosstab } from "../../src/tabulate/crosstab.js";
import { frequencies } from "../../src/tabulate/frequencies.js";

// Synthetic respondents: trained x knows within areas A, B, C. Area B has 3 untrained, so a cross-tab of
// trained by area hides B's cells and, for its margins, A's (the next smallest); every cell of stratum A is 6+.
function synthetic() {
  const rows: [string, string, string][] = [];
  const add = (area: string, trained: string, knows: string, n: number) => {
    for (let i = 0; i < n; i++) rows.push([area, trained, knows]);
  };
  add("A", "No", "Yes", 8);
  add("A", "No", "No", 9);
  add("A", "Yes", "Yes", 7);
  add("A", "Yes", "No", 6);
  add("B", "No", "Yes", 2);
  add("B", "No", "No", 1);
  add("B", "Yes", "Yes", 6);
  add("B", "Yes", "No", 6);
  add("C", "No", "Yes", 10);
  add("C", "No", "No", 10);
  add("C", "Yes", "Yes", 15);
  add("C", "Yes", "No", 15);
  const yn = ["No", "Yes"];
  return withLevels(
    table({ area: rows.map((r) => r[0]), trained: rows.map((r) => r[1]), knows: rows.map((r) => r[2]) }),
    { area: ["A", "B", "C"], trained: yn, knows: yn },
  );
}

describe("stratified in the run's ledger", () => {
  beforeEach(() => {
    resetRunLedger();
  });

  it("alone, shows stratum A in full (no small count)", () => {
    const s = stratified(synthetic(), "trained", "knows", "area");
    expect(s.tables.map((t) => t.hidden)).toEqual([false, true, false]);
  });

  it("after a cross-tab that hid A's cells, stratum A's row totals (and so its cells) do not give them back", () => {
    const lw = synthetic();
    const x = crosstab(lw, "trained", "area", { ci: false });
    const a = x.colLevels.indexOf("A");
    expect(x.suppression.cells.map((r) => r[a])).toEqual(["secondary", "secondary"]);
    frequencies(lw, "knows", { ci: false }); // nobody skipped knows: A's row totals equal the hidden cells
    const s = stratified(lw, "trained", "knows", "area");
    const tableA = s.tables[0]!;
    expect(tableA.hidden).toBe(true);
    const rowsA = stratifiedDisplay(s).body.filter((r) => String(r[0]).startsWith("A ·"));
    // A · No = 17 and A · Yes = 13 are the cross-tab's hidden cells: neither as a total nor as a sum of cells.
    for (const r of rowsA) {
      expect(r[3]).toBe("–");
      const cells = r.slice(1, 3);
      expect(cells.every((v) => /^\d+$/.test(String(v)))).toBe(false);
    }
    // The pooled test still says something: hidden strata enter only combined, its figures hidden in the note.
    expect(s.pooled?.merged ?? s.pooled?.leftOut ?? []).toContain("A");
  });
});

describe("weightedStratified in the run's ledger (its unweighted counts, as stratified)", () => {
  beforeEach(() => {
    resetRunLedger();
  });

  const weighted = () => synthetic().derive({ w: (d: { area: string }) => (d.area === "C" ? 0.5 : 1.5) });

  it("alone, hides only the stratum with a small count", () => {
    const s = weightedStratified(weighted(), "trained", "knows", "area", "w");
    expect(s.tables.map((t) => t.hidden)).toEqual([false, true, false]);
  });

  it("after a cross-tab that hid A's cells, weighted stratum A is hidden too", () => {
    const lw = weighted();
    crosstab(lw, "trained", "area", { ci: false });
    frequencies(lw, "knows", { ci: false });
    const s = weightedStratified(lw, "trained", "knows", "area", "w");
    expect(s.tables.map((t) => t.hidden)).toEqual([true, true, false]);
  });
});
