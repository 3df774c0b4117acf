import type { Question, QuestionOption } from "../codebook/types.js";
import { columnLabel, problem } from "../load/export-error.js";
import { findOption, otherOption } from "../load/match-headers.js";
import { normaliseText } from "../load/normalise-text.js";
import type { LoadedExport, Problem } from "../load/types.js";
import type { StepLog } from "./lineage.js";
import { parseMinutes, type MinutesFlag } from "./parse-minutes.js";
import { splitMultiSelect } from "./split-multi.js";

export type WorkRow = Record<string, unknown> & { _row: number };

interface Context {
  row: number;
  file: string;
  log: StepLog;
  problems: Problem[];
  label: (key: string) => string;
}

const FLAG_REASONS: Partial<Record<MinutesFlag, string>> = {
  hours: "hours converted to minutes",
  "range-midpoint": "a range read as its midpoint",
  "lower-bound": '"N+" or "at least N" read as N',
  "upper-bound": '"up to N" read as N',
  approximate: '"about N" read as N',
  "per-day": "minutes a day multiplied by 7",
  "not-applicable": 'a non-answer ("n/a", "don\'t know") read as missing',
};

const isMissingCode = (raw: string, q: Question): boolean =>
  (q.missing ?? []).some((m) => normaliseText(m) === normaliseText(raw));

const listOf = (options: readonly QuestionOption[]): string =>
  `one of ${options.map((o) => JSON.stringify(o.label)).join(", ")}`;

/** Maps one single-choice or Likert answer to its option label; unlisted text becomes "Other" when allowed. */
function recodeChoice(
  raw: string | null,
  q: Question,
  options: readonly QuestionOption[],
  key: string,
  ctx: Context,
): { label: string | null; otherText: string | null } {
  if (raw === null) return { label: null, otherText: null };
  const option = findOption(raw, options);
  if (option) {
    if (option.label !== raw)
      ctx.log.change(key, "option text normalised to the codebook label", ctx.row, raw, option.label);
    return { label: option.label, otherText: null };
  }
  if (isMissingCode(raw, q)) {
    ctx.log.change(key, "missing code read as missing", ctx.row, raw, null);
    return { label: null, otherText: null };
  }
  if (q.other) {
    const other = otherOption(q);
    ctx.log.change(key, "unlisted answer kept as Other text", ctx.row, raw, other?.label ?? null);
    return { label: other?.label ?? null, otherText: raw.trim() };
  }
  ctx.problems.push(
    problem({
      code: "unknown-option",
      file: ctx.file,
      row: ctx.row,
      column: ctx.label(key),
      what: "unknown option",
      value: raw,
      expected: listOf(options),
      action: "set to missing",
    }),
  );
  ctx.log.change(key, "unknown option set to missing", ctx.row, raw, null);
  return { label: null, otherText: null };
}

/** Typed "Other" text that names a listed option is recoded to that option. */
function recodeOtherText(text: string, q: Question, key: string, ctx: Context): QuestionOption | undefined {
  const other = otherOption(q);
  const options = (q.options ?? []).filter((o) => o !== other);
  const match = findOption(text, options);
  if (match) ctx.log.change(key, "Other text recoded to the option it names", ctx.row, text, match.label);
  return match;
}

function recodeMulti(
  q: Question,
  raw: Record<string, string | null>,
  present: Set<string>,
  ctx: Context,
): { labels: string[] | null; otherText: string | null } {
  const options = q.options ?? [];
  const other = otherOption(q);
  const ticked = new Set<string>();
  const otherTexts: string[] = [];
  let answered = false;

  for (const o of options) {
    // The Other option's column holds typed text (key `${id}[other]`), read by takeOther below.
    if (o === other) continue;
    const cell = raw[`${q.id}[${o.code}]`];
    if (cell === null || cell === undefined) continue;
    answered = true;
    ticked.add(o.code);
  }
  const otherCell = raw[`${q.id}[other]`];
  const takeOther = (text: string, key: string): void => {
    answered = true;
    if (other && findOption(text, [other])) {
      ticked.add(other.code);
      return;
    }
    const match = recodeOtherText(text, q, key, ctx);
    if (match) ticked.add(match.code);
    else {
      if (other) ticked.add(other.code);
      otherTexts.push(text.trim());
    }
  };
  if (otherCell) takeOther(otherCell, `${q.id}[other]`);

  const joined = raw[q.id];
  if (joined !== null && joined !== undefined && present.has(q.id)) {
    if (isMissingCode(joined, q)) {
      ctx.log.change(q.id, "missing code read as missing", ctx.row, joined, null);
    } else {
      answered = true;
      const split = splitMultiSelect(joined, options);
      for (const code of split.codes) ticked.add(code);
      for (const piece of split.leftovers) {
        if (isMissingCode(piece, q)) continue;
        // A ticked "Other (please specify)" label (Qualtrics): the typed text is in its own column.
        if (
          q.other &&
          !otherOption(q) &&
          /^other\b/.test(normaliseText(piece)) &&
          present.has(`${q.id}[other]`)
        )
          continue;
        if (q.other) takeOther(piece, q.id);
        else {
          ctx.problems.push(
            problem({
              code: "unknown-option",
              file: ctx.file,
              row: ctx.row,
              column: ctx.label(q.id),
              what: "unknown option in a multi-select answer",
              value: piece,
              expected: listOf(options),
              action: "ignored; the listed options in the cell were kept",
            }),
          );
          ctx.log.change(q.id, "unknown option dropped from a multi-select answer", ctx.row, piece, null);
        }
      }
    }
  }
  if (!answered) return { labels: null, otherText: null };
  const labels = options.filter((o) => ticked.has(o.code)).map((o) => o.label);
  return { labels, otherText: otherTexts.length ? otherTexts.join("; ") : null };
}

