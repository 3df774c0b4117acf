import { table as makeTable, type ColumnTable } from "arquero";
import {
  associationTest,
  effectiveN,
  wilsonPercent,
  type AssociationTest,
  type NoTest,
  type TestOption,
} from "./association.js";
import { count2, type CellSums } from "./count.js";
import type { Display } from "./display.js";
import { encodeColumn, type EncodedColumn } from "./encode.js";
import { formatCount, formatInterval, formatP, formatPercent } from "./format.js";
import { columnOf, toSource, type TableInput } from "./source.js";
import { hiddenMark, suppressCells, suppressionNote, thresholdOf, type CellStatus } from "./suppress.js";
import { Tabulation, type ToTableOptions } from "./tabulation.js";
import { range, sum } from "./util.js";
import { weightsOf } from "./weights.js";

/** Which base percentages use: within rows, within columns, or of the grand total. */
export type PercentBase = "row" | "column" | "total";

/** How missing answers are treated: reported as counts beside the table, or tabulated as a "Missing" level. */
export type MissingOption = "report" | "level";

export interface CrosstabOptions {
  /** Name of a weight column (finite numbers >= 0). */
  weight?: string;
  /** Percentage base (default "row"). */
  percent?: PercentBase;
  /** Show row and column totals (default true). */
  margins?: boolean;
  /** Wilson intervals for the chosen percentages (default "wilson"). */
  ci?: "wilson" | false;
  /** Association test (default "auto": Fisher when any expected count < 5, else chi-square). */
  test?: TestOption;
  /** Disclosure threshold: counts 1..k-1 are shown as "<k" (default 5; 0 or false turns it off). */
  suppress?: number | false;
  /** Missing answers: "report" (default) counts them beside the table; "level" adds a "Missing" level. */
  missing?: MissingOption;
  /** Caption for rendered tables (default "<row> by <col>"). */
  caption?: string;
  /** Extra footnotes for rendered tables, e.g. "Synthetic data." */
  notes?: string[];
}

/** Respondents left out because an answer was missing (unweighted counts). */
export interface CrosstabMissing {
  readonly row: number;
  readonly column: number;
  readonly both: number;
  readonly total: number;
}

/** Label of the level that holds missing answers under `missing: "level"`. */
export const MISSING_LABEL = "Missing";

/**
 * A two-way table with counts, percentages, Wilson intervals, an association test and disclosure control.
 * Numbers are kept raw on the result; only the renderers hide suppressed cells.
 */
export class CrosstabResult extends Tabulation {
  readonly kind = "crosstab";
  readonly rowVariable: string;
  readonly colVariable: string;
  readonly weight: string | null;
  readonly rowLevels: string[];
  readonly colLevels: string[];
  /** Counts (weighted sums when weighted), rows x columns, no margins. */
  readonly counts: number[][];
  /** Unweighted counts (the respondents behind each cell). */
  readonly unweighted: number[][];
  readonly rowTotals: number[];
  readonly colTotals: number[];
  readonly total: number;
  /** Unweighted bases: respondents per row, per column and in all. */
  readonly bases: { readonly row: number[]; readonly column: number[]; readonly total: number };
  /** Percentages (0-100) on each base; null where the base is empty. */
  readonly percents: {
    readonly row: (number | null)[][];
    readonly column: (number | null)[][];
    readonly total: (number | null)[][];
  };
  readonly percent: PercentBase;
  /** Wilson intervals (0-100) for the chosen percentages; weighted tables use Kish's effective base. */
  readonly intervals: { readonly lower: (number | null)[][]; readonly upper: (number | null)[][] } | null;
  readonly test: AssociationTest | NoTest | null;
  readonly missing: CrosstabMissing;
  readonly missingAs: MissingOption;
  readonly margins: boolean;
  /** Disclosure status of every cell, and of the margins (row totals, column totals, grand total). */
  readonly suppression: {
    readonly threshold: number;
    readonly cells: CellStatus[][];
    readonly rowTotals: CellStatus[];
    readonly colTotals: CellStatus[];
    readonly total: CellStatus;
    readonly any: boolean;
  };
  readonly caption: string;
  readonly notes: string[];

  constructor(init: Omit<CrosstabResult, "kind" | keyof Tabulation>) {
    super();
    this.rowVariable = init.rowVariable;
    this.colVariable = init.colVariable;
    this.weight = init.weight;
    this.rowLevels = init.rowLevels;
    this.colLevels = init.colLevels;
    this.counts = init.counts;
    this.unweighted = init.unweighted;
    this.rowTotals = init.rowTotals;
    this.colTotals = init.colTotals;
    this.total = init.total;
    this.bases = init.bases;
    this.percents = init.percents;
    this.percent = init.percent;
    this.intervals = init.intervals;
    this.test = init.test;
    this.missing = init.missing;
    this.missingAs = init.missingAs;
    this.margins = init.margins;
    this.suppression = init.suppression;
    this.caption = init.caption;
    this.notes = init.notes;
  }

