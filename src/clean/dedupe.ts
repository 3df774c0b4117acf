import type { Codebook } from "../codebook/types.js";
import { answerColumns, completeness } from "./answered.js";
import { StepLog, type LineageStep } from "./lineage.js";
import type { WorkRow } from "./recode.js";

export interface DedupeOptions {
  /** Submissions further apart than this are different responses (default 1440 minutes, one day). */
  windowMinutes?: number;
  /** Identical answers only count when at least this many question columns were answered (default 3). */
  minIdenticalAnswers?: number;
  /**
   * A key (email, or a set of answers) shared by more rows than this is a placeholder or a common answer
   * pattern, not one person resubmitting (default 3).
   */
  maxSubmissions?: number;
}

// Local ISO timestamps without zone: compare them as if UTC, which keeps differences right across DST changes.
function minutesOf(row: WorkRow): number | null {
  const t = (row.completed ?? row.timestamp ?? row.started) as string | null | undefined;
  if (!t) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(t);
  if (!m) return null;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)) / 60000;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Rows grouped by a key; keys shared by too many rows are returned apart as placeholders. */
function groupBy(
  rows: WorkRow[],
  keyOf: (row: WorkRow) => string | undefined,
  max: number,
): { groups: number[][]; placeholders: { key: string; rows: number }[] } {
  const byKey = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = keyOf(row);
    if (key === undefined) return;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const groups: number[][] = [];
  const placeholders: { key: string; rows: number }[] = [];
  for (const [key, members] of byKey) {
    if (members.length > max) placeholders.push({ key, rows: members.length });
    else if (members.length > 1) groups.push(members);
  }
  return { groups, placeholders };
}

/**
 * De-duplicates submissions. Two submissions are the same respondent when they share an email address
 * (ignoring case and spaces) or give identical answers to every question (with at least `minIdenticalAnswers`
 * answered), AND were submitted within `windowMinutes` of each other (a missing time counts as within). A key
 * shared by more than `maxSubmissions` rows is never used: a placeholder identity (`anonymous`, `n/a`, a shared
 * inbox) or a common answer pattern says nothing about who submitted; values that are not email addresses are
 * never keys. Pairs never chain: a submission is dropped only as the duplicate of the one kept, which is the
 * most complete, then the latest, then the later row.
 * @example
 * dedupeRows(rows, codebook).step.dropped; // [{ row: 5, reason: "duplicate of row 4 (same email ...)", ... }]
 */
export function dedupeRows(
  rows: WorkRow[],
  codebook: Codebook,
  options: DedupeOptions = {},
): { rows: WorkRow[]; step: LineageStep } {
  const window = options.windowMinutes ?? 1440;
  const minIdentical = options.minIdenticalAnswers ?? 3;
  const max = options.maxSubmissions ?? 3;
  const log = new StepLog(
    "dedupe",
    `drop duplicate submissions: same email or identical answers (${minIdentical}+ answered) within ${window} minutes; keep the most complete, then the latest`,
    rows.length,
  );
  const columns = codebook.questions.flatMap((q) => [
    ...answerColumns(q),
    ...(q.other ? [`${q.id}_other`] : []),
  ]);
  const times = rows.map(minutesOf);
  const links = rows.map(() => new Map<number, string>());
  const within = (a: number, b: number): boolean => {
    const [ta, tb] = [times[a], times[b]];
    return ta === null || ta === undefined || tb === null || tb === undefined || Math.abs(tb - ta) <= window;
  };
  const link = (groups: number[][], reason: string): void => {
    for (const members of groups)
      for (const a of members)
        for (const b of members) if (a !== b && within(a, b) && !links[a]?.has(b)) links[a]?.set(b, reason);
  };

  const emails = groupBy(
    rows,
    (row) => {
      const email = typeof row.email === "string" ? row.email.replace(/\s+/g, "").toLowerCase() : "";
      return EMAIL.test(email) ? email : undefined;
    },
    max,
  );
  const notEmails = new Map<string, number>();
  for (const row of rows) {
    const raw = typeof row.email === "string" ? row.email.trim() : "";
    if (raw !== "" && !EMAIL.test(raw.replace(/\s+/g, ""))) notEmails.set(raw, (notEmails.get(raw) ?? 0) + 1);
  }
  const answers = groupBy(
    rows,
    (row) => {
      const values = columns.map((c) => row[c] ?? null);
      const n = values.filter((v) => v !== null && !(Array.isArray(v) && v.length === 0)).length;
      return n >= minIdentical ? JSON.stringify(values) : undefined;
    },
    max,
  );
  link(emails.groups, "same email address");
  link(answers.groups, "identical answers");
  for (const [value, n] of notEmails)
    log.note(
      `email ${JSON.stringify(value)} (${n} rows) is not an email address: not used to find duplicates`,
    );
  for (const p of emails.placeholders)
    log.note(
      `one email address is shared by ${p.rows} rows (more than ${max}): treated as a placeholder, not used to find duplicates`,
    );
  for (const p of answers.placeholders)
    log.note(
      `${p.rows} rows give the same answers (more than ${max}): a common answer pattern, not treated as duplicates`,
    );

  const order = rows
    .map((row, i) => ({ i, full: completeness(row, codebook), t: times[i] ?? -Infinity }))
    .sort((a, b) => b.full - a.full || b.t - a.t || b.i - a.i);
  const settled = new Set<number>();
  const drop = new Set<number>();
  for (const keep of order) {
    if (settled.has(keep.i)) continue;
    settled.add(keep.i);
    const keptRow = rows[keep.i] as WorkRow;
    for (const [other, why] of links[keep.i] ?? []) {
      if (settled.has(other)) continue;
      settled.add(other);
      drop.add(other);
      const row = rows[other] as WorkRow;
      const t = times[other] ?? -Infinity;
      const gap =
        keep.t !== -Infinity && t !== -Infinity ? `, ${Math.round(Math.abs(keep.t - t))} minutes apart` : "";
      const basis =
        completeness(row, codebook) < keep.full ? "kept the more complete one" : "kept the later one";
      log.drop(
        row._row,
        (row.response_id as string | null) ?? null,
        `duplicate of row ${keptRow._row} (${why}${gap}); ${basis}`,
        `duplicate (${why})`,
      );
    }
  }
  const kept = rows.filter((_, i) => !drop.has(i));
  return { rows: kept, step: log.finish(kept.length) };
}
