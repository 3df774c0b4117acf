import { unknownName, UsageError } from "../errors/usage-error.js";
import { collapsedShareInterval, type AssociationTest, type NoTest } from "./association.js";
import { count1 } from "./count.js";
import type { Display } from "./display.js";
import { encodeColumn, type EncodedColumn } from "./encode.js";
import { wantsCi, type CommonOptions } from "./options.js";
import { likertByRows } from "./likert-by.js";
import { displayLikert } from "./render-likert-summary.js";
import { columnOf, toSource, type Source, type TableInput } from "./source.js";
import { suppressCells, thresholdOf, type CellStatus } from "./suppress.js";
import { Tabulation, type Suppression, type TabulationShape } from "./tabulation.js";
import { missingStatus, NO_ANSWER, publishTable } from "./publish.js";
import { hideLikertMissing } from "./missing-disclosure.js";
import { range, sum } from "./util.js";
import { weightsOf } from "./weights.js";

/** Options of {@link likertSummary}. */
export interface LikertSummaryOptions extends CommonOptions {
  /** The top box: the number of highest levels (default 2) or the levels themselves. */
  topBox?: number | readonly string[];
  /** Row labels for the items (default: the column names). */
  labels?: Record<string, string>;
  /**
   * A categorical column to break the items down by: one row per group (per item and group for several items),
   * each item tabulated and suppressed as the cross-tab of the breakdown by the item.
   */
  by?: string;
}

/** One item's top-box share: the count, the percentage of valid answers and its Wilson interval. */
export interface TopBox {
  readonly count: number;
  readonly percent: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Disclosure status of a Likert grid: the shared fields plus each item's base and top-box share. */
export interface LikertSuppression extends Suppression {
  readonly rowBases: CellStatus[];
  /** The top-box share is hidden when any cell of its item (or its base) is hidden. */
  readonly topBox: boolean[];
  /** Status of each item's missing-answers count (hidden when it is 1..threshold-1). */
  readonly missing: CellStatus[];
}

/** What a Likert grid has beyond the shared shape. */
export interface LikertSummaryInit extends TabulationShape {
  /** The item columns, in the order given (`rowLevels` holds their labels). */
  readonly items: string[];
  /** Valid answers per item (weighted when weighted), and unweighted. */
  readonly rowTotals: number[];
  readonly rowBases: number[];
  readonly topBoxLevels: string[];
  readonly topBox: TopBox[];
  /** Unanswered rows per row (per item; with `by`, per item within the group), unweighted. */
  readonly missing: number[];
  /** The levels of `by`, or null without a breakdown. */
  readonly groups: string[] | null;
  /** For each row: the index of its item in `items`, and of its group in `groups` (null without `by`). */
  readonly rowItems: number[];
  readonly rowGroups: (number | null)[];
  /** With `by`: each item's association test with the breakdown (one item: also `test`); null without. */
  readonly tests: (AssociationTest | NoTest)[] | null;
  readonly suppression: LikertSuppression;
}

// Declaration merging, as for Tabulation: the fields beyond the shared shape are listed once, in
// LikertSummaryInit.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface LikertSummaryResult extends Omit<LikertSummaryInit, keyof TabulationShape> {}

/**
 * A Likert grid in the shared {@link Tabulation} shape: items (rows) x scale levels (columns), shares of each
 * item's valid answers (row base), and a top-box share per item with its interval.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class LikertSummaryResult extends Tabulation {
  readonly kind = "likertSummary" as const;
  /** The shared statuses plus this table's own. */
  declare readonly suppression: LikertSuppression;

  constructor(init: LikertSummaryInit) {
    super(init);
  }

  display(): Display {
    return hideLikertMissing(displayLikert(this), this);
  }
}

/**
 * Summarises Likert items that share one scale: the share of valid answers at each level and a top-box share
 * (the top two levels unless `topBox` says otherwise) with a Wilson interval (weighted: R's svyciprop, xlogit).
 * `items` lists the item columns, or names a grid question whose items are the columns `${question}__${item}`, or
 * one item column. With `{ by }`, one row per group (per item and group for several items): each item is
 * tabulated and suppressed as its cross-tab by the breakdown, so a chart draws one diverging row per group with
 * only the hidden cells marked "suppressed".
 * @example
 * const l = likertSummary(lw, "confidence", { topBox: ["Quite", "Extremely"], notes: ["Synthetic data."] });
 * l.topBox[0]?.percent; // share answering Quite or Extremely on the first item
 * chart(l, { title: "Link Workers feel least confident about ..." }); // diverging bars
 * chart(likertSummary(lw, "confidence_taking_part", { by: "ap_area" }), { title: "..." }); // a row per area
 */