  display(): Display {
    return displayCrosstab(this);
  }

  toTable(options: ToTableOptions = {}): ColumnTable {
    return tidyCrosstab(this, options.raw ?? false);
  }
}

/**
 * Cross-tabulates two categorical columns of a tidy respondent table.
 *
 * Levels come from `withLevels` when recorded (empty levels kept), else the sorted distinct values; booleans
 * read as "No"/"Yes". Missing answers are counted in `missing`, not tabulated, unless `missing: "level"`.
 * The test always runs on unweighted counts (no Rao-Scott correction), leaving out the "Missing" level.
 * @example
 * const t = crosstab(lw, "trained", "collaborates_with_providers", { percent: "row" });
 * t.counts;          // [[12, 30], [4, 23]]
 * t.test?.method;    // "fisher"
 * console.log(t.toMarkdown());
 */
export function crosstab(
  table: TableInput,
  row: string,
  col: string,
  options: CrosstabOptions = {},
): CrosstabResult {
  const fn = "crosstab";
  const source = toSource(table, fn);
  const rowEnc = encodeColumn(source.table, row, columnOf(source, row, fn), fn);
  const colEnc = encodeColumn(source.table, col, columnOf(source, col, fn), fn);
  const weights = options.weight ? weightsOf(columnOf(source, options.weight, fn), options.weight, fn) : null;
  const kr = rowEnc.levels.length + 1;
  const kc = colEnc.levels.length + 1;
  const sums = count2(rowEnc.codes, kr, colEnc.codes, kc, weights, source.rows);
  return buildCrosstab(row, col, rowEnc, colEnc, sums, options, fn);
}

function buildCrosstab(
  row: string,
  col: string,
  rowEnc: EncodedColumn,
  colEnc: EncodedColumn,
  sums: CellSums,
  options: CrosstabOptions,
  fn: string,
): CrosstabResult {
  const percent = options.percent ?? "row";
  if (!["row", "column", "total"].includes(percent)) {
    throw new Error(`${fn}: option percent must be "row", "column" or "total", got ${String(percent)}`);
  }
  const missingAs = options.missing ?? "report";
  if (missingAs !== "report" && missingAs !== "level") {
    throw new Error(`${fn}: option missing must be "report" or "level", got ${String(missingAs)}`);
  }
  const threshold = thresholdOf(options.suppress, fn);
  const kc = colEnc.levels.length + 1;
  const rm = rowEnc.levels.length;
  const cm = colEnc.levels.length;
  const at = (a: Float64Array, i: number, j: number) => a[i * kc + j]!;
  const hasMissing = (onRows: boolean) => {
    for (let t = 0; t < (onRows ? kc : rm + 1); ++t) {
      if ((onRows ? at(sums.unweighted, rm, t) : at(sums.unweighted, t, cm)) > 0) return true;
    }
    return false;
  };
  // Under missing: "level" the missing slot becomes a last level, shown only when some answer is missing.
  const rowIdx = range(rm).concat(missingAs === "level" && hasMissing(true) ? [rm] : []);
  const colIdx = range(cm).concat(missingAs === "level" && hasMissing(false) ? [cm] : []);
  const rowLevels = rowIdx.map((i) => (i === rm ? MISSING_LABEL : rowEnc.labels[i]!));
  const colLevels = colIdx.map((j) => (j === cm ? MISSING_LABEL : colEnc.labels[j]!));
  const grid = (a: Float64Array) => rowIdx.map((i) => colIdx.map((j) => at(a, i, j)));
  const counts = grid(sums.weighted);
  const unweighted = grid(sums.unweighted);
  const squares = sums.squares ? grid(sums.squares) : null;

  const rowTotals = counts.map(sum);
  const colTotals = colIdx.map((_, j) => sum(counts.map((r) => r[j]!)));
  const total = sum(rowTotals);
  const bases = {
    row: unweighted.map(sum),
    column: colIdx.map((_, j) => sum(unweighted.map((r) => r[j]!))),
    total: sum(unweighted.map(sum)),
  };
  const pct = (v: number, base: number) => (base > 0 ? (100 * v) / base : null);
  const percents = {
    row: counts.map((r, i) => r.map((v) => pct(v, rowTotals[i]!))),
    column: counts.map((r) => r.map((v, j) => pct(v, colTotals[j]!))),
    total: counts.map((r) => r.map((v) => pct(v, total))),
  };

  const ci = options.ci ?? "wilson";
  let intervals: CrosstabResult["intervals"] = null;
  if (ci === "wilson") {
    const sq = squares;
    const lineN = (cells: [number, number][]) =>
      effectiveN(
        sum(cells.map(([i, j]) => counts[i]![j]!)),
        sq ? sum(cells.map(([i, j]) => sq[i]![j]!)) : null,
        sum(cells.map(([i, j]) => unweighted[i]![j]!)),
      );
    const all: [number, number][] = counts.flatMap((r, i) => r.map((_, j) => [i, j] as [number, number]));
    const nRow = counts.map((r, i) => lineN(r.map((_, j) => [i, j])));
    const nCol = colIdx.map((_, j) => lineN(counts.map((_, i) => [i, j])));
    const nAll = lineN(all);
    const lower = counts.map((r) => r.map((): number | null => null));
    const upper = counts.map((r) => r.map((): number | null => null));
    counts.forEach((r, i) =>
      r.forEach((_, j) => {
        const p = percents[percent][i]![j]!;
        const n = percent === "row" ? nRow[i]! : percent === "column" ? nCol[j]! : nAll;
        const w = p === null ? null : wilsonPercent((p / 100) * n, n);
        lower[i]![j] = w ? w.lower : null;
        upper[i]![j] = w ? w.upper : null;
      }),
    );
    intervals = { lower, upper };
  } else if (ci !== false) {
    throw new Error(`${fn}: option ci must be "wilson" or false, got ${String(ci)}`);
  }

  const validRows = rowIdx.filter((i) => i !== rm).map((_, k) => k);
  const validCols = colIdx.filter((j) => j !== cm).map((_, k) => k);
  const testCounts = validRows.map((i) => validCols.map((j) => unweighted[i]![j]!));
  const test = associationTest(testCounts, options.test ?? "auto");

  let missingRow = 0;
  let missingCol = 0;
  for (let j = 0; j < cm; ++j) missingRow += at(sums.unweighted, rm, j);
  for (let i = 0; i < rm; ++i) missingCol += at(sums.unweighted, i, cm);
  const both = at(sums.unweighted, rm, cm);
  const missing =
    missingAs === "level"
      ? { row: 0, column: 0, both: 0, total: 0 }
      : { row: missingRow, column: missingCol, both, total: missingRow + missingCol + both };

  const suppression = suppressGrid(unweighted, bases, threshold);
  return new CrosstabResult({
    rowVariable: row,
    colVariable: col,
    weight: options.weight ?? null,
    rowLevels,
    colLevels,
    counts,
    unweighted,
    rowTotals,
    colTotals,
    total,
    bases,
    percents,
    percent,
    intervals,
    test,
    missing,
    missingAs,
    margins: options.margins ?? true,
    suppression,
    caption: options.caption ?? `${row} by ${col}`,
    notes: options.notes ?? [],
  });
}

