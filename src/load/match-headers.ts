import type { Codebook, Question, QuestionOption } from "../codebook/types.js";
import { adminKey } from "./admin-columns.js";
import { columnLabel, columnLetter, problem } from "./export-error.js";
import { normaliseText } from "./normalise-text.js";
import type { ColumnRole, HeaderMatch, Problem } from "./types.js";

interface Index {
  byId: Map<string, Question>;
  byExact: Map<string, Question>;
  byNormalised: Map<string, Question>;
}

function indexCodebook(codebook: Codebook): Index {
  const index: Index = { byId: new Map(), byExact: new Map(), byNormalised: new Map() };
  for (const q of codebook.questions) {
    index.byId.set(q.id.toLowerCase(), q);
    index.byExact.set(q.text, q);
    index.byNormalised.set(normaliseText(q.text), q);
  }
  return index;
}

function findQuestion(text: string, index: Index): { q: Question; how: HeaderMatch["how"] } | undefined {
  const byId = index.byId.get(text.trim().toLowerCase());
  if (byId) return { q: byId, how: "id" };
  const exact = index.byExact.get(text);
  if (exact) return { q: exact, how: "exact" };
  const normalised = index.byNormalised.get(normaliseText(text));
  return normalised ? { q: normalised, how: "normalised" } : undefined;
}

/**
 * Finds the option (or Likert item) a label means: by label, alias or code, exactly or normalised.
 * @example
 * findOption("yes  in my current role", q.options); // the "Yes, in my current role" option
 */
export function findOption(
  label: string,
  options: readonly QuestionOption[] | undefined,
): QuestionOption | undefined {
  if (!options || label.trim() === "") return undefined;
  const exact = options.find((o) => o.label === label || o.aliases?.includes(label));
  if (exact) return exact;
  const key = normaliseText(label);
  return options.find(
    (o) =>
      normaliseText(o.label) === key ||
      normaliseText(o.code) === key ||
      (o.aliases ?? []).some((a) => normaliseText(a) === key),
  );
}

/**
 * The "Other (please specify)" option of a question, if its codebook lists one.
 * @example
 * otherOption(q)?.label; // "Other (please specify)"
 */
export function otherOption(q: Question): QuestionOption | undefined {
  return q.options?.find((o) => o.code === "other" || /^other\b/i.test(o.label.trim()));
}

const isOtherLabel = (label: string): boolean => /^other\b/.test(normaliseText(label));

// `<question text> [<option or item>]`, and the id forms `id[code]` and `id__item`.
function splitSubColumn(header: string): { base: string; sub: string } | undefined {
  const bracket = /^(.*\S)\s*\[([^[\]]*)\]\s*$/s.exec(header);
  if (bracket) return { base: bracket[1] as string, sub: bracket[2] as string };
  const idForm = /^([A-Za-z][A-Za-z0-9_]*?)__([A-Za-z0-9_]+)$/.exec(header.trim());
  if (idForm) return { base: idForm[1] as string, sub: idForm[2] as string };
  return undefined;
}

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

function expectedSubs(q: Question): string {
  const labels = (q.type === "likert" && q.items?.length ? q.items : (q.options ?? [])).map((o) => o.label);
  if (q.other && !otherOption(q)) labels.push("Other (please specify)");
  return `one of ${labels.map((l) => JSON.stringify(l)).join(", ")}`;
}

export interface HeaderMatching {
  columns: HeaderMatch[];
  problems: Problem[];
  /** How many columns matched a codebook question (used to spot an export of the other survey). */
  questionColumns: number;
}

/**
 * Matches export headers to codebook questions by id, exact text or normalised text, recognising
 * `<question text> [<option/item>]` sub-columns and platform admin columns; unmatched columns become extras.
 * @example
 * matchHeaders(["Response ID", "Who employs you?"], lwCodebook, "lw.csv").columns[1].key; // "employer"
 */
export function matchHeaders(headers: readonly string[], codebook: Codebook, file: string): HeaderMatching {
  const index = indexCodebook(codebook);
  const columns: HeaderMatch[] = [];
  const problems: Problem[] = [];
  const firstByKey = new Map<string, HeaderMatch>();
  const extraNames = new Set<string>();
  let questionColumns = 0;

  headers.forEach((raw, i) => {
    const header = raw.trim();
    const letter = columnLetter(i);
    const label = columnLabel(header, i);
    let role: ColumnRole = { kind: "extra" };
    let how: HeaderMatch["how"] = "unmatched";

    const whole = header === "" ? undefined : findQuestion(header, index);
    const admin = header === "" || whole ? undefined : adminKey(header);
    if (whole) {
      how = whole.how;
      if (whole.q.type === "likert" && whole.q.items?.length) {
        problems.push(
          problem({
            code: "unknown-option-column",
            file,
            row: 1,
            column: label,
            what: "a Likert grid question needs one column per item",
            expected: `headers "${whole.q.text} [<item>]" with <item> ${expectedSubs(whole.q)}`,
            action: "column kept aside",
          }),
        );
      } else role = { kind: "question", questionId: whole.q.id };
    } else if (admin) {
      role = { kind: "admin", key: admin };
      how = "admin";
    } else if (header !== "") {
      const parts = splitSubColumn(header);
      const base = parts ? findQuestion(parts.base, index) : undefined;
      if (parts && base) {
        const sub = subRole(base.q, parts.sub);
        if (sub) {
          role = sub;
          how = base.how;
        } else {
          problems.push(
            problem({
              code: "unknown-option-column",
              file,
              row: 1,
              column: label,
              what: `unknown option or item for question "${base.q.id}"`,
              value: parts.sub,
              expected: expectedSubs(base.q),
              action: "column kept aside",
            }),
          );
        }
      }
    }

    let key = roleKey(role, header === "" ? `(blank header, column ${letter})` : header);
    if (role.kind !== "extra") {
      const first = firstByKey.get(key);
      if (first && !(role.kind === "admin" && role.key === "name")) {
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
        role = { kind: "extra" };
        how = "unmatched";
        key = `${header} (column ${letter})`;
      } else if (first) {
        key = `${key}_${letter}`;
      }
    }
    if (role.kind === "extra") {
      while (extraNames.has(key) || key === "_row") key = `${key} (column ${letter})`;
      extraNames.add(key);
    } else {
      firstByKey.set(key, { index: i, letter, header, key, role, how });
      if (role.kind !== "admin") questionColumns++;
    }
    columns.push({ index: i, letter, header, key, role, how });
    if (role.kind === "extra" && header !== "" && !problems.some((p) => p.column === label)) {
      problems.push(
        problem({
          severity: "warning",
          code: "unknown-column",
          file,
          row: 1,
          column: label,
          what: "column not in the codebook",
          expected: `a ${codebook.survey} question text, question id or admin column`,
          action: "kept aside in extras",
        }),
      );
    }
  });
  return { columns, problems, questionColumns };
}