export function likertSummary(
  table: TableInput,
  items: string | readonly string[],
  options: LikertSummaryOptions = {},
): LikertSummaryResult {
  const fn = "likertSummary";
  const source = toSource(table, fn);
  // A string names a grid (its items are the columns `${items}__<item>`) or, failing that, one item column.
  const grid = typeof items === "string" ? source.table.columnNames((n) => n.startsWith(`${items}__`)) : [];
  const names =
    typeof items !== "string" ? [...items] : grid.length === 0 && source.table.column(items) ? [items] : grid;
  if (names.length === 0) {
    const grids = [
      ...new Set(
        source.table
          .columnNames()
          .filter((n) => n.includes("__"))
          .map((n) => n.split("__")[0]!),
      ),
    ];
    throw unknownGrid(fn, items, grids);
  }
  const encoded = names.map((name) => encodeColumn(source.table, name, columnOf(source, name, fn), fn));
  const scale = encoded[0]!.labels;
  encoded.forEach((enc, i) => {
    if (enc.labels.length !== scale.length || enc.labels.some((l, j) => l !== scale[j])) {
      throw new UsageError(
        fn,
        `column "${names[i]}" has levels (${enc.labels.join(", ")}) that differ from "${names[0]}" (${scale.join(", ")})`,
      );
    }
  });
  const ci = wantsCi(fn, options.ci);
  const topBoxLevels = resolveTopBox(options.topBox ?? 2, scale, fn);
  const top = topBoxLevels.map((l) => scale.indexOf(l));
  const variable = typeof items === "string" ? items : names.join(", ");
  if (options.by !== undefined) {
    const by = options.by;
    if (names.includes(by)) throw new UsageError(fn, `option by "${by}" is one of the items`);
    const byEnc = encodeColumn(source.table, by, columnOf(source, by, fn), fn);
    return new LikertSummaryResult({
      ...likertByRows(source, names, encoded, byEnc, top, ci, { ...options, by }, fn),
      variable,
      caption: options.caption ?? `${variable} by ${by}`,
      notes: options.notes ?? [],
      items: names,
      topBoxLevels,
    });
  }
  const weights = options.weight ? weightsOf(columnOf(source, options.weight, fn), options.weight, fn) : null;
  const k = scale.length;
  const sums = encoded.map((enc) => count1(enc.codes, k + 1, weights, source.rows));

  const counts = sums.map((s) => range(k).map((j) => s.weighted[j]!));
  const unweighted = sums.map((s) => range(k).map((j) => s.unweighted[j]!));
  const totals = counts.map(sum);
  const bases = unweighted.map(sum);
  const percents = counts.map((r, i) => r.map((v) => (totals[i]! > 0 ? (100 * v) / totals[i]! : null)));
  const topBox = sums.map((s, i) => {
    const count = sum(top.map((j) => counts[i]![j]!));
    const percent = totals[i]! > 0 ? (100 * count) / totals[i]! : null;
    // Weighted: R's svyciprop (xlogit) for svydesign(ids = ~1, weights = ~w) over the item's respondents.
    const sq = s.squares;
    const squares = sq
      ? { part: sum(top.map((j) => sq[j]!)), whole: sum(range(k).map((j) => sq[j]!)) }
      : null;
    const w = ci ? collapsedShareInterval(count, totals[i]!, squares, bases[i]!, bases[i]!) : null;
    return { count, percent, lower: w ? w.lower : null, upper: w ? w.upper : null };
  });

  const threshold = thresholdOf(options.suppress, fn);
  const w = k + 1;
  const missingStatuses: CellStatus[] = [];
  const values = unweighted.flatMap((r, i) => [...r, bases[i]!]);
  const lines = names.map((_, i) => range(w).map((j) => i * w + j));
  const own = suppressCells(values, lines, threshold, (cell) => (cell % w === k ? 1 : 0));
  // The run's ledger, one output per item (items are different questions): its levels, its base and its
  // missing count, so that a collapse of the item (a yes/no flag such as very-or-extremely confident, or a
  // second table of the same column) cannot give a hidden level back by subtraction.
  const status = names.flatMap((name, i) => {
    const out = publishTable({
      source,
      label: options.caption ?? (typeof items === "string" ? items : names.join(", ")),
      threshold,
      variables: { [name]: scale },
      cells: [
        ...range(k).map((j) => ({
          where: { [name]: [scale[j]!] },
          count: values[i * w + j]!,
          status: own[i * w + j]!,
        })),
        { where: { [name]: [...scale] }, count: values[i * w + k]!, status: own[i * w + k]! },
        { where: { [name]: [NO_ANSWER] }, count: sums[i]!.unweighted[k]! },
      ],
    });
    missingStatuses.push(out[w] !== "shown" ? out[w]! : missingStatus(sums[i]!.unweighted[k]!, threshold));
    return out.slice(0, w);
  });
  const cells = names.map((_, i) => range(k).map((j) => status[i * w + j]!));
  const rowStatus = names.map((_, i) => status[i * w + k]!);
  return new LikertSummaryResult({
    variable: typeof items === "string" ? items : names.join(", "),
    by: null,
    weight: options.weight ?? null,
    rowLevels: names.map((n) => options.labels?.[n] ?? n),
    colLevels: [...scale],
    counts,
    unweighted,
    percent: "row",
    percents,
    intervals: null,
    bases: bases.map((b) => scale.map(() => b)),
    base: answeredAny(encoded, k, source),
    suppression: likertSuppression(threshold, cells, rowStatus, missingStatuses, scale.length),
    test: null,
    caption: options.caption ?? (typeof items === "string" ? items : names.join(", ")),
    notes: options.notes ?? [],
    items: names,
    rowTotals: totals,
    rowBases: bases,
    topBoxLevels,
    topBox,
    missing: sums.map((s) => s.unweighted[k]!),
    groups: null,
    rowItems: names.map((_, i) => i),
    rowGroups: names.map(() => null),
    tests: null,
  });
}

