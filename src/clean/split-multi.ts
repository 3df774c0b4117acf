import type { QuestionOption } from "../codebook/types.js";
import { foldCase } from "../load/normalise-text.js";

export interface SplitResult {
  /** Codes of the options found, in the codebook's option order. */
  codes: string[];
  /** Text left over once the options were taken out (e.g. typed "Other" answers), trimmed of separators. */
  leftovers: string[];
}

const SEPARATOR = /[,;|\n]/;

/**
 * Splits a joined multi-select cell ("Distance / travel, Cost, including kit and equipment, my own answer")
 * against the known option list, longest label first, so labels containing commas survive; text matching no
 * option is returned as leftovers. A label only counts when it is bounded by the cell's ends or separators
 * (, ; | newline). Matching ignores case and typographic quotes.
 * @example
 * splitMultiSelect("GPs, Social landlords, e.g. housing associations", options).codes; // ["gp", "landlords"]
 */
export function splitMultiSelect(cell: string, options: readonly QuestionOption[]): SplitResult {
  const text = foldCase(cell);
  const taken = new Array<boolean>(text.length).fill(false);
  const found = new Set<string>();
  const candidates = options
    .flatMap((o) =>
      [o.label, ...(o.aliases ?? [])].map((label) => ({ code: o.code, label: foldCase(label.trim()) })),
    )
    .filter((c) => c.label !== "")
    .sort((a, b) => b.label.length - a.label.length);
  const bounded = (start: number, end: number): boolean => {
    let i = start - 1;
    while (i >= 0 && text[i] === " ") i--;
    let j = end;
    while (j < text.length && text[j] === " ") j++;
    return (
      (i < 0 || SEPARATOR.test(text[i] as string)) && (j >= text.length || SEPARATOR.test(text[j] as string))
    );
  };
  for (const { code, label } of candidates) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(label, from);
      if (at < 0) break;
      const end = at + label.length;
      if (bounded(at, end) && !taken.slice(at, end).some(Boolean)) {
        taken.fill(true, at, end);
        found.add(code);
      }
      from = at + 1;
    }
  }
  const leftovers: string[] = [];
  let piece = "";
  const flush = (): void => {
    const trimmed = piece.replace(/^[\s,;|]+|[\s,;|]+$/g, "");
    if (trimmed !== "") leftovers.push(trimmed);
    piece = "";
  };
  for (let i = 0; i < cell.length; i++) {
    if (taken[i]) flush();
    else piece += cell[i];
  }
  flush();
  return { codes: options.filter((o) => found.has(o.code)).map((o) => o.code), leftovers };
}
