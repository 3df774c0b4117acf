import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { table, type ColumnTable } from "arquero";
import { beforeAll, describe, expect, it } from "vitest";
import type { SurveyId } from "../../src/codebook/types.js";
import { cleanExport } from "../../src/clean/clean-export.js";
import { syntheticExport } from "../../src/load/find-export.js";
import { readExport } from "../../src/load/read-export.js";
import { writePlatformExports, type PlatformCase } from "../fixtures/platforms/write-platform-exports.js";
import { tableEqual } from "../helpers/table-equal.js";

const ADMIN = ["response_id", "started", "completed", "timestamp"];

// The tidy table as every layout must give it: `_row` counted from the first data row (layouts differ in header
// rows), the submission time whichever admin column holds it, the admin columns the layout carries, and every
// answer column as is.
function comparable(t: ColumnTable, admin: readonly string[], headerRows: number): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const names = t.columnNames();
  const col = (name: string): unknown[] =>
    names.includes(name) ? (t.array(name) as unknown[]) : new Array(t.numRows()).fill(null);
  out._row = col("_row").map((r) => (r as number) - headerRows + 1);
  const [completed, timestamp, started] = [col("completed"), col("timestamp"), col("started")];
  out.submitted = completed.map((c, i) => c ?? timestamp[i] ?? started[i] ?? null);
  for (const name of admin) out[name] = col(name);
  for (const name of names) if (name !== "_row" && !ADMIN.includes(name)) out[name] = col(name);
  return out;
}

describe.each(["link-worker", "provider"] as const)(
  "%s survey re-expressed in each platform's layout",
  (survey: SurveyId) => {
    let dir = "";
    let cases: PlatformCase[] = [];
    let expected: ColumnTable;
    let bundledAdmin: string[] = [];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), `sp-platforms-${survey}-`));
      cases = writePlatformExports(survey, dir);
      const bundled = cleanExport(readExport(syntheticExport(survey), survey), survey);
      expected = bundled.table;
      bundledAdmin = ADMIN.filter((a) => bundled.table.columnNames().includes(a));
    }, 60_000);

    const names = [
      "smartsurvey.csv",
      "smartsurvey.xlsx",
      "microsoft-forms.xlsx",
      "jisc.csv",
      "jisc.xlsx",
      "surveymonkey.csv",
      "surveymonkey.xlsx",
      "qualtrics.csv",
      "qualtrics.xlsx",
      "google-forms.csv",
      "google-forms.xlsx",
      "drift.csv",
      "anonymous.xlsx",
    ];
    it.each(names)(`${survey}-%s: platform recognised, same tidy table as the bundled export`, (suffix) => {
      const c = cases.find((x) => x.name === `${survey}-${suffix}`) as PlatformCase;
      const loaded = readExport(join(dir, c.name), survey);
      expect(loaded.report.platform.name).toBe(c.platform);
      expect(loaded.report.headerRows).toBe(c.headerRows);
      expect(loaded.report.questions.filter((q) => q.column === null)).toEqual([]);
      const cleaned = cleanExport(loaded, survey);
      const admin = c.admin.filter((a) => bundledAdmin.includes(a));
      const got = comparable(cleaned.table, admin, c.headerRows);
      tableEqual(table(got), comparable(expected, admin, 1));
      expect(cleaned.lineage.balanced).toBe(true);
    });
  },
);
