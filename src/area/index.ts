// Area reference data (IMD, Active Lives, district lookup), shares by local authority, correlation and ranking.
export { resolveArea, filterArea, type AreaFiltered } from "./filter-area.js";
export {
  referenceCsv,
  districtLookup,
  imd,
  activeLives,
  type DistrictLookup,
  type ImdRow,
  type ActiveLivesRow,
} from "./reference.js";
export {
  areaIndicators,
  type AreaIndicators,
  type AreaIndicatorOptions,
  type Geography,
} from "./area-indicators.js";
export { shareByArea, type AreaShare, type ShareByAreaOptions } from "./share-by-area.js";
export { correlation, type Correlation, type CorrelationOptions } from "./correlation.js";
export { focusRanking, focusTable, type FocusRanking, type FocusRow } from "./focus-ranking.js";
export { recordsTable, type RecordsTable } from "./records-table.js";
