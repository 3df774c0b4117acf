import { wilson } from "../stats/index.js";
import type { PublishedFigure } from "./figures.js";
import { receiptsFor, type CleanedTables, type Receipt } from "./receipt.js";

/**
 * "Published vs computed" receipts for every figure the report quotes, with Wilson 95% intervals, from cleaned
 * tidy tables (as `loadSurvey(...).table` returns them). Each receipt: id, published, computed, successes, n,
 * lower, upper, pass, detail. Figures of a survey whose table is not passed are left out.
 * @example
 * const lw = loadSurvey("link-worker").table;
 * const pr = loadSurvey("provider").table;
 * computeReceipts({ "link-worker": lw, provider: pr }).every((r) => r.pass); // true on the bundled synthetic data
 */
export function computeReceipts(tables: CleanedTables, figures?: PublishedFigure[]): Receipt[] {
  return receiptsFor(tables, (x, n) => wilson(x, n, 0.95), figures);
}
