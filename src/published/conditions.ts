import type { SurveyId } from "../codebook/types.js";
import { codebook, question, optionLabels } from "../codebook/codebooks.js";

/** One cleaned respondent (a row object of the tidy table). */
export type Row = Record<string, unknown>;

/** A yes/no question asked of one respondent; null means "not in the base" (unanswered). */
export type Cond = (row: Row) => boolean | null;

function checkLabel(survey: SurveyId, column: string, label: string): void {
  const [qid] = column.split("__");
  const labels = optionLabels(question(codebook(survey), qid ?? column));
  if (!labels.includes(label))
    throw new Error(`receipt spec: "${label}" is not an option of ${survey} "${qid}"`);
}

/**
 * Multi-select ticked: true when `label` is in the array, null when the question was unanswered.
 * @example
 * ticked("link-worker", "referral_sources", "GPs")({ referral_sources: ["GPs"] }); // true
 */
export function ticked(survey: SurveyId, column: string, label: string): Cond {
  checkLabel(survey, column, label);
  return (row) => {
    const v = row[column];
    return Array.isArray(v) ? v.includes(label) : null;
  };
}

/**
 * Single choice equals one of `labels`; null when unanswered.
 * @example
 * answered("provider", "scale", "Neighbourhood")({ scale: "Regional" }); // false
 */
export function answered(survey: SurveyId, column: string, ...labels: string[]): Cond {
  for (const l of labels) checkLabel(survey, column, l);
  return (row) => {
    const v = row[column];
    return v === null || v === undefined ? null : labels.includes(v as string);
  };
}

/**
 * A derived boolean column read as a condition (null stays null).
 * @example
 * flag("trained")({ trained: true }); // true
 */
export function flag(column: string): Cond {
  return (row) => {
    const v = row[column];
    return typeof v === "boolean" ? v : null;
  };
}

/**
 * Negation that keeps null.
 * @example
 * not(flag("trained"))({ trained: false }); // true
 */
export function not(cond: Cond): Cond {
  return (row) => {
    const v = cond(row);
    return v === null ? null : !v;
  };
}

/**
 * True when any condition is true; null only when every condition is null.
 * @example
 * anyOf(flag("a"), flag("b"))({ a: false, b: true }); // true
 */
export function anyOf(...conds: Cond[]): Cond {
  return (row) => {
    const vs = conds.map((c) => c(row));
    if (vs.every((v) => v === null)) return null;
    return vs.some((v) => v === true);
  };
}

/**
 * True when every condition is true; null when any condition is null (a respondent outside one base is outside
 * the combined base).
 * @example
 * allOf(flag("a"), flag("b"))({ a: true, b: false }); // false
 */
export function allOf(...conds: Cond[]): Cond {
  return (row) => {
    const vs = conds.map((c) => c(row));
    if (vs.some((v) => v === null)) return null;
    return vs.every((v) => v === true);
  };
}