/** Lays the table and its margins out as one (r+1) x (c+1) grid of additive relations and suppresses it. */
function suppressGrid(
  unweighted: number[][],
  bases: { row: number[]; column: number[]; total: number },
  threshold: number,
): CrosstabResult["suppression"] {
  const r = unweighted.length;
  const c = bases.column.length;
  const w = c + 1;
  const values: number[] = [];
  for (let i = 0; i <= r; ++i) {
    for (let j = 0; j <= c; ++j) {
      values.push(
        i < r && j < c ? unweighted[i]![j]! : i < r ? bases.row[i]! : j < c ? bases.column[j]! : bases.total,
      );
    }
  }
  const lines = [
    ...range(r + 1).map((i) => range(c + 1).map((j) => i * w + j)),
    ...range(c + 1).map((j) => range(r + 1).map((i) => i * w + j)),
  ];
  const rank = (cell: number) => (Math.floor(cell / w) === r ? 1 : 0) + (cell % w === c ? 1 : 0);
  const status = suppressCells(values, lines, threshold, rank);
  const cells = range(r).map((i) => range(c).map((j) => status[i * w + j]!));
  return {
    threshold,
    cells,
    rowTotals: range(r).map((i) => status[i * w + c]!),
    colTotals: range(c).map((j) => status[r * w + j]!),
    total: status[r * w + c]!,
    any: status.some((s) => s !== "shown"),
  };
}

/** A percentage is hidden with its cell, and with its base when disclosure control hides the base. */
function percentHidden(t: CrosstabResult, i: number, j: number): boolean {
  const s = t.suppression;
  if (s.cells[i]![j] !== "shown") return true;
  if (t.percent === "row") return s.rowTotals[i] !== "shown";
  if (t.percent === "column") return s.colTotals[j] !== "shown";
  return s.total !== "shown";
}

