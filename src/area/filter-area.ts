import { escape, type ColumnTable } from "arquero";
import { codebook, optionLabels, question } from "../codebook/codebooks.js";
import type { SurveyId } from "../codebook/types.js";
import type { LineageStep } from "../clean/lineage.js";

/**
 * The Active Partnership label (`ap_area` option) that `name` means: the label itself in any case, or the one
 * label containing `name` as whole words ("Lancashire" -> "Active Lancashire"). Anything else is an error that
 * lists the valid names.
 * @example
 * resolveArea("lancashire", "link-worker"); // "Active Lancashire"
 * resolveArea("Greater Manchester", "provider"); // "Greater Sport (Greater Manchester)"
 */
export function resolveArea(name: string, survey: SurveyId): string {
  const labels = optionLabels(question(codebook(survey), "ap_area"));
  return matchArea(name, labels);
}

function matchArea(name: string, labels: readonly string[]): string {
  const wanted = name.trim().toLowerCase();
  const valid = labels.map((l) => `"${l}"`).join(", ");
  if (!wanted) throw new Error(`SP_AREA is empty; expected one of the ap_area labels: ${valid}`);
  const exact = labels.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const word = new RegExp(`(^|[^a-z])${escaped}([^a-z]|$)`);
  const partial = labels.filter((l) => word.test(l.toLowerCase()));
  if (partial.length === 1) return partial[0]!;
  const why = partial.length ? `matches more than one area (${partial.join(", ")})` : "matches no area";
  throw new Error(`SP_AREA "${name}" ${why}; column "ap_area" has: ${valid}`);
}

/** A table cut to one Active Partnership area, and the lineage step that records the cut. */
export interface AreaFiltered {
  table: ColumnTable;
  step: LineageStep;
}

/**
 * Keeps the respondents whose `ap_area` is `area` (an exact label: resolve names with {@link resolveArea} first)
 * and describes the cut as a lineage step called "area filter", one dropped row per respondent outside the area.
 * Respondents who did not say their area are dropped too (they cannot be placed in it).
 * @example
 * const { table, step } = filterArea(lw, "Active Lancashire");
 * step.rowsIn - step.rowsOut === step.dropped.length; // true
 */
export function filterArea(table: ColumnTable, area: string): AreaFiltered {
  if (!table.column("ap_area")) throw new Error(`filterArea: the table has no column "ap_area"`);
  const areas = table.array("ap_area") as unknown as (string | null)[];
  const rows = table.column("_row") ? (table.array("_row") as unknown as number[]) : null;
  const ids = table.column("response_id")
    ? (table.array("response_id") as unknown as (string | null)[])
    : null;
  const keep: number[] = [];
  const dropped: LineageStep["dropped"] = [];
  areas.forEach((a, i) => {
    if (a === area) keep.push(i);
    else
      dropped.push({
        row: rows ? rows[i]! : i + 1,
        responseId: ids ? (ids[i] ?? null) : null,
        reason: a === null || a === undefined ? "area not given" : `outside the area (ap_area "${a}")`,
      });
  });
  // arquero compiles plain filter functions from their source, so a closure over `area` must be escaped.
  const out = table.filter(escape((d: { ap_area: unknown }) => d.ap_area === area));
  return {
    table: out as ColumnTable,
    step: {
      step: "area filter",
      description: `kept respondents whose ap_area is "${area}" (SP_AREA); small-cell suppression stays on`,
      rowsIn: table.numRows(),
      rowsOut: keep.length,
      dropped,
      changes: [],
      notes: [],
    },
  };
}
