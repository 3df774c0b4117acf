import * as fs from "node:fs";
import type { Codebook, Question, SurveyId } from "./types.js";
import { dataPath } from "./project-root.js";
import { validateCodebook } from "./validate.js";

const cache = new Map<SurveyId, Codebook>();

/**
 * The codebook of one survey, read from data/codebook/<survey>.json and validated (cached after the first read).
 * @example
 * const cb = codebook("link-worker");
 * cb.questions.length; // 24
 */
export function codebook(survey: SurveyId): Codebook {
  const hit = cache.get(survey);
  if (hit) return hit;
  const file = dataPath("codebook", `${survey}.json`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`codebook: cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  const cb = validateCodebook(parsed, file);
  if (cb.survey !== survey)
    throw new Error(`codebook: ${file} has survey "${cb.survey}", expected "${survey}"`);
  cache.set(survey, cb);
  return cb;
}

/**
 * One question of a codebook by id; throws naming the id and survey when absent.
 * @example
 * question(codebook("provider"), "scale").options?.map((o) => o.label); // ["Neighbourhood", ...]
 */
export function question(cb: Codebook, id: string): Question {
  const found = cb.questions.find((q) => q.id === id);
  if (!found) throw new Error(`question: no question "${id}" in the ${cb.survey} codebook`);
  return found;
}

/**
 * The option labels of a question in display order (likert: low to high).
 * @example
 * optionLabels(question(codebook("link-worker"), "pa_training")); // ["No", "Yes, before my current role", ...]
 */
export function optionLabels(q: Question): string[] {
  return (q.options ?? []).map((o) => o.label);
}
