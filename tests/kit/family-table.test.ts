import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { adjustFamily } from "../../src/stats/index.js";
import { familyRow, familyTable } from "../../src/kit/family-table.js";
import { crosstab } from "../../src/tabulate/index.js";
import { rep } from "../tabulate/fixtures.js";

// Two 2x2 tables: one with every cell at least 5, one with a cell of 2 (hidden by disclosure control).
const shown = () =>
  table({
    y: rep(["yes", 30], ["no", 10], ["yes", 12], ["no", 28]),
    g: rep(["a", 40], ["b", 40]),
  });
const small = () =>
  table({
    y: rep(["yes", 2], ["no", 38], ["yes", 20], ["no", 20]),
    g: rep(["a", 40], ["b", 40]),
  });

describe("familyRow / familyTable: a test whose table hides cells shows neither p nor Cramér's V", () => {
  it("a shown test keeps its V; a hidden one keeps only the test's name (V is the statistic in another form)", () => {
    const open = familyRow("shown", crosstab(shown(), "y", { by: "g" }));
    const hidden = familyRow("hidden", crosstab(small(), "y", { by: "g" }));
    expect(open.hidden).toBe(false);
    expect(open.detail).toMatch(/Cramér's V = 0\.\d\d$/);
    expect(hidden.hidden).toBe(true);
    expect(hidden.detail).not.toMatch(/V =|\d\.\d/);
    // Its raw p still counts in the family's adjustment.
    expect(hidden.p).toBeGreaterThan(0);
    const t = familyTable(adjustFamily("two tests", [open, hidden]), "Two tests");
    const row = t.rows.find((r) => r[0] === "hidden")!;
    expect(row.slice(2)).toEqual(["not shown", "not shown"]);
    expect(t.toString()).not.toMatch(/hidden.*V =/);
    expect(row[1]).not.toMatch(/V =/);
  });
});
