import type { Codebook } from "../codebook/types.js";
import { problem } from "../load/export-error.js";
import type { Problem } from "../load/types.js";
import { StepLog, type LineageStep } from "./lineage.js";
import type { WorkRow } from "./recode.js";
import { redactPii } from "./redact-pii.js";

/**
 * Removes personal data: the email, name and IP-address admin columns, and inside free text (text questions and
 * "Other" text) whatever redactPii detects (emails, UK phones, postcodes, NHS numbers, street addresses, dates
 * of birth, names), each redacted as "[kind]". Each redaction is a warning (the value is not repeated).
 * @example
 * dropPii(rows, codebook, ["email"], "lw.csv", problems).rows[0].email; // undefined
 */
export function dropPii(
  rows: WorkRow[],
  codebook: Codebook,
  piiColumns: readonly string[],
  file: string,
  problems: Problem[],
  label: (key: string) => string,
): { rows: WorkRow[]; step: LineageStep } {
  const log = new StepLog(
    "drop-pii",
    "remove email/name/IP columns; redact emails, phones, postcodes, NHS numbers, addresses, dates of birth and names in free text",
    rows.length,
  );
  const textColumns = codebook.questions.flatMap((q) => [
    ...(q.type === "text" ? [q.id] : []),
    ...(q.other ? [`${q.id}_other`] : []),
  ]);
  for (const column of piiColumns) {
    const filled = rows.filter((r) => r[column] !== null && r[column] !== undefined).length;
    log.note(`column "${column}" removed (${filled} non-empty values)`);
  }
  const out = rows.map((row) => {
    const clean: WorkRow = { _row: row._row };
    for (const [key, value] of Object.entries(row)) if (!piiColumns.includes(key)) clean[key] = value;
    for (const column of textColumns) {
      const value = clean[column];
      if (typeof value !== "string") continue;
      const { text, found } = redactPii(value);
      if (found.length === 0) continue;
      clean[column] = text;
      const kinds = found.join(", ");
      log.change(column, `personal data redacted in free text (${kinds})`, row._row, "[redacted]", null);
      problems.push(
        problem({
          severity: "warning",
          code: "pii-in-text",
          file,
          row: row._row,
          column: label(column),
          what: `free text contained personal data (${kinds})`,
          expected: "no personal data in answers",
          action: `redacted as ${found.map((k) => `[${k}]`).join(", ")}`,
        }),
      );
    }
    return clean;
  });
  return { rows: out, step: log.finish(out.length) };
}
