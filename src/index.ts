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
export {
  publishedFigures,
  publishedFigure,
  parsePublishedFigures,
  withinTolerance,
} from "./published/figures.js";
export type { PublishedFigure, FigureKind, Interval } from "./published/figures.js";

// tabulate: frequencies, crosstab, multiResponse, likertSummary (disclosure control, tests, renderers)
export {
  frequencies,
  crosstab,
  multiResponse,
  likertSummary,
  FrequenciesResult,
  CrosstabResult,
  MultiResponseResult,
  LikertSummaryResult,
  Tabulation,
  MISSING_LABEL,
  ALL_LABEL,
} from "./tabulate/index.js";
export type {
  FrequenciesOptions,
  CrosstabOptions,
  CrosstabMissing,
  MissingOption,
  PercentBase,
  MultiResponseOptions,
  LikertSummaryOptions,
  AssociationTest,
  NoTest,
  TestOption,
  CellStatus,
  Display,
  ToTableOptions,
  TableInput,
} from "./tabulate/index.js";

// figures: plotly figure builders with one theme (figures helper)
export type { Datum, Figure, FigureOptions, FigureSummary, Base, Trace } from "./figures/types.js";
export { SYNTHETIC_NOTE, PALETTE } from "./figures/theme.js";
export { barChart, type BarChartOptions } from "./figures/bar.js";
export { groupedBar, type BarGroup } from "./figures/grouped-bar.js";
export { stacked100, type StackedRow, type Stacked100Options } from "./figures/stacked100.js";
export { divergingLikert, type LikertItem, type DivergingLikertOptions } from "./figures/diverging-likert.js";
export { publishedVsComputed, withinPublished, type PublishedComparison } from "./figures/dot-range.js";
export { hexMap, type AreaValue, type HexMapOptions } from "./figures/hex-map.js";
export { parseHexJson, loadNorthWestHexes, type HexLayout, type Hex } from "./figures/hexjson.js";
export { pathwayScorecard, PATHWAY_STAGES, type PathwayStage, type ScorecardIndicator } from "./figures/scorecard.js";

// display: one Jupyter output bundle per figure or table (figures helper)
export { show, type ShowOptions } from "./display/show.js";
export { showTable, tableBundle, type RenderableTable } from "./display/show-table.js";
export { figureBundle, PLOTLY_MIME, type DisplayBundle } from "./display/bundle.js";
export { renderPng, closeBrowser } from "./display/renderer.js";
export { findChromium } from "./display/chromium-path.js";

// published: receipts (published vs computed) for every quoted figure (data helper)
export { computeReceipts } from "./published/compute.js";
export { receiptsFor } from "./published/receipt.js";
export type { Receipt, CleanedTables, IntervalFn } from "./published/receipt.js";
export { receiptSpecs } from "./published/specs.js";
export type { ReceiptSpec } from "./published/specs.js";
export { evaluateSpec } from "./published/evaluate.js";

// synth: the seeded synthetic survey exports (data helper)
export { buildSynthetic, writeSynthetic } from "./synth/generate.js";
export { truthTable } from "./synth/truth-table.js";
export { AREAS, SEED, DUPLICATES } from "./synth/plan.js";
