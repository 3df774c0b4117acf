import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { auditNotebookWithExemptions, type NotebookJson } from "../../src/disclosure/audit.js";
import { crossFractions } from "../../src/disclosure/cross-output.js";

type Output = NonNullable<NotebookJson["cells"][number]["outputs"]>[number];
const stream = (text: string): Output => ({ output_type: "stream", text });
const notebook = (...cells: Output[][]): NotebookJson => ({
  cells: cells.map((outputs) => ({ cell_type: "code", outputs })),
});

// The notebook-04 pair: two receipts, neither showing a count of 1-4, that together give
// inactive-and-confident = 20 - 18 = 2 of 154 - 122 = 32 (the inactive group, shown with n = 32 in a table).
const receiptPair = notebook(
  [stream("Confidence by activity band: Inactive (<30): [c], n = 32")],
  [
    stream(
      "ok   lw-confident-by-activity: computed +42.6 pts: meets guideline 55.6% (79/142) > not meets guideline 13.0% (20/154)\n" +
        "ok   lw-confident-inactive-lowest: computed ranked: Active (150+) 55.6% (79/142); Fairly active (30-149) 14.8% (18/122); Inactive (<30) suppressed",
    ),
  ],
);

describe("the audit's cross-output check", () => {
  it("finds two receipts whose counts and bases differ by a hidden cell (the 04 pair)", () => {
    const r = auditNotebookWithExemptions(receiptPair, "04.ipynb");
    expect(r.findings).toEqual([]); // no single output shows a count of 1-4
    expect(r.review.map((f) => `${f.kind}:${f.count}:${f.match}`)).toEqual([
      "cross:2:20/154 - 18/122 = 2/32",
    ]);
    const strict = auditNotebookWithExemptions(receiptPair, "04.ipynb", { cross: true });
    expect(strict.findings.map((f) => f.match)).toEqual(["20/154 - 18/122 = 2/32"]);
  });

  it("fails `sp-pathways audit --cross` (exit 1) and lists the pair to review without it (exit 0)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-cross-"));
    writeFileSync(join(dir, "04.ipynb"), JSON.stringify(receiptPair));
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s), cwd: dir };
    expect(await main(["audit", dir], io)).toBe(0);
    expect(out.join("\n")).toMatch(/to review .*"20\/154 - 18\/122 = 2\/32"/);
    expect(await main(["audit", dir, "--cross"], io)).toBe(1);
  });

  it("does not pair a group with an unrelated one whose row shows the remainder's own count", () => {
    // 88/200 (a ranking) and 87/120 (consulting participants), whose row shows the other side 29/80.
    const nb = notebook(
      [stream("ranked: Levels of health and fitness 44.0% (88/200)")],
      [stream("consult: Participants 72.5% (87/120) > consult: not Participants 36.3% (29/80)")],
    );
    expect(auditNotebookWithExemptions(nb, "05.ipynb").review).toEqual([]);
  });

  it("needs the remainder to be a group the notebook shows as a base, and a difference of 1-4", () => {
    const f = (cell: number, count: number, base: number) => ({
      cell,
      output: 0,
      count,
      base,
      text: `${count}/${base}`,
    });
    expect(crossFractions([f(0, 20, 154), f(1, 18, 122)], 5, new Set([32]))).toHaveLength(1);
    expect(crossFractions([f(0, 20, 154), f(1, 18, 122)], 5, new Set([33]))).toHaveLength(0);
    expect(crossFractions([f(0, 25, 154), f(1, 18, 122)], 5, new Set([32]))).toHaveLength(0); // 7: not small
    expect(crossFractions([f(0, 20, 154), f(1, 18, 122)], 2, new Set([32]))).toHaveLength(0); // threshold 2: 1 only
  });

  it("reads a published value with its rounding band as the report's, not as a share of the base beside it", () => {
    // Notebook 07 on Cumbria: the evidence table's "12% [11.5, 12.5)" is the report's; 15.2% of 33 is 5.
    const nb = notebook([stream("lw-trained-in-role: 12% [11.5, 12.5); 15.2%, n = 33, 6.7–30.9%")]);
    expect(auditNotebookWithExemptions(nb, "07.ipynb").findings).toEqual([]);
    const leak = notebook([stream("lw-trained-in-role: 12% [11.5, 12.5); 12.1%, n = 33, 6.7–30.9%")]);
    expect(auditNotebookWithExemptions(leak, "07.ipynb").findings.map((f) => f.count)).toEqual([4]);
  });
});
