import { redactPii } from "../clean/redact-pii.js";
import type { Problem, Severity } from "./types.js";

/**
 * An export that cannot be used as it is. Its message names the file, row, column, value and what was expected,
 * so it can be shown to a person as is (the CLI prints the message, never the stack).
 * @example
 * try { readExport("x.csv", "provider"); } catch (e) { if (e instanceof ExportError) console.error(e.message); }
 */
export class ExportError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.name = "ExportError";
    this.problem = problem;
  }
}

/** What {@link problem} builds a Problem from: its fields, less the message, plus the clauses the message says. */
export interface ProblemParts extends Omit<Problem, "severity" | "message"> {
  severity?: Severity;
  /** What is wrong, as a clause: "unknown option". */
  what: string;
  /** What was done about it: "set to missing". */
  action?: string;
}

const quote = (value: string): string =>
  JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);

/**
 * Builds a Problem whose message reads `file, row R, column C: what: found "V", expected E (action)`.
 * @example
 * problem({ code: "unknown-option", file: "lw.csv", row: 4, column: '"Area" (column E)', value: "Mars",
 *   expected: "one of ...", what: "unknown option", action: "set to missing" }).message;
 */
export function problem(input: ProblemParts): Problem {
  // A problem echoes a value from the file, which may be anyone's free text: personal data never leaves redacted.
  const parts = input.value === undefined ? input : { ...input, value: redactPii(input.value).text };
  const where = [parts.file];
  if (parts.row !== undefined) where.push(`row ${parts.row}`);
  if (parts.column !== undefined) where.push(`column ${parts.column}`);
  let message = `${where.join(", ")}: ${parts.what}`;
  if (parts.value !== undefined) message += `: found ${quote(parts.value)}`;
  if (parts.expected !== undefined)
    message += `${parts.value !== undefined ? "," : ":"} expected ${parts.expected}`;
  if (parts.action !== undefined) message += ` (${parts.action})`;
  const out: Problem = { severity: parts.severity ?? "error", code: parts.code, file: parts.file, message };
  if (parts.row !== undefined) out.row = parts.row;
  if (parts.column !== undefined) out.column = parts.column;
  if (parts.value !== undefined) out.value = parts.value;
  if (parts.expected !== undefined) out.expected = parts.expected;
  return out;
}

/**
 * The warning for a column that the codebook gives no place (code "unknown-column", on the header row): its
 * answers are kept aside in `extras`, never dropped. `what` says why the column has no place.
 * @example
 * extraColumnWarning("lw.csv", '"Notes" (column F)', "column not in the codebook", "a question text").message;
 * // 'lw.csv, row 1, column "Notes" (column F): column not in the codebook: expected a question text (kept aside in extras)'
 */
export function extraColumnWarning(file: string, column: string, what: string, expected: string): Problem {
  return problem({
    severity: "warning",
    code: "unknown-column",
    file,
    row: 1,
    column,
    what,
    expected,
    action: "kept aside in extras",
  });
}

/**
 * Throws an ExportError built from the parts.
 * @example
 * fail({ code: "empty-file", file: "x.csv", what: "the file is empty", expected: "a header row and data rows" });
 */
export function fail(parts: ProblemParts): never {
  throw new ExportError(problem(parts));
}

/**
 * Spreadsheet letter of a 0-based column index (0 -> "A", 27 -> "AB").
 * @example
 * columnLetter(3); // "D"
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * How problems name a column: its header and spreadsheet letter.
 * @example
 * columnLabel("Area", 4); // '"Area" (column E)'
 */
export function columnLabel(header: string, index: number): string {
  return `${quote(header)} (column ${columnLetter(index)})`;
}
