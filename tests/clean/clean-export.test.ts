import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { table, type ColumnTable } from "arquero";
import { describe, expect, it } from "vitest";
import { cleanExport } from "../../src/clean/clean-export.js";
import { levelsOf } from "../../src/codebook/levels.js";
import { readExport } from "../../src/load/read-export.js";
import { csv, L, LW_HEADER, LW_ROWS, withCell } from "../fixtures/lw-rows.js";
import { miniLinkWorker, miniProvider } from "../fixtures/mini-codebooks.js";
import { noDerive } from "../fixtures/read-fixture.js";
import type { CleanOptions } from "../../src/clean/types.js";

const dir = mkdtempSync(join(tmpdir(), "sp-clean-"));
let counter = 0;
const [r1, r2, r3] = LW_ROWS as [string[], string[], string[]];

function cleanRows(rows: string[][], options: CleanOptions = {}) {
  const path = join(dir, `export-${++counter}.csv`);
  writeFileSync(path, csv([LW_HEADER, ...rows]));
  const loaded = readExport(path, "link-worker", { codebook: miniLinkWorker, otherCodebook: miniProvider });
  const cleaned = cleanExport(loaded, "link-worker", { derive: noDerive, ...options });
  return { ...cleaned, rows: cleaned.table.objects() as Record<string, unknown>[], loaded };
}
const changesOf = (result: ReturnType<typeof cleanRows>, column: string) =>
  result.lineage.steps.flatMap((s) => s.changes).filter((c) => c.column === column);

describe("cleanExport: option text", () => {
  it("normalises case, whitespace and curly quotes to the codebook label, and logs the change", () => {
    const result = cleanRows([
      withCell(r1, L("confidence_discussing"), "  VERY   confident "),
      withCell(r2, L("pa_training"), "yes \u2013 in my current role"),
    ]);
    expect(result.rows.map((r) => r.confidence_discussing)).toEqual([
      "Very confident",
      "Moderately confident",
    ]);
    expect(result.rows[1]?.pa_training).toBe("Yes, in my current role");
    expect(changesOf(result, "confidence_discussing")).toEqual([
      {
        column: "confidence_discussing",
        reason: "option text normalised to the codebook label",
        count: 1,
        examples: [{ row: 2, from: "VERY   confident", to: "Very confident" }],
      },
    ]);
  });

  it("maps aliases to the label (MSP -> Merseyside Sport Partnership)", () => {
    expect(cleanRows([withCell(r1, L("area"), "MSP")]).rows[0]?.area).toBe("Merseyside Sport Partnership");
  });

  it("reads missing codes (Prefer not to say, Don't know) as missing, not as an unknown option", () => {
    const result = cleanRows([
      withCell(
        withCell(r1, L("confidence_discussing"), "Prefer not to say"),
        `${L("provision_rating")} [Cost]`,
        "Don\u2019t know",
      ),
    ]);
    expect(result.rows[0]?.confidence_discussing).toBeNull();
    expect(result.rows[0]?.provision_rating__cost).toBeNull();
    expect(result.lineage.problems).toEqual([]);
  });

  it("keeps blank answers missing (null) without a problem", () => {
    const result = cleanRows([withCell(r1, L("pa_training"), "")]);
    expect(result.rows[0]?.pa_training).toBeNull();
    expect(result.lineage.problems).toEqual([]);
  });
});

