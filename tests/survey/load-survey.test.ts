import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { levelsOf } from "../../src/codebook/levels.js";
import { findLocalExport, syntheticExport } from "../../src/load/find-export.js";
import { loadSurvey } from "../../src/survey/load-survey.js";

const saved = process.env.SP_DATA_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.SP_DATA_DIR;
  else process.env.SP_DATA_DIR = saved;
});

describe("loadSurvey(survey) on the bundled synthetic exports", () => {
  it.each(["link-worker", "provider"] as const)(
    "%s: source synthetic, lineage balances, nothing dropped without a reason",
    (survey) => {
      process.env.SP_DATA_DIR = mkdtempSync(join(tmpdir(), "sp-empty-"));
      const lw = loadSurvey(survey);
      expect(lw.source).toBe("synthetic");
      expect(lw.path).toBe(syntheticExport(survey));
      expect(lw.lineage.balanced).toBe(true);
      const dropped = lw.lineage.steps.reduce((n, s) => n + s.dropped.length, 0);
      expect(lw.report.rowsRead - lw.table.numRows()).toBe(dropped);
      expect(lw.lineage.steps.every((s) => s.dropped.every((d) => d.reason.length > 0))).toBe(true);
      expect(lw.table.columnNames()).not.toContain("email");
      expect(lw.report.problems.filter((p) => p.severity === "error")).toEqual([]);
    },
  );

  it("link-worker: derived bands carry the CMO levels and Likert columns their scale", () => {
    process.env.SP_DATA_DIR = mkdtempSync(join(tmpdir(), "sp-empty-"));
    const lw = loadSurvey("link-worker");
    expect(levelsOf(lw.table, "activity_band")).toEqual([
      "Inactive (<30)",
      "Fairly active (30-149)",
      "Active (150+)",
    ]);
    expect(levelsOf(lw.table, "confidence_discussing")?.at(-1)).toBe("Extremely confident");
  });
});

describe("loadSurvey chooses its input", () => {
  it("prefers a real export in $SP_DATA_DIR named for the survey, and calls it local", () => {
    const local = mkdtempSync(join(tmpdir(), "sp-local-"));
    copyFileSync(syntheticExport("provider"), join(local, "provider-2022-03.xlsx"));
    writeFileSync(join(local, "providers-notes.csv"), "not an export");
    process.env.SP_DATA_DIR = local;
    expect(findLocalExport("provider")).toBe(join(local, "provider-2022-03.xlsx"));
    expect(findLocalExport("link-worker")).toBeUndefined();
    const loaded = loadSurvey("provider");
    expect(loaded.source).toBe("local");
    expect(loaded.path).toBe(join(local, "provider-2022-03.xlsx"));
  });

  it("reads an explicit path first", () => {
    process.env.SP_DATA_DIR = mkdtempSync(join(tmpdir(), "sp-empty-"));
    const copy = join(mkdtempSync(join(tmpdir(), "sp-path-")), "lw.csv");
    copyFileSync(syntheticExport("link-worker"), copy);
    expect(loadSurvey("link-worker", { path: copy })).toMatchObject({ source: "local", path: copy });
  });
});
