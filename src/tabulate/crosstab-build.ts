import { associationTest, surveySharePercent, wilsonPercent } from "./association.js";
import { compareCrosstabColumns } from "./crosstab-compare.js";
import type { CellSums } from "./count.js";
import type { CrosstabInit, CrosstabOptions } from "./crosstab.js";
import { suppressCrosstab, type CrosstabLedgerStep } from "./crosstab-suppress.js";
import type { EncodedColumn } from "./encode.js";
import { MISSING_LABEL } from "./labels.js";
import { missingOption, oneOf, wantsCi } from "./options.js";
import { thresholdOf } from "./suppress.js";
import type { Intervals, PercentBase } from "./tabulation.js";
import { missingStatus, NO_ANSWER, publishTable } from "./publish.js";
import type { Source } from "./source.js";
import { range, sum } from "./util.js";

/** Turns the one-pass cell sums of a cross-tab into its result fields: levels, margins, percentages, test. */
export function buildCrosstab(
  row: string,
  by: string,
  rowEnc: EncodedColumn,
  colEnc: EncodedColumn,
  sums: CellSums,
  options: CrosstabOptions,
  fn: string,
  source: Source,
): CrosstabInit {
  const percent = oneOf<PercentBase>(fn, "percent", options.percent, ["row", "column", "total"], "row");
  const missingAs = missingOption(fn, options.missing);
  const threshold = thresholdOf(options.suppress, fn);
  const withCi = wantsCi(fn, options.ci);
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
  const rowBases = unweighted.map(sum);
  const colBases = colIdx.map((_, j) => sum(unweighted.map((r) => r[j]!)));
  const base = sum(rowBases);
  const pct = (v: number, b: number) => (b > 0 ? (100 * v) / b : null);
  const allPercents = {
    row: counts.map((r, i) => r.map((v) => pct(v, rowTotals[i]!))),
    column: counts.map((r) => r.map((v, j) => pct(v, colTotals[j]!))),
    total: counts.map((r) => r.map((v) => pct(v, total))),
  };
  const percents = allPercents[percent];
  const intervals = withCi ? intervalGrid(counts, unweighted, squares, percents, percent) : null;

  const validRows = rowIdx.filter((i) => i !== rm).map((_, k) => k);
  const validCols = colIdx.filter((j) => j !== cm).map((_, k) => k);
  const testCounts = validRows.map((i) => validCols.map((j) => unweighted[i]![j]!));
  // Weighted: the design-based Rao-Scott test (issue 12) needs only the cell sums of w and w^2 and n.
  const valid = (g: number[][]) => validRows.map((i) => validCols.map((j) => g[i]![j]!));
  const design = squares
    ? { sums: valid(counts), squares: valid(squares), n: sum(testCounts.map(sum)) }
    : undefined;
  const test = associationTest(testCounts, options.test ?? "auto", design);

  let missingRow = 0;
  let missingCol = 0;
  for (let j = 0; j < cm; ++j) missingRow += at(sums.unweighted, rm, j);
  for (let i = 0; i < rm; ++i) missingCol += at(sums.unweighted, i, cm);
  const both = at(sums.unweighted, rm, cm);
  const missing =
    missingAs === "level"
      ? { row: 0, column: 0, both: 0, total: 0 }
      : { row: missingRow, column: missingCol, both, total: missingRow + missingCol + both };

  // The run's ledger: every cell and margin, and the missing parts. The table counts people who answered both
  // questions, so a row margin lists every level of `by` (and a column margin every level of the row).
  const rowOf = (i: number) => (i === rm ? NO_ANSWER : rowEnc.labels[i]!);
  const colOf = (j: number) => (j === cm ? NO_ANSWER : colEnc.labels[j]!);
  const allRows = rowIdx.map(rowOf);
  const allCols = colIdx.map(colOf);
  const validRowLevels = [...rowEnc.labels];
  const validColLevels = [...colEnc.labels];
  const ledger: CrosstabLedgerStep = (own, values) => {
    const r = rowIdx.length;
    const c = colIdx.length;
    const w = c + 1;
    const where = (i: number, j: number) => ({
      [row]: i < r ? [rowOf(rowIdx[i]!)] : allRows,
      [by]: j < c ? [colOf(colIdx[j]!)] : allCols,
    });
    const table = values.map((count, cell) => ({
      where: where(Math.floor(cell / w), cell % w),
      count,
      status: own[cell]!,
    }));
    const parts =
      missingAs === "report"
        ? [
            { where: { [row]: [NO_ANSWER], [by]: validColLevels }, count: missingRow },
            { where: { [row]: validRowLevels, [by]: [NO_ANSWER] }, count: missingCol },
            { where: { [row]: [NO_ANSWER], [by]: [NO_ANSWER] }, count: both },
          ]
        : [];
    const out = publishTable({
      source,
      label: options.caption ?? `${row} by ${by}`,
      threshold,
      variables: { [row]: validRowLevels, [by]: validColLevels },
      cells: [...table, ...parts],
    });
    const m = (k: number, n: number) => {
      const st = out[values.length + k];
      return st && st !== "shown" ? st : missingStatus(n, threshold);
    };
    return {
      status: out.slice(0, values.length),
      missing:
        missingAs === "report"
          ? [m(0, missingRow), m(1, missingCol), m(2, both)]
          : ["shown", "shown", "shown"],
    };
  };
  const suppression = suppressCrosstab(
    unweighted,
    { row: rowBases, column: colBases, total: base },
    percent,
    threshold,
    ledger,
  );
  const comparisons = compareCrosstabColumns(
    fn,
    { rowLevels, colLevels, counts, squares, percent, suppression },
    { compare: options.compare, adjust: options.adjust },
  );
  const baseOf = (i: number, j: number) =>
    percent === "row" ? rowBases[i]! : percent === "column" ? colBases[j]! : base;
  return {
    variable: row,
    by,
    weight: options.weight ?? null,
    rowLevels,
    colLevels,
    counts,
    unweighted,
    percent,
    percents,
    intervals,
    bases: rowLevels.map((_, i) => colLevels.map((_, j) => baseOf(i, j))),
    base,
    suppression,
    // A test on a table that hides cells is marked, so that formatTest prints only its verdict wherever the
    // test is taken from (a notebook's own console.log of `table.test` as well as the table's footnote).
    test: suppression.any && test && test.method !== null ? { ...test, hidden: true } : test,
    caption: options.caption ?? `${row} by ${by}`,
    notes: options.notes ?? [],
    rowTotals,
    colTotals,
    total,
    rowBases,
    colBases,
    allPercents,
    missing,
    missingAs,
    margins: options.margins ?? true,
    comparisons,
  };
}