function recodeNumber(raw: string | null, q: Question, ctx: Context): number | null {
  if (raw === null) return null;
  const isMinutes = /min/i.test(q.range?.unit ?? "") || /minutes/i.test(q.id);
  let value: number | null;
  if (isMinutes) {
    const reading = parseMinutes(raw);
    if (reading.error) {
      const tooBig = reading.error.includes("more than");
      ctx.problems.push(
        problem({
          code: tooBig ? "minutes-out-of-range" : "not-minutes",
          file: ctx.file,
          row: ctx.row,
          column: ctx.label(q.id),
          what: tooBig ? "more minutes than there are in a week" : "not a number of minutes",
          value: raw,
          expected: tooBig
            ? "at most 10080 minutes a week"
            : 'minutes per week such as "150", "2 hrs", "90 mins" or "none"',
          action: "set to missing",
        }),
      );
      ctx.log.change(q.id, "unreadable minutes set to missing", ctx.row, raw, null);
      return null;
    }
    value = reading.minutes;
    const reasons = reading.flags.map((f) => FLAG_REASONS[f]).filter((r): r is string => r !== undefined);
    if (String(value) !== raw.trim()) {
      ctx.log.change(
        q.id,
        reasons.length ? reasons.join("; ") : "typed text read as minutes",
        ctx.row,
        raw,
        value === null ? null : String(value),
      );
    }
  } else {
    const cleaned = raw.replace(/[,\s]/g, "");
    value = /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
    if (value === null) {
      ctx.problems.push(
        problem({
          code: "not-a-number",
          file: ctx.file,
          row: ctx.row,
          column: ctx.label(q.id),
          what: "not a number",
          value: raw,
          expected: `a number${q.range ? ` of ${q.range.unit}` : ""}`,
          action: "set to missing",
        }),
      );
      ctx.log.change(q.id, "text in a numeric field set to missing", ctx.row, raw, null);
      return null;
    }
  }
  if (value !== null && q.range && (value < q.range.min || value > q.range.max)) {
    ctx.problems.push(
      problem({
        code: "out-of-range",
        file: ctx.file,
        row: ctx.row,
        column: ctx.label(q.id),
        what: "outside the plausible range in the codebook",
        value: raw,
        expected: `${q.range.min} to ${q.range.max} ${q.range.unit}`,
        action: "set to missing",
      }),
    );
    ctx.log.change(q.id, "out-of-range number set to missing", ctx.row, raw, null);
    return null;
  }
  return value;
}

/**
 * Turns the loader's raw text columns into tidy columns: option labels for single and Likert answers, arrays of
 * labels for multi-selects, numbers for numeric answers, `${id}_other` text for "Other" answers.
 * @example
 * recodeRows(loaded, log, problems)[0].employer; // "Local authority"
 */
export function recodeRows(loaded: LoadedExport, log: StepLog, problems: Problem[]): WorkRow[] {
  const { codebook, file } = loaded;
  const headerOf = new Map(loaded.report.columns.map((c) => [c.key, c]));
  const label = (key: string): string => {
    const c = headerOf.get(key);
    return c ? columnLabel(c.header, c.index) : JSON.stringify(key);
  };
  const present = new Set(loaded.table.columnNames());
  const adminKeys = loaded.report.columns.filter((c) => c.role.kind === "admin").map((c) => c.key);
  const raws = loaded.table.objects() as Record<string, string | null>[];

  return raws.map((raw) => {
    const row = Number(raw._row);
    const ctx: Context = { row, file, log, problems, label };
    const out: WorkRow = { _row: row };
    for (const key of adminKeys) out[key] = raw[key] ?? null;
    if (!present.has("response_id")) out.response_id = null;
    for (const q of codebook.questions) {
      const cell = (key: string): string | null => {
        const v = raw[key];
        return v === undefined || v === null || v.trim() === "" ? null : v.trim();
      };
      switch (q.type) {
        case "single":
        case "likert": {
          if (q.items?.length) {
            for (const item of q.items) {
              const key = `${q.id}__${item.code}`;
              out[key] = recodeChoice(cell(key), q, q.options ?? [], key, ctx).label;
            }
            break;
          }
          let { label: value, otherText } = recodeChoice(cell(q.id), q, q.options ?? [], q.id, ctx);
          const typed = cell(`${q.id}[other]`);
          if (typed && (value === null || value === otherOption(q)?.label)) {
            const match = recodeOtherText(typed, q, `${q.id}[other]`, ctx);
            if (match) value = match.label;
            else {
              value = otherOption(q)?.label ?? value;
              otherText = typed;
            }
          }
          out[q.id] = value;
          if (q.other) out[`${q.id}_other`] = otherText;
          break;
        }
        case "multi": {
          const { labels, otherText } = recodeMulti(q, raw, present, ctx);
          out[q.id] = labels;
          if (q.other) out[`${q.id}_other`] = otherText;
          break;
        }
        case "numeric":
          out[q.id] = recodeNumber(cell(q.id), q, ctx);
          break;
        case "text": {
          const v = raw[q.id];
          out[q.id] =
            v === undefined || v === null || v.trim() === "" ? null : v.replace(/\r\n?/g, "\n").trim();
          break;
        }
      }
    }
    return out;
  });
}
