/** Label of the level that holds missing answers under `missing: "level"`. */
export const MISSING_LABEL = "Missing";

/** Label of the single column of a table without a breakdown, and of the column that sums the groups. */
export const ALL_LABEL = "All";
