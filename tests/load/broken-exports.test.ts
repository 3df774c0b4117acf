import { describe, expect, it } from "vitest";
import { cleanFixture, thrownBy } from "../fixtures/read-fixture.js";

// The broken-export corpus (tests/fixtures/exports, written by tests/fixtures/make-fixtures.ts). Each test names
// the fixture and asserts the message a person would see: file, row, column, value and what was expected.
const AREA = '"Which Active Partnership area do you work in?" (column E)';
const MINUTES = '"In a typical week, how many minutes of moderate physical activity do you do?" (column L)';

describe("unusable exports throw an ExportError with a located message", () => {
  it("empty.csv: a 0-byte file", () => {
    expect(thrownBy("empty.csv")).toEqual({
      code: "ExportError:empty-file",
      message: "empty.csv: the file is empty (0 bytes): expected a header row and data rows",
    });
  });

  it("header-only.csv: a header and no responses", () => {
    expect(thrownBy("header-only.csv")).toEqual({
      code: "ExportError:no-data-rows",
      message:
        "header-only.csv: the file has a header but no responses (1 row): expected at least one data row below the header",
    });
  });

  it("wrong-survey.csv: a provider export given as link-worker names both surveys and --survey", () => {
    expect(thrownBy("wrong-survey.csv")).toEqual({
      code: "ExportError:wrong-survey",
      message:
        "wrong-survey.csv, row 1: this looks like a provider survey export (4 columns match the provider codebook, 0 the link-worker one): expected a link-worker export; check --survey",
    });
  });

  it("wrong-delimiter.csv: colon-separated text splits into one column", () => {
    const { code, message } = thrownBy("wrong-delimiter.csv");
    expect(code).toBe("ExportError:single-column");
    expect(message).toMatch(
      /^wrong-delimiter\.csv, row 1: the header row splits into only one column with comma, semicolon, tab or pipe as delimiter: found "Response ID:Started:Completed:/,
    );
    expect(message).toContain('expected a delimited export such as "Response ID,Started,Completed,..."');
  });

  it("no-matching-columns.csv: a CSV of something else", () => {
    expect(thrownBy("no-matching-columns.csv")).toEqual({
      code: "ExportError:no-matching-columns",
      message:
        'no-matching-columns.csv, row 1: no column matches a link-worker question: found "Name | Favourite colour", expected headers such as "Which Active Partnership area do you work in?", "Who employs you as a Link Worker?"',
    });
  });

  it("corrupt.xlsx: a workbook cut in half", () => {
    const { code, message } = thrownBy("corrupt.xlsx", "provider");
    expect(code).toBe("ExportError:corrupt-xlsx");
    expect(message).toMatch(
      /^corrupt\.xlsx: the workbook cannot be opened \(.+\): expected an \.xlsx file that Excel can open$/,
    );
  });

  it("csv-renamed.xlsx: a CSV with an .xlsx name", () => {
    expect(thrownBy("csv-renamed.xlsx", "provider")).toEqual({
      code: "ExportError:corrupt-xlsx",
      message:
        "csv-renamed.xlsx: not an Excel workbook (the file does not start with the ZIP signature of .xlsx): expected an .xlsx file as saved by Excel, Google Forms or Microsoft Forms",
    });
  });

  it("empty-sheet.xlsx: a workbook whose responses sheet is empty", () => {
    expect(thrownBy("empty-sheet.xlsx", "provider")).toEqual({
      code: "ExportError:empty-file",
      message: "empty-sheet.xlsx: the file has no rows: expected a header row and data rows",
    });
  });

  it("a missing file is an ExportError, not a stack trace", () => {
    expect(thrownBy("no-such-file.csv")).toEqual({
      code: "ExportError:no-file",
      message: "no-such-file.csv: cannot read the file (ENOENT): expected a path to a CSV or XLSX export",
    });
  });
});