/**
 * A Likert grid's disclosure status from its cells, each row's base and each row's missing count: a row's base
 * stands beside every level, and its top-box share is hidden when any of its cells or its base is.
 */
export function likertSuppression(
  threshold: number,
  cells: CellStatus[][],
  rowStatus: CellStatus[],
  missing: CellStatus[],
  levels: number,
): LikertSuppression {
  const hidden = (st: CellStatus) => st !== "shown";
  return {
    threshold,
    cells,
    bases: rowStatus.map((st) => new Array<CellStatus>(levels).fill(st)),
    rowBases: rowStatus,
    topBox: cells.map((r, i) => r.some(hidden) || hidden(rowStatus[i]!)),
    missing,
    any: cells.some((r) => r.some(hidden)) || rowStatus.some(hidden),
  };
}

/** Respondents who answered at least one item (the code k marks a missing answer). */
function answeredAny(encoded: readonly EncodedColumn[], k: number, source: Source): number {
  let n = 0;
  for (let r = 0; r < source.n; ++r) {
    const i = source.rows ? source.rows[r]! : r;
    if (encoded.some((enc) => enc.codes[i] !== k)) ++n;
  }
  return n;
}

function unknownGrid(fn: string, items: string | readonly string[], grids: string[]): Error {
  return typeof items === "string"
    ? unknownName(fn, "Likert grid", items, grids, "the table (a grid is columns named <grid>__<item>)")
    : new UsageError(fn, "no item columns given");
}

function resolveTopBox(topBox: number | readonly string[], scale: readonly string[], fn: string): string[] {
  if (typeof topBox === "number") {
    if (!Number.isInteger(topBox) || topBox < 1 || topBox > scale.length) {
      throw new UsageError(
        fn,
        `option topBox must be a whole number from 1 to ${scale.length}, got ${topBox}`,
      );
    }
    return scale.slice(scale.length - topBox);
  }
  for (const level of topBox) {
    if (!scale.includes(level)) {
      throw new UsageError(
        fn,
        `topBox level ${JSON.stringify(level)} is not on the scale (${scale.join(", ")})`,
      );
    }
  }
  return scale.filter((l) => topBox.includes(l));
}
