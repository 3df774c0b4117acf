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
export { loadSurvey } from "./survey/load-survey.js";
export type { LoadSurveyOptions, LoadedSurvey } from "./survey/load-survey.js";
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

// tabulate: frequencies, crosstab, multiResponse, likertSummary: one result shape (disclosure control, tests,
// renderers, tidy cells)
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
  datumOf,
  barsOf,
  seriesOf,
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
// typings are large and tslab would compile them in every notebook; import it from "./dist/bridge/danfo".
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
export { ask, type AskOptions } from "./ask/ask.js";
// stats (issue 4): intervals and tests on counts
export { wilson, chiSquareTest, fisherExact, cramersV } from "./stats/index.js";
export type { WilsonInterval, ChiSquareResult } from "./stats/index.js";
// hostile input (issue 18): loader limits, spreadsheet-safe cells, plain-text chart labels, free-text labels
export { DEFAULT_LIMITS, resolveLimits, type LoadLimits } from "./load/limits.js";
export { spreadsheetSafe } from "./output/spreadsheet-safe.js";
export { plainText } from "./output/plain-text.js";
export { freeTextLabel } from "./output/free-text-label.js";
export { isNhsNumber } from "./clean/redact-pii.js";

// shape (issue 14): the shared tabulation shape, chart(), the test formatter, type guards, the notebook kit and
// errors a researcher can act on
export type {
  TabulationKind,
  TabulationShape,
  Cell,
  Intervals,
  Suppression,
  CommonOptions,
  TopBox,
  FormatTestOptions,
} from "./tabulate/index.js";
export {
  formatTest,
  formatP,
  formatCount,
  formatPercent,
  formatPercentInterval,
  hasTest,
  isTabulation,
  isFrequencies,
  isCrosstab,
  isMultiResponse,
  isLikertSummary,
} from "./tabulate/index.js";
export { chart, type ChartOptions, type ChartType } from "./figures/chart.js";
export {
  openSection,
  sectionNames,
  SYNTHETIC_SOURCE,
  LOCAL_SOURCE,
  type Section,
  type SectionOptions,
} from "./kit/section.js";
export { UsageError, isUsageError, closestNames, unknownName, badOption } from "./errors/usage-error.js";
// toolbox (issue 16): stratified tests, rank tests, weighting, tick-all-that-apply options and pairs, exports
export {
  mantelHaenszel,
  type MantelHaenszelOptions,
  type MantelHaenszelResult,
  type GeneralisedMantelHaenszelResult,
} from "./stats/mantel-haenszel.js";
export { mannWhitney, type MannWhitneyOptions, type MannWhitneyResult } from "./stats/mann-whitney.js";
export { kruskalWallis, type KruskalWallisResult } from "./stats/kruskal-wallis.js";
export { spearman, type SpearmanResult } from "./stats/spearman.js";
export {
  stratified,
  stratifiedDisplay,
  type StratifiedOptions,
  type StratifiedResult,
  type StratumTable,
  type PooledTest,
} from "./strata/stratified.js";
export { postStratify, rake, trimWeights, kishDesignEffect, kishEffectiveN } from "./weight/index.js";
export type { RakeOptions, Targets, WeightOptions, WeightResult, MarginCheck } from "./weight/index.js";
export { optionTests, optionTestsDisplay, coOccurrence, coOccurrenceDisplay } from "./multi-select/index.js";
export type {
  OptionTest,
  OptionTestsOptions,
  OptionTestsResult,
  CoOccurrenceOptions,
  CoOccurrenceResult,
  OptionPair,
  PairStatus,
} from "./multi-select/index.js";
export { toCsv, toXlsx, type Exportable, type ToXlsxOptions } from "./export/report-table.js";
export { numericSummary, type NumericSummary, type NumericGroup } from "./numeric/numeric-summary.js";
export { numericBox, type BoxGroup } from "./figures/numeric-box.js";
export {
  compareGroups,
  compareGroupsDisplay,
  type CompareGroupsResult,
  type NumericTest,
} from "./numeric/compare-groups.js";

