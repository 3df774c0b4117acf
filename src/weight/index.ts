// Weighting (issue 16): post-stratification and raking to known margins, trimming, Kish's design effect.
export { postStratify } from "./post-stratify.js";
export { rake, type RakeOptions } from "./rake.js";
export { trimWeights } from "./trim.js";
export { kishDesignEffect, kishEffectiveN } from "./design-effect.js";
export type { Targets, WeightOptions, WeightResult, MarginCheck } from "./types.js";
