import type { Codebook } from "../codebook/types.js";
import { problem } from "./export-error.js";
import type { HeaderMatch, Problem } from "./types.js";

/**
 * Problems for codebook questions no column holds: an error per required question, one warning for the rest.
 * @example
 * missingQuestions(report.columns, codebook, "lw.csv").map((p) => p.code); // ["missing-column"]
 */
export function missingQuestions(columns: HeaderMatch[], codebook: Codebook, file: string): Problem[] {
  const present = new Set(columns.map((c) => ("questionId" in c.role ? c.role.questionId : undefined)));
  const missing = codebook.questions.filter((q) => !present.has(q.id));
  const out = missing
    .filter((q) => q.required)
    .map((q) =>
      problem({
        code: "missing-required",
        file,
        row: 1,
        what: `no column for required question "${q.id}"`,
        expected: `a header ${JSON.stringify(q.text)}`,
        action: "the question is missing for every respondent",
      }),
    );
  const optional = missing.filter((q) => !q.required);
  if (optional.length > 0) {
    out.push(
      problem({
        severity: "warning",
        code: "missing-column",
        file,
        row: 1,
        what: `no column for ${optional.length} question${optional.length > 1 ? "s" : ""} (${optional.map((q) => q.id).join(", ")})`,
        expected: `headers such as ${JSON.stringify((optional[0] as { text: string }).text)}`,
        action: "those questions are missing for every respondent",
      }),
    );
  }
  return out;
}
