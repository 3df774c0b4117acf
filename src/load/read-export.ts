import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { table } from "arquero";
import type { Codebook, SurveyId } from "../codebook/types.js";
import { bundledCodebook } from "./default-codebooks.js";
import { decodeText } from "./decode.js";
import { ExportError, columnLabel, fail, problem } from "./export-error.js";
import { matchHeaders } from "./match-headers.js";
import { checkLimit, resolveLimits, type LoadLimits } from "./limits.js";
import { guessDelimiter, parseCsv } from "./parse-csv.js";
import { parseTimestamp } from "./parse-timestamp.js";
import { parseXlsx } from "./parse-xlsx.js";
import { mergeTwoRowHeader } from "./two-row-header.js";
import type { HeaderMatch, LoadReport, LoadedExport, Problem, ReadOptions } from "./types.js";

type Cell = string | null;

const otherSurvey = (survey: SurveyId): SurveyId => (survey === "link-worker" ? "provider" : "link-worker");

/**
 * Reads a survey export (CSV in any common delimiter and encoding, or XLSX) and matches its columns to the
 * codebook. Unusable files throw an ExportError naming file, row, column, value and what was expected; every
 * other problem is listed in `report.problems` and no data row is dropped (blank rows are reported).
 * @example
 * const { table, report } = readExport("data/synthetic/link-worker.csv", "link-worker");
 * report.rowsRead; // number of data rows
 */
export function readExport(path: string, survey: SurveyId, options: ReadOptions = {}): LoadedExport {
  const codebook = options.codebook ?? bundledCodebook(survey);
  let other: Codebook | undefined = options.otherCodebook;
  if (!other && !options.codebook) {
    try {
      other = bundledCodebook(otherSurvey(survey));
    } catch {
      other = undefined;
    }
  }
  const loaded = read(path, survey, codebook, other, options);
  if (options.strict) {
    const first = loaded.report.problems.find((p) => p.severity === "error");
    if (first) throw new ExportError(first);
  }
  return loaded;
}

function readBytes(path: string, file: string, limits?: Partial<LoadLimits>): Uint8Array {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      fail({ code: "no-file", file, what: "this is a folder", expected: "a CSV or XLSX export file" });
    }
    checkLimit(file, resolveLimits(limits), "maxFileBytes", stat.size);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof ExportError) throw error;
    return fail({
      code: "no-file",
      file,
      what: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      expected: "a path to a CSV or XLSX export",
    });
  }
}

