import type { Codebook, SurveyId } from "../codebook/types.js";

/**
 * The bundled codebook of a survey.
 * @example
 * bundledCodebook("provider").questions.length;
 */
export function bundledCodebook(survey: SurveyId): Codebook {
  throw new Error(`the bundled ${survey} codebook is not available yet; pass { codebook } explicitly`);
}
