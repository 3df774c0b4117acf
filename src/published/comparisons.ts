import type { PublishedComparison } from "../figures/dot-range.js";
import { publishedFigures, type PublishedFigure } from "./figures.js";
import type { Receipt } from "./receipt.js";
import { discloseReceipts } from "./receipt-ledger.js";

/**
 * The rows of a published-vs-computed (dot-and-range) chart from receipts: each figure's human-readable label
 * (figures.csv column `label`), a published number with its rounding band, or a verbal claim ("almost half")
 * with the band our reading gives it, and the computed share with its Wilson interval. Only percentages and
 * verbal ranges have a place on a percent axis: counts, rankings and comparisons are left out (their receipts
 * say pass or FAIL in the receipts table).
 * @example
 * const s = openSection("outcome-monitoring");
 * await show(publishedVsComputed(receiptComparisons(s.receipts), { title: "...", base: "bases vary by question" }));
 */
export function receiptComparisons(
  receipts: readonly Receipt[],
  figures: readonly PublishedFigure[] = publishedFigures(),
): PublishedComparison[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const out: PublishedComparison[] = [];
  // The chart shows computed shares and n: they go through the run's ledger as a receipts table does.
  for (const r of discloseReceipts(receipts)) {
    if (r.kind !== "percent" && r.kind !== "range") continue;
    const f = byId.get(r.id);
    if (!f)
      throw new Error(`receiptComparisons: no published figure "${r.id}" in data/published/figures.csv`);
    const band = {
      lower: f.lower ?? undefined,
      upper: f.upper ?? undefined,
      interval: f.interval ?? undefined,
    };
    out.push({
      label: f.label,
      published: f.kind === "range" ? { ...band, words: f.phrase } : { ...band, value: f.value },
      computed: {
        label: f.label,
        value: r.computed,
        lower: r.lower,
        upper: r.upper,
        n: r.n,
        suppressed: r.suppressed,
      },
    });
  }
  return out;
}