function read(
  path: string,
  survey: SurveyId,
  codebook: Codebook,
  other: Codebook | undefined,
  options: ReadOptions,
): LoadedExport {
  const file = basename(path);
  const bytes = readBytes(path, file, options.limits);
  const problems: Problem[] = [];
  const ext = extname(path).toLowerCase();
  const isWorkbook =
    [".xlsx", ".xlsm", ".xls"].includes(ext) || (ext !== ".csv" && bytes[0] === 0x50 && bytes[1] === 0x4b);
  if (bytes.length === 0)
    fail({
      code: "empty-file",
      file,
      what: "the file is empty (0 bytes)",
      expected: "a header row and data rows",
    });

  let rows: Cell[][];
  const report: LoadReport = {
    file,
    survey,
    format: isWorkbook ? "xlsx" : "csv",
    encoding: "utf-8",
    bom: false,
    headerRows: 1,
    rowsRead: 0,
    columns: [],
    problems,
  };
  const unclosed = new Set<number>();
  // How well a candidate header row fits either survey: picks the delimiter of a CSV and the sheet of a workbook.
  const score = (headers: string[]): number =>
    Math.max(
      matchHeaders(headers, codebook, file).questionColumns,
      other ? matchHeaders(headers, other, file).questionColumns : 0,
    ) +
    headers.filter((h) => h.trim() !== "").length / 1000;
  if (isWorkbook) {
    const sheet = parseXlsx(bytes, file, options.sheet, score, options.limits);
    rows = sheet.rows;
    report.sheet = sheet.sheet;
    if (!options.sheet && sheet.sheet !== "Form responses 1" && sheet.sheetNames.length > 1) {
      problems.push(
        problem({
          severity: "warning",
          code: "sheet-guessed",
          file,
          what: `no sheet named "Form responses 1"; read "${sheet.sheet}", the sheet whose headers best match the codebook`,
          expected: "the responses sheet (choose another with the sheet option)",
        }),
      );
    }
  } else {
    const decoded = decodeText(bytes);
    report.encoding = decoded.encoding;
    report.bom = decoded.bom;
    if (decoded.invalid) {
      problems.push(
        problem({
          severity: "warning",
          code: "encoding-fallback",
          file,
          what: `not valid UTF-8 (byte 0x${decoded.invalid.byte.toString(16).toUpperCase()} at line ${decoded.invalid.line})`,
          expected: "UTF-8 text",
          action:
            "read as Windows-1252/Latin-1, as Excel on Windows saves CSV; check that characters such as £ look right",
        }),
      );
    }
    if (decoded.text.trim() === "") {
      fail({
        code: "empty-file",
        file,
        what: "the file has no text",
        expected: "a header row and data rows",
      });
    }
    const score = (headers: string[]): number =>
      Math.max(
        matchHeaders(headers, codebook, file).questionColumns,
        other ? matchHeaders(headers, other, file).questionColumns : 0,
      ) +
      headers.filter((h) => h.trim() !== "").length / 1000;
    const { delimiter, width } = guessDelimiter(decoded.text, score, options.limits, file);
    if (width <= 1) {
      const header = parseCsv(decoded.text, ",", 1).rows[0]?.[0] ?? "";
      fail({
        code: "single-column",
        file,
        row: 1,
        what: "the header row splits into only one column with comma, semicolon, tab or pipe as delimiter",
        value: header,
        expected: 'a delimited export such as "Response ID,Started,Completed,..."',
      });
    }
    report.delimiter = delimiter;
    const parsed = parseCsv(decoded.text, delimiter, 0, options.limits, file);
    rows = parsed.rows;
    for (const r of parsed.unclosedQuoteRows) unclosed.add(r);
  }

  const isBlank = (row: readonly Cell[]): boolean => row.every((c) => c === null || c.trim() === "");
  while (rows.length > 0 && isBlank(rows[rows.length - 1] as Cell[])) rows.pop();
  if (rows.length === 0)
    fail({ code: "empty-file", file, what: "the file has no rows", expected: "a header row and data rows" });
  const firstRow = rows[0] as Cell[];
  if (isBlank(firstRow)) {
    fail({
      code: "no-header",
      file,
      row: 1,
      what: "the first row is blank",
      expected: "a header row of question texts",
    });
  }

  let headers = firstRow.map((c) => (c ?? "").trim());
  const merged = rows.length > 1 ? mergeTwoRowHeader(firstRow, rows[1] as Cell[], codebook) : undefined;
  if (merged) {
    headers = merged;
    report.headerRows = 2;
    problems.push(
      problem({
        severity: "warning",
        code: "merged-header",
        file,
        row: 2,
        what: "rows 1 and 2 are two header rows (SurveyMonkey style: question text above option labels)",
        expected: "one header row",
        action: 'merged them into "<question text> [<option>]" headers and read data from row 3',
      }),
    );
  }

  const matching = matchHeaders(headers, codebook, file);
  if (other) {
    const otherMatches = matchHeaders(headers, other, file).questionColumns;
    if (otherMatches > matching.questionColumns) {
      fail({
        code: "wrong-survey",
        file,
        row: 1,
        what: `this looks like a ${other.survey} survey export (${otherMatches} columns match the ${other.survey} codebook, ${matching.questionColumns} the ${survey} one)`,
        expected: `a ${survey} export; check --survey`,
      });
    }
  }
  if (matching.questionColumns === 0) {
    fail({
      code: "no-matching-columns",
      file,
      row: 1,
      what: `no column matches a ${survey} question`,
      value: headers.slice(0, 3).join(" | "),
      expected: `headers such as ${codebook.questions
        .slice(0, 2)
        .map((q) => JSON.stringify(q.text))
        .join(", ")}`,
    });
  }
  problems.push(...matching.problems);
  report.columns = matching.columns;
  problems.push(...missingQuestions(matching.columns, codebook, file));

  const dataRows = rows.slice(report.headerRows);
  if (dataRows.every(isBlank)) {
    fail({
      code: "no-data-rows",
      file,
      what: `the file has a header but no responses (${rows.length} row${rows.length === 1 ? "" : "s"})`,
      expected: "at least one data row below the header",
    });
  }
  return buildTables(file, survey, codebook, headers, dataRows, report, unclosed, isBlank);
}

