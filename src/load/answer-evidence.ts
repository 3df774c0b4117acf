import type { Question } from "../codebook/types.js";
import { splitMultiSelect } from "../clean/split-multi.js";
import { normaliseText } from "./normalise-text.js";
import { findOption } from "./option-lookup.js";

/** Distinct non-blank values of a column, from at most `limit` rows (enough to see its answer options). */
export function sampleValues(
  rows: readonly (readonly (string | null)[])[],
  index: number,
  limit = 200,
  distinct = 40,
): string[] {
  const seen = new Set<string>();
  for (let r = 0; r < rows.length && r < limit && seen.size < distinct; r++) {
    const v = rows[r]?.[index];
    if (v !== null && v !== undefined && v.trim() !== "") seen.add(v.trim());
  }
  return [...seen];
}

const isMissing = (value: string, q: Question): boolean =>
  (q.missing ?? []).some((m) => normaliseText(m) === normaliseText(value));

/**
 * The share (0-1) of a column's distinct values that are answers to question q: its options (or, for a
 * multi-select, options joined by the platform's separator) or its missing codes. undefined when q has no
 * options to compare with (numeric and free-text questions) or the column is empty.
 * @example
 * valueEvidence(["Active Cumbria", "Active Lancashire"], apArea); // 1
 */
export function valueEvidence(values: readonly string[], q: Question): number | undefined {
  const options = q.type === "likert" || q.type === "single" || q.type === "multi" ? (q.options ?? []) : [];
  if (options.length === 0 || values.length === 0) return undefined;
  let hits = 0;
  for (const v of values) {
    if (findOption(v, options) || isMissing(v, q)) hits++;
    else if (q.type === "multi" && splitMultiSelect(v, options).leftovers.length === 0) hits++;
  }
  return hits / values.length;
}

/**
 * The share (0-1) of sub-column labels (options, items, "Other") that belong to question q.
 * @example
 * labelEvidence(["GPs", "Self-referral"], referralSources); // 1
 */
export function labelEvidence(labels: readonly string[], q: Question): number {
  if (labels.length === 0) return 0;
  const known = [...(q.options ?? []), ...(q.items ?? [])];
  const hits = labels.filter(
    (l) => findOption(l, known) || (q.other && /^other\b/.test(normaliseText(l))),
  ).length;
  return hits / labels.length;
}
