import { UsageError } from "../errors/usage-error.js";
import type { TestOption } from "./association.js";
import { surveySharePercent, wilsonPercent } from "./association.js";
import { count1 } from "./count.js";
import { crosstab, type CrosstabResult } from "./crosstab.js";
import type { Display } from "./display.js";
import { encodeColumn } from "./encode.js";
import { ALL_LABEL, MISSING_LABEL } from "./labels.js";
import { missingOption, oneOf, wantsCi, type CommonOptions, type MissingOption } from "./options.js";
import { displayFrequencies } from "./render-frequencies.js";
import { columnOf, toSource, type TableInput } from "./source.js";
import { suppressCells, thresholdOf, type CellStatus } from "./suppress.js";
import { Tabulation, type Suppression, type TabulationShape } from "./tabulation.js";
import { missingStatus, NO_ANSWER, publishTable } from "./publish.js";
import { hideMissingCount } from "./missing-disclosure.js";
import { range, sum } from "./util.js";
import { weightsOf } from "./weights.js";

/** Options of {@link frequencies}. */
export interface FrequenciesOptions extends CommonOptions {
  /** A breakdown: with it, the result is `crosstab(table, column, { by, percent: "column" })`. */
  by?: string;
  /** Missing answers: "report" (default) counts them below the table; "level" adds a "Missing" level. */
  missing?: MissingOption;
  /** Level order: as recorded/sorted (default "levels") or by descending count ("count"); not with `by`. */
  sort?: "levels" | "count";
  /** With `by`: the association test (default "auto"). */
  test?: TestOption;
}

/** Disclosure status of a one-way table: the shared fields plus the total's status. */
export interface FrequenciesSuppression extends Suppression {
  readonly total: CellStatus;
  /** Status of the missing-answers count (hidden when it is 1..threshold-1). */
  readonly missing: CellStatus;
}

/** What a one-way table has beyond the shared shape. */
export interface FrequenciesInit extends TabulationShape {
  /** Sum of counts over the levels (weighted when weighted; the percentage base). */
  readonly total: number;
  /** Respondents with no answer (unweighted), 0 under missing: "level". */
  readonly missing: number;
  readonly missingAs: MissingOption;
  readonly suppression: FrequenciesSuppression;
}

// Declaration merging, as for Tabulation: the fields beyond the shared shape are listed once, in
// FrequenciesInit.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface FrequenciesResult extends Omit<FrequenciesInit, keyof TabulationShape> {}

/**
 * A one-way table in the shared {@link Tabulation} shape: one column ("All"), one row per level; percentages
 * of valid answers (the column base), Wilson intervals and disclosure control.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FrequenciesResult extends Tabulation {
  readonly kind = "frequencies" as const;
  /** The shared statuses plus this table\'s own. */
  declare readonly suppression: FrequenciesSuppression;

  constructor(init: FrequenciesInit) {
    super(init);
  }

  display(): Display {
    return hideMissingCount(displayFrequencies(this), this);
  }
}

/**
 * Counts the answers to one categorical question, in level order, with percentages of valid answers and
 * Wilson intervals. With `{ by }` it is a thin call of {@link crosstab} with column percentages (the share of
 * each level within each group) and the association test.
 *
 * Levels come from `withLevels` when recorded (empty levels kept), else the sorted distinct values; booleans
 * read as "No"/"Yes". Missing answers are counted in `missing`, not silently dropped.
 * @example
 * const f = frequencies(lw, "role_length", { notes: ["Synthetic data."] });
 * f.rowLevels;                 // ["< 1 year", "1-2 years", "> 2 years"]
 * f.cell("1-2 years").percent; // 43.5
 * frequencies(lw, "pa_training", { by: "ap_area" }); // one column per area
 */
