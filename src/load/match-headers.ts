import type { Codebook, Question } from "../codebook/types.js";
import { adminKey, isPlatformColumn } from "./admin-columns.js";
import { labelEvidence, sampleValues, valueEvidence } from "./answer-evidence.js";
import { columnLabel, columnLetter, extraColumnWarning, problem } from "./export-error.js";
import { headerCell, type HeaderCell } from "./header-cells.js";
import type { ColumnMapping } from "./mapping-file.js";
import { normaliseText } from "./normalise-text.js";
import { findOption, otherOption } from "./option-lookup.js";
import { generic, type PlatformLayout } from "./platforms/index.js";
import { scoreText, textIndex, type TextIndex } from "./text-score.js";
import type { ColumnRole, HeaderMatch, Problem, QuestionMatch } from "./types.js";

export { findOption, otherOption } from "./option-lookup.js";

/** A question is matched by text alone only at this score or above (0-1). */
export const MATCH_THRESHOLD = 0.6;

export interface HeaderMatching {
  columns: HeaderMatch[];
  problems: Problem[];
  /** How many columns matched a codebook question (used to spot an export of the other survey). */
  questionColumns: number;
  /** One entry per codebook question, in codebook order. */
  questions: QuestionMatch[];
}

export interface MatchOptions {
  /** The platform layout sniffed from the file (default: generic). */
  platform?: PlatformLayout;
  /** Data rows (a sample is enough): answers are evidence of which question a column holds. */
  rows?: readonly (readonly (string | null)[])[];
  /** Question -> column choices read from a mapping file; they override the automatic match. */
  mapping?: ColumnMapping;
}

interface Found {
  q: Question;
  how: HeaderMatch["how"];
  score: number;
}

interface Group {
  key: string;
  cells: HeaderCell[];
  /** The question text of the group, from its first cell that has one. */
  text: string;
}

/**
 * Matches export headers to codebook questions. Numbering (`3.`, `4.a.`) and platform suffixes are stripped;
 * a header matches by id, exact or normalised text (score 1), else by token similarity of its text (robust to
 * "physical activity" -> "PA" and reordered clauses), combined with what its answers or sub-column labels say;
 * each question takes its best column. Sub-columns (`Question [Option]`, `4.a. Option`, `Question.Item`,
 * `Question - Item`) become option, item and Other columns; admin columns get fixed keys; the rest are set aside.
 * The cost grows with the number of columns, not with columns times columns.
 * @example
 * matchHeaders(["Response ID", "Who employs you?"], lwCodebook, "lw.csv").columns[1].key; // "employer"
 */
export function matchHeaders(
  headers: readonly string[],
  codebook: Codebook,
  file: string,
  options: MatchOptions = {},
): HeaderMatching {
  const platform = options.platform ?? generic;
  const index = textIndexOf(codebook);
  const exact = exactIndex(codebook);
  const bestText = memo((text: string): Found | undefined => findQuestion(text, exact, index));
  const split = (base: string, whole: string): boolean => {
    const b = bestText(base);
    return b !== undefined && b.score >= MATCH_THRESHOLD && b.score > (bestText(whole)?.score ?? 0) + 0.05;
  };
  const cells = headers.map((h, i) => headerCell(h, i, platform, split));
  const admin = new Map<number, ColumnRole>();
  const groups = new Map<string, Group>();
  for (const cell of cells) {
    if (cell.header === "") continue;
    const key =
      cell.sub === undefined && !exact.has(cell.header) ? adminKey(cell.header, platform) : undefined;
    if (key && bestText(cell.header)?.score !== 1) {
      admin.set(cell.index, { kind: "admin", key });
      continue;
    }
    if (isPlatformColumn(cell.header, platform)) continue;
    const group = groups.get(cell.group) ?? { key: cell.group, cells: [], text: "" };
    group.cells.push(cell);
    if (group.text === "" && cell.base !== "") group.text = cell.base;
    groups.set(cell.group, group);
  }
  const chosen = assign([...groups.values()], codebook, bestText, options);
  return roles(cells, admin, chosen, codebook, file, platform);
}

