import { resolve } from "node:path";
import { cleanExport } from "../clean/clean-export.js";
import { readExport } from "../load/read-export.js";
import { EXIT, type Command } from "./command.js";
import { LIMIT_OPTIONS, LIMIT_USAGE, limitsFromArgs } from "./limit-args.js";
import { formatSummary, summarise } from "./summarise.js";
import { surveyArg } from "./survey-arg.js";

/** `sp-pathways validate <file> --survey ... [--json] [--strict]`: load and clean, report, write nothing. */
export const validateCommand: Command = {
  name: "validate",
  summary: "check an export: rows read, kept, dropped (with reasons) and every problem",
  usage: [`validate <file> --survey link-worker|provider [--json] [--strict] ${LIMIT_USAGE}`],
  options: {
    survey: { type: "string" },
    json: { type: "boolean" },
    strict: { type: "boolean" },
    ...LIMIT_OPTIONS,
  },
  positionals: 1,
  run({ positionals, values }, io) {
    const survey = surveyArg(values.survey);
    const loaded = readExport(resolve(io.cwd, positionals[0] as string), survey, {
      limits: limitsFromArgs(values),
    });
    const { lineage } = cleanExport(loaded, survey);
    const summary = summarise(loaded.report, lineage, values.strict === true);
    io.out(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
    return summary.exitCode === 0 ? EXIT.ok : EXIT.problems;
  },
};
