import { normaliseText } from "./normalise-text.js";
import type { PlatformLayout } from "./platforms/types.js";

/** One export header taken apart: the question part, the sub-column label, the platform's numbering. */
export interface HeaderCell {
  index: number;
  /** The header as shown to people (two header rows merged as `Question [Option]`). */
  header: string;
  /** The question text with numbering and platform suffixes removed ("" when the header carries none). */
  base: string;
  /** Option, item or Other label of a sub-column. */
  sub?: string;
  /** The question number the platform printed (`4` of `4.a. GPs`). */
  number?: string;
  /** Columns of one question share this key. */
  group: string;
}

const BRACKET = /^(.*\S)\s*\[([^[\]]*)\]\s*$/s;
const ID_FORM = /^([A-Za-z][A-Za-z0-9_]*?)__([A-Za-z0-9_]+)$/;
// `4.a. Option` (Jisc option and item columns): a number, a sub-letter or sub-number, then the label.
const NUMBERED_SUB = /^(\d+)\.([a-z]{1,3}|\d+)[.)]?\s+(.+)$/is;
// `3. Question`, `Q3. Question`, `3) Question`, `Q3: Question`.
const NUMBERED = /^(?:Q\s*)?(\d+)[.):]\s*(.*)$/is;
// Qualtrics Other text: `Question - Other (please specify) - Text`.
const DASH_TEXT = /^(.*\S) - (.+?) - Text$/s;

/**
 * Takes a header apart into question text, sub-column label and question number, by the platform's forms.
 * `split` decides dash and dot splits (`Question - Item`, `Question.Item`), which need the codebook: it gets
 * the candidate question text and returns whether it is a better question match than the whole header.
 * @example
 * headerCell("4.a. GPs", 7, jisc, () => false); // { base: "", sub: "GPs", number: "4", group: "#4", ... }
 */
export function headerCell(
  raw: string,
  index: number,
  platform: PlatformLayout,
  split: (base: string, whole: string) => boolean,
): HeaderCell {
  const header = raw.trim();
  let base = header;
  let sub: string | undefined;
  let number: string | undefined;
  for (const suffix of platform.suffixes)
    if (base.endsWith(suffix)) base = base.slice(0, -suffix.length).trim();
  const dashText = platform.subColumns.includes("dash") ? DASH_TEXT.exec(base) : null;
  const bracket = BRACKET.exec(base);
  const idForm = ID_FORM.exec(base);
  if (dashText) [base, sub] = [dashText[1] as string, dashText[2] as string];
  else if (bracket) [base, sub] = [bracket[1] as string, bracket[2] as string];
  else if (idForm) [base, sub] = [idForm[1] as string, idForm[2] as string];
  const numberedSub =
    sub === undefined && platform.subColumns.includes("numbered") ? NUMBERED_SUB.exec(base) : null;
  if (numberedSub) [number, sub, base] = [numberedSub[1] as string, numberedSub[3] as string, ""];
  else {
    const numbered = NUMBERED.exec(base);
    if (numbered) [number, base] = [numbered[1] as string, (numbered[2] as string).trim()];
  }
  if (sub === undefined && base !== "") {
    const parts = splitForms(base, platform);
    const best = parts.find((p) => split(p.base, base));
    if (best) [base, sub] = [best.base, best.sub];
  }
  const group = number !== undefined ? `#${number}` : normaliseText(base) || `(column ${index})`;
  const cell: HeaderCell = { index, header, base, group };
  if (sub !== undefined) cell.sub = sub.trim();
  if (number !== undefined) cell.number = number;
  return cell;
}

// Candidate `Question - Item` and `Question.Item` splits, the last separator first (items are short).
function splitForms(text: string, platform: PlatformLayout): { base: string; sub: string }[] {
  const out: { base: string; sub: string }[] = [];
  const seps = [
    ...(platform.subColumns.includes("dash") ? [" - "] : []),
    ...(platform.subColumns.includes("dot") ? ["."] : []),
  ];
  for (const sep of seps) {
    let at = text.lastIndexOf(sep);
    while (at > 0) {
      const [b, s] = [text.slice(0, at).trim(), text.slice(at + sep.length).trim()];
      if (b !== "" && s !== "") out.push({ base: b, sub: s });
      at = text.lastIndexOf(sep, at - 1);
    }
  }
  return out;
}
