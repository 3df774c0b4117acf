import { unknownName } from "../errors/usage-error.js";
import type {
  CrosstabResult,
  FrequenciesResult,
  LikertSummaryResult,
  MultiResponseResult,
  Tabulation,
} from "../tabulate/index.js";
import type { LikertItem } from "./diverging-likert.js";
import type { BarGroup } from "./grouped-bar.js";
import type { StackedRow } from "./stacked100.js";
import type { Datum } from "./types.js";

// Adapters from the one tabulation shape to the builders' inputs. Disclosure control carries over: a cell
// whose count or base the tabulation hid becomes a suppressed datum (no value, no interval) or a null count.

/**
 * One bar datum from cell (i, j) of any tabulation: its percentage, Wilson interval and unweighted base;
 * suppressed when the count or its base is hidden.
 * @example
 * const t = frequencies(lw, "pa_training");
 * datumOf(t, 0, 0); // { label: "No", value: 79.4, lower: ..., upper: ..., n: 214, suppressed: false }
 */
export function datumOf(result: Tabulation, i: number, j: number, label = result.rowLevels[i]!): Datum {
  const shown = result.percentShown(i, j);
  return {
    label,
    value: shown ? (result.percents[i]?.[j] ?? null) : null,
    lower: shown ? (result.intervals?.lower[i]?.[j] ?? null) : null,
    upper: shown ? (result.intervals?.upper[i]?.[j] ?? null) : null,
    n: result.bases[i]?.[j] ?? null,
    suppressed: !shown,
  };
}

/**
 * Bars for one column of any tabulation (default the first; "All" without `by`): one datum per row level.
 * @example
 * barChart(barsOf(multiResponse(lw, "referral_sources")), { title: "Most referrals come from GPs", base: "n = 214" });
 */
export function barsOf(result: Tabulation, column?: string): Datum[] {
  const j = column === undefined ? 0 : result.colLevels.indexOf(column);
  if (j < 0) throw unknownName("barsOf", `column of ${result.variable}`, column, result.colLevels);
  return result.rowLevels.map((_, i) => datumOf(result, i, j));
}

/**
 * Grouped-bar series from any two-way tabulation: one series per row level over the columns (`series:
 * "rows"`, the default for row percentages), or one per column over the rows (`series: "columns"`, the default
 * for column percentages). `skip` leaves series out (e.g. the "All" margin).
 * @example
 * groupedBar(seriesOf(crosstab(lw, "knows_guideline", { by: "trained" })), { title: "...", base: "n = 214" });
 */
export function seriesOf(
  result: Tabulation,
  options: { series?: "rows" | "columns"; skip?: readonly string[] } = {},
): BarGroup[] {
  const byColumn = (options.series ?? (result.percent === "row" ? "rows" : "columns")) === "columns";
  const names = byColumn ? result.colLevels : result.rowLevels;
  const categories = byColumn ? result.rowLevels : result.colLevels;
  return names.flatMap((name, s) =>
    options.skip?.includes(name)
      ? []
      : [
          {
            name,
            data: categories.map((label, c) =>
              byColumn ? datumOf(result, c, s, label) : datumOf(result, s, c, label),
            ),
          },
        ],
  );
}

/**
 * Bars from a one-way frequency table: one datum per level with its percentage, Wilson interval and base.
 * @example
 * barChart(fromFrequencies(frequencies(lw, "role_length")), { title: "...", base: { n: 214, unit: "Link Workers" } });
 */
export function fromFrequencies(result: FrequenciesResult): Datum[] {
  return barsOf(result);
}

/**
 * Bars from a multiple-response table: each option's share in one group (default the first column, "All"
 * without `by`), with its interval and the group's respondents as base.
 * @example
 * barChart(fromMultiResponse(multiResponse(lw, "referral_sources")), { title: "Most referrals come from GPs", base: { n: 214, unit: "Link Workers" } });
 */
export function fromMultiResponse(result: MultiResponseResult, group?: string): Datum[] {
  const j = group === undefined ? 0 : result.colLevels.indexOf(group);
  if (j < 0) throw unknownName("fromMultiResponse", "group", group, result.colLevels);
  return barsOf(result, result.colLevels[j]);
}

/**
 * Grouped-bar series from a multiple-response table with `by`: one series per group.
 * @example
 * groupedBar(groupsFromMultiResponse(multiResponse(pv, "outcomes_measured", { by: "collaborates" })), { title: "...", base: "n = 160 providers" });
 */
export function groupsFromMultiResponse(result: MultiResponseResult): BarGroup[] {
  return seriesOf(result, { series: "columns" });
}

/**
 * Grouped-bar series from a cross-tab, on the table's own percentage base: with row percentages, one series
 * per row level over the column levels; with column percentages, one per column level over the rows.
 * @example
 * groupedBar(groupsFromCrosstab(crosstab(lw, "trained", { by: "knows_guideline" })), { title: "...", base: { n: 214, unit: "Link Workers" } });
 */
export function groupsFromCrosstab(result: CrosstabResult): BarGroup[] {
  return seriesOf(result);
}

/**
 * 100% stacked rows from any two-way tabulation: one bar per row level, split by the column levels; a row
 * with a hidden cell is left blank (its shares would reveal the hidden count).
 * @example
 * const t = crosstab(pv, "needs_funding", { by: "org_scale" });
 * stacked100(t.colLevels, stackedFromCrosstab(t), { title: "...", base: "n = 160 providers" });
 */
export function stackedFromCrosstab(result: Tabulation): StackedRow[] {
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
  // The row's base, when shown, lets the chart keep a row's shown levels and draw its hidden ones as one
  // marked "Suppressed" segment (their sum is the base minus the shown counts, public already).
  return result.rowLevels.map((label, i) => ({
    label,
    counts: result.colLevels.map((_, j) =>
      result.suppression.cells[i]?.[j] !== "shown" || result.suppression.bases[i]?.[j] !== "shown"
        ? null
        : (result.counts[i]?.[j] ?? 0),
    ),
    total: result.suppression.rowBases[i] === "shown" ? (result.rowTotals[i] ?? null) : null,
  }));
}