function missingQuestions(columns: HeaderMatch[], codebook: Codebook, file: string): Problem[] {
  const present = new Set(columns.map((c) => ("questionId" in c.role ? c.role.questionId : undefined)));
  const missing = codebook.questions.filter((q) => !present.has(q.id));
  const out = missing
    .filter((q) => q.required)
    .map((q) =>
      problem({
        code: "missing-required",
        file,
        row: 1,
        what: `no column for required question "${q.id}"`,
        expected: `a header ${JSON.stringify(q.text)}`,
        action: "the question is missing for every respondent",
      }),
    );
  const optional = missing.filter((q) => !q.required);
  if (optional.length > 0) {
    out.push(
      problem({
        severity: "warning",
        code: "missing-column",
        file,
        row: 1,
        what: `no column for ${optional.length} question${optional.length > 1 ? "s" : ""} (${optional.map((q) => q.id).join(", ")})`,
        expected: `headers such as ${JSON.stringify((optional[0] as { text: string }).text)}`,
        action: "those questions are missing for every respondent",
      }),
    );
  }
  return out;
}

const TIMESTAMP_KEYS = new Set(["started", "completed", "timestamp"]);

function buildTables(
  file: string,
  survey: SurveyId,
  codebook: Codebook,
  headers: string[],
  dataRows: Cell[][],
  report: LoadReport,
  unclosed: Set<number>,
  isBlank: (row: readonly Cell[]) => boolean,
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

  dataRows.forEach((row, i) => {
    const rowNumber = i + report.headerRows + 1;
    if (isBlank(row)) {
      blankRows.push(rowNumber);
      return;
    }
    if (report.format === "csv" && row.length < headers.length) {
      problems.push(
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
      problems.push(
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
    const cell = (index: number): Cell => {
      const v = row[index];
      return v === undefined || v === null || v.trim() === "" ? null : v;
    };
    main._row?.push(rowNumber);
    extras._row?.push(rowNumber);
    for (const c of matched) {
      let value = cell(c.index);
      if (value !== null && c.role.kind === "admin" && TIMESTAMP_KEYS.has(c.role.key)) {
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
        value = iso;
      }
      main[c.key]?.push(value);
    }
    for (const c of extraColumns) {
      const value = cell(c.index);
      if (value !== null) extraData.add(c.key);
      extras[c.key]?.push(value);
    }
    if (row.length > headers.length) {
      const filled = row
        .slice(headers.length)
        .map((v) => (v ?? "").trim())
        .filter((v) => v !== "");
      if (filled.length > 0) {
        problems.push(
          problem({
            code: "too-many-fields",
            file,
            row: rowNumber,
            column: columnLabel("", headers.length),
            what: `the row has ${row.length} fields but the header has ${headers.length} (an unquoted delimiter inside an answer?)`,
            value: filled.join(" | "),
            expected: `${headers.length} fields`,
            action: 'extra fields kept aside in extras as "(beyond header)"',
          }),
        );
      }
    }
  });
  // Values beyond the header have no column of their own; keep them joined so that nothing is lost.
  const spill = dataRows
    .filter((r) => !isBlank(r))
    .map(
      (row) =>
        row
          .slice(headers.length)
          .map((v) => (v ?? "").trim())
          .filter((v) => v !== "")
          .join(" | ") || null,
    );
  if (spill.some((v) => v !== null)) extras["(beyond header)"] = spill;
  for (const c of extraColumns) {
    if (c.header === "" && extraData.has(c.key)) {
      problems.push(
        problem({
          severity: "warning",
          code: "unknown-column",
          file,
          row: 1,
          column: columnLabel(c.header, c.index),
          what: "a column with a blank header holds answers",
          expected: "a header naming the question",
          action: "kept aside in extras",
        }),
      );
    }
  }
  if (blankRows.length > 0) {
    problems.push(
      problem({
        severity: "warning",
        code: "blank-row",
        file,
        row: blankRows[0] as number,
        what: `${blankRows.length} blank row${blankRows.length > 1 ? "s" : ""} (row${blankRows.length > 1 ? "s" : ""} ${blankRows.join(", ")})`,
        expected: "a response in every row",
        action: "skipped: they hold no answers",
      }),
    );
  }
  report.rowsRead = main._row?.length ?? 0;
  return { file, survey, codebook, table: table(main), extras: table(extras), report };
}
