import type { Codebook } from "../codebook/types.js";
import { answerColumns, completeness } from "./answered.js";
import { StepLog, type LineageStep } from "./lineage.js";
import type { WorkRow } from "./recode.js";

export interface DedupeOptions {
  /** Submissions further apart than this are different responses (default 1440 minutes, one day). */
  windowMinutes?: number;
  /** Identical answers only count when at least this many question columns were answered (default 3). */
  minIdenticalAnswers?: number;
}

// Local ISO timestamps without zone: compare them as if UTC, which keeps differences right across DST changes.
function minutesOf(row: WorkRow): number | null {
  const t = (row.completed ?? row.timestamp ?? row.started) as string | null | undefined;
  if (!t) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(t);
  if (!m) return null;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)) / 60000;
}

/**
 * De-duplicates submissions. Rule: two submissions are the same respondent when they share an email address
 * (ignoring case and spaces) or give identical answers to every question (with at least `minIdenticalAnswers`
 * answered), AND were submitted within `windowMinutes` of each other (a missing time counts as within). Chains
 * of such pairs form one group; the group keeps the most complete submission, then the latest, then the later
 * row; the others are dropped with the reason.
 * @example
 * dedupeRows(rows, codebook).step.dropped; // [{ row: 5, reason: "duplicate of row 4 (same email ...)" }]
 */
export function dedupeRows(
  rows: WorkRow[],
  codebook: Codebook,
  options: DedupeOptions = {},
): { rows: WorkRow[]; step: LineageStep } {
  const window = options.windowMinutes ?? 1440;
  const minIdentical = options.minIdenticalAnswers ?? 3;
  const log = new StepLog(
    "dedupe",
    `drop duplicate submissions: same email or identical answers (${minIdentical}+ answered) within ${window} minutes; keep the most complete, then the latest`,
    rows.length,
  );
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const why = new Map<number, string>();
  const columns = codebook.questions.flatMap((q) => [
    ...answerColumns(q),
    ...(q.other ? [`${q.id}_other`] : []),
  ]);
  const times = rows.map(minutesOf);

  const link = (groups: Map<string, number[]>, reason: string): void => {
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const sorted = [...members].sort((a, b) => (times[a] ?? -Infinity) - (times[b] ?? -Infinity) || a - b);
      for (let k = 1; k < sorted.length; k++) {
        const [a, b] = [sorted[k - 1] as number, sorted[k] as number];
        const [ta, tb] = [times[a], times[b]];
        if (
          ta === null ||
          ta === undefined ||
          tb === null ||
          tb === undefined ||
          Math.abs(tb - ta) <= window
        ) {
          parent[find(b)] = find(a);
          if (!why.has(b)) why.set(b, reason);
          if (!why.has(a)) why.set(a, reason);
        }
      }
    }
  };
  const byEmail = new Map<string, number[]>();
  const byAnswers = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const email = typeof row.email === "string" ? row.email.replace(/\s+/g, "").toLowerCase() : "";
    if (email) byEmail.set(email, [...(byEmail.get(email) ?? []), i]);
    const values = columns.map((c) => row[c] ?? null);
    if (values.filter((v) => v !== null && !(Array.isArray(v) && v.length === 0)).length >= minIdentical) {
      const key = JSON.stringify(values);
      byAnswers.set(key, [...(byAnswers.get(key) ?? []), i]);
    }
  });
  link(byEmail, "same email address");
  link(byAnswers, "identical answers");

  const groups = new Map<number, number[]>();
  rows.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const drop = new Set<number>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const score = members.map((i) => ({
      i,
      full: completeness(rows[i] as WorkRow, codebook),
      t: times[i] ?? -Infinity,
    }));
    score.sort((a, b) => b.full - a.full || b.t - a.t || b.i - a.i);
    const keep = score[0] as { i: number; full: number; t: number };
    const keptRow = rows[keep.i] as WorkRow;
    for (const other of score.slice(1)) {
      const row = rows[other.i] as WorkRow;
      const gap =
        keep.t !== -Infinity && other.t !== -Infinity
          ? `, ${Math.round(Math.abs(keep.t - other.t))} minutes apart`
          : "";
      const basis = other.full < keep.full ? "kept the more complete one" : "kept the later one";
      log.drop(
        row._row,
        (row.response_id as string | null) ?? null,
        `duplicate of row ${keptRow._row} (${why.get(other.i) ?? why.get(keep.i)}${gap}); ${basis}`,
      );
      drop.add(other.i);
    }
  }
  const kept = rows.filter((_, i) => !drop.has(i));
  return { rows: kept, step: log.finish(kept.length) };
}
