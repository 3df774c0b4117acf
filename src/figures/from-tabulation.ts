import type {
  CrosstabResult,
  FrequenciesResult,
  LikertSummaryResult,
  MultiResponseResult,
} from "../tabulate/index.js";
import type { LikertItem } from "./diverging-likert.js";
import type { BarGroup } from "./grouped-bar.js";
import type { StackedRow } from "./stacked100.js";
import type { Datum } from "./types.js";

// Adapters from tabulation results to the builders' inputs. Disclosure control carries over: a cell the
// tabulation hid (primary or secondary suppression) becomes a suppressed datum or a null count.

const at = <T>(xs: readonly (T | null)[] | undefined, i: number): T | null => xs?.[i] ?? null;

/**
 * Bars from a one-way frequency table: one datum per level with its percentage, Wilson interval and base.
 * @example
 * barChart(fromFrequencies(frequencies(lw, "role_length")), { title: "...", base: { n: 214, unit: "Link Workers" } });
 */
export function fromFrequencies(result: FrequenciesResult): Datum[] {
  return result.levels.map((label, i) => {
    const suppressed = result.suppression.cells[i] !== "shown" || result.suppression.total !== "shown";
    return {
      label,
      value: suppressed ? null : at(result.percents, i),
      lower: suppressed ? null : at(result.intervals?.lower, i),
      upper: suppressed ? null : at(result.intervals?.upper, i),
      n: result.base,
      suppressed,
    };
  });
}

/**
 * Bars from a multiple-response table: each option's share in one group (default the first column, "All"
 * without `by`), with its interval and the group's respondents as base.
 * @example
 * barChart(fromMultiResponse(multiResponse(lw, "referral_sources")), { title: "Most referrals come from GPs", base: { n: 214, unit: "Link Workers" } });
 */
export function fromMultiResponse(result: MultiResponseResult, group?: string): Datum[] {
  const g = group === undefined ? 0 : result.colLevels.indexOf(group);
  if (g < 0) {
    throw new Error(
      `fromMultiResponse: group "${group}" is not one of ${result.colLevels.map((c) => `"${c}"`).join(", ")}`,
    );
  }
  return result.rowLevels.map((label, i) => {
    const suppressed =
      result.suppression.cells[i]?.[g] !== "shown" || result.suppression.bases[g] !== "shown";
    return {
      label,
      value: suppressed ? null : at(result.percents[i], g),
      lower: suppressed ? null : at(result.intervals?.lower[i], g),
      upper: suppressed ? null : at(result.intervals?.upper[i], g),
      n: result.respondentsUnweighted[g] ?? null,
      suppressed,
    };
  });
}

/**
 * Grouped-bar series from a multiple-response table with `by`: one series per group.
 * @example
 * groupedBar(groupsFromMultiResponse(multiResponse(prov, "outcomes_measured", { by: "collaborates" })), { title: "...", base: "n = 160 providers" });
 */
export function groupsFromMultiResponse(result: MultiResponseResult): BarGroup[] {
  return result.colLevels.map((name) => ({ name, data: fromMultiResponse(result, name) }));
}

/**
 * Grouped-bar series from a cross-tab, on the table's own percentage base: with row percentages, one series
 * per row level over the column levels; with column percentages, one per column level over the rows.
 * @example
 * groupedBar(groupsFromCrosstab(crosstab(lw, "trained", "knows_guideline", { percent: "row" })), { title: "...", base: { n: 214, unit: "Link Workers" } });
 */
export function groupsFromCrosstab(result: CrosstabResult): BarGroup[] {
  const byColumn = result.percent === "column";
  const series = byColumn ? result.colLevels : result.rowLevels;
  const categories = byColumn ? result.rowLevels : result.colLevels;
  const pct = result.percents[result.percent];
  return series.map((name, s) => ({
    name,
    data: categories.map((label, c) => {
      const [i, j] = byColumn ? [c, s] : [s, c];
      const suppressed = result.suppression.cells[i]?.[j] !== "shown";
      const n =
        result.percent === "row"
          ? result.bases.row[i]
          : result.percent === "column"
            ? result.bases.column[j]
            : result.bases.total;
      return {
        label,
        value: suppressed ? null : at(pct[i], j),
        lower: suppressed ? null : at(result.intervals?.lower[i], j),
        upper: suppressed ? null : at(result.intervals?.upper[i], j),
        n: n ?? null,
        suppressed,
      };
    }),
  }));
}

/**
 * 100% stacked rows from a cross-tab: one bar per row level, split by the column levels; a row with a hidden
 * cell is left blank (its shares would reveal the hidden count).
 * @example
 * const t = crosstab(prov, "needs_funding", "org_scale");
 * stacked100(t.colLevels, stackedFromCrosstab(t), { title: "...", base: "n = 160 providers" });
 */
export function stackedFromCrosstab(result: CrosstabResult): StackedRow[] {
  return result.rowLevels.map((label, i) => ({
    label,
    counts: result.colLevels.map((_, j) =>
      result.suppression.cells[i]?.[j] !== "shown" ? null : (result.counts[i]?.[j] ?? 0),
    ),
  }));
}

/**
 * Diverging-Likert items from a Likert summary: counts per scale level per item, hidden cells as null.
 * @example
 * const l = likertSummary(lw, "provision_rating");
 * divergingLikert(l.colLevels, likertFromSummary(l), { title: "...", base: { n: 214, unit: "Link Workers" } });
 */
export function likertFromSummary(result: LikertSummaryResult): LikertItem[] {
  return result.rowLevels.map((label, i) => ({
    label,
    counts: result.colLevels.map((_, j) =>
      result.suppression.cells[i]?.[j] !== "shown" || result.suppression.bases[i] !== "shown"
        ? null
        : (result.counts[i]?.[j] ?? 0),
    ),
  }));
}
