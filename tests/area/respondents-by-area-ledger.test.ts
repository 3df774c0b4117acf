import { table } from "arquero";
import { beforeEach, describe, expect, it } from "vitest";
import { districtLookup } from "../../src/area/reference.js";
import { respondentsByArea } from "../../src/area/respondents-by-area.js";
import { resetRunLedger } from "../../src/disclosure/ledger.js";
import { publishPopulation } from "../../src/disclosure/population-total.js";
import { frequencies } from "../../src/tabulate/frequencies.js";

const named = (name: string, n: number) => Array.from({ length: n }, () => name);
// Synthetic Link Workers: four districts, none small, and 2 who named no district.
const synthetic = () =>
  table({
    local_authority: [
      ...named("Liverpool", 9),
      ...named("Wirral", 12),
      ...named("Preston", 6),
      ...named("Burnley", 7),
      null,
      null,
    ],
  });
const codeOf = (name: string) => districtLookup().find((d) => d.lad23Name === name)!.lad23Code;

describe("respondentsByArea in the run's ledger", () => {
  beforeEach(() => {
    resetRunLedger();
  });

  it("alone, shows every district (no count is small)", () => {
    const lw = synthetic();
    publishPopulation(lw, "36 Link Workers");
    expect(respondentsByArea(lw).suppressed).toBe(0);
  });

  it("after a table that hid a district (its 2 missing answers = everyone - base), the map hides it too", () => {
    const lw = synthetic();
    publishPopulation(lw, "36 Link Workers"); // the data line: 36 respondents
    const f = frequencies(lw, "local_authority", { ci: false });
    const hiddenInTable = f.rowLevels.filter((_, r) => f.suppression.cells[r]![0] !== "shown");
    expect(hiddenInTable.length).toBeGreaterThan(0);
    const map = respondentsByArea(lw);
    for (const name of hiddenInTable) {
      expect(map.values.find((v) => v.code === codeOf(name))).toMatchObject({
        value: null,
        suppressed: true,
      });
    }
    // Shown on the map, the district's count with the map's base 34 and the everyone total 36 gives 2 back.
    const shown = map.values.filter((v) => !v.suppressed).reduce((a, v) => a + v.value!, 0);
    expect(shown).toBeLessThan(34);
  });
});
