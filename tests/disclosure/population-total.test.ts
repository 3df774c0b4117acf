import { table } from "arquero";
import { beforeEach, describe, expect, it } from "vitest";
import { resetRunLedger } from "../../src/disclosure/ledger.js";
import { publishPopulation } from "../../src/disclosure/population-total.js";
import { frequencies } from "../../src/tabulate/frequencies.js";

// SYNTHETIC: 60 respondents, 3 of whom skipped the question.
const answers = () =>
  table({
    q: [
      ...Array<string>(30).fill("a"),
      ...Array<string>(20).fill("b"),
      ...Array<string>(7).fill("c"),
      null,
      null,
      null,
    ],
  });

describe("the survey total and a table's hidden missing count", () => {
  beforeEach(() => {
    resetRunLedger();
  });

  it("with the total published (the data line), the base that would give 60 - 57 = 3 is hidden", () => {
    const t = answers();
    publishPopulation(t, "respondents in the data line");
    const f = frequencies(t, "q", { ci: false });
    expect(f.suppression.missing).not.toBe("shown");
    expect(f.suppression.total).not.toBe("shown");
    // No shown numbers of the table add up to the base: at least one level is hidden too.
    expect(f.suppression.cells.some((r) => r[0] !== "shown")).toBe(true);
    expect(f.toString()).not.toMatch(/\b57\b/);
  });

  it("without it the table keeps its base (the missing count alone is hidden)", () => {
    const f = frequencies(answers(), "q", { ci: false });
    expect(f.suppression.missing).not.toBe("shown");
    expect(f.suppression.total).toBe("shown");
  });
});