describe("cleanExport: Other answers", () => {
  it("recodes Other text that names a listed option to that option (multi-select)", () => {
    const result = cleanRows([
      withCell(
        withCell(r1, `${L("referral_sources")} [GPs]`, ""),
        `${L("referral_sources")} [Other (please specify)]`,
        "gp",
      ),
    ]);
    expect(result.rows[0]?.referral_sources).toEqual(["GPs", "Self-referral"]);
    expect(result.rows[0]?.referral_sources_other).toBeNull();
    expect(changesOf(result, "referral_sources[other]")[0]?.reason).toBe(
      "Other text recoded to the option it names",
    );
  });

  it("keeps other Other text in <id>_other and ticks the Other option", () => {
    const result = cleanRows([
      withCell(r1, `${L("referral_sources")} [Other (please specify)]`, "Probation, courts"),
    ]);
    expect(result.rows[0]?.referral_sources).toEqual(["GPs", "Self-referral", "Other (please specify)"]);
    expect(result.rows[0]?.referral_sources_other).toBe("Probation, courts");
  });

  it("turns an unlisted single answer of a question with Other into Other + text, without a problem", () => {
    const result = cleanRows([withCell(r1, L("employer"), "Church")]);
    expect([result.rows[0]?.employer, result.rows[0]?.employer_other]).toEqual([
      "Other (please specify)",
      "Church",
    ]);
    expect(result.lineage.problems).toEqual([]);
  });

  it("redacts personal data inside Other text too", () => {
    const result = cleanRows([withCell(r1, L("employer"), "Myself, call 07700 900123")]);
    expect(result.rows[0]?.employer_other).toBe("Myself, call [phone]");
  });
});

describe("cleanExport: multi-selects, Likert levels and numbers", () => {
  it("gives multi-selects as arrays of labels in option order, null when nothing is ticked", () => {
    const result = cleanRows([
      r1,
      withCell(
        withCell(r3, `${L("referral_sources")} [Self-referral]`, ""),
        `${L("referral_sources")} [GPs]`,
        "",
      ),
    ]);
    expect(result.rows.map((r) => r.referral_sources)).toEqual([["GPs", "Self-referral"], null]);
  });

  it("records ordered levels (empty levels kept) for single, Likert grid and multi-select columns", () => {
    const result = cleanRows([r1]);
    expect(levelsOf(result.table, "confidence_discussing")).toEqual([
      "Not at all confident",
      "Slightly confident",
      "Moderately confident",
      "Very confident",
      "Extremely confident",
    ]);
    expect(levelsOf(result.table, "provision_rating__cost")).toEqual([
      "Poor",
      "Fair",
      "Good",
      "Very good",
      "Excellent",
    ]);
    expect(levelsOf(result.table, "referral_sources")).toEqual([
      "GPs",
      "Social landlords, e.g. housing associations",
      "Self-referral",
      "Other (please specify)",
    ]);
    expect(levelsOf(result.table, "own_minutes")).toBeUndefined();
  });

  it("reads free-typed minutes and logs how (2 hrs -> 120, 150+ -> 150, 30-45 -> 37.5)", () => {
    const result = cleanRows([
      withCell(r1, L("own_minutes"), "150+"),
      r2,
      withCell(r3, L("own_minutes"), "30-45"),
    ]);
    expect(result.rows.map((r) => r.own_minutes)).toEqual([150, 120, 37.5]);
    expect(changesOf(result, "own_minutes").map((c) => [c.reason, c.count])).toEqual([
      ['"N+" or "at least N" read as N', 1],
      ["hours converted to minutes", 1],
      ["a range read as its midpoint", 1],
    ]);
  });
});

describe("cleanExport: partial submissions", () => {
  const profileOnly = withCell(
    withCell(
      LW_HEADER.map(() => ""),
      "Response ID",
      "P1",
    ),
    L("area"),
    "Active Cumbria",
  );

  it("drops submissions with no substantive answer, with the reason, and keeps the lineage balanced", () => {
    const result = cleanRows([r1, profileOnly]);
    expect(result.lineage.steps.find((s) => s.step === "drop-partials")?.dropped).toEqual([
      {
        row: 3,
        responseId: "P1",
        reason: "incomplete submission answered 0 of 6 substantive questions (at least 1 needed)",
        kind: "too few answers (partial submission)",
      },
    ]);
    expect(result.lineage.balanced).toBe(true);
  });

  it("honours a higher threshold (minAnswered)", () => {
    const one = withCell(profileOnly, L("pa_training"), "No");
    expect(cleanRows([r1, one], { minAnswered: 1 }).rows).toHaveLength(2);
    expect(cleanRows([r1, one], { minAnswered: 2 }).rows).toHaveLength(1);
  });

  it("gives an empty but well-formed table when no response is valid (no valid responses)", () => {
    const result = cleanRows([profileOnly]);
    expect(result.table.numRows()).toBe(0);
    expect(result.table.columnNames()).toContain("referral_sources");
    expect(result.lineage).toMatchObject({ rowsRead: 1, rowsKept: 0, balanced: true });
  });
});

