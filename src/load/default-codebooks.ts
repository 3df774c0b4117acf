import { codebook } from "../codebook/codebooks.js";
import type { Codebook, SurveyId } from "../codebook/types.js";

/**
 * The bundled codebook of a survey (data/codebook/<survey>.json).
 * @example
 * bundledCodebook("provider").questions.length;
 */
export function bundledCodebook(survey: SurveyId): Codebook {
  return codebook(survey);
}
