import { activeLives, districtLookup, imd, type ImdRow } from "./reference.js";

/** Local-authority geography: the 39 fieldwork-era districts (2019 codes) or the 35 authorities from April 2023. */
export type Geography = "lad19" | "lad23";

/** Deprivation and inactivity for one local authority, each from one named edition or survey year. */
export interface AreaIndicators {
  readonly code: string;
  readonly name: string;
  readonly geography: Geography;
  /** Which IMD edition the score and rank come from: 2019 on lad19, 2025 on lad23 (never mixed in one list). */
  readonly imdEdition: ImdRow["edition"];
  readonly imdScore: number;
  /** Rank of the average score among all English local authorities (1 = most deprived). */
  readonly imdRank: number;
  readonly imdRankOutOf: number;
  /** Active Lives adults 19+ doing under 30 minutes a week, percent; null where Fingertips has no value. */
  readonly inactivePct: number | null;
  readonly activePct: number | null;
  readonly activeLivesPeriod: string;
}

export interface AreaIndicatorOptions {
  /** Active Lives survey year (default "2021/22", the fieldwork year of both surveys). */
  activeLivesPeriod?: string;
}

/**
 * Deprivation (IMD) and Active Lives inactivity for every North West local authority on one geography. On "lad19"
 * (the districts respondents chose from) deprivation is IMD 2019, which exists only for the six old Cumbria
 * districts; on "lad23" (the hex map's authorities) it is IMD 2025, which has Cumberland and Westmorland and
 * Furness. The editions differ in method and rank base, so one list never holds both.
 * @example
 * areaIndicators("lad23").find((a) => a.name === "Cumberland")?.imdEdition; // "IMD 2025"
 * areaIndicators("lad19").length; // 39
 */
export function areaIndicators(geography: Geography, options: AreaIndicatorOptions = {}): AreaIndicators[] {
  if (geography !== "lad19" && geography !== "lad23")
    throw new Error(`areaIndicators: geography "${String(geography)}" is not "lad19" or "lad23"`);
  return joinIndicators(geography, options.activeLivesPeriod ?? "2021/22");
}

function joinIndicators(geography: Geography, period: string): AreaIndicators[] {
  const lookup = districtLookup();
  const areas = new Map<string, string>();
  for (const d of lookup) {
    if (geography === "lad19") areas.set(d.lad19Code, d.lad19Name);
    else areas.set(d.lad23Code, d.lad23Name);
  }
  const deprivation = new Map(imd(geography === "lad19" ? "2019" : "2025").map((r) => [r.code, r]));
  const activity = new Map(activeLives(period).map((r) => [r.code, r]));
  return [...areas].map(([code, name]) => {
    const d = deprivation.get(code);
    if (!d)
      throw new Error(
        `areaIndicators: no ${geography === "lad19" ? "IMD 2019" : "IMD 2025"} row for ${name} (${code})`,
      );
    const a = activity.get(code);
    return {
      code,
      name,
      geography,
      imdEdition: d.edition,
      imdScore: d.score,
      imdRank: d.rank,
      imdRankOutOf: d.rankOutOf,
      inactivePct: a?.inactivePct ?? null,
      activePct: a?.activePct ?? null,
      activeLivesPeriod: period,
    };
  });
}
