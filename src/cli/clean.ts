import { resolve } from "node:path";
import { cleanExport } from "../clean/clean-export.js";
import { readExport } from "../load/read-export.js";
import { EXIT, UsageError, type Command } from "./command.js";
import { writeOutput } from "./io.js";
import { LIMIT_OPTIONS, LIMIT_USAGE, limitsFromArgs } from "./limit-args.js";
import { summarise } from "./summarise.js";
import { surveyArg } from "./survey-arg.js";
import { tidyToCsv } from "./to-csv.js";

/**
 * `sp-pathways clean <file> --survey ... --out <csv>`: write the cleaned tidy table as CSV. --out never replaces
 * an existing file without --force, and never the input, the bundled data or a notebook even with it.
 */
export const cleanCommand: Command = {
  name: "clean",
  summary: 'write the cleaned tidy table (codebook column names; multi-selects joined with "; ")',
  usage: [`clean <file> --survey link-worker|provider --out <csv|-> [--force] [--strict] ${LIMIT_USAGE}`],
  options: {
    survey: { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    strict: { type: "boolean" },
    ...LIMIT_OPTIONS,
  },
  positionals: 1,
  run({ positionals, values }, io) {
    const survey = surveyArg(values.survey);
    if (typeof values.out !== "string" || values.out === "")
      throw new UsageError("--out is required: a CSV path, or - for stdout");
    const input = positionals[0] as string;
    const loaded = readExport(resolve(io.cwd, input), survey, { limits: limitsFromArgs(values) });
    const { table, lineage } = cleanExport(loaded, survey);
    const csv = tidyToCsv(table);
    const summary = summarise(loaded.report, lineage, values.strict === true);
    const counts = `${summary.rowsRead} rows read, ${summary.rowsKept} kept, ${summary.rowsDropped} dropped; ${summary.errors} errors, ${summary.warnings} warnings (run validate for details)`;
    if (values.out === "-") {
      io.out(csv);
      io.err(counts);
    } else {
      writeOutput(io, values.out, csv, { force: values.force === true, inputs: [input] });
      io.out(`wrote ${table.numRows()} rows x ${table.numCols()} columns to ${values.out}: ${counts}`);
    }
    return summary.exitCode === 0 ? EXIT.ok : EXIT.problems;
  },
};
