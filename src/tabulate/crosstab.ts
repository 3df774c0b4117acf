import { UsageError } from "../errors/usage-error.js";
import type { TestOption } from "./association.js";
import { count2 } from "./count.js";
import { buildCrosstab } from "./crosstab-build.js";
import type { CompareOption, CrosstabComparisons } from "./crosstab-compare.js";
import type { CrosstabSuppression } from "./crosstab-suppress.js";
import type { Display } from "./display.js";
import { encodeColumn } from "./encode.js";
import type { CommonOptions, MissingOption } from "./options.js";
import { hideCrosstabMissing } from "./missing-disclosure.js";
import { displayCrosstab } from "./render-crosstab.js";
import { columnOf, toSource, type TableInput } from "./source.js";
import { Tabulation, type PercentBase, type TabulationShape } from "./tabulation.js";
import { weightsOf } from "./weights.js";

/** Options of {@link crosstab}. */
export interface CrosstabOptions extends CommonOptions {
  /** The breakdown: a categorical column whose levels become the table's columns (required). */
  by?: string;
  /** Percentage base (default "column": the share within each group of `by`; "row"; "total"). */
  percent?: PercentBase;
  /** Show row and column totals (default true). */
  margins?: boolean;
  /** Association test (default "auto": Fisher when any expected count < 5, else chi-square). */
  test?: TestOption;
  /** Missing answers: "report" (default) counts them beside the table; "level" adds a "Missing" level. */
  missing?: MissingOption;
  /** Mark which columns' percentages differ ("columns": letters as SPSS Custom Tables; needs percent "column"). */
  compare?: CompareOption;
  /** Multiple-comparison adjustment across each row's pairs of columns (default "holm"). */
  adjust?: "holm" | "bonferroni";
}

/** Respondents left out because an answer was missing (unweighted counts). */
export interface CrosstabMissing {
  /** Missing on the row variable only. */
  readonly row: number;
  /** Missing on `by` only. */
  readonly column: number;
  readonly both: number;
  readonly total: number;
}

/** What a cross-tab has beyond the shared shape: margins, every percentage base, the missing counts. */
export interface CrosstabInit extends TabulationShape {
  readonly by: string;
  /** Row and column sums of `counts` (weighted when weighted), and the grand total. */
  readonly rowTotals: number[];
  readonly colTotals: number[];
  readonly total: number;
  /** Unweighted respondents per row and per column (`base` is the grand total). */
  readonly rowBases: number[];
  readonly colBases: number[];
  /** Percentages on every base; `percents` is the one named by `percent`. */
  readonly allPercents: Record<PercentBase, (number | null)[][]>;
  readonly missing: CrosstabMissing;
  readonly missingAs: MissingOption;
  readonly margins: boolean;
  readonly suppression: CrosstabSuppression;
  /** Column-proportion comparisons (`compare: "columns"`), or null. */
  readonly comparisons: CrosstabComparisons | null;
}

// Declaration merging, as for Tabulation: the fields beyond the shared shape are listed once, in
// CrosstabInit.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface CrosstabResult extends Omit<CrosstabInit, keyof TabulationShape> {}

/**
 * A two-way table (the shared {@link Tabulation} shape) with margins, an association test and disclosure
 * control. Numbers are kept raw on the result; `cells()`, `toTable()` and the renderers hide suppressed ones.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CrosstabResult extends Tabulation {
  readonly kind = "crosstab" as const;
  declare readonly by: string;
  /** The shared statuses plus this table\'s own. */
  declare readonly suppression: CrosstabSuppression;

  constructor(init: CrosstabInit) {
    super(init);
  }

  display(): Display {
    return hideCrosstabMissing(displayCrosstab(this), this);
  }
}

/**
 * Cross-tabulates a categorical column by another (`{ by }`): counts, percentages within each group of `by`
 * (the column base, default; or the row or total base) with Wilson intervals, an association test (Fisher or chi-square, chosen by the
 * expected counts) and disclosure control.
 *
 * Levels come from `withLevels` when recorded (empty levels kept), else the sorted distinct values; booleans
 * read as "No"/"Yes". Missing answers are counted in `missing`, not tabulated, unless `missing: "level"`.
 * The test always runs on unweighted counts (no Rao-Scott correction), leaving out the "Missing" level.
 * @example
 * const t = crosstab(lw, "knows_guideline", { by: "trained" });
 * t.cell("Yes", "Yes").percent; // share of trained Link Workers who knew the guideline
 * formatTest(t.test);           // "Fisher's exact test: p = ..., Cramér's V = ... (...)."
 * crosstab(lw, "knows_guideline", { by: "ap_area", compare: "columns" }).toString(); // letters mark differing areas
 */
export function crosstab(table: TableInput, row: string, options: CrosstabOptions): CrosstabResult;
/**
 * @deprecated Write `crosstab(table, col, { by: row })` (shares within each `by` group), or
 * `crosstab(table, row, { by: col, percent: "row" })` for the same table as before.
 * @example
 * crosstab(lw, "trained", "knows_guideline"); // = crosstab(lw, "trained", { by: "knows_guideline", percent: "row" })
 */
export function crosstab(
  table: TableInput,
  row: string,
  col: string,
  options?: CrosstabOptions,
): CrosstabResult;
export function crosstab(
  table: TableInput,
  row: string,
  byOrOptions?: string | CrosstabOptions,
  maybeOptions: CrosstabOptions = {},
): CrosstabResult {
  const fn = "crosstab";
  // The positional form keeps its old default (row percentages); with { by } the default is the share within
  // each group of `by` (column percentages), as frequencies and multiResponse with { by } give.
  const options: CrosstabOptions =
    typeof byOrOptions === "string"
      ? { ...maybeOptions, by: byOrOptions, percent: maybeOptions.percent ?? "row" }
      : { ...byOrOptions, percent: byOrOptions?.percent ?? "column" };
  const by = options.by;
  if (typeof by !== "string" || by === "") {
    throw new UsageError(fn, `no breakdown for "${row}"`, {
      valid: `write crosstab(table, "${row}", { by: "<column>" }), or frequencies(table, "${row}") for one column`,
    });
  }
  const source = toSource(table, fn);
  const rowEnc = encodeColumn(source.table, row, columnOf(source, row, fn), fn);
  const colEnc = encodeColumn(source.table, by, columnOf(source, by, fn), fn);
  const weights = options.weight ? weightsOf(columnOf(source, options.weight, fn), options.weight, fn) : null;
  const kr = rowEnc.levels.length + 1;
  const kc = colEnc.levels.length + 1;
  const sums = count2(rowEnc.codes, kr, colEnc.codes, kc, weights, source.rows);
  return new CrosstabResult(buildCrosstab(row, by, rowEnc, colEnc, sums, options, fn, source));
}
