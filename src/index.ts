// The public API of sp-pathways: one flat list of re-exports, in the order data flows
// (codebook -> load -> clean -> tabulate/stats -> figures -> display -> published).
export type * from "./codebook/types.js";
export { withLevels, levelsOf } from "./codebook/levels.js";

// codebook: the two survey codebooks and the project-root path helper (data helper)
export { projectRoot, dataPath } from "./codebook/project-root.js";
export { codebook, question, optionLabels } from "./codebook/codebooks.js";
export { validateCodebook } from "./codebook/validate.js";
