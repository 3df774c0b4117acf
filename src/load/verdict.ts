import type { Lineage } from "../clean/lineage.js";
import type { LoadReport } from "./types.js";

/** The share of codebook questions that must have a column for a "usable" verdict. */
export const MIN_QUESTION_SHARE = 0.9;
/** The share of rows read that cleaning must keep for a "usable" verdict. */
export const MIN_ROW_SHARE = 0.95;

/** Whether an export can stand in for the bundled data, and why not when it cannot. */
export interface Verdict {
  usable: boolean;
  /** One line: what is wrong (the first failed condition), or what was found when usable. */
  reason: string;
  questionsMatched: number;
  questionsTotal: number;
  /** Required questions with no column. */
  missingRequired: string[];
  rowsRead: number;
  rowsKept: number;
  /** Rows dropped by cleaning, counted by reason (largest first). */
  droppedByReason: { reason: string; rows: number }[];
}

const pct = (part: number, whole: number): string =>
  whole === 0 ? "0%" : `${Math.round((1000 * part) / whole) / 10}%`;

/**
 * Rows dropped by cleaning, counted by reason ("duplicate (same email address)", "not a response (survey
 * preview or test)", "answered no substantive question", ...), largest first.
 * @example
 * droppedByReason(lineage); // [{ reason: "duplicate (same email address)", rows: 5 }, ...]
 */
export function droppedByReason(lineage: Lineage): { reason: string; rows: number }[] {
  const counts = new Map<string, number>();
  for (const step of lineage.steps)
    for (const d of step.dropped) {
      const reason = d.kind ?? step.step;
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  return [...counts].map(([reason, rows]) => ({ reason, rows })).sort((a, b) => b.rows - a.rows);
}

/**
 * The verdict on a loaded and cleaned export: "usable" only when every required question and at least 90% of
 * the codebook's questions have a column and at least 95% of the rows read are kept.
 * @example
 * verdict(report, lineage).reason; // 'only 12 of 205 rows kept (5.9%; at least 95% needed)'
 */
export function verdict(report: LoadReport, lineage: Lineage): Verdict {
  return judge(report, lineage.rowsRead, lineage.rowsKept, droppedByReason(lineage));
}

/**
 * The same verdict from counts: rows read and kept, and drops by reason (as `report.cleaning` holds them).
 * @example
 * judge(report, 205, 12, [{ reason: "duplicate (same email address)", rows: 193 }]).usable; // false
 */
export function judge(
  report: LoadReport,
  rowsRead: number,
  rowsKept: number,
  dropped: { reason: string; rows: number }[],
): Verdict {
  const questionsTotal = report.questions.length;
  const questionsMatched = report.questions.filter((q) => q.column !== null).length;
  const missingRequired = report.questions
    .filter((q) => q.required && q.column === null)
    .map((q) => q.questionId);
  const base = {
    questionsMatched,
    questionsTotal,
    missingRequired,
    rowsRead,
    rowsKept,
    droppedByReason: dropped,
  };
  let reason: string | undefined;
  if (missingRequired.length > 0)
    reason = `no column for required question${missingRequired.length > 1 ? "s" : ""} ${missingRequired.map((id) => `"${id}"`).join(", ")}; run sp-pathways map to choose a column`;
  else if (questionsMatched < MIN_QUESTION_SHARE * questionsTotal)
    reason = `only ${questionsMatched} of ${questionsTotal} codebook questions have a column (${pct(questionsMatched, questionsTotal)}; at least ${MIN_QUESTION_SHARE * 100}% needed); run sp-pathways map to choose columns`;
  else if (rowsKept < MIN_ROW_SHARE * rowsRead) {
    const top = dropped[0];
    reason = `only ${rowsKept} of ${rowsRead} rows kept (${pct(rowsKept, rowsRead)}; at least ${MIN_ROW_SHARE * 100}% needed)${top ? `; most dropped as ${top.reason} (${top.rows})` : ""}`;
  }
  if (reason !== undefined) return { usable: false, reason, ...base };
  return {
    usable: true,
    reason: `${questionsMatched} of ${questionsTotal} questions have a column; ${rowsKept} of ${rowsRead} rows kept (${pct(rowsKept, rowsRead)})`,
    ...base,
  };
}
