import { resolve } from "node:path";
import type { Lineage } from "../clean/lineage.js";
import { syntheticExport } from "./find-export.js";
import type { LoadReport } from "./types.js";
import { droppedByReason, judge, verdict } from "./verdict.js";

/** What a notebook must state about the data it ran on. */
export interface SourceFacts {
  /** True only for the bundled synthetic export of the survey. */
  synthetic: boolean;
  file: string;
  survey: string;
  platform: string;
  mappingFile: string | null;
  questionsMatched: number;
  questionsTotal: number;
  /** Codebook questions with no column. */
  questionsMissing: string[];
  rowsRead: number;
  rowsKept: number;
  droppedByReason: { reason: string; rows: number }[];
  /** "usable", or "not usable: <reason>" (see `verdict`). */
  verdict: string;
}

/**
 * The facts behind `describeSource`: source file, platform, questions matched, rows kept and dropped by reason.
 * Rows come from `lineage` when given (e.g. `loadSurvey(...).lineage`, which includes an area cut), else from
 * the report as `cleanExport` completed it.
 * @example
 * sourceFacts(lw.report, lw.lineage).rowsKept; // 300
 */
export function sourceFacts(report: LoadReport, lineage?: Lineage): SourceFacts {
  const dropped = lineage ? droppedByReason(lineage) : (report.cleaning?.droppedByReason ?? []);
  const rowsKept = lineage ? lineage.rowsKept : (report.cleaning?.rowsKept ?? report.rowsRead);
  const judged = lineage ? verdict(report, lineage) : judge(report, report.rowsRead, rowsKept, dropped);
  const missing = report.questions.filter((q) => q.column === null).map((q) => q.questionId);
  const synthetic = isBundled(report);
  return {
    synthetic,
    file: report.file,
    survey: report.survey,
    platform: report.platform.name,
    mappingFile: report.mappingFile ?? null,
    questionsMatched: report.questions.length - missing.length,
    questionsTotal: report.questions.length,
    questionsMissing: missing,
    rowsRead: report.rowsRead,
    rowsKept,
    droppedByReason: dropped,
    verdict: judged.usable ? "usable" : `not usable: ${judged.reason}`,
  };
}

// The bundled synthetic export of the report's survey; a codebook without a bundled export has none.
function isBundled(report: LoadReport): boolean {
  try {
    return resolve(report.path) === resolve(syntheticExport(report.survey));
  } catch {
    return false;
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * One short paragraph saying what data a notebook ran on: for a real export, the file, the platform whose
 * layout was recognised, the questions matched (and which have no column), the rows kept and the rows dropped
 * by reason, and the verdict; for the bundled export, that it is synthetic. Plain text (no markup), for a
 * notebook's first output.
 * @example
 * describeSource(lw.report, lw.lineage);
 * // "Data: real export link-worker-2022.csv (Qualtrics layout). 24 of 24 codebook questions matched. 300 of
 * //  307 rows kept; 7 dropped: 5 duplicate (identical answers), 2 too few answers (partial submission). Verdict: usable."
 */
export function describeSource(report: LoadReport, lineage?: Lineage): string {
  const f = sourceFacts(report, lineage);
  const what = f.synthetic
    ? `Data: the bundled synthetic ${f.survey} export ${f.file} (synthetic respondents, not survey findings).`
    : `Data: real export ${f.file} (${f.platform} layout${f.mappingFile ? `; columns as chosen in ${f.mappingFile}` : ""}).`;
  const questions = `${f.questionsMatched} of ${f.questionsTotal} codebook questions matched${
    f.questionsMissing.length ? ` (no column for ${f.questionsMissing.join(", ")})` : ""
  }.`;
  const droppedRows = f.rowsRead - f.rowsKept;
  const rows = `${f.rowsKept} of ${plural(f.rowsRead, "row")} kept${
    droppedRows > 0
      ? `; ${droppedRows} dropped: ${f.droppedByReason.map((d) => `${d.rows} ${d.reason}`).join(", ")}`
      : ""
  }.`;
  return `${what} ${questions} ${rows} Verdict: ${f.verdict}.`;
}
