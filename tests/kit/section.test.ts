import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writePlatformExports } from "../fixtures/platforms/write-platform-exports.js";
import { openSection, sectionNames, SYNTHETIC_SOURCE } from "../../src/kit/section.js";
import { publishedFigures } from "../../src/published/figures.js";
import { frequencies } from "../../src/tabulate/index.js";

describe("openSection(name): a notebook's first cell in one call", () => {
  afterEach(() => vi.restoreAllMocks());

  it("loads both surveys, states the data source first and computes the section's receipts", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const s = openSection("social-prescription", { area: "" });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toBe(s.source);
    expect(s.source).toMatch(/^Data: SYNTHETIC .* North West: \d+ Link Workers, \d+ providers\.$/);
    expect(s.synthetic).toBe(true);
    expect(s.note).toBe(SYNTHETIC_SOURCE);
    expect(s.receipts.length).toBeGreaterThan(0);
    // This section's figures only: the receipts are exactly the published ids of social-prescription.
    const ids = publishedFigures()
      .filter((f) => f.section === "social-prescription")
      .map((f) => f.id);
    expect(s.receipts.map((r) => r.id)).toEqual(ids);
    expect(s.receipt("lw-trained").id).toBe("lw-trained");
    expect(() => s.receipt("lw-trainde")).toThrow(
      'section.receipt: no receipt "lw-trainde"; did you mean "lw-trained"?',
    );
    const fig = s.chart(frequencies(s.lw, "pa_training"), { title: "t" });
    expect(fig.summary.note).toBe(SYNTHETIC_SOURCE);
  });

  it("s.frequencies / s.crosstab / s.multiResponse put the source note first; coverage() counts shown receipts", () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const s = openSection("social-prescription", { area: "" });
    expect(s.frequencies(s.lw, "pa_training", { notes: ["own"] }).notes).toEqual([SYNTHETIC_SOURCE, "own"]);
    expect(s.crosstab(s.lw, "knows_guideline", { by: "trained" }).notes).toEqual([SYNTHETIC_SOURCE]);
    expect(s.multiResponse(s.lw, "benefits_aware").notes).toEqual([SYNTHETIC_SOURCE]);
    const n = s.receipts.length;
    expect(s.coverage()).toBe(`${n} published figures in this section; receipts shown for 0`);
    s.showReceipts(["lw-trained", "lw-trained-in-role"]);
    s.showReceipts(["lw-trained"]);
    expect(s.coverage()).toBe(`${n} published figures in this section; receipts shown for 2`);
  });

  it("a misspelt section is one line with the closest name; receipts: 'none' accepts any name", () => {
    expect(sectionNames()).toContain("provision");
    expect(() => openSection("provison", { quiet: true })).toThrow(
      'openSection: no section "provison"; did you mean "provision"?',
    );
    expect(openSection("introduction", { receipts: "none", quiet: true }).receipts).toEqual([]);
  });

  it("on a real export, the first output also names each file, its platform, questions matched and rows dropped", () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-kit-"));
    const before = process.env.SP_DATA_DIR;
    try {
      // A Microsoft Forms export of each survey, as an Active Partnership would drop it into data/local/.
      const all = join(dir, "all-platforms");
      mkdirSync(all);
      for (const survey of ["link-worker", "provider"] as const) {
        writePlatformExports(survey, all);
        renameSync(join(all, `${survey}-anonymous.xlsx`), join(dir, `${survey}-export.xlsx`));
      }
      process.env.SP_DATA_DIR = dir;
      const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
      const s = openSection("social-prescription", { area: "", receipts: "none" });
      expect(s.synthetic).toBe(false);
      const printed = String(log.mock.calls[0]![0]);
      expect(printed.split("\n")[0]).toMatch(/^Data: LOCAL survey exports/);
      expect(s.details).toHaveLength(2);
      expect(s.details[0]).toMatch(
        /^Data: real export link-worker-export\.xlsx \(Microsoft Forms layout\)\./,
      );
      expect(s.details[1]).toMatch(/^Data: real export provider-export\.xlsx \(Microsoft Forms layout\)\./);
      for (const d of s.details) {
        expect(d).toMatch(/\d+ of \d+ codebook questions matched/);
        expect(d).toMatch(/\d+ of \d+ rows kept/);
        expect(printed).toContain(d);
      }
    } finally {
      if (before === undefined) delete process.env.SP_DATA_DIR;
      else process.env.SP_DATA_DIR = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