function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (!cache.has(text)) cache.set(text, fn(text));
    return cache.get(text) as T;
  };
}

function exactIndex(codebook: Codebook): Map<string, { q: Question; how: HeaderMatch["how"] }> {
  const out = new Map<string, { q: Question; how: HeaderMatch["how"] }>();
  for (const q of codebook.questions) {
    out.set(`id:${q.id.toLowerCase()}`, { q, how: "id" });
    out.set(q.text, { q, how: "exact" });
    out.set(`n:${normaliseText(q.text)}`, { q, how: "normalised" });
  }
  return out;
}

function findQuestion(
  text: string,
  exact: Map<string, { q: Question; how: HeaderMatch["how"] }>,
  index: TextIndex,
): Found | undefined {
  if (text.trim() === "") return undefined;
  const hit =
    exact.get(`id:${text.trim().toLowerCase()}`) ?? exact.get(text) ?? exact.get(`n:${normaliseText(text)}`);
  if (hit) return { ...hit, score: 1 };
  const best = scoreText(text, index)[0];
  return best ? { q: best.q, how: "text", score: best.score } : undefined;
}

// Normalised option and item labels -> the questions that list them: which questions a column's answers or
// sub-column labels could belong to, without trying every question on every column.
const labelIndexes = new WeakMap<Codebook, Map<string, Set<Question>>>();
function labelIndex(codebook: Codebook): Map<string, Set<Question>> {
  let index = labelIndexes.get(codebook);
  if (index) return index;
  index = new Map();
  for (const q of codebook.questions)
    for (const o of [...(q.options ?? []), ...(q.items ?? [])])
      for (const label of [o.label, ...(o.aliases ?? [])]) {
        const key = normaliseText(label);
        index.set(key, (index.get(key) ?? new Set()).add(q));
      }
  labelIndexes.set(codebook, index);
  return index;
}

function questionsNamedBy(texts: readonly string[], codebook: Codebook): Set<Question> {
  const index = labelIndex(codebook);
  const out = new Set<Question>();
  for (const text of texts)
    for (const piece of [text, ...text.split(/[;,|]/)])
      for (const q of index.get(normaliseText(piece)) ?? []) out.add(q);
  return out;
}

// Text score blended with evidence: a column whose answers (or sub-column labels) are q's options is q's column.
function candidates(
  group: Group,
  codebook: Codebook,
  bestText: (text: string) => Found | undefined,
  rows: MatchOptions["rows"],
): Found[] {
  const top = group.text === "" ? undefined : bestText(group.text);
  if (top?.score === 1) return [top];
  const byText = new Map<Question, number>();
  if (group.text !== "") {
    for (const r of scoreText(group.text, textIndexOf(codebook)).slice(0, 3)) byText.set(r.q, r.score);
  }
  const subs = group.cells.map((c) => c.sub).filter((s): s is string => s !== undefined);
  const whole = group.cells.filter((c) => c.sub === undefined);
  const values = rows && whole.length === 1 ? sampleValues(rows, (whole[0] as HeaderCell).index) : [];
  const named = questionsNamedBy(subs.length > 0 ? subs : values, codebook);
  const out: Found[] = [];
  const evidenceOnly: Found[] = [];
  for (const q of new Set([...byText.keys(), ...named])) {
    const text = byText.get(q);
    const evidence =
      subs.length > 0 ? labelEvidence(subs, q) : values.length > 0 ? valueEvidence(values, q) : undefined;
    if (text === undefined && !(evidence !== undefined && evidence >= 0.9)) continue;
    const t = text ?? 0;
    const score = evidence === undefined ? t : 0.6 * t + 0.4 * evidence;
    if (text !== undefined) out.push({ q, how: "text", score });
    else evidenceOnly.push({ q, how: "answers", score: 0.55 });
  }
  // Answers alone decide only when they point at one question (yes/no answers fit many).
  if (evidenceOnly.length === 1) out.push(evidenceOnly[0] as Found);
  return out.sort((a, b) => b.score - a.score);
}

