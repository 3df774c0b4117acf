import { table } from "arquero";
import type { Codebook, SurveyId } from "../codebook/types.js";
import { columnLabel, extraColumnWarning, problem } from "./export-error.js";
import { parseTimestamp } from "./parse-timestamp.js";
import type { Cell } from "./read-rows.js";
import type { HeaderMatch, LoadReport, LoadedExport, Problem } from "./types.js";

const TIMESTAMP_KEYS = new Set(["started", "completed", "timestamp"]);
const isBlank = (row: readonly Cell[]): boolean => row.every((c) => c === null || c.trim() === "");
const filledBeyond = (row: readonly Cell[], width: number): string[] =>
  row
    .slice(width)
    .map((v) => (v ?? "").trim())
    .filter((v) => v !== "");

// Row-level problems: fields missing, a quote never closed, fields beyond the header.
function rowProblems(
  row: readonly Cell[],
  i: number,
  rowNumber: number,
  headers: readonly string[],
  report: LoadReport,
  unclosed: Set<number>,
): Problem[] {
  const { file } = report;
  const out: Problem[] = [];
  if (report.format === "csv" && row.length < headers.length) {
    out.push(
      problem({
        code: "too-few-fields",
        file,
        row: rowNumber,
        column: columnLabel(headers[row.length] ?? "", row.length),
        what: `the row has ${row.length} fields but the header has ${headers.length}; it may be cut short`,
        expected: `${headers.length} fields`,
        action: "the missing fields are read as blank",
      }),
    );
  }
  if (unclosed.has(i + report.headerRows)) {
    const last = Math.max(row.length - 1, 0);
    out.push(
      problem({
        code: "unclosed-quote",
        file,
        row: rowNumber,
        column: columnLabel(headers[last] ?? "", last),
        what: "a quoted field is never closed, so the rest of the file ran into it; the file may be truncated",
        value: row[last] ?? "",
        expected: 'a closing double quote (")',
        action: "read as far as the file goes",
      }),
    );
  }
  const beyond = filledBeyond(row, headers.length);
  if (beyond.length > 0) {
    out.push(
      problem({
        code: "too-many-fields",
        file,
        row: rowNumber,
        column: columnLabel("", headers.length),
        what: `the row has ${row.length} fields but the header has ${headers.length} (an unquoted delimiter inside an answer?)`,
        value: beyond.join(" | "),
        expected: `${headers.length} fields`,
        action: 'extra fields kept aside in extras as "(beyond header)"',
      }),
    );
  }
  return out;
}

function timestampValue(value: string, c: HeaderMatch, rowNumber: number, file: string, problems: Problem[]) {
  const iso = parseTimestamp(value);
  if (iso === null) {
    problems.push(
      problem({
        severity: "warning",
        code: "bad-timestamp",
        file,
        row: rowNumber,
        column: columnLabel(c.header, c.index),
        what: "unreadable date and time",
        value,
        expected: 'a date such as "31/01/2022 09:05" or "2022-01-31 09:05:00"',
        action: "read as missing",
      }),
    );
  }
  return iso;
}

/**
 * Builds the loaded table (matched columns under their codebook keys) and the extras table (everything else),
 * one row per non-blank data row, reporting row-level problems and blank rows.
 * @example
 * buildTables(file, survey, codebook, headers, dataRows, report, new Set()).table.numRows();
 */
export function buildTables(
  file: string,
  survey: SurveyId,
  codebook: Codebook,
  headers: readonly string[],
  dataRows: Cell[][],
  report: LoadReport,
  unclosed: Set<number>,
): LoadedExport {
  const problems = report.problems;
  const matched = report.columns.filter((c) => c.role.kind !== "extra");
  const extraColumns = report.columns.filter((c) => c.role.kind === "extra");
  const main: Record<string, (Cell | number)[]> = { _row: [] };
  const extras: Record<string, (Cell | number)[]> = { _row: [] };
  for (const c of matched) main[c.key] = [];
  for (const c of extraColumns) extras[c.key] = [];
  const blankRows: number[] = [];
  const extraData = new Set<string>();
  const spill: (string | null)[] = [];

  dataRows.forEach((row, i) => {
    const rowNumber = i + report.headerRows + 1;
    if (isBlank(row)) {
      blankRows.push(rowNumber);
      return;
    }
    problems.push(...rowProblems(row, i, rowNumber, headers, report, unclosed));
    const cell = (index: number): Cell => {
      const v = row[index];
      return v === undefined || v === null || v.trim() === "" ? null : v;
    };
    main._row?.push(rowNumber);
    extras._row?.push(rowNumber);
    for (const c of matched) {
      const value = cell(c.index);
      const timed = value !== null && c.role.kind === "admin" && TIMESTAMP_KEYS.has(c.role.key);
      main[c.key]?.push(timed ? timestampValue(value, c, rowNumber, file, problems) : value);
    }
    for (const c of extraColumns) {
      const value = cell(c.index);
      if (value !== null) extraData.add(c.key);
      extras[c.key]?.push(value);
    }
    // Values beyond the header have no column of their own; keep them joined so that nothing is lost.
    spill.push(filledBeyond(row, headers.length).join(" | ") || null);
  });
  if (spill.some((v) => v !== null)) extras["(beyond header)"] = spill;
  for (const c of extraColumns) {
    if (c.header === "" && extraData.has(c.key)) {
      problems.push(
        extraColumnWarning(
          file,
          columnLabel(c.header, c.index),
          "a column with a blank header holds answers",
          "a header naming the question",
        ),
      );
    }
  }
  if (blankRows.length > 0) problems.push(blankRowNote(file, blankRows));
  report.rowsRead = main._row?.length ?? 0;
  return { file, survey, codebook, table: table(main), extras: table(extras), report };
}

function blankRowNote(file: string, blankRows: number[]): Problem {
  const many = blankRows.length > 1;
  return problem({
    severity: "warning",
    code: "blank-row",
    file,
    row: blankRows[0] as number,
    what: `${blankRows.length} blank row${many ? "s" : ""} (row${many ? "s" : ""} ${blankRows.join(", ")})`,
    expected: "a response in every row",
    action: "skipped: they hold no answers",
  });
}
