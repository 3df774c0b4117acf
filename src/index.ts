// The public API of sp-pathways: one flat list of re-exports, in the order data flows
// (codebook -> load -> clean -> tabulate/stats -> figures -> display -> published).
export type * from "./codebook/types.js";
export { withLevels, levelsOf } from "./codebook/levels.js";

// codebook: the two survey codebooks and the project-root path helper (data helper)
export { projectRoot, dataPath } from "./codebook/project-root.js";
export { codebook, question, optionLabels } from "./codebook/codebooks.js";
export { validateCodebook } from "./codebook/validate.js";

// clean/derive: the report's derived flags and bands (data helper)
export { deriveColumns, ACTIVITY_BANDS, MODERATE_ITEMS } from "./clean/derive.js";
export type { Derived } from "./clean/derive.js";

// published: the report's quoted figures (data helper)
export { publishedFigures, publishedFigure, parsePublishedFigures, withinTolerance } from "./published/figures.js";
export type { PublishedFigure, FigureKind, Interval } from "./published/figures.js";