const indexes = new WeakMap<Codebook, TextIndex>();
function textIndexOf(codebook: Codebook): TextIndex {
  let index = indexes.get(codebook);
  if (!index) indexes.set(codebook, (index = textIndex(codebook.questions)));
  return index;
}

// Each question takes its best-scoring group, best pairs first; a mapping file's choices come first.
function assign(
  groups: Group[],
  codebook: Codebook,
  bestText: (text: string) => Found | undefined,
  options: MatchOptions,
): Map<Group, Found> {
  const chosen = new Map<Group, Found>();
  const taken = new Set<string>();
  const mapped = options.mapping;
  if (mapped) {
    for (const [questionId, choice] of mapped.questions) {
      const q = codebook.questions.find((x) => x.id === questionId);
      taken.add(questionId);
      if (!q || choice === null) continue;
      const group = groups.find((g) => g.cells.some((c) => c.index === choice.index));
      if (group && !chosen.has(group)) chosen.set(group, { q, how: "mapping", score: 1 });
    }
  }
  const pairs: { group: Group; found: Found; order: number }[] = [];
  groups.forEach((group, order) => {
    if (chosen.has(group)) return;
    for (const found of candidates(group, codebook, bestText, options.rows))
      if (found.score >= (found.how === "answers" ? 0.55 : MATCH_THRESHOLD) - 1e-9 || found.score === 1)
        pairs.push({ group, found, order });
  });
  pairs.sort((a, b) => b.found.score - a.found.score || a.order - b.order);
  for (const { group, found } of pairs) {
    if (chosen.has(group) || taken.has(found.q.id)) continue;
    chosen.set(group, found);
    taken.add(found.q.id);
  }
  return chosen;
}

const isOtherLabel = (label: string): boolean => /^other\b/.test(normaliseText(label));

function subRole(q: Question, sub: string): ColumnRole | undefined {
  if (q.type === "likert" && q.items?.length) {
    const item = findOption(sub, q.items);
    return item ? { kind: "item", questionId: q.id, itemCode: item.code } : undefined;
  }
  const other = otherOption(q);
  if ((other && findOption(sub, [other])) || (q.other && isOtherLabel(sub)))
    return { kind: "other", questionId: q.id };
  if (q.type === "multi") {
    const option = findOption(sub, q.options);
    return option ? { kind: "option", questionId: q.id, optionCode: option.code } : undefined;
  }
  return undefined;
}

function roleKey(role: ColumnRole, header: string): string {
  switch (role.kind) {
    case "admin":
      return role.key;
    case "question":
      return role.questionId;
    case "option":
      return `${role.questionId}[${role.optionCode}]`;
    case "other":
      return `${role.questionId}[other]`;
    case "item":
      return `${role.questionId}__${role.itemCode}`;
    case "extra":
      return header;
  }
}

const expectedCache = new WeakMap<Question, string>();
function expectedSubs(q: Question): string {
  const cached = expectedCache.get(q);
  if (cached !== undefined) return cached;
  const labels = (q.type === "likert" && q.items?.length ? q.items : (q.options ?? [])).map((o) => o.label);
  if (q.other && !otherOption(q)) labels.push("Other (please specify)");
  const text = `one of ${labels.map((l) => JSON.stringify(l)).join(", ")}`;
  expectedCache.set(q, text);
  return text;
}

// The role of one column of a matched group, or the problem that sets it aside.
function cellRole(cell: HeaderCell, q: Question, file: string, label: string): ColumnRole | Problem {
  if (cell.sub !== undefined) {
    const sub = subRole(q, cell.sub);
    if (sub) return sub;
    return problem({
      code: "unknown-option-column",
      file,
      row: 1,
      column: label,
      what: `unknown option or item for question "${q.id}"`,
      value: cell.sub,
      expected: expectedSubs(q),
      action: "column kept aside",
    });
  }
  if (q.type === "likert" && q.items?.length) {
    return problem({
      code: "unknown-option-column",
      file,
      row: 1,
      column: label,
      what: "a Likert grid question needs one column per item",
      expected: `headers "${q.text} [<item>]" with <item> ${expectedSubs(q)}`,
      action: "column kept aside",
    });
  }
  return { kind: "question", questionId: q.id };
}