describe("problems in usable exports are reported with file, row, column, value and expectation", () => {
  it("unknown-option.csv: an area that is not an option is set to missing and reported", () => {
    const { problems, rows } = cleanFixture("unknown-option.csv");
    expect(problems.map((p) => p.message)).toEqual([
      `unknown-option.csv, row 3, column ${AREA}: unknown option: found "Active Mars", expected one of "Active Lancashire", "Active Cumbria", "Merseyside Sport Partnership" (set to missing)`,
    ]);
    expect(rows.map((r) => r.area)).toEqual(["Active Lancashire", null]);
  });

  it("duplicate-header.csv: the second copy of a question is set aside, not merged", () => {
    const { problems, loaded } = cleanFixture("duplicate-header.csv");
    expect(problems.map((p) => p.message)).toEqual([
      'duplicate-header.csv, row 1, column "Have you received any training in relation to physical activity?" (column R): this column and column K both hold question "pa_training": found "Have you received any training in relation to physical activity?", expected each question once (kept column K, set this one aside)',
    ]);
    expect(loaded.extras.columnNames()).toEqual([
      "_row",
      "Have you received any training in relation to physical activity? (column R)",
    ]);
  });

  it("missing-required.csv: no column for the required area question is an error", () => {
    const { problems } = cleanFixture("missing-required.csv");
    expect(problems.map((p) => `${p.severity}: ${p.message}`)).toEqual([
      'error: missing-required.csv, row 1: no column for required question "area": expected a header "Which Active Partnership area do you work in?" (the question is missing for every respondent)',
    ]);
  });

  it("text-in-numeric.csv: 'lots' in a minutes field", () => {
    const { problems, rows } = cleanFixture("text-in-numeric.csv");
    expect(problems.map((p) => p.message)).toEqual([
      `text-in-numeric.csv, row 3, column ${MINUTES}: not a number of minutes: found "lots", expected minutes per week such as "150", "2 hrs", "90 mins" or "none" (set to missing)`,
    ]);
    expect(rows.map((r) => r.own_minutes)).toEqual([150, null]);
  });

  it("out-of-range-minutes.csv: more than a week of minutes, and more than the codebook range", () => {
    const { problems, rows } = cleanFixture("out-of-range-minutes.csv");
    expect(problems.map((p) => p.message)).toEqual([
      `out-of-range-minutes.csv, row 2, column ${MINUTES}: more minutes than there are in a week: found "20000", expected at most 10080 minutes a week (set to missing)`,
      `out-of-range-minutes.csv, row 3, column ${MINUTES}: outside the plausible range in the codebook: found "2000", expected 0 to 1680 minutes (set to missing)`,
    ]);
    // 90 mins in row 4 is untouched.
    expect(rows.map((r) => r.own_minutes)).toEqual([null, null, 90]);
  });

  it("truncated-row.csv: a row cut short keeps its fields and is flagged", () => {
    const { problems, rows } = cleanFixture("truncated-row.csv");
    expect(problems.map((p) => p.message)).toEqual([
      'truncated-row.csv, row 3, column "Who currently refers clients to you? [Self-referral]" (column I): the row has 8 fields but the header has 17; it may be cut short: expected 17 fields (the missing fields are read as blank)',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.referral_sources).toEqual(["GPs", "Social landlords, e.g. housing associations"]);
  });

  it("unclosed-quote.csv: a file cut inside a quoted answer", () => {
    const { problems } = cleanFixture("unclosed-quote.csv");
    expect(problems.map((p) => p.message)).toEqual([
      'unclosed-quote.csv, row 4, column "What physical activity suggestions do you give clients to do at home or on th..." (column Q): a quoted field is never closed, so the rest of the file ran into it; the file may be truncated: found "Walking with the local gro", expected a closing double quote (") (read as far as the file goes)',
    ]);
  });

  it("too-many-fields.csv: an unquoted comma spills an answer past the header; the spill is kept aside", () => {
    const { problems, loaded } = cleanFixture("too-many-fields.csv");
    expect(problems.map((p) => p.message)).toEqual([
      'too-many-fields.csv, row 3, column "" (column R): the row has 18 fields but the header has 17 (an unquoted delimiter inside an answer?): found "cycling and swimming", expected 17 fields (extra fields kept aside in extras as "(beyond header)")',
    ]);
    expect(loaded.extras.array("(beyond header)")).toEqual([null, "cycling and swimming"]);
  });

  it("latin1-pound.csv: Windows-1252 bytes are decoded, £ survives, and the fallback is reported", () => {
    const { problems, rows, loaded } = cleanFixture("latin1-pound.csv");
    expect(loaded.report.encoding).toBe("windows-1252");
    expect(problems.map((p) => p.message)).toEqual([
      "latin1-pound.csv: not valid UTF-8 (byte 0xA3 at line 2): expected UTF-8 text (read as Windows-1252/Latin-1, as Excel on Windows saves CSV; check that characters such as £ look right)",
    ]);
    expect(rows[0]?.home_suggestions).toBe("Swimming at £2.50 a session");
  });

  it("extra-columns.csv: unknown columns, including a blank header with data, are kept aside and reported", () => {
    const { problems, loaded } = cleanFixture("extra-columns.csv");
    expect(problems.map((p) => p.message)).toEqual([
      'extra-columns.csv, row 1, column "Collector ID" (column R): column not in the codebook: expected a link-worker question text, question id or admin column (kept aside in extras)',
      'extra-columns.csv, row 1, column "" (column S): a column with a blank header holds answers: expected a header naming the question (kept aside in extras)',
    ]);
    expect(loaded.extras.objects()).toEqual([
      { _row: 2, "Collector ID": "web-link-1", "(blank header, column S)": null },
      { _row: 3, "Collector ID": "web-link-1", "(blank header, column S)": "stray note" },
    ]);
  });

  it("unknown-option-column.csv: a [sub-column] naming no option", () => {
    const { problems } = cleanFixture("unknown-option-column.csv");
    expect(problems.map((p) => p.message)).toEqual([
      'unknown-option-column.csv, row 1, column "Who currently refers clients to you? [Carrier pigeon]" (column R): unknown option or item for question "referral_sources": found "Carrier pigeon", expected one of "GPs", "Social landlords, e.g. housing associations", "Self-referral", "Other (please specify)" (column kept aside)',
    ]);
  });

  it("blank-rows.csv: blank rows are reported, not silently skipped", () => {
    const { problems, loaded } = cleanFixture("blank-rows.csv");
    expect(problems.map((p) => p.message)).toEqual([
      "blank-rows.csv, row 3: 1 blank row (row 3): expected a response in every row (skipped: they hold no answers)",
    ]);
    expect(loaded.table.array("_row")).toEqual([2, 4]);
  });

  it("bad-timestamp.csv: an unreadable date is reported and read as missing", () => {
    const { problems, rows } = cleanFixture("bad-timestamp.csv");
    expect(problems.map((p) => p.message)).toEqual([
      'bad-timestamp.csv, row 2, column "Started" (column B): unreadable date and time: found "yesterday", expected a date such as "31/01/2022 09:05" or "2022-01-31 09:05:00" (read as missing)',
    ]);
    expect(rows[0]?.started).toBeNull();
  });

  it("email-in-free-text.csv: personal data in free text is redacted and reported without repeating it", () => {
    const { problems, rows } = cleanFixture("email-in-free-text.csv");
    expect(problems.map((p) => p.message)).toEqual([
      'email-in-free-text.csv, row 2, column "What physical activity suggestions do you give clients to do at home or on th..." (column Q): free text contained personal data (email, phone, postcode): expected no personal data in answers (redacted as [email], [phone], [postcode])',
    ]);
    expect(problems[0]?.value).toBeUndefined();
    expect(rows[0]?.home_suggestions).toBe("Email me at [email] or ring [phone]; we meet at [postcode]");
    expect(rows[0]).not.toHaveProperty("email");
  });

  it("duplicate-respondent.csv: duplicates are dropped with reasons naming the row kept", () => {
    const { cleaned } = cleanFixture("duplicate-respondent.csv");
    const dedupe = cleaned.lineage.steps.find((s) => s.step === "dedupe");
    expect(dedupe?.dropped).toEqual([
      {
        row: 5,
        responseId: "R5",
        reason: "duplicate of row 2 (same email address, 6 minutes apart); kept the more complete one",
        kind: "duplicate (same email address)",
      },
      {
        row: 4,
        responseId: "R3",
        reason: "duplicate of row 6 (identical answers, 11 minutes apart); kept the later one",
        kind: "duplicate (identical answers)",
      },
    ]);
    expect(cleaned.lineage.balanced).toBe(true);
    expect(cleaned.table.array("response_id")).toEqual(["R1", "R2", "R4"]);
  });

  it("partial-submissions.csv: a submission answering only profile questions is dropped, one real answer is kept", () => {
    const { cleaned } = cleanFixture("partial-submissions.csv");
    expect(cleaned.lineage.steps.find((s) => s.step === "drop-partials")?.dropped).toEqual([
      {
        row: 3,
        responseId: "R9",
        reason: "incomplete submission answered 0 of 6 substantive questions (at least 1 needed)",
        kind: "too few answers (partial submission)",
      },
    ]);
    expect(cleaned.table.array("response_id")).toEqual(["R1", "R10"]);
  });
});

describe("awkward but valid exports load cleanly", () => {
  it("semicolon.csv: semicolon delimiter detected although answers contain commas", () => {
    const { problems, loaded, rows } = cleanFixture("semicolon.csv");
    expect(loaded.report.delimiter).toBe(";");
    expect(problems).toEqual([]);
    expect(rows[1]?.pa_training).toBe("No");
    expect(rows[1]?.referral_sources).toEqual(["GPs", "Social landlords, e.g. housing associations"]);
  });

  it("tab-delimited.tsv: tab delimiter detected", () => {
    const { problems, loaded } = cleanFixture("tab-delimited.tsv");
    expect(loaded.report.delimiter).toBe("\t");
    expect(problems).toEqual([]);
  });

  it("bom.csv: the BOM is stripped so 'Response ID' still matches", () => {
    const { loaded } = cleanFixture("bom.csv");
    expect(loaded.report.bom).toBe(true);
    expect(loaded.table.array("response_id")).toEqual(["R1"]);
  });

  it("lf-no-bom.csv: LF line endings and no BOM read the same as CRLF", () => {
    const { rows, problems } = cleanFixture("lf-no-bom.csv");
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.response_id)).toEqual(["R1", "R2"]);
  });

  it("crlf-quoted-newline.csv: a quoted CRLF inside an answer stays in the answer and adds no row", () => {
    const { rows, problems } = cleanFixture("crlf-quoted-newline.csv");
    expect(problems).toEqual([]);
    expect(rows.map((r) => r._row)).toEqual([2, 3]);
    expect(rows[0]?.home_suggestions).toBe('Walking routes\nand a "couch to 5k" leaflet');
  });

  it("merged-header.csv: SurveyMonkey's two header rows are detected, explained and merged", () => {
    const { problems, rows, loaded } = cleanFixture("merged-header.csv");
    expect(problems.map((p) => p.message)).toEqual([
      'merged-header.csv, row 2: rows 1 and 2 are two header rows (SurveyMonkey style: question text above option labels): expected one header row (merged them into "<question text> [<option>]" headers and read data from row 3)',
    ]);
    expect(loaded.report.headerRows).toBe(2);
    expect(
      rows.map((r) => [
        r._row,
        r.response_id,
        r.area,
        r.referral_sources,
        r.referral_sources_other,
        r.own_minutes,
      ]),
    ).toEqual([
      [3, "101", "Active Cumbria", ["GPs", "Other (please specify)"], "Probation service", 60],
      [
        4,
        "102",
        "Active Lancashire",
        ["Social landlords, e.g. housing associations", "Self-referral"],
        null,
        150,
      ],
    ]);
  });

  it("provider-forms.xlsx: joined multi-selects split against options, Other text kept, date cells as ISO", () => {
    const { rows, problems } = cleanFixture("provider-forms.xlsx", "provider");
    expect(problems.map((p) => p.code)).toEqual(["pii-in-text"]);
    expect(
      rows.map((r) => [r.timestamp, r.challenges, r.challenges_other, r.understanding_sp, r.session_minutes]),
    ).toEqual([
      ["2022-03-01T09:30:00", ["Distance / travel", "Cost, including kit and equipment"], null, "Good", 60],
      ["2022-03-01T10:00:00", ["Mental health", "Other"], "Childcare, weekends", "Very good", 45],
      ["2022-03-02T14:05:00", ["Health and fitness", "Cost, including kit and equipment"], null, "Fair", 60],
    ]);
  });

  it("provider-wrong-sheet.xlsx: without 'Form responses 1' the best-matching sheet is read, with a warning", () => {
    const { problems, loaded } = cleanFixture("provider-wrong-sheet.xlsx", "provider");
    expect(loaded.report.sheet).toBe("Sheet1");
    expect(problems.map((p) => p.message)).toEqual([
      'provider-wrong-sheet.xlsx: no sheet named "Form responses 1"; read "Sheet1", the sheet whose headers best match the codebook: expected the responses sheet (choose another with the sheet option)',
    ]);
  });
});
