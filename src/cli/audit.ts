import { resolve } from "node:path";
import { auditPath, formatFindings } from "../disclosure/audit.js";
import { EXIT, UsageError, type Command } from "./command.js";

/** `sp-pathways audit <notebook|folder> [--threshold k] [--json]`: disclosure findings in executed notebooks. */
export const auditCommand: Command = {
  name: "audit",
  summary: "check executed notebooks for respondent counts of 1-4 (or shares that imply one) in any output",
  usage: ["audit <notebook.ipynb|folder> [--threshold 5] [--cross] [--json]"],
  options: { threshold: { type: "string" }, json: { type: "boolean" }, cross: { type: "boolean" } },
  positionals: 1,
  run({ positionals, values }, io) {
    const raw = values.threshold;
    const threshold = raw === undefined ? 5 : Number(raw);
    if (!Number.isInteger(threshold) || threshold < 0)
      throw new UsageError(`--threshold must be a whole number >= 0, got "${String(raw)}"`);
    let result;
    try {
      // --cross: pairs of outputs whose counts differ by a small count fail the audit too (else listed to review).
      result = auditPath(resolve(io.cwd, positionals[0] as string), {
        threshold,
        cross: values.cross === true,
      });
    } catch (error) {
      io.err(`sp-pathways audit: ${(error as Error).message}`);
      return EXIT.unusable;
    }
    io.out(values.json ? JSON.stringify(result, null, 2) : formatFindings(result));
    return result.findings.length ? EXIT.problems : EXIT.ok;
  },
};
