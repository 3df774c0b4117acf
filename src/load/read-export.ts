import { readFileSync, statSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import type { Codebook, SurveyId } from "../codebook/types.js";
import { bundledCodebook } from "./default-codebooks.js";
import { ExportError, fail, problem } from "./export-error.js";
import { buildTables } from "./build-tables.js";
import { findMapping } from "./mapping-file.js";
import { checkLimit, resolveLimits, type LoadLimits } from "./limits.js";
import { matchHeaders } from "./match-headers.js";
import { missingQuestions } from "./missing-questions.js";
import type { HeaderScore } from "./parse-csv.js";
import { readRows, type Cell } from "./read-rows.js";
import { sniffLayout } from "./sniff-layout.js";
import type { LoadReport, LoadedExport, ReadOptions } from "./types.js";

const otherSurvey = (survey: SurveyId): SurveyId => (survey === "link-worker" ? "provider" : "link-worker");

/**
 * Reads a survey export (CSV in any common delimiter and encoding, or XLSX) and matches its columns to the
 * codebook. The platform's layout is sniffed from the file (SmartSurvey, Microsoft Forms, Jisc Online Surveys,
 * SurveyMonkey, Qualtrics, Google Forms) and named in `report.platform`; a mapping file beside the export
 * (`<file>.mapping.csv`, written by `sp-pathways map`) overrides the automatic question matching. Unusable files
 * throw an ExportError naming file, row, column, value and what was expected; every other problem is listed in
 * `report.problems` and no data row is dropped (blank rows are reported).
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

const isBlank = (row: readonly Cell[]): boolean => row.every((c) => c === null || c.trim() === "");

function read(
  path: string,
  survey: SurveyId,
  codebook: Codebook,
  other: Codebook | undefined,
  options: ReadOptions,
): LoadedExport {
  const file = basename(path);
  const bytes = readBytes(path, file, options.limits);
  // How well a candidate header row fits either survey: picks the delimiter of a CSV and the sheet of a workbook.
  const filled = (headers: string[]) => headers.filter((h) => h.trim() !== "").length;
  const score: HeaderScore = (headers) =>
    Math.max(
      matchHeaders(headers, codebook, file).questionColumns,
      other ? matchHeaders(headers, other, file).questionColumns : 0,
    ) +
    filled(headers) / 1000;
  // A question column is a filled header, so no header row rates above its number of filled headers.
  score.upperBound = (headers) => filled(headers) * 1.001;
  const parsed = readRows(bytes, file, extname(path).toLowerCase(), options.sheet, score, options.limits);
  const rows = trimmed(parsed.rows, file);
  const layout = sniffLayout(rows, codebook);
  const dataRows = rows.slice(layout.headerRows);
  const mapping = findMapping(path, options.mapping, layout.headers, codebook);
  const matching = matchHeaders(layout.headers, codebook, file, {
    platform: layout.platform,
    rows: dataRows,
    mapping,
  });
  checkSurvey(layout.headers, matching.questionColumns, codebook, other, survey, file, dataRows);
  const report: LoadReport = {
    file,
    path: resolve(path),
    survey,
    ...parsed.format,
    platform: { id: layout.platform.id, name: layout.platform.name },
    questions: matching.questions,
    headerRows: layout.headerRows,
    rowsRead: 0,
    columns: matching.columns,
    problems: [...parsed.problems],
  };
  if (mapping) report.mappingFile = mapping.file;
  if (layout.headerRows === 2) report.problems.push(mergedHeaderNote(file, layout.platform.name));
  report.problems.push(...matching.problems, ...missingQuestions(matching.columns, codebook, file));
  if (dataRows.every(isBlank)) {
    fail({
      code: "no-data-rows",
      file,
      what: `the file has a header but no responses (${rows.length} row${rows.length === 1 ? "" : "s"})`,
      expected: `at least one data row below the header`,
    });
  }
  return buildTables(file, survey, codebook, layout.headers, dataRows, report, parsed.unclosed);
}

// Trailing blank rows are not rows of the export; a blank first row means there is no header.
function trimmed(rows: Cell[][], file: string): Cell[][] {
  while (rows.length > 0 && isBlank(rows[rows.length - 1] as Cell[])) rows.pop();
  if (rows.length === 0)
    fail({ code: "empty-file", file, what: "the file has no rows", expected: "a header row and data rows" });
  if (isBlank(rows[0] as Cell[])) {
    fail({
      code: "no-header",
      file,
      row: 1,
      what: "the first row is blank",
      expected: "a header row of question texts",
    });
  }
  return rows;
}

function mergedHeaderNote(file: string, platform: string) {
  return problem({
    severity: "warning",
    code: "merged-header",
    file,
    row: 2,
    what: `rows 1 and 2 are two header rows (${platform === "SurveyMonkey" || platform === "SmartSurvey" ? platform : "SurveyMonkey"} style: question text above option labels)`,
    expected: "one header row",
    action: 'merged them into "<question text> [<option>]" headers and read data from row 3',
  });
}

// An export of the other survey, or of something else altogether, stops here with a message saying which.
function checkSurvey(
  headers: string[],
  matched: number,
  codebook: Codebook,
  other: Codebook | undefined,
  survey: SurveyId,
  file: string,
  dataRows: Cell[][],
): void {
  if (other) {
    const otherMatches = matchHeaders(headers, other, file, { rows: dataRows }).questionColumns;
    if (otherMatches > matched) {
      fail({
        code: "wrong-survey",
        file,
        row: 1,
        what: `this looks like a ${other.survey} survey export (${otherMatches} columns match the ${other.survey} codebook, ${matched} the ${survey} one)`,
        expected: `a ${survey} export; check --survey`,
      });
    }
  }
  if (matched === 0) {
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
}
