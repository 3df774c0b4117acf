import { table } from "arquero";
import { beforeEach, describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { resetRunLedger } from "../../src/disclosure/ledger.js";
import { compareOptions } from "../../src/multi-select/compare-options.js";
import { multiResponse } from "../../src/tabulate/multi-response.js";

// Invented respondents (not survey data), shaped like notebook 03 on Cumbria: 33 answered, 32 ticked GPs
// (its complement, 1, is hidden), 10 social landlords.
function referrals() {
  const rows: string[][] = [];
  for (let i = 0; i < 33; i++)
    rows.push([...(i < 32 ? ["GPs"] : []), ...(i < 10 ? ["Landlords"] : []), ...(i >= 20 ? ["Self"] : [])]);
  return withLevels(table({ sources: rows }), { sources: ["GPs", "Landlords", "Self"] });
}

describe("compareOptions in the run's ledger", () => {
  beforeEach(() => {
    resetRunLedger();
  });

  it("does not print a share the share rule hides (32 of 33: the other 1), only the test's verdict", () => {
    const c = compareOptions(referrals(), "sources", "GPs", "Landlords");
    expect(c.status).toBe("hidden");
    expect(c.text).toMatch(
      /^GPs suppressed vs Landlords 30\.3% \(the same 33 respondents\): differ at the 5% level/,
    );
    expect(c.text).not.toMatch(/97\.0|p [<=]/);
  });

  it("after a table that hid an option's count as a complement, the comparison hides that share too", () => {
    const lw = referrals(); // one table: its outputs are one population in the ledger
    const t = multiResponse(lw, "sources");
    const gps = t.suppression.cells[t.rowLevels.indexOf("GPs")]![0];
    expect(gps).not.toBe("shown");
    const c = compareOptions(lw, "sources", "Landlords", "Self");
    expect(c.text).toMatch(/Landlords 30\.3% vs Self 39\.4%/); // nothing hidden about these two
    expect(compareOptions(lw, "sources", "GPs", "Self").text).toMatch(/GPs suppressed/);
  });
});

describe("a chart whose every value is suppressed", () => {
  it("says so in its plot and its footnote, not 'no valid responses'", async () => {
    const { barChart } = await import("../../src/figures/bar.js");
    const fig = barChart(
      [
        { label: "Inactive", value: null, lower: null, upper: null, n: null, suppressed: true },
        { label: "Active", value: null, lower: null, upper: null, n: null, suppressed: true },
      ],
      { title: "Active Link Workers are the most often confident", base: { n: 33, unit: "Link Workers" } },
    );
    const text = JSON.stringify(fig);
    expect(text).toMatch(/Every value is suppressed \(small counts\)/);
    expect(text).toMatch(/the title states what the chart asks, not a finding/);
    expect(text).not.toMatch(/No valid responses to show/);
  });
});
