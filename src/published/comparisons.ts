import type { PublishedComparison } from "../figures/dot-range.js";
import { publishedFigure } from "./figures.js";
import type { Receipt } from "./receipt.js";

/**
 * The dot-and-range rows of a set of receipts: one row per percentage receipt with a computed value (the
 * published value and the range its wording allows, from data/published/figures.csv; the computed share with
 * its Wilson interval and base). Rankings, comparisons, counts and receipts with no valid responses are left out.
 * @example
 * await show(publishedVsComputed(comparisonsOf(s.receipts), { title: "Each figure lands inside its published range", base: "bases differ" }));
 */
export function comparisonsOf(receipts: readonly Receipt[]): PublishedComparison[] {
  return receipts.flatMap((r) => {
    const fig = publishedFigure(r.id);
    if ((fig.kind !== "percent" && fig.kind !== "range") || fig.value === null || r.computed === null)
      return [];
    return [
      {
        label: r.id,
        published: { value: fig.value, lower: fig.lower ?? fig.value, upper: fig.upper ?? fig.value },
        computed: { label: r.id, value: r.computed, lower: r.lower, upper: r.upper, n: r.n },
      },
    ];
  });
}
