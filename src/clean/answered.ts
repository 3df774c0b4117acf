import type { Codebook, Question } from "../codebook/types.js";
import type { WorkRow } from "./recode.js";

/** The tidy columns that hold a question's answer (one per Likert grid item). */
export function answerColumns(q: Question): string[] {
  return q.type === "likert" && q.items?.length ? q.items.map((i) => `${q.id}__${i.code}`) : [q.id];
}

const hasValue = (v: unknown): boolean =>
  v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

/**
 * Whether a respondent answered a question (any item of a Likert grid, or typed "Other" text, counts).
 * @example
 * answered(row, codebook.questions[0]); // true
 */
export function answered(row: WorkRow, q: Question): boolean {
  return (
    answerColumns(q).some((c) => hasValue(row[c])) || (q.other === true && hasValue(row[`${q.id}_other`]))
  );
}

/**
 * Questions that count as substantive for the partial-submission rule: everything except respondent-profile
 * questions (area, employer, scale) and admin fields; all questions if a codebook has only profile questions.
 * @example
 * substantiveQuestions(codebook).length;
 */
export function substantiveQuestions(codebook: Codebook): Question[] {
  const substantive = codebook.questions.filter((q) => q.comb !== "profile" && q.section !== "admin");
  return substantive.length ? substantive : codebook.questions;
}

/**
 * Number of answered cells over all question columns (each Likert item and the Other text count once):
 * the "completeness" used to choose between duplicate submissions.
 * @example
 * completeness(row, codebook); // 17
 */
export function completeness(row: WorkRow, codebook: Codebook): number {
  let n = 0;
  for (const q of codebook.questions) {
    for (const c of answerColumns(q)) if (hasValue(row[c])) n++;
    if (q.other && hasValue(row[`${q.id}_other`])) n++;
  }
  return n;
}
