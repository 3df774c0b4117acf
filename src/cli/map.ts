import { resolve } from "node:path";
import { mappingPath, writeMapping } from "../load/mapping-file.js";
import { MATCH_THRESHOLD } from "../load/match-headers.js";
import { readExport } from "../load/read-export.js";
import { EXIT, type Command } from "./command.js";
import { surveyArg } from "./survey-arg.js";

/**
 * `sp-pathways map <file> --survey ...`: writes `<file>.mapping.csv` beside the export, one line per codebook
 * question with the column chosen (or none) and its score. Edit it; every later load of the export uses it.
 */
export const mapCommand: Command = {
  name: "map",
  summary: "write <file>.mapping.csv: the column chosen for each question (edit it to fix the matching)",
  usage: ["map <file> --survey link-worker|provider"],
  options: { survey: { type: "string" } },
  positionals: 1,
  run({ positionals, values }, io) {
    const survey = surveyArg(values.survey);
    const path = resolve(io.cwd, positionals[0] as string);
    const { report } = readExport(path, survey);
    const out = mappingPath(path);
    writeMapping(out, report.questions, report.file, survey);
    const none = report.questions.filter((q) => q.column === null).map((q) => q.questionId);
    const unsure = report.questions
      .filter((q) => q.column !== null && q.score < 1)
      .map((q) => `${q.questionId} (${q.score.toFixed(2)})`);
    const lines = [
      `wrote ${out}`,
      `${report.platform.name} layout; ${report.questions.length - none.length} of ${report.questions.length} questions have a column${report.mappingFile ? ` (as chosen in the existing ${report.mappingFile})` : ""}`,
    ];
    if (none.length) lines.push(`no column: ${none.join(", ")}`);
    if (unsure.length) lines.push(`matched by text or answers, check: ${unsure.join(", ")}`);
    lines.push(
      `Columns score 1 when a header is the question text; below ${MATCH_THRESHOLD} nothing is matched automatically. Edit the file and run validate again.`,
    );
    io.out(lines.join("\n"));
    return EXIT.ok;
  },
};
