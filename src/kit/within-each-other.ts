import { escape, type ColumnTable } from "arquero";
import { crosstab } from "../tabulate/crosstab.js";
import { factorLabels, type Factor } from "./combined-levels.js";
import { familyRow, type FamilyRow } from "./family-table.js";

// A value as the tables name its level (readGroups' reading: a flag is "No" or "Yes").
const levelName = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === "boolean" ? (v ? "Yes" : "No") : String(v);

/**
 * The tests behind "each factor goes with the outcome within each level of the other": the outcome by the
 * second factor among respondents at each level of the first, then by the first at each level of the second
 * (one cross-tab and its test each), as family rows labelled "<factor>, among <group>". Adjust them together
 * (`adjustFamily`, or `showFamily`) before quoting a p-value.
 * @example
 * const training = { column: "trained", name: "Training", levels: { No: "Not trained", Yes: "Trained" } };
 * const activity = { column: "meets_guideline", name: "Own activity", levels: { No: "below 150 min", Yes: "meets 150 min" } };
 * withinEachOther(lw, "confident_discussing", training, activity).map((r) => r.label);
 * // ["Own activity, among Not trained", "Own activity, among Trained", "Training, among below 150 min", ...]
 */
export function withinEachOther(
  table: ColumnTable,
  outcome: string,
  first: Factor,
  second: Factor,
): FamilyRow[] {
  const within = (split: Factor, factor: Factor) => {
    factorLabels("withinEachOther", table, split); // checks the column and its levels
    return Object.keys(split.levels).map((level) => {
      const group = table.filter(
        escape((d: Record<string, unknown>) => levelName(d[split.column]) === level),
      );
      const among = split.among?.[level] ?? split.levels[level]!;
      return familyRow(`${factor.name}, among ${among}`, crosstab(group, outcome, { by: factor.column }));
    });
  };
  return [...within(first, second), ...within(second, first)];
}