describe("cleanExport: duplicates", () => {
  const later = (row: string[], id: string, completed: string) =>
    withCell(withCell(row, "Response ID", id), "Completed", completed);

  it("treats the same email within the window as one respondent and keeps the most complete", () => {
    const partialCopy = withCell(later(r1, "R1b", "07/02/2022 09:30"), L("home_suggestions"), "");
    const result = cleanRows([r1, partialCopy]);
    expect(result.lineage.steps.find((s) => s.step === "dedupe")?.dropped).toEqual([
      {
        row: 3,
        responseId: "R1b",
        reason: "duplicate of row 2 (same email address, 16 minutes apart); kept the more complete one",
        kind: "duplicate (same email address)",
      },
    ]);
  });

  it("keeps the latest of equally complete duplicates", () => {
    const result = cleanRows([r1, later(r1, "R1b", "07/02/2022 09:30")]);
    expect(result.table.array("response_id")).toEqual(["R1b"]);
  });

  it("does not merge submissions further apart than the window", () => {
    expect(cleanRows([r1, later(r1, "R1b", "09/02/2022 09:30")]).rows).toHaveLength(2); // 2 days apart
    expect(
      cleanRows([r1, later(r1, "R1b", "09/02/2022 09:30")], { duplicateWindowMinutes: 7 * 1440 }).rows,
    ).toHaveLength(1);
  });

  it("does not treat near-empty identical answers as duplicates (fewer than minIdenticalAnswers answered)", () => {
    const thin = withCell(
      withCell(
        LW_HEADER.map(() => ""),
        L("area"),
        "Active Cumbria",
      ),
      L("pa_training"),
      "No",
    );
    const rows = [withCell(thin, "Response ID", "T1"), withCell(thin, "Response ID", "T2")];
    expect(cleanRows(rows).rows).toHaveLength(2); // 2 answers < 3
    expect(cleanRows(rows, { minIdenticalAnswers: 2 }).rows).toHaveLength(1);
  });
});

describe("cleanExport: personal data and derivation", () => {
  it("drops the email column and notes how many values it held", () => {
    const result = cleanRows([r1, r2]);
    expect(result.table.columnNames()).not.toContain("email");
    expect(result.lineage.steps.find((s) => s.step === "drop-pii")?.notes).toEqual([
      'column "email" removed (1 non-empty values)',
    ]);
  });

  it("calls derive last, records its levels and notes", () => {
    const derive = (t: ColumnTable) => ({
      table: t.derive({
        busy: (d: { own_minutes: number | null }) =>
          d.own_minutes === null ? null : d.own_minutes >= 150 ? "yes" : "no",
      }),
      levels: { busy: ["no", "yes"] },
      notes: ["busy: 150+ minutes"],
    });
    const result = cleanRows([r1, r2], { derive });
    expect(result.table.array("busy")).toEqual(["yes", "no"]);
    expect(levelsOf(result.table, "busy")).toEqual(["no", "yes"]);
    expect(result.lineage.steps.at(-1)).toMatchObject({
      step: "derive",
      rowsIn: 2,
      rowsOut: 2,
      notes: ["busy: 150+ minutes"],
    });
  });

  it("refuses a derive step that changes the number of rows", () => {
    const derive = () => ({ table: table({ x: [1] }), levels: {}, notes: [] });
    expect(() => cleanRows([r1, r2], { derive })).toThrow(
      "derive changed the number of rows from 2 to 1; it must only add columns",
    );
  });

  it("refuses an export loaded as the other survey", () => {
    const path = join(dir, "lw.csv");
    writeFileSync(path, csv([LW_HEADER, r1]));
    const loaded = readExport(path, "link-worker", { codebook: miniLinkWorker });
    expect(() => cleanExport(loaded, "provider")).toThrow(
      "cleanExport: the export was loaded as the link-worker survey, not provider",
    );
  });
});