function displayCrosstab(t: CrosstabResult): Display {
  const s = t.suppression;
  const hidden = (st: CellStatus) => hiddenMark(st);
  // A percentage is hidden with its cell, and with its base when the base itself is hidden.
  const cell = (i: number, j: number) => {
    const h = hidden(s.cells[i]![j]!);
    if (h) return h;
    const n = formatCount(t.counts[i]![j]!);
    if (percentHidden(t, i, j)) return n;
    const p = t.percents[t.percent][i]![j]!;
    if (p === null) return n;
    const ci = t.intervals ? `, ${formatInterval(t.intervals.lower[i]![j]!, t.intervals.upper[i]![j]!)}` : "";
    return `${n} (${formatPercent(p)}${ci})`;
  };
  const total = (value: number, st: CellStatus) => hidden(st) ?? formatCount(value);
  const head = [`${t.rowVariable} \\ ${t.colVariable}`, ...t.colLevels, ...(t.margins ? ["Total"] : [])];
  const body = t.rowLevels.map((label, i) => [
    label,
    ...t.colLevels.map((_, j) => cell(i, j)),
    ...(t.margins ? [total(t.rowTotals[i]!, s.rowTotals[i]!)] : []),
  ]);
  const foot = t.margins
    ? [["Total", ...t.colTotals.map((v, j) => total(v, s.colTotals[j]!)), total(t.total, s.total)]]
    : [];
  return { caption: t.caption, head, body, foot, notes: crosstabNotes(t) };
}

function crosstabNotes(t: CrosstabResult): string[] {
  const notes: string[] = [];
  const of = { row: "row", column: "column", total: "the grand total" }[t.percent];
  const ci = t.intervals ? " with 95% Wilson intervals" : "";
  const per = t.percent === "total" ? "of the grand total" : `of each ${of}`;
  notes.push(`Cells: count (percentage ${per}${ci}).`);
  if (t.weight) {
    notes.push(
      `Weighted by "${t.weight}": counts and percentages are weighted; unweighted base n = ${formatCount(t.bases.total)}` +
        (t.intervals ? "; intervals use Kish's effective sample size." : "."),
    );
  } else {
    notes.push(`Base n = ${formatCount(t.bases.total)}.`);
  }
  if (t.missing.total > 0) {
    notes.push(
      `Missing (not tabulated): ${formatCount(t.missing.total)} respondents` +
        ` (${t.rowVariable}: ${t.missing.row}, ${t.colVariable}: ${t.missing.column}, both: ${t.missing.both}).`,
    );
  }
  const rule = suppressionNote(t.suppression.threshold, t.suppression.any, !!t.weight);
  if (t.test && t.suppression.any) notes.push("Test not shown: it could reveal suppressed cells.");
  else if (t.test) notes.push(testNote(t.test, !!t.weight));
  if (rule) notes.push(rule);
  notes.push(...t.notes);
  return notes;
}

/** One sentence on the association test, for footnotes. */
export function testNote(result: AssociationTest | NoTest, weighted: boolean): string {
  if (result.method === null) return `Association: ${result.reason}.`;
  // tslab compiles without strictNullChecks, where `method === null` does not narrow the union.
  const test = result as AssociationTest;
  const on = weighted ? " (on unweighted counts)" : "";
  const v = `Cramér's V = ${test.cramersV.toFixed(3)}`;
  if (test.method === "fisher")
    return `Fisher's exact test${on}: p = ${formatP(test.p)}; ${v} (${test.reason}).`;
  return (
    `Chi-square test${on}: X² = ${test.statistic.toFixed(2)}, df = ${test.df}, p = ${formatP(test.p)}; ${v}` +
    ` (${test.reason}).`
  );
}

function tidyCrosstab(t: CrosstabResult, raw: boolean): ColumnTable {
  const cols: Record<string, unknown[]> = {
    row: [],
    col: [],
    n: [],
    n_unweighted: [],
    percent: [],
    ci_lower: [],
    ci_upper: [],
    suppressed: [],
  };
  t.rowLevels.forEach((rl, i) =>
    t.colLevels.forEach((cl, j) => {
      const status = t.suppression.cells[i]![j]!;
      const hide = !raw && status !== "shown";
      const hidePct = !raw && percentHidden(t, i, j);
      cols.row!.push(rl);
      cols.col!.push(cl);
      cols.n!.push(hide ? null : t.counts[i]![j]!);
      cols.n_unweighted!.push(hide ? null : t.unweighted[i]![j]!);
      cols.percent!.push(hidePct ? null : t.percents[t.percent][i]![j]!);
      cols.ci_lower!.push(hidePct || !t.intervals ? null : t.intervals.lower[i]![j]!);
      cols.ci_upper!.push(hidePct || !t.intervals ? null : t.intervals.upper[i]![j]!);
      cols.suppressed!.push(status !== "shown");
    }),
  );
  return makeTable(cols);
}
