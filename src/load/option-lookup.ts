import type { Question, QuestionOption } from "../codebook/types.js";
import { normaliseText } from "./normalise-text.js";

// Normalised label, alias and code -> option, built once per option list (matching and recoding call this a lot).
const lookups = new WeakMap<readonly QuestionOption[], Map<string, QuestionOption>>();
function lookup(options: readonly QuestionOption[]): Map<string, QuestionOption> {
  let map = lookups.get(options);
  if (map) return map;
  map = new Map();
  // Earlier options win a shared key, as the first match did before; labels before codes and aliases.
  for (const o of options) if (!map.has(normaliseText(o.label))) map.set(normaliseText(o.label), o);
  for (const o of options)
    for (const key of [o.code, ...(o.aliases ?? [])].map(normaliseText)) if (!map.has(key)) map.set(key, o);
  lookups.set(options, map);
  return map;
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
  return lookup(options).get(normaliseText(label));
}

/**
 * The "Other (please specify)" option of a question, if its codebook lists one.
 * @example
 * otherOption(q)?.label; // "Other (please specify)"
 */
export function otherOption(q: Question): QuestionOption | undefined {
  return q.options?.find((o) => o.code === "other" || /^other\b/i.test(o.label.trim()));
}
