import { table } from "arquero";
import { beforeEach, describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { resetRunLedger } from "../../src/disclosure/ledger.js";
import { coOccurrence, coOccurrenceDisplay } from "../../src/multi-select/co-occurrence.js";
import { multiResponse } from "../../src/tabulate/multi-response.js";

// Synthetic respondents, shaped like notebook 03 on Cumbria: 33 answered, 32 ticked GPs (the other 1 is hidden
// as a complement by a multiple-response table), 10 social landlords, 13 themselves.
function referrals() {
  const rows: string[][] = [];
  for (let i = 0; i < 33; i++)
    rows.push([...(i < 32 ? ["GPs"] : []), ...(i < 10 ? ["Landlords"] : []), ...(i >= 20 ? ["Self"] : [])]);
  return withLevels(table({ sources: rows }), { sources: ["GPs", "Landlords", "Self"] });
}
const gpsAlone = (r: ReturnType<typeof coOccurrence>) => r.pairs.find((p) => p.a === "GPs" && p.b === "GPs")!;

describe("coOccurrence in the run's ledger", () => {
  beforeEach(() => {
    resetRunLedger();
  });

  it("alone, shows 32 ticking GPs beside the base 33 (its own rule hides only the share)", () => {
    const c = coOccurrence(referrals(), "sources");
    expect(gpsAlone(c)).toMatchObject({ n: 32, status: "shown", shareStatus: "suppressed" });
    expect(c.respondentsStatus).toBe("shown");
  });

  it("after a multiple-response table that hid GPs, does not give it back (32 of 33: the other 1)", () => {
    const lw = referrals();
    const m = multiResponse(lw, "sources", { ci: false });
    expect(m.suppression.cells[m.rowLevels.indexOf("GPs")]![0]).not.toBe("shown");
    const c = coOccurrence(lw, "sources");
    const shownBase = c.respondentsStatus === "shown";
    // Either the GPs count or the base goes: both shown would say 33 - 32 = 1 did not tick GPs.
    expect(gpsAlone(c).status === "shown" && shownBase).toBe(false);
    const text = JSON.stringify(coOccurrenceDisplay(c));
    expect(text).not.toMatch(/"32"|"32 \(/);
  });

  it("hides a count of 1-4 who did not answer in its note", () => {
    const rows = [...(referrals().array("sources") as (string[] | null)[]), null, null];
    const c = coOccurrence(
      withLevels(table({ sources: rows }), { sources: ["GPs", "Landlords", "Self"] }),
      "sources",
    );
    expect(c.missing).toBe(2);
    expect(c.missingStatus).toBe("suppressed");
    expect(coOccurrenceDisplay(c).notes.join(" ")).toMatch(/\[c\] did not answer/);
  });
});