function roles(
  cells: HeaderCell[],
  admin: Map<number, ColumnRole>,
  chosen: Map<Group, Found>,
  codebook: Codebook,
  file: string,
  platform: PlatformLayout,
): HeaderMatching {
  const byCell = new Map<number, Found>();
  for (const [group, found] of chosen) for (const c of group.cells) byCell.set(c.index, found);
  const columns: HeaderMatch[] = [];
  const problems: Problem[] = [];
  const flagged = new Set<string>();
  const firstByKey = new Map<string, HeaderMatch>();
  const extraNames = new Set<string>();
  const firstOfQuestion = new Map<string, HeaderMatch>();
  let questionColumns = 0;
  for (const cell of cells) {
    const { header, index: i } = cell;
    const letter = columnLetter(i);
    const label = columnLabel(header, i);
    const found = byCell.get(i);
    let role: ColumnRole = admin.get(i) ?? { kind: "extra" };
    let how: HeaderMatch["how"] = role.kind === "admin" ? "admin" : "unmatched";
    if (found) {
      const r = cellRole(cell, found.q, file, label);
      if ("message" in r) {
        problems.push(r);
        flagged.add(label);
      } else [role, how] = [r, found.how];
    }
    let key = roleKey(role, header === "" ? `(blank header, column ${letter})` : header);
    if (role.kind !== "extra") {
      const first = firstByKey.get(key);
      if (first && !(role.kind === "admin" && (role.key === "name" || role.key === "location"))) {
        problems.push(
          problem({
            code: "duplicate-header",
            file,
            row: 1,
            column: label,
            what: `this column and column ${first.letter} both hold ${role.kind === "admin" ? `"${key}"` : `question "${key}"`}`,
            value: header,
            expected: "each question once",
            action: `kept column ${first.letter}, set this one aside`,
          }),
        );
        flagged.add(label);
        role = { kind: "extra" };
        how = "unmatched";
        key = `${header} (column ${letter})`;
      } else if (first) key = `${key}_${letter}`;
    }
    const match: HeaderMatch = { index: i, letter, header, key, role, how };
    if (role.kind === "extra") {
      while (extraNames.has(key) || key === "_row") key = `${key} (column ${letter})`;
      extraNames.add(key);
      match.key = key;
    } else {
      match.score = found && role.kind !== "admin" ? Math.round(found.score * 100) / 100 : 1;
      firstByKey.set(key, match);
      if (role.kind !== "admin") {
        questionColumns++;
        if (!firstOfQuestion.has(role.questionId)) firstOfQuestion.set(role.questionId, match);
      }
    }
    columns.push(match);
    if (
      role.kind === "extra" &&
      header !== "" &&
      !flagged.has(label) &&
      !isPlatformColumn(header, platform)
    ) {
      problems.push(
        extraColumnWarning(
          file,
          label,
          "column not in the codebook",
          `a ${codebook.survey} question text, question id or admin column`,
        ),
      );
    }
  }
  const questions: QuestionMatch[] = codebook.questions.map((q) => {
    const m = firstOfQuestion.get(q.id);
    return m
      ? {
          questionId: q.id,
          required: q.required === true,
          column: columnLabel(m.header, m.index),
          header: m.header,
          letter: m.letter,
          score: m.score ?? 1,
          how: m.how,
        }
      : {
          questionId: q.id,
          required: q.required === true,
          column: null,
          header: null,
          letter: null,
          score: 0,
          how: "unmatched",
        };
  });
  return { columns, problems, questionColumns, questions };
}
