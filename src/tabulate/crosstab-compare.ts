import { UsageError } from "../errors/usage-error.js";
import { compareColumnProportions, type ColumnComparisons } from "../stats/column-proportions.js";
import type { CrosstabSuppression } from "./crosstab-suppress.js";
import { MISSING_LABEL } from "./labels.js";
import { oneOf } from "./options.js";
import type { PercentBase } from "./tabulation.js";
import { sum } from "./util.js";

/** The `compare` option of crosstab: which comparisons to mark (only column proportions for now). */
export type CompareOption = "columns" | false;

/** Column-proportion comparisons of a cross-tab, with how they were adjusted (for the footnote). */
export interface CrosstabComparisons extends ColumnComparisons {
  readonly adjust: "holm" | "bonferroni";
  /** True when the bases were Kish effective sizes of a weighted table (an approximation, as SPSS). */
  readonly weighted: boolean;
}

/**
 * Runs {@link compareColumnProportions} on a cross-tab's column percentages. Cells whose count or base is
 * hidden (disclosure control), and the "Missing" level, take no part: no letter can reveal a hidden count.
 * Weighted tables compare weighted shares on Kish's effective column bases.
 */
export function compareCrosstabColumns(
  fn: string,
  parts: {
    readonly rowLevels: readonly string[];
    readonly colLevels: readonly string[];
    readonly counts: number[][];
    readonly squares: number[][] | null;
    readonly percent: PercentBase;
    readonly suppression: CrosstabSuppression;
  },
  options: { compare?: CompareOption; adjust?: "holm" | "bonferroni" },
): CrosstabComparisons | null {
  const compare = options.compare ?? false;
  if (compare === false) return null;
  if (compare !== "columns")
    throw new UsageError(fn, `option compare must be "columns" or false, got ${JSON.stringify(compare)}`);
  const adjust = oneOf(fn, "adjust", options.adjust, ["holm", "bonferroni"], "holm");
  if (parts.percent !== "column")
    throw new UsageError(
      fn,
      `compare: "columns" marks differences between column percentages; use percent: "column" (got "${parts.percent}")`,
    );
  const { counts, squares, suppression: s } = parts;
  const hidden = counts.map((r, i) =>
    r.map(
      (_, j) =>
        s.cells[i]![j] !== "shown" ||
        s.bases[i]![j] !== "shown" ||
        parts.rowLevels[i] === MISSING_LABEL ||
        parts.colLevels[j] === MISSING_LABEL,
    ),
  );
  const bases = squares
    ? parts.colLevels.map((_, j) => {
        const w = sum(counts.map((r) => r[j]!));
        const w2 = sum(squares.map((r) => r[j]!));
        return w2 > 0 ? (w * w) / w2 : 0;
      })
    : undefined;
  const c = compareColumnProportions(counts, { adjust, hidden, ...(bases ? { bases } : {}) });
  return { ...c, adjust, weighted: !!squares };
}
