import { recordsTable, type RecordsTable } from "../area/records-table.js";
import {
  recommendationIndicators,
  type RecommendationIndicator,
} from "../published/recommendation-indicators.js";
import type { Receipt } from "../published/receipt.js";
import { discloseReceipts } from "../published/receipt-ledger.js";
import { formatPercent, formatPercentInterval } from "../tabulate/format.js";

/** Where the baselines come from: an opened section (its receipts by id, and its source note). */
export interface ReceiptLookup {
  receipt(id: string): Receipt;
  readonly note: string;
}

/** A receipt's computed share as a baseline: "12.3% (n = 214, 8.6–17.3%)". */
function baseline(r: Receipt): string {
  if (r.suppressed) return "suppressed";
  if (r.computed === null) return "no valid responses";
  return `${formatPercent(r.computed)} (n = ${r.n}, ${formatPercentInterval(r.lower, r.upper)}%)`;
}

/**
 * The report's recommendations with the survey indicator that would track each and its baseline in these data:
 * the computed share with its base and 95% Wilson interval, the published figure, and the wanted direction. The
 * baselines go through the run's disclosure ledger as a receipts table's do (a baseline that would give back a
 * hidden count shows "suppressed"). An indicator whose receipt the section lacks is an error naming it.
 * @example
 * const s = openSection("recommendations", { receipts: "all", receiptArea: "North West" });
 * showTable(indicatorTable(s, recommendationIndicators()));
 */
export function indicatorTable(
  section: ReceiptLookup,
  indicators: readonly RecommendationIndicator[] = recommendationIndicators(),
  caption = "Recommendations and the survey indicator that would track each (baseline from these data)",
): RecordsTable {
  const receipts = discloseReceipts(indicators.map((i) => section.receipt(i.receipt)));
  return recordsTable(
    caption,
    ["Recommendation", "Indicator", "Baseline: computed (n, 95% CI)", "Published", "Direction wanted"],
    indicators.map((ind, k) => {
      const r = receipts[k]!;
      return [ind.recommendation, ind.indicator, baseline(r), `${r.published}%`, ind.direction];
    }),
    [section.note, `Receipt ids: ${indicators.map((i) => i.receipt).join(", ")}.`],
  );
}
