import type { ColumnTable } from "arquero";
import { wilson } from "../stats/wilson.js";
import { shareHidden } from "../tabulate/suppress.js";
import type { Geography } from "./area-indicators.js";
import { districtLookup } from "./reference.js";

/** The share of respondents in one local authority for whom a flag is true. */
export interface AreaShare {
  readonly code: string;
  readonly name: string;
  /** Respondents with the flag true, and respondents answering (flag not null). */
  readonly successes: number;
  readonly n: number;
  /** Percent with its 95% Wilson interval; null when nobody answered or the area is suppressed. */
  readonly percent: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /**
   * True when the share is hidden: 1 to threshold-1 respondents answered, or the count with the flag or its
   * complement (answering without it) is 1 to threshold-1. Outputs then say "suppressed" and nothing more
   * (no n: with the share's rule, the base of a suppressed area tells the reader which side is small).
   */
  readonly suppressed: boolean;
}

export interface ShareByAreaOptions {
  /** "lad23" (default, the hex map's 35 authorities; Cumbria districts summed into their successors) or "lad19". */
  geography?: Geography;
  /** The column naming each respondent's local authority (2019 district names), default "local_authority". */
  areaColumn?: string;
  /**
   * Areas answered by 1 to k-1 respondents, or whose count or complement is 1 to k-1, are suppressed (default 5;
   * 0 or false turns it off).
   */
  suppress?: number | false;
}

/**
 * Share of respondents with a true `flag` (a boolean column) in every local authority, with bases, Wilson
 * intervals and small-area suppression (by base, count and complement). Every area of the geography is listed,
 * with n = 0 where nobody answered.
 * Respondents with no local authority or a null flag are left out of every base.
 * @example
 * const far = shareByArea(lw, "travels_3_miles_plus"); // 35 authorities
 * far.filter((a) => !a.suppressed && a.percent !== null).length;
 */
export function shareByArea(table: ColumnTable, flag: string, options: ShareByAreaOptions = {}): AreaShare[] {
  const areaColumn = options.areaColumn ?? "local_authority";
  for (const c of [flag, areaColumn])
    if (!table.column(c)) throw new Error(`shareByArea: the table has no column "${c}"`);
  const k = options.suppress === false ? 0 : (options.suppress ?? 5);
  return countShares(table, flag, areaColumn, options.geography ?? "lad23", k);
}

function countShares(
  table: ColumnTable,
  flag: string,
  areaColumn: string,
  geography: Geography,
  k: number,
): AreaShare[] {
  const lookup = districtLookup();
  const codeOf = new Map(lookup.map((d) => [d.lad19Name, geography === "lad19" ? d.lad19Code : d.lad23Code]));
  const names = new Map(
    lookup.map((d) => (geography === "lad19" ? [d.lad19Code, d.lad19Name] : [d.lad23Code, d.lad23Name])),
  );
  const counts = new Map([...names.keys()].map((c) => [c, { x: 0, n: 0 }]));
  const areas = table.array(areaColumn) as unknown as unknown[];
  const flags = table.array(flag) as unknown as unknown[];
  areas.forEach((area, i) => {
    const f = flags[i];
    if (area === null || area === undefined || f === null || f === undefined) return;
    if (typeof f !== "boolean")
      throw new Error(`shareByArea: column "${flag}" has ${JSON.stringify(f)}, expected true, false or null`);
    const code = codeOf.get(String(area));
    if (!code)
      throw new Error(
        `shareByArea: column "${areaColumn}" has "${String(area)}", not a North West district name`,
      );
    const c = counts.get(code)!;
    c.n++;
    if (f) c.x++;
  });
  return [...names].map(([code, name]) => {
    const { x, n } = counts.get(code)!;
    const suppressed = k > 0 && ((n > 0 && n < k) || shareHidden(x, n, k));
    const ci = n > 0 && !suppressed ? wilson(x, n) : null;
    return {
      code,
      name,
      successes: x,
      n,
      percent: ci ? (100 * x) / n : null,
      lower: ci ? 100 * ci.lower : null,
      upper: ci ? 100 * ci.upper : null,
      suppressed,
    };
  });
}
