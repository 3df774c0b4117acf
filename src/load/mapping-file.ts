import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import Papa from "papaparse";
import type { Codebook } from "../codebook/types.js";
import { fail } from "./export-error.js";
import type { QuestionMatch } from "./types.js";

/** A mapping file read against an export's headers: question id -> the column it uses, or null for none. */
export interface ColumnMapping {
  file: string;
  questions: Map<string, { index: number } | null>;
}

/**
 * Where the mapping file of an export lives: beside it, named `<export file name>.mapping.csv`.
 * @example
 * mappingPath("data/local/link-worker.csv"); // "data/local/link-worker.csv.mapping.csv"
 */
export function mappingPath(exportPath: string): string {
  return `${exportPath}.mapping.csv`;
}

const LETTERS = /^[A-Z]{1,3}$/;

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Reads a mapping file: a CSV with the columns `question,column,score` (lines starting with # are comments).
 * `column` is a header of the export as written, a column letter ("H"), or `none`. Unknown question ids and
 * columns the export does not have are errors naming the line.
 * @example
 * readMapping("lw.csv.mapping.csv", headers, codebook).questions.get("ap_area"); // { index: 4 }
 */
export function readMapping(path: string, headers: readonly string[], codebook: Codebook): ColumnMapping {
  const file = basename(path);
  const parsed = Papa.parse<string[]>(readFileSync(path, "utf8"), { comments: "#", skipEmptyLines: true });
  const rows = parsed.data;
  const head = (rows[0] ?? []).map((c) => c.trim().toLowerCase());
  const [qCol, cCol] = [head.indexOf("question"), head.indexOf("column")];
  if (qCol < 0 || cCol < 0) {
    fail({
      code: "bad-mapping",
      file,
      row: 1,
      what: "the mapping file has no question and column header",
      value: (rows[0] ?? []).join(","),
      expected: '"question,column,score"',
    });
  }
  const byHeader = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!byHeader.has(h.trim())) byHeader.set(h.trim(), i);
  });
  const ids = new Set(codebook.questions.map((q) => q.id));
  const questions = new Map<string, { index: number } | null>();
  rows.slice(1).forEach((row, k) => {
    const [id, column] = [(row[qCol] ?? "").trim(), (row[cCol] ?? "").trim()];
    const line = `line ${k + 2}`;
    if (!ids.has(id)) {
      fail({
        code: "bad-mapping",
        file,
        what: `${line}: unknown question id`,
        value: id,
        expected: `a ${codebook.survey} question id such as "${codebook.questions[0]?.id ?? ""}"`,
      });
    }
    if (column === "" || column.toLowerCase() === "none") {
      questions.set(id, null);
      return;
    }
    const index = byHeader.get(column) ?? (LETTERS.test(column) ? letterIndex(column) : -1);
    if (index < 0 || index >= headers.length) {
      fail({
        code: "bad-mapping",
        file,
        what: `${line}: question "${id}" names a column the export does not have`,
        value: column,
        expected: "a header of the export as written, a column letter, or none",
      });
    }
    questions.set(id, { index });
  });
  return { file, questions };
}

/**
 * Reads the mapping file beside an export when there is one (or the given path); undefined otherwise.
 * @example
 * findMapping("data/local/lw.csv", undefined, headers, codebook); // undefined when no mapping file exists
 */
export function findMapping(
  exportPath: string,
  option: string | false | undefined,
  headers: readonly string[],
  codebook: Codebook,
): ColumnMapping | undefined {
  if (option === false) return undefined;
  const path = option ?? mappingPath(exportPath);
  if (option === undefined && !existsSync(path)) return undefined;
  return readMapping(path, headers, codebook);
}

/**
 * Writes the mapping file: one line per codebook question with the chosen column's header (or `none`) and its
 * score (0-1), below comment lines that say how to edit it.
 * @example
 * writeMapping("lw.csv.mapping.csv", report.questions, "lw.csv", "link-worker");
 */
export function writeMapping(
  path: string,
  questions: readonly QuestionMatch[],
  exportFile: string,
  survey: string,
): void {
  const comments = [
    `# Column mapping for ${exportFile} (${survey} survey), written by sp-pathways map.`,
    "# One line per codebook question: the export column it is read from (its header as written, or a column",
    "# letter such as H), or none. score: how sure the automatic match was (1 = certain; below 0.6 = not matched).",
    "# Edit a column and save: every later load of the export uses this file. Delete it to match automatically again.",
  ];
  const body = Papa.unparse(
    {
      fields: ["question", "column", "score"],
      data: questions.map((q) => [q.questionId, q.header ?? "none", q.score.toFixed(2)]),
    },
    { newline: "\n" },
  );
  writeFileSync(path, `${comments.join("\n")}\n${body}\n`);
}