/**
 * Intervals of the percentages on the chosen base. Unweighted: Wilson. Weighted: the design-based interval
 * of R's svyciprop (xlogit) for svydesign(ids = ~1, weights = ~w) over the tabulated respondents, the
 * percentage's row, column or the whole table being the domain (see surveySharePercent).
 */
function intervalGrid(
  counts: number[][],
  unweighted: number[][],
  squares: number[][] | null,
  percents: (number | null)[][],
  percent: PercentBase,
): Intervals {
  type Line = { weight: number; squares: number; n: number };
  const lineOf = (cells: [number, number][]): Line => ({
    weight: sum(cells.map(([i, j]) => counts[i]![j]!)),
    squares: squares ? sum(cells.map(([i, j]) => squares[i]![j]!)) : 0,
    n: sum(cells.map(([i, j]) => unweighted[i]![j]!)),
  });
  const all: [number, number][] = counts.flatMap((r, i) => r.map((_, j) => [i, j] as [number, number]));
  const rows = counts.map((r, i) => lineOf(r.map((_, j) => [i, j])));
  const cols = (counts[0] ?? []).map((_, j) => lineOf(counts.map((_, i) => [i, j])));
  const whole = lineOf(all);
  const lower = counts.map((r) => r.map((): number | null => null));
  const upper = counts.map((r) => r.map((): number | null => null));
  counts.forEach((r, i) =>
    r.forEach((_, j) => {
      const p = percents[i]![j]!;
      if (p === null) return;
      const line = percent === "row" ? rows[i]! : percent === "column" ? cols[j]! : whole;
      const yesWeight = counts[i]![j]!;
      const yesSquares = squares ? squares[i]![j]! : 0;
      const ci = squares
        ? surveySharePercent({
            yesWeight,
            noWeight: line.weight - yesWeight,
            yesSquares,
            noSquares: line.squares - yesSquares,
            domainN: line.n,
            designN: whole.n,
          })
        : wilsonPercent((p / 100) * line.n, line.n);
      lower[i]![j] = ci ? ci.lower : null;
      upper[i]![j] = ci ? ci.upper : null;
    }),
  );
  return { lower, upper };
}