export function frequencies(
  table: TableInput,
  column: string,
  options?: FrequenciesOptions,
): FrequenciesResult;
export function frequencies(
  table: TableInput,
  column: string,
  options: FrequenciesOptions & { by: string },
): CrosstabResult;
export function frequencies(
  table: TableInput,
  column: string,
  options: FrequenciesOptions = {},
): FrequenciesResult | CrosstabResult {
  const fn = "frequencies";
  if (options.by) {
    if (options.sort && options.sort !== "levels") {
      throw new UsageError(fn, `option sort "${options.sort}" cannot be combined with by`);
    }
    const { sort: _sort, ...rest } = options;
    return crosstab(table, column, { ...rest, by: options.by });
  }
  const source = toSource(table, fn);
  const enc = encodeColumn(source.table, column, columnOf(source, column, fn), fn);
  const weights = options.weight ? weightsOf(columnOf(source, options.weight, fn), options.weight, fn) : null;
  const k = enc.levels.length;
  const sums = count1(enc.codes, k + 1, weights, source.rows);
  const missingAs = missingOption(fn, options.missing);
  let idx = range(k).concat(missingAs === "level" && sums.unweighted[k]! > 0 ? [k] : []);
  const sort = oneOf(fn, "sort", options.sort, ["levels", "count"], "levels");
  if (sort === "count") idx = [...idx].sort((a, b) => sums.weighted[b]! - sums.weighted[a]! || a - b);

  const counts = idx.map((i) => sums.weighted[i]!);
  const unweighted = idx.map((i) => sums.unweighted[i]!);
  const total = sum(counts);
  const base = sum(unweighted);
  const percents = counts.map((v) => (total > 0 ? (100 * v) / total : null));
  let intervals: TabulationShape["intervals"] = null;
  if (wantsCi(fn, options.ci)) {
    const squares = sums.squares;
    // Weighted: R's svyciprop (xlogit) for svydesign(ids = ~1, weights = ~w) over the tabulated respondents.
    const allSquares = squares ? sum(idx.map((i) => squares[i]!)) : 0;
    const w = percents.map((p, r) => {
      if (p === null) return null;
      if (!squares) return wilsonPercent((p / 100) * base, base);
      const yesSquares = squares[idx[r]!]!;
      return surveySharePercent({
        yesWeight: counts[r]!,
        noWeight: total - counts[r]!,
        yesSquares,
        noSquares: allSquares - yesSquares,
        domainN: base,
        designN: base,
      });
    });
    intervals = { lower: w.map((x) => [x ? x.lower : null]), upper: w.map((x) => [x ? x.upper : null]) };
  }
  const threshold = thresholdOf(options.suppress, fn);
  const values = [...unweighted, base];
  const own = suppressCells(values, [range(values.length)], threshold, (c) =>
    c === values.length - 1 ? 1 : 0,
  );
  // The run's ledger: the cells, the total (respondents answering, or everyone under missing: "level") and
  // the missing count, so that a later table of this column (or of a flag derived from it) keeps this pattern.
  const levelOf = (i: number) => (i === k ? NO_ANSWER : enc.labels[i]!);
  const reportMissing = missingAs === "report";
  const published = publishTable({
    source,
    label: options.caption ?? column,
    threshold,
    variables: { [column]: enc.labels },
    cells: [
      ...idx.map((i, r) => ({ where: { [column]: [levelOf(i)] }, count: unweighted[r]!, status: own[r]! })),
      { where: { [column]: idx.map(levelOf) }, count: base, status: own[idx.length]! },
      ...(reportMissing ? [{ where: { [column]: [NO_ANSWER] }, count: sums.unweighted[k]! }] : []),
    ],
  });
  const status = published.slice(0, values.length);
  const ledgerMissing = reportMissing ? published[values.length]! : "shown";
  const missingShown =
    ledgerMissing !== "shown" || !reportMissing
      ? ledgerMissing
      : missingStatus(sums.unweighted[k]!, threshold);
  const totalStatus = status[status.length - 1]!;
  const column1 = <T>(xs: T[]) => xs.map((x) => [x]);
  return new FrequenciesResult({
    variable: column,
    by: null,
    weight: options.weight ?? null,
    rowLevels: idx.map((i) => (i === k ? MISSING_LABEL : enc.labels[i]!)),
    colLevels: [ALL_LABEL],
    counts: column1(counts),
    unweighted: column1(unweighted),
    percent: "column",
    percents: column1(percents),
    intervals,
    bases: idx.map(() => [base]),
    base,
    suppression: {
      threshold,
      cells: column1(status.slice(0, -1)),
      bases: idx.map(() => [totalStatus]),
      total: totalStatus,
      missing: missingShown,
      any: status.some((s) => s !== "shown"),
    },
    test: null,
    caption: options.caption ?? column,
    notes: options.notes ?? [],
    total,
    missing: missingAs === "level" ? 0 : sums.unweighted[k]!,
    missingAs,
  });
}
