import type { Question, QuestionOption } from "../codebook/types.js";
import { normaliseText } from "./normalise-text.js";

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
