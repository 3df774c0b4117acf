import type { Codebook } from "../codebook/types.js";
import { normaliseText } from "./normalise-text.js";

const RESPONSE_MARKERS = new Set(["response", "open ended response"]);

/**
 * Recognises SurveyMonkey's two header rows (question text in row 1, left blank over a question's later
 * columns; "Response" or the option label in row 2) and merges them into one header of the
 * `<question text> [<option>]` form. Returns undefined when row 2 is not a header row.
 * @example
 * mergeTwoRowHeader(["Q", ""], ["A", "B"], codebook); // ["Q [A]", "Q [B]"] when A and B are options of Q
 */
export function mergeTwoRowHeader(
  first: readonly (string | null)[],
  second: readonly (string | null)[],
  codebook: Codebook,
): string[] | undefined {
  const labels = new Set<string>();
  for (const q of codebook.questions)
    for (const o of [...(q.options ?? []), ...(q.items ?? [])]) labels.add(normaliseText(o.label));
  labels.add("other please specify");
  const cell = (row: readonly (string | null)[], i: number): string => (row[i] ?? "").trim();
  const width = Math.max(first.length, second.length);
  let markers = 0;
  let underBlank = 0;
  let labelsUnderBlank = 0;
  let seenHeader = false;
  for (let i = 0; i < width; i++) {
    const [top, bottom] = [cell(first, i), cell(second, i)];
    if (RESPONSE_MARKERS.has(normaliseText(bottom))) markers++;
    if (top === "" && seenHeader && bottom !== "") {
      underBlank++;
      if (labels.has(normaliseText(bottom))) labelsUnderBlank++;
    }
    if (top !== "") seenHeader = true;
  }
  const looksMerged = markers > 0 || (underBlank > 0 && labelsUnderBlank === underBlank);
  if (!looksMerged) return undefined;
  const merged: string[] = [];
  let current = "";
  for (let i = 0; i < width; i++) {
    const [top, bottom] = [cell(first, i), cell(second, i)];
    if (top !== "") current = top;
    merged.push(
      bottom === "" || RESPONSE_MARKERS.has(normaliseText(bottom)) ? current : `${current} [${bottom}]`,
    );
  }
  return merged;
}
