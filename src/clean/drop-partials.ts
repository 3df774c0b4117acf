import type { Codebook } from "../codebook/types.js";
import { StepLog, type LineageStep } from "./lineage.js";
import { answered, substantiveQuestions } from "./answered.js";
import type { WorkRow } from "./recode.js";

/**
 * Drops submissions that answered fewer than `minAnswered` substantive questions (default 1: those that
 * answered nothing beyond profile and admin fields). Partial submissions that answered something stay, with
 * their unanswered questions missing.
 * @example
 * dropPartials(rows, codebook).rows.length;
 */
export function dropPartials(
  rows: WorkRow[],
  codebook: Codebook,
  minAnswered = 1,
): { rows: WorkRow[]; step: LineageStep } {
  const questions = substantiveQuestions(codebook);
  const log = new StepLog(
    "drop-partials",
    `drop submissions answering fewer than ${minAnswered} of the ${questions.length} substantive (non-profile) questions`,
    rows.length,
  );
  const kept = rows.filter((row) => {
    const n = questions.filter((q) => answered(row, q)).length;
    if (n >= minAnswered) return true;
    const status = row.completed === null && "completed" in row ? "incomplete submission" : "submission";
    log.drop(
      row._row,
      (row.response_id as string | null) ?? null,
      `${status} answered ${n} of ${questions.length} substantive questions (at least ${minAnswered} needed)`,
      "too few answers (partial submission)",
    );
    return false;
  });
  return { rows: kept, step: log.finish(kept.length) };
}
