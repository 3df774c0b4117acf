import type { AreaIndicators } from "../area/area-indicators.js";
import { badOption, UsageError } from "../errors/usage-error.js";
import { loadNorthWestHexes } from "../figures/hexjson.js";
import { hexMap, type HexMapOptions } from "../figures/hex-map.js";
import type { Figure } from "../figures/types.js";
import { AREA_MEASURES, type AreaMeasure } from "./correlation-table.js";

/** Options of {@link areaMap}: those of `hexMap`, and what to do with areas the hex layout lacks. */
export interface AreaMapOptions extends HexMapOptions {
  /**
   * "error" (default): an area the layout lacks is an error naming it. "leave out": draw only the areas on the
   * layout, e.g. IMD 2019's fieldwork districts on today's map, where the six pre-2023 Cumbria districts have no
   * hex and their successors show "no data".
   */
  readonly offMap?: "error" | "leave out";
}

/**
 * A hex map of one published area indicator of `areaIndicators` (deprivation or Active Lives activity): each
 * area's value on the North West local-authority layout, areas without a value grey ("no data").
 * @example
 * const imd25 = areaIndicators("lad23");
 * await show(areaMap(imd25, "inactivePct", { title: "Adult inactivity", base: "Active Lives 2021/22", legendTitle: "inactive" }));
 */
export function areaMap(
  areas: readonly AreaIndicators[],
  measure: AreaMeasure,
  options: AreaMapOptions,
): Figure {
  const fn = "areaMap";
  if (!AREA_MEASURES.includes(measure)) throw badOption(fn, "measure", measure, AREA_MEASURES);
  const { offMap = "error", ...rest } = options;
  if (offMap !== "error" && offMap !== "leave out")
    throw badOption(fn, "offMap", offMap, ["error", "leave out"]);
  const onMap = new Set((rest.hexes ?? loadNorthWestHexes()).hexes.map((h) => h.code));
  const off = areas.filter((a) => !onMap.has(a.code));
  if (off.length > 0 && offMap === "error")
    throw new UsageError(fn, `${off.map((a) => `${a.name} (${a.code})`).join(", ")} not on the hex layout`, {
      valid: 'use the lad23 areas, or option offMap: "leave out"',
    });
  return hexMap(
    areas.filter((a) => onMap.has(a.code)).map((a) => ({ code: a.code, value: a[measure] })),
    rest,
  );
}