// stats (issue 12): design-based tests for weighted tables, Fisher with a Monte Carlo fallback, families of tests
export {
  raoScottTest,
  raoScottFromCells,
  surveyShare,
  shareFromSums,
  adjustP,
  adjustFamily,
  compareColumnProportions,
  FisherTooLarge,
} from "./stats/index.js";
export type {
  RaoScottResult,
  RaoScottStatistic,
  WeightedCells,
  SurveyShare,
  ShareSums,
  AdjustMethod,
  AdjustedFamily,
  FamilyMember,
  FisherMode,
  FisherOptions,
  FisherResult,
  ColumnComparisons,
  ColumnPair,
} from "./stats/index.js";
// notebooks 06-09 (wave 2, nbb): a conclusion's evidence table, option tests with an adjusted family (showTable
// also renders a Display)
export {
  evidenceTable,
  claimEvidence,
  VERDICTS,
  type Claim,
  type ClaimEvidence,
  type EvidenceContext,
} from "./published/evidence-table.js";
export type { OptionTestsDisplayOptions } from "./multi-select/option-tests.js";
// disclosure (issue 11): the rules, the per-run ledger and the audit of executed notebooks
export { HIDDEN_MARK, hiddenMark, shareHidden, suppressCells } from "./tabulate/suppress.js";
export { withDisclosure, testShown } from "./disclosure/rules.js";
export { DisclosureLedger, runLedger, resetRunLedger } from "./disclosure/ledger.js";
export type { LedgerCell, Publication, LedgerOptions } from "./disclosure/ledger.js";
export { auditNotebook, auditPath, formatFindings } from "./disclosure/audit.js";
export type { AuditFinding, AuditResult, AuditOptions, NotebookJson } from "./disclosure/audit.js";
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

// Issue 15 (claims): the report's remaining claims, readings of its wording, sample-size sensitivity.
export { receiptComparisons } from "./published/comparisons.js";
export {
  alternativeReadings,
  compareReadings,
  readingsTable,
  type AlternativeReading,
  type ReadingComparison,
} from "./published/readings.js";
export {
  subsample,
  receiptsAtSampleSizes,
  sampleSizeTable,
  misstatedFigure,
  type SampleSizeRow,
} from "./published/sample-size.js";
export { receiptOf } from "./published/receipt.js";
export { rankingProvenance, rankingProvenanceTable, type RankingProvenance } from "./published/provenance.js";
export type { Wording } from "./published/figures.js";
// ask (issues 16 and 12): every kind of question from ask(), typed answers, column-proportion letters
export {
  isOptionsAnswer,
  isOptionAnswer,
  isCrosstabAnswer,
  isPairsAnswer,
  isStrataAnswer,
  isNumericAnswer,
} from "./ask/answer.js";
export type {
  Answer,
  AnswerCommon,
  FrequenciesAnswer,
  CrosstabAnswer,
  MultiResponseAnswer,
  OptionsAnswer,
  OptionAnswer,
  PairsAnswer,
  StrataAnswer,
  StrataTest,
  NumericAnswer,
  OptionRow,
  OptionFamily,
  OptionTestsTable,
  PairsTable,
  StrataTable,
  NumericTable,
} from "./ask/answer.js";
export { ResultTable } from "./ask/result-table.js";
export { formatPooledTest } from "./ask/ask-strata.js";
export { formatNumericTest } from "./ask/ask-numeric.js";
export type { CompareOption, CrosstabComparisons } from "./tabulate/crosstab-compare.js";
// Disclosure ledger wired into the tabulations (issue 11, helper "ledger"): how a table joins the run's
// ledger, and the derived flags it reads as collapses of their sources.
export { LEDGER_MISSING } from "./disclosure/ledger.js";
export { derivedFlagSources, type FlagSource } from "./clean/derive.js";
export { populationOf, projectLedger, publishTable, type TableOutput } from "./tabulate/publish.js";

// notebooks 00-05 rewrite (wave 2, nba): paired option comparison, outcome by each option, test families as
// tables, respondents per local authority for hex maps
export {
  compareOptions,
  type CompareOptionsOptions,
  type PairedOptions,
} from "./multi-select/compare-options.js";
export {
  outcomeByOption,
  type OutcomeByOption,
  type OutcomeByOptionOptions,
  type OptionSplit,
} from "./multi-select/outcome-by-option.js";
export { familyRow, familyTable, type FamilyRow } from "./kit/family-table.js";
export { respondentsByArea, type RespondentsByArea } from "./area/respondents-by-area.js";

