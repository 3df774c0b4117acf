// The public API of sp-pathways: one flat list of re-exports, in the order data flows
// (codebook -> load -> clean -> tabulate/stats -> figures -> display -> published).
export type * from "./codebook/types.js";
export { withLevels, levelsOf } from "./codebook/levels.js";
