import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { cleanExport } from "../clean/clean-export.js";
import { readExport } from "../load/read-export.js";
import { EXIT, UsageError, type Command } from "./command.js";
import { summarise } from "./summarise.js";
import { surveyArg } from "./survey-arg.js";
import { tidyToCsv } from "./to-csv.js";

/** `sp-pathways clean <file> --survey ... --out <csv>`: write the cleaned tidy table as CSV. */
export const cleanCommand: Command = {
  name: "clean",
  summary: 'write the cleaned tidy table (codebook column names; multi-selects joined with "; ")',
  usage: ["clean <file> --survey link-worker|provider --out <csv|-> [--strict]"],
  options: {
    survey: { type: "string" },
    out: { type: "string" },
    strict: { type: "boolean" },
  },
  positionals: 1,
  run({ positionals, values }, io) {
    const survey = surveyArg(values.survey);
    if (typeof values.out !== "string" || values.out === "")
      throw new UsageError("--out is required: a CSV path, or - for stdout");
    const loaded = readExport(resolve(io.cwd, positionals[0] as string), survey);
    const { table, lineage } = cleanExport(loaded, survey);
    const csv = tidyToCsv(table);
    const summary = summarise(loaded.report, lineage, values.strict === true);
    const counts = `${summary.rowsRead} rows read, ${summary.rowsKept} kept, ${summary.rowsDropped} dropped; ${summary.errors} errors, ${summary.warnings} warnings (run validate for details)`;
    if (values.out === "-") {
      io.out(csv);
      io.err(counts);
    } else {
      const out = resolve(io.cwd, values.out);
      writeFileSync(out, csv);
      io.out(`wrote ${table.numRows()} rows x ${table.numCols()} columns to ${values.out}: ${counts}`);
    }
    return summary.exitCode === 0 ? EXIT.ok : EXIT.problems;
  },
};