// toolbox round 2 (issue 16, helper "toolbox"): a Likert question by a breakdown from ask(); weighted numeric
// questions (design-based rank test as R's svyranktest, weighted quartiles as svyquantile)
export { isLikertAnswer, type LikertAnswer } from "./ask/answer.js";
export { surveyRankTest, weightedQuantile, type SurveyRankTest } from "./stats/survey-rank-test.js";
export { numericStatistic } from "./numeric/compare-groups.js";
// shape (issue 14): notebook 04's Active Lives comparison as a kit helper
export {
  activeLivesTrend,
  activeLivesTable,
  type ActiveLivesTrend,
  type ActiveLivesYear,
} from "./kit/active-lives-trend.js";
// Disclosure (issue 11): receipts in the run's ledger, the data line's totals, the audit's cross-output check.
export { discloseReceipts } from "./published/receipt-ledger.js";
export { publishPopulation } from "./disclosure/population-total.js";
export {
  crossFractions,
  fractionsIn,
  type CrossLeak,
  type ShownFraction,
} from "./disclosure/cross-output.js";

// weighted strata (issue 16, helper "wstrata"): ask({ by, strata, weight }), per-stratum Rao-Scott tests in a Holm
// family and the pooled design-based Wald F test (R's regTermTest(svyglm(..., quasibinomial())))
export {
  weightedStratified,
  type WeightedStratifiedOptions,
  type WeightedStratifiedResult,
  type WeightedStratumTable,
  type WeightedPooledTest,
} from "./strata/weighted-stratified.js";
export { weightedStratifiedDisplay, formatWeightedPooledTest } from "./strata/weighted-stratified-display.js";
export { surveyLogisticWald, type SurveyWaldResult } from "./stats/survey-logistic.js";
export {
  isWeightedStrataAnswer,
  type WeightedStrataAnswer,
  type WeightedStrataTable,
  type WeightedStrataTest,
} from "./ask/answer.js";

// notebook kit (nb0405): notebooks 04 and 05 as the analysis (a table and its chart in one call, one level's
// share across tables, two factors combined and tested within each other, grouped levels, test families shown)
export {
  columnsOf,
  levelBars,
  levelChart,
  type LabelledColumns,
  type LevelSource,
  type LevelChartOptions,
} from "./kit/level-bars.js";
export {
  combineLevels,
  crossedSeries,
  type Factor,
  type CrossedSeriesOptions,
} from "./kit/combined-levels.js";
export { withinEachOther } from "./kit/within-each-other.js";
export { collapseLevels } from "./kit/collapse-levels.js";
export { showFamily, type ShowFamilyOptions } from "./kit/show-family.js";
export { presentSplits, splitOf, type PresentSplitsOptions } from "./kit/present-splits.js";
export { compareWithEach, compareInRankOrder } from "./kit/option-pairs.js";
export { activeLivesBars } from "./kit/active-lives-bars.js";
export { percentsOf } from "./kit/percents-of.js";
export { itemLabels, itemBases } from "./kit/likert-items.js";
// notebook kit (nb0708): notebooks 07 and 08 read as the analysis (issue 14, item 4): flags for a ticked option,
// a family of tabulations' tests, conclusions as "claim": evidence, the recommendations' indicators and
// baselines, share maps and correlation tables straight from shareByArea
export { withTicked, type TickedFlags } from "./multi-select/with-ticked.js";
export { testFamily } from "./kit/test-family.js";
export {
  conclusion,
  reportConclusions,
  interpretive,
  unmeasured,
  conclusionReceiptIds,
  type Conclusion,
  type ClaimSpec,
} from "./kit/conclusion.js";
export {
  recommendationIndicators,
  parseRecommendationIndicators,
  type RecommendationIndicator,
} from "./published/recommendation-indicators.js";
export { indicatorTable, type ReceiptLookup } from "./kit/indicator-table.js";
export { shareMap, sharesShown, type ShareMapOptions } from "./kit/share-map.js";
export { areaMap, type AreaMapOptions } from "./kit/area-map.js";
export {
  correlationTable,
  areaCorrelation,
  type AreaComparison,
  type AreaMeasure,
} from "./kit/correlation-table.js";
