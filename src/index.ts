// The public API of sp-pathways: one flat list of re-exports, in the order data flows
// (codebook -> load -> clean -> tabulate/stats -> figures -> display -> published).
export type * from "./codebook/types.js";
export { withLevels, levelsOf } from "./codebook/levels.js";

// codebook: the two survey codebooks and the project-root path helper
export { projectRoot, dataPath } from "./codebook/project-root.js";
export { codebook, question, optionLabels } from "./codebook/codebooks.js";
export { validateCodebook } from "./codebook/validate.js";

// load: reading survey exports
export { readExport } from "./load/read-export.js";
export { loadSurvey } from "./load/load-survey.js";
export type { LoadSurveyOptions, LoadedSurvey } from "./load/load-survey.js";
export { ExportError } from "./load/export-error.js";
export { findLocalExport, localDataDir, syntheticExport } from "./load/find-export.js";
export { normaliseText } from "./load/normalise-text.js";
export type {
  LoadedExport,
  LoadReport,
  Problem,
  Severity,
  HeaderMatch,
  ColumnRole,
  AdminKey,
  ReadOptions,
} from "./load/types.js";

// clean: the generic cleaner and its lineage
export { cleanExport } from "./clean/clean-export.js";
export type { CleanOptions, CleanResult, DeriveFn } from "./clean/types.js";
export { lineageBalances } from "./clean/lineage.js";
export type { Lineage, LineageStep, DroppedRow, ValueChange } from "./clean/lineage.js";
export { parseMinutes, MINUTES_IN_WEEK } from "./clean/parse-minutes.js";
export type { MinutesReading, MinutesFlag } from "./clean/parse-minutes.js";
export { splitMultiSelect } from "./clean/split-multi.js";
export { redactPii } from "./clean/redact-pii.js";
export type { Redaction, PiiKind } from "./clean/redact-pii.js";
export { tidyToCsv } from "./cli/to-csv.js";

// clean/derive: the report's derived flags and bands
export { deriveColumns, ACTIVITY_BANDS, MODERATE_ITEMS } from "./clean/derive.js";
export type { Derived } from "./clean/derive.js";

// published: the report's quoted figures
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

// figures: plotly figure builders with one theme
export type { Datum, Figure, FigureOptions, FigureSummary, Base, Trace } from "./figures/types.js";
export { SYNTHETIC_NOTE, PALETTE } from "./figures/theme.js";
export { barChart, type BarChartOptions } from "./figures/bar.js";
export { groupedBar, type BarGroup } from "./figures/grouped-bar.js";
export { stacked100, type StackedRow, type Stacked100Options } from "./figures/stacked100.js";
export { divergingLikert, type LikertItem, type DivergingLikertOptions } from "./figures/diverging-likert.js";
export { publishedVsComputed, withinPublished, type PublishedComparison } from "./figures/dot-range.js";
export { hexMap, type AreaValue, type HexMapOptions } from "./figures/hex-map.js";
export { parseHexJson, loadNorthWestHexes, type HexLayout, type Hex } from "./figures/hexjson.js";
export {
  pathwayScorecard,
  PATHWAY_STAGES,
  type PathwayStage,
  type ScorecardIndicator,
} from "./figures/scorecard.js";
export {
  fromFrequencies,
  fromMultiResponse,
  groupsFromMultiResponse,
  groupsFromCrosstab,
  stackedFromCrosstab,
  likertFromSummary,
} from "./figures/from-tabulation.js";

// display: one Jupyter output bundle per figure or table
export { show, type ShowOptions } from "./display/show.js";
export { showTable, tableBundle, type RenderableTable } from "./display/show-table.js";
export { figureBundle, PLOTLY_MIME, type DisplayBundle } from "./display/bundle.js";
export { renderPng, closeBrowser, warmUp } from "./display/renderer.js";
export { findChromium } from "./display/chromium-path.js";

// published: receipts (published vs computed) for every quoted figure, and their display
export { computeReceipts } from "./published/compute.js";
export { receiptsFor } from "./published/receipt.js";
export type { Receipt, CleanedTables, IntervalFn } from "./published/receipt.js";
export { receiptSpecs } from "./published/specs.js";
export type { ReceiptSpec } from "./published/specs.js";
export { evaluateSpec } from "./published/evaluate.js";
export { showReceipts, receiptsBundle, type ShowReceiptsOptions } from "./published/show-receipts.js";

// synth: the seeded synthetic survey exports
export { buildSynthetic, writeSynthetic } from "./synth/generate.js";
export { truthTable } from "./synth/truth-table.js";
export { AREAS, SEED, DUPLICATES } from "./synth/plan.js";

// area: SP_AREA filter, IMD / Active Lives reference data, shares by local authority, correlation, focus ranking.
// The danfojs bridge (src/bridge/danfo.ts) is deliberately NOT exported here: its
// typings are large and tslab would compile them in every notebook; import it from "./src/bridge/danfo".
export {
  resolveArea,
  filterArea,
  districtLookup,
  imd,
  activeLives,
  areaIndicators,
  shareByArea,
  correlation,
  focusRanking,
  focusTable,
  recordsTable,
} from "./area/index.js";
export type {
  AreaFiltered,
  DistrictLookup,
  ImdRow,
  ActiveLivesRow,
  AreaIndicators,
  AreaIndicatorOptions,
  Geography,
  AreaShare,
  ShareByAreaOptions,
  Correlation,
  CorrelationOptions,
  FocusRanking,
  FocusRow,
  RecordsTable,
} from "./area/index.js";
// ask: one question, one breakdown, one area -> table, chart and test (the advisor template, notebook 10)
export { ask, type AskOptions, type Answer } from "./ask/ask.js";
// stats (issue 4): intervals and tests on counts
export { wilson, chiSquareTest, fisherExact, cramersV } from "./stats/index.js";
export type { WilsonInterval, ChiSquareResult } from "./stats/index.js";
// load (exports, issue 10): platform layouts, question matching, mapping file, verdict, source description
export { PLATFORMS, type PlatformId, type PlatformLayout } from "./load/platforms/index.js";
export { sniffLayout, type Layout } from "./load/sniff-layout.js";
export {
  matchHeaders,
  MATCH_THRESHOLD,
  type HeaderMatching,
  type MatchOptions,
} from "./load/match-headers.js";
export { mappingPath, readMapping, writeMapping, type ColumnMapping } from "./load/mapping-file.js";
export { verdict, droppedByReason, MIN_QUESTION_SHARE, MIN_ROW_SHARE, type Verdict } from "./load/verdict.js";
export { describeSource, sourceFacts, type SourceFacts } from "./load/describe-source.js";
export type { QuestionMatch } from "./load/types.js";
