import type { AreaIndicators } from "../area/area-indicators.js";
import { correlation, type Correlation } from "../area/correlation.js";
import { recordsTable, type RecordsTable } from "../area/records-table.js";
import type { AreaShare } from "../area/share-by-area.js";
import { badOption, UsageError } from "../errors/usage-error.js";

/** The area indicators a share can be correlated with. */
export type AreaMeasure = "imdScore" | "imdRank" | "inactivePct" | "activePct";
/** Every {@link AreaMeasure}, for checking a caller's choice. */
export const AREA_MEASURES: readonly AreaMeasure[] = ["imdScore", "imdRank", "inactivePct", "activePct"];

/** One row of {@link correlationTable}: shares by area against one indicator of the same geography. */
export interface AreaComparison {
  /** What the shares are compared with, e.g. "IMD 2025 score (35 current authorities)". */
  readonly label: string;
  /** `shareByArea` on the same geography as `areas`. */
  readonly shares: readonly AreaShare[];
  /** `areaIndicators(geography)`. */
  readonly areas: readonly AreaIndicators[];
  readonly measure: AreaMeasure;
}

/**
 * The correlation (Spearman, 95% interval; see `correlation`) across areas between a share by area and one
 * area indicator. Suppressed and empty areas are left out: a hidden share never enters a coefficient. A share's
 * area missing from `areas` (two geographies mixed) is an error naming its code.
 * @example
 * areaCorrelation({ label: "IMD 2025", shares: far, areas: areaIndicators("lad23"), measure: "imdScore" }).n;
 */
export function areaCorrelation(comparison: AreaComparison): Correlation {
  const fn = "areaCorrelation";
  const { shares, areas, measure } = comparison;
  if (!AREA_MEASURES.includes(measure)) throw badOption(fn, "measure", measure, AREA_MEASURES);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const values = shares.map((a) => {
    const area = byCode.get(a.code);
    if (!area)
      throw new UsageError(
        fn,
        `area ${a.code} (${a.name}) of the shares is not among the indicators' areas`,
        {
          valid: "compute both on one geography (lad19 or lad23)",
        },
      );
    return area[measure];
  });
  return correlation(
    shares.map((a) => (a.suppressed ? null : a.percent)),
    values,
  );
}

const two = (x: number | null) => (x === null ? "–" : x.toFixed(2));

/**
 * Correlations of shares by area with area indicators, one row per comparison: what is compared, how many areas
 * entered (those with a share shown), Spearman's rho and its 95% interval ("–" when too few areas). The footnote
 * says suppressed and empty areas are left out and each area counts once whatever its base.
 * @example
 * showTable(correlationTable("Travel 3+ miles and deprivation", [
 *   { label: "IMD 2025 score", shares: far, areas: imd25, measure: "imdScore" },
 *   { label: "Inactive adults", shares: far, areas: imd25, measure: "inactivePct" },
 * ], [s.note]));
 */
export function correlationTable(
  caption: string,
  comparisons: readonly AreaComparison[],
  notes: readonly string[] = [],
): RecordsTable {
  return recordsTable(
    caption,
    ["Compared with", "Areas (n)", "Spearman rho", "95% CI"],
    comparisons.map((comparison) => {
      const c = areaCorrelation(comparison);
      const ci = c.lower === null || c.upper === null ? "–" : `${two(c.lower)} to ${two(c.upper)}`;
      return [comparison.label, String(c.n), two(c.r), ci];
    }),
    [
      ...notes,
      "Areas whose share is suppressed or empty are left out. Each area counts once whatever its base.",
    ],
  );
}
