import { table } from "arquero";
import { beforeEach, describe, expect, it } from "vitest";
import { codebook, optionLabels, question } from "../../src/codebook/codebooks.js";
import { withLevels } from "../../src/codebook/levels.js";
import { deriveColumns } from "../../src/clean/derive.js";
import { resetRunLedger } from "../../src/disclosure/ledger.js";
import { computeReceipts } from "../../src/published/compute.js";
import { publishedFigures } from "../../src/published/figures.js";
import { discloseReceipts } from "../../src/published/receipt-ledger.js";
import { receiptsBundle, showReceipts } from "../../src/published/show-receipts.js";
import { crosstab } from "../../src/tabulate/crosstab.js";

// SYNTHETIC Link Workers shaped like notebook 04 on Cumbria: inactive 32 (2 confident), fairly active 122
// (18 confident), active 60 (30 confident). Confident is the top two of the five-point scale.
function linkWorkers() {
  const scale = optionLabels(question(codebook("link-worker"), "confidence_discussing"));
  const rows: Record<string, unknown>[] = [];
  const add = (minutes: number, confident: number, n: number) => {
    for (let i = 0; i < n; ++i)
      rows.push({
        own_moderate_minutes: minutes,
        confidence_discussing: i < confident ? scale[4]! : scale[1]!,
      });
  };
  add(10, 2, 32);
  add(60, 18, 122);
  add(200, 30, 60);
  const cols = {
    own_moderate_minutes: rows.map((r) => r.own_moderate_minutes),
    confidence_discussing: rows.map((r) => r.confidence_discussing),
  };
  return deriveColumns(withLevels(table(cols), { confidence_discussing: scale }), "link-worker").table;
}

const figures = (...ids: string[]) => publishedFigures().filter((f) => ids.includes(f.id));

describe("receipts in the run's ledger", () => {
  beforeEach(() => {
    resetRunLedger();
  });

  it("a ranking with one hidden share shows no number at all, only its verdict and order", () => {
    const lw = linkWorkers();
    const [rank] = computeReceipts({ "link-worker": lw }, figures("lw-confident-inactive-lowest"));
    expect(rank!.suppressed).toBe(true);
    expect(rank!.pass).toBe(true); // inactive 6% is the lowest, judged on the hidden numbers
    expect(rank!.detail).toBe(
      "ranked: Active (150+) suppressed; Fairly active (30-149) suppressed; Inactive (<30) suppressed",
    );
    expect(receiptsBundle([rank!]).data["text/plain"]).not.toMatch(/18\/122|\(18\)/);
  });

  it("a receipt shown first makes a later table hide the cell that, with it, would give a hidden one", () => {
    const lw = linkWorkers();
    const [byActivity] = computeReceipts({ "link-worker": lw }, figures("lw-confident-by-activity"));
    expect(byActivity!.suppressed).toBe(false); // 20/154 and 30/60: nothing small
    const [shown] = discloseReceipts([byActivity!]);
    expect(shown!.detail).toMatch(/20\/154/);
    const t = crosstab(lw, "confident_discussing", { by: "activity_band" });
    const status = (row: string, col: string) =>
      t.suppression.cells[t.rowLevels.indexOf(row)]![t.colLevels.indexOf(col)]!;
    expect(status("Yes", "Inactive (<30)")).toBe("primary"); // 2
    // 20 (not meeting the guideline, confident) - 18 (fairly active, confident) = 2: the 18 may not be shown.
    expect(status("Yes", "Fairly active (30-149)")).not.toBe("shown");
  });

  it("a table shown first makes a later receipt keep only its verdict", () => {
    const lw = linkWorkers();
    const [byActivity] = computeReceipts({ "link-worker": lw }, figures("lw-confident-by-activity"));
    const t = crosstab(lw, "confident_discussing", { by: "activity_band" });
    const fairly =
      t.suppression.cells[t.rowLevels.indexOf("Yes")]![t.colLevels.indexOf("Fairly active (30-149)")];
    const bundle = showReceipts([byActivity!]);
    const text = bundle!.data["text/plain"] as string;
    expect(fairly).toBe("shown"); // 18: the table alone hides inactive-and-confident (2) another way
    // 20 (not meeting, confident) - 18 = 2: the receipt keeps its verdict and loses its numbers.
    expect(text).toMatch(/suppressed/);
    expect(text).not.toMatch(/20\/154|30\/60/);
    expect(text).toMatch(/^ok /m);
  });

  it("without the ledger's record (a fresh run) the same receipt is shown: the protection comes from the run", () => {
    const lw = linkWorkers();
    const [byActivity] = computeReceipts({ "link-worker": lw }, figures("lw-confident-by-activity"));
    crosstab(lw, "confident_discussing", { by: "activity_band" });
    resetRunLedger();
    expect(discloseReceipts([byActivity!])[0]!.suppressed).toBe(false);
  });
});
