import { describe, expect, it } from "vitest";
import { DisclosureLedger, resetRunLedger, runLedger } from "../../src/disclosure/ledger.js";

const q = ["Not at all", "Slightly", "Moderately", "Very", "Extremely"];
// The case (notebook 05): the Likert table hides Extremely (4) and a complement (Moderately).
function likertTable(ledger: DisclosureLedger) {
  return ledger.publish({
    population: "provider",
    label: "Likert table",
    variables: { q },
    cells: [
      { where: { q: ["Not at all"] }, count: 40 },
      { where: { q: ["Slightly"] }, count: 30 },
      { where: { q: ["Moderately"] }, count: 18, status: "secondary" },
      { where: { q: ["Very"] }, count: 22 },
      { where: { q: ["Extremely"] }, count: 4 },
      { where: { q }, count: 114 },
    ],
  });
}

describe("DisclosureLedger", () => {
  it("publish() hides counts of 1-4 itself and keeps a table's own statuses", () => {
    expect(likertTable(new DisclosureLedger())).toEqual([
      "shown",
      "shown",
      "secondary",
      "shown",
      "primary",
      "shown",
    ]);
  });

  it("publish() hides a later collapse that would give 26 - 22 = 4 back, and its partner", () => {
    const ledger = new DisclosureLedger();
    likertTable(ledger);
    const collapse = ledger.publish({
      population: "provider",
      variables: { q },
      cells: [
        { where: { q: ["Very", "Extremely"] }, count: 26 },
        { where: { q: ["Not at all", "Slightly", "Moderately"] }, count: 88 },
      ],
    });
    // Either shown alone would solve Extremely (26 - 22) or Moderately (88 - 40 - 30).
    expect(collapse).toEqual(["secondary", "secondary"]);
  });

  it("reads a derived flag as its source's levels", () => {
    const ledger = new DisclosureLedger();
    likertTable(ledger);
    ledger.derive("very_or_extremely", "q", {
      true: ["Very", "Extremely"],
      false: ["Not at all", "Slightly", "Moderately"],
    });
    const flag = ledger.publish({
      population: "provider",
      variables: { very_or_extremely: ["true", "false"] },
      cells: [{ where: { very_or_extremely: ["true"] }, count: 26 }],
    });
    expect(flag).toEqual(["secondary"]);
  });

  it("lets through a collapse that reveals nothing new, and a second population untouched", () => {
    const ledger = new DisclosureLedger();
    likertTable(ledger);
    // Moderately + Very + Extremely = 114 - 70 was already public.
    const safe = ledger.publish({
      population: "provider",
      variables: { q },
      cells: [{ where: { q: ["Moderately", "Very", "Extremely"] }, count: 44 }],
    });
    expect(safe).toEqual(["shown"]);
    const other = ledger.publish({
      population: "provider, area Cumbria",
      variables: { q },
      cells: [{ where: { q: ["Very", "Extremely"] }, count: 26 }],
    });
    expect(other).toEqual(["shown"]);
  });

  it("keeps a second breakdown (a cross-tab) from undoing a one-way table's hidden cell", () => {
    const ledger = new DisclosureLedger();
    const band = ["Inactive", "Active"];
    const yn = ["No", "Yes"];
    // Both tables are over respondents answering both questions, so the one-way cells list every yn level
    // (a variable left out would mean "any answer, missing included", a different group of people).
    ledger.publish({
      variables: { band, yn },
      cells: [
        { where: { band: ["Inactive"], yn }, count: 3 },
        { where: { band: ["Active"], yn }, count: 50, status: "secondary" },
        { where: { band, yn }, count: 53 },
      ],
    });
    // Cross-tab band x yn; its row margins repeat the one-way counts and must stay hidden.
    const cells = [
      { where: { band: ["Inactive"], yn: ["No"] }, count: 1 },
      { where: { band: ["Inactive"], yn: ["Yes"] }, count: 2 },
      { where: { band: ["Active"], yn: ["No"] }, count: 20 },
      { where: { band: ["Active"], yn: ["Yes"] }, count: 30 },
      { where: { band: ["Inactive"], yn }, count: 3 },
      { where: { band: ["Active"], yn }, count: 50 },
      { where: { band, yn: ["No"] }, count: 21 },
      { where: { band, yn: ["Yes"] }, count: 32 },
    ];
    const status = ledger.publish({ variables: { band, yn }, cells });
    expect(status[5]).toBe("secondary"); // the Active margin, hidden before
    // Active x No/Yes would sum to the hidden Active margin and give Inactive = 53 - 50: at least one is hidden.
    expect(status[2] !== "shown" || status[3] !== "shown").toBe(true);
  });

  it("names the variable and level in its errors", () => {
    const ledger = new DisclosureLedger();
    expect(() => ledger.publish({ variables: {}, cells: [{ where: { q: ["a"] }, count: 9 }] })).toThrow(
      'DisclosureLedger: cell mentions "q", which is not in variables',
    );
    ledger.derive("f", "q", { true: ["a"] });
    expect(() =>
      ledger.publish({ variables: { q: ["a", "b"] }, cells: [{ where: { f: ["false"] }, count: 9 }] }),
    ).toThrow('DisclosureLedger: level "false" of derived "f" has no mapping to "q"');
    expect(() => new DisclosureLedger({ threshold: -2 })).toThrow(
      "DisclosureLedger: option threshold must be a number >= 0, got -2",
    );
  });

  it("runLedger() is one ledger per run until resetRunLedger()", () => {
    const a = resetRunLedger({ threshold: 8 });
    expect(runLedger()).toBe(a);
    expect(a.publish({ variables: { q }, cells: [{ where: { q: ["Very"] }, count: 6 }] })).toEqual([
      "primary",
    ]);
    expect(a.size).toEqual({ cells: 1, hidden: 1 });
    expect(resetRunLedger()).not.toBe(a);
  });
});
