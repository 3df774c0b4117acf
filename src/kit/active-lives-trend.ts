import { districtLookup, activeLives } from "../area/reference.js";
import { recordsTable, type RecordsTable } from "../area/records-table.js";
import { formatPercent, formatPercentInterval } from "../tabulate/format.js";

/** One Active Lives year: the North West districts' mean, range and count, and England's figure. */
export interface ActiveLivesYear {
  readonly period: string;
  /** Unweighted mean of the districts' % of adults 19+ active for 150+ minutes a week. */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Districts with a figure that year. */
  readonly n: number;
  readonly england: number | null;
}

/** {@link activeLivesTrend}'s result: one row per year and the mean of the yearly means. */
export interface ActiveLivesTrend {
  readonly years: readonly ActiveLivesYear[];
  readonly mean: number;
}

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/**
 * How active North West adults were across several Active Lives years: for each year, the unweighted mean and
 * range of the fieldwork-era districts' share of adults (19+) active for 150+ minutes a week, with England's
 * figure; and the mean of the yearly means (the report's "approximately 60%").
 * @example
 * const trend = activeLivesTrend(["2018/19", "2019/20"]);
 * trend.mean; // mean of the two yearly North West means
 */
export function activeLivesTrend(periods: readonly string[]): ActiveLivesTrend {
  const districts = new Set(districtLookup().map((d) => d.lad19Code));
  const years = periods.map((period) => {
    const rows = activeLives(period);
    const nw = rows.filter((r) => districts.has(r.code) && r.activePct !== null).map((r) => r.activePct!);
    const england = rows.find((r) => r.name === "England")?.activePct ?? null;
    const mean = nw.reduce((a, b) => a + b) / nw.length;
    return { period, mean, min: Math.min(...nw), max: Math.max(...nw), n: nw.length, england };
  });
  return { years, mean: years.reduce((a, y) => a + y.mean, 0) / years.length };
}

/**
 * The trend as a table for `showTable`: one row per year, and a note with the mean of the yearly means
 * followed by `comparison` (e.g. what the report says) and the source.
 * @example
 * showTable(activeLivesTable(activeLivesTrend(["2018/19", "2019/20"]), '(the report: "approximately 60%")'));
 */
export function activeLivesTable(trend: ActiveLivesTrend, comparison?: string): RecordsTable {
  const count = WORDS[trend.years.length] ?? String(trend.years.length);
  return recordsTable(
    "Active Lives: adults 19+ active for 150+ minutes a week (% of adults)",
    ["Year", "North West districts: mean", "range of districts", "districts", "England"],
    trend.years.map((y) => [
      y.period,
      formatPercent(y.mean),
      formatPercentInterval(y.min, y.max),
      String(y.n),
      formatPercent(y.england),
    ]),
    [
      `Mean of the ${count} yearly North West means: ${formatPercent(trend.mean)}${comparison ? ` ${comparison}` : ""}.`,
      "Unweighted means of the fieldwork-era districts; Sport England Active Lives via OHID Fingertips (93014), OGL v3.0.",
    ],
  );
}
