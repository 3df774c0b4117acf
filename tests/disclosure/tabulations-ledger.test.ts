import { escape, table } from "arquero";
import { beforeEach, describe, expect, it } from "vitest";
import { codebook, optionLabels, question } from "../../src/codebook/codebooks.js";
import { withLevels } from "../../src/codebook/levels.js";
import { deriveColumns } from "../../src/clean/derive.js";
import { auditNotebook, type NotebookJson } from "../../src/disclosure/audit.js";
import { resetRunLedger, runLedger } from "../../src/disclosure/ledger.js";
import { crosstab } from "../../src/tabulate/crosstab.js";
import { frequencies } from "../../src/tabulate/frequencies.js";
import { likertSummary } from "../../src/tabulate/likert-summary.js";
import type { Tabulation } from "../../src/tabulate/tabulation.js";

const repeat = <T>(pairs: [T, number][]): T[] => pairs.flatMap(([v, n]) => Array<T>(n).fill(v));
// A notebook whose cells show each table as the kit does (markdown, HTML and text), for the audit.
const notebookOf = (...tables: Tabulation[]): NotebookJson => ({
  cells: tables.map((t) => ({
    cell_type: "code",
    outputs: [
      { output_type: "display_data", data: { "text/markdown": t.toMarkdown(), "text/html": t.toHTML() } },
      { output_type: "stream", text: t.toString() },
    ],
  })),
});

// Synthetic providers: the notebook-05 case, 40 / 30 / 18 / 22 / 4 on the five-point scale.
function providers() {
  const scale = optionLabels(question(codebook("provider"), "confidence_additional_needs"));
  const t = withLevels(
    table({
      confidence_additional_needs: repeat([
        [scale[0]!, 40],
        [scale[1]!, 30],
        [scale[2]!, 18],
        [scale[3]!, 22],
        [scale[4]!, 4],
      ]),
    }),
    { confidence_additional_needs: scale },
  );
  // The project's derivation adds the very-or-extremely flag (confident_additional_needs) as the kit does.
  return { scale, pv: deriveColumns(t, "provider").table };
}

describe("the run's ledger across tabulations", () => {
  beforeEach(() => {
    resetRunLedger();
  });

  it("a Likert table and its very-or-extremely collapse do not give each other's hidden cells back", () => {
    const { pv } = providers();
    const l = likertSummary(pv, ["confidence_additional_needs"], { ci: false });
    const [, , , very, extremely] = l.suppression.cells[0]!;
    expect(extremely).toBe("primary"); // 4
    const f = frequencies(pv, "confident_additional_needs", { ci: false });
    expect(f.rowLevels).toEqual(["No", "Yes"]);
    // Shown alone, Yes = 26 would give Extremely = 26 - 22 = 4 (Very is shown): the ledger hides it, and No
    // with it (the total is shown, so Yes = total - No).
    expect(very).toBe("shown");
    expect(f.suppression.cells.map((r) => r[0])).toEqual(["secondary", "secondary"]);
    expect(f.toMarkdown()).not.toMatch(/\b26\b/);
    // Without the ledger's record (a fresh run) the same collapse is shown: the protection comes from the run.
    resetRunLedger();
    expect(frequencies(pv, "confident_additional_needs").suppression.any).toBe(false);
  });

  it("the collapse first, then the Likert table: the later table is the one that gives way", () => {
    const { pv } = providers();
    const f = frequencies(pv, "confident_additional_needs", { ci: false });
    expect(f.suppression.any).toBe(false); // 88 / 26: nothing small
    const l = likertSummary(pv, ["confidence_additional_needs"], { ci: false });
    const row = l.suppression.cells[0]!;
    expect(row[4]).toBe("primary");
    // Extremely (hidden) = Yes (26, published) - Very: Very must be hidden too.
    expect(row[3]).not.toBe("shown");
    expect(runLedger().warnings).toEqual([]);
  });

  it("a table by area and the same table for the whole North West, by breakdown or by filter", () => {
    const lw = table({
      ap_area: repeat([
        ["Cumbria", 23],
        ["Lancashire", 25],
        ["Merseyside", 30],
      ]),
      knows: repeat([
        ["Yes", 3],
        ["No", 20],
        ["Yes", 11],
        ["No", 14],
        ["Yes", 12],
        ["No", 18],
      ]),
    });
    // One table per area (filtered views), then the whole North West: 26 - 11 - 12 = 3 would be Cumbria's Yes.
    const areas = ["Cumbria", "Lancashire", "Merseyside"].map((a) =>
      frequencies(lw.filter(escape((d: { ap_area: string }) => d.ap_area === a)), "knows", { ci: false }),
    );
    expect(areas.map((f) => f.base)).toEqual([23, 25, 30]);
    expect(areas[0]!.cell("Yes").status).toBe("primary");
    const nw = frequencies(lw, "knows", { ci: false });
    const yes = nw.cell("Yes").status;
    const shownAreas = areas.filter((f) => f.cell("Yes").status === "shown").length;
    // Either the North West's Yes is hidden, or another area's Yes was hidden with Cumbria's: never all but one.
    expect(yes !== "shown" || shownAreas < 2).toBe(true);

    resetRunLedger();
    const byArea = crosstab(lw, "knows", { by: "ap_area", ci: false });
    expect(byArea.suppression.cells[1]![0]).toBe("primary"); // Yes in Cumbria
    const whole = frequencies(lw, "knows", { ci: false });
    // The row margin of the cross-tab is the whole North West's count (no one lacks an area): same numbers.
    expect(whole.cell("Yes").status).toBe(byArea.suppression.rowTotals[1]);
    expect(auditNotebook(notebookOf(byArea, whole, ...areas), "areas.ipynb")).toEqual([]);
  });

  it("the audit is clean on a notebook of the Likert table and its collapse", () => {
    const { pv } = providers();
    const l = likertSummary(pv, ["confidence_additional_needs"]);
    const f = frequencies(pv, "confident_additional_needs");
    const byFlag = crosstab(pv, "confidence_additional_needs", { by: "confident_additional_needs" });
    expect(auditNotebook(notebookOf(l, f, byFlag), "05.ipynb")).toEqual([]);
  });

  it("hides a Missing count of 1-4 and keeps a larger one", () => {
    const t = table({
      q: [
        ...repeat<string | null>([
          ["a", 20],
          ["b", 30],
          [null, 3],
        ]),
      ],
    });
    const f = frequencies(t, "q", { ci: false });
    expect(f.missing).toBe(3);
    expect(f.suppression.missing).toBe("primary");
    expect(f.toString()).toMatch(/Missing\s+\[c\]/);
    const big = frequencies(
      table({
        q: repeat<string | null>([
          ["a", 20],
          [null, 7],
        ]),
      }),
      "q",
    );
    expect(big.suppression.missing).toBe("shown");
    expect(big.toString()).toMatch(/Missing\s+7/);
    const x = crosstab(
      table({
        q: repeat<string | null>([
          ["a", 20],
          ["b", 20],
          [null, 2],
        ]),
        g: repeat([
          ["x", 21],
          ["y", 21],
        ]),
      }),
      "q",
      { by: "g" },
    );
    expect(x.suppression.missing).toEqual({
      row: "primary",
      column: "shown",
      both: "shown",
      total: "primary",
    });
    expect(x.toMarkdown()).toContain("Missing (not tabulated): [c] respondents (q: [c], g: 0, both: 0).");
  });

  it("leaves a table with disclosure control off out of the ledger", () => {
    const { pv } = providers();
    likertSummary(pv, ["confidence_additional_needs"], { suppress: false });
    expect(runLedger().size.cells).toBe(0);
  });
});
