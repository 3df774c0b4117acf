import type { Datum } from "../figures/types.js";
import type { ActiveLivesTrend } from "./active-lives-trend.js";

/**
 * An Active Lives trend as two bars to set beside a survey's share: the North West districts' mean over the
 * trend's years, and England in its latest year. Population estimates: no interval, no base.
 * @example
 * barChart([datumOf(bands, 2, 0, "Link Workers"), ...activeLivesBars(activeLivesTrend(["2018/19", "2019/20"]))], options);
 * // labels: "North West adults 19+, mean of districts 2018/19-2019/20 (Active Lives)", "England adults 19+, 2019/20 (Active Lives)"
 */
export function activeLivesBars(trend: ActiveLivesTrend): Datum[] {
  const first = trend.years[0];
  const last = trend.years[trend.years.length - 1];
  if (!first || !last) return [];
  const span = first === last ? first.period : `${first.period}-${last.period}`;
  return [
    { label: `North West adults 19+, mean of districts ${span} (Active Lives)`, value: trend.mean },
    { label: `England adults 19+, ${last.period} (Active Lives)`, value: last.england },
  ];
}
