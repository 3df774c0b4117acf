import { HIDDEN_MARK } from "../tabulate/suppress.js";
import type { ColumnTable } from "arquero";
import { readGroups } from "../multi-select/read.js";
import {
  mantelHaenszel,
  type GeneralisedMantelHaenszelResult,
  type MantelHaenszelResult,
} from "../stats/mantel-haenszel.js";
import type { Display } from "../tabulate/display.js";
import { formatP } from "../tabulate/format.js";
import { publishTable } from "../tabulate/publish.js";
import { toSource } from "../tabulate/source.js";
import { hiddenMark, suppressCells, thresholdOf, type CellStatus } from "../tabulate/suppress.js";

/** Options of {@link stratified}. */
export interface StratifiedOptions {
  /** Disclosure threshold (default 5; 0 or false turns it off). */
  suppress?: number | false;
  /** Continuity correction of the 2 x 2 x K test (default true, as R). */
  correct?: boolean;
  /** Confidence level of the common odds ratio (default 0.95). */
  level?: number;
}

/** One stratum's table of unweighted counts with its disclosure status. */
export interface StratumTable {
  readonly stratum: string;
  /** Counts, rows x columns (levels of `row` and `col`). */
  readonly counts: number[][];
  readonly status: CellStatus[][];
  /** True when any cell or margin of this stratum is suppressed. */
  readonly hidden: boolean;
  readonly n: number;
}

/** The pooled Cochran-Mantel-Haenszel test, with what entered it. */
export type PooledTest = (MantelHaenszelResult | GeneralisedMantelHaenszelResult) & {
  /** Strata that entered on their own (tables shown in full). */
  readonly strataUsed: string[];
  /** Hidden strata that entered as one combined stratum (empty when none). */
  readonly merged: string[];
  /** Strata left out: hidden strata whose combined table still has a small count, or strata with n < 2. */
  readonly leftOut: string[];
};

/** One table per stratum plus the pooled test. */
export interface StratifiedResult {
  readonly row: string;
  readonly col: string;
  readonly strata: string;
  readonly rowLevels: string[];
  readonly colLevels: string[];
  readonly tables: StratumTable[];
  readonly threshold: number;
  /** null when no stratum may enter the test (the reason says why). */
  readonly pooled: PooledTest | null;
  readonly reason: string;
  /** Respondents left out because row, column or stratum was missing. */
  readonly missing: number;
}

/**
 * A cross-tab of `row` by `col` within each level of `strata`, every stratum's table suppressed on its own
 * (cells and margins, as a cross-tab), and the Cochran-Mantel-Haenszel test of `row` vs `col` given the
 * strata (R's `mantelhaen.test`, with the common odds ratio for 2 x 2 tables).
 *
 * The rule for hidden strata (a stratum whose table has any suppressed cell): the pooled test never uses
 * numbers that the hidden stratum's table would reveal. Hidden strata are combined into ONE stratum; it
 * enters the test only when the combined table has no count of 1 to threshold-1, and is left out otherwise.
 * Why: given the shown strata, a pooled statistic computed with a hidden stratum's own counts lets a reader
 * solve for that stratum's cell (the statistic is a sum over strata of known quantities plus its count). The
 * combined table of the hidden strata equals the overall table minus the shown strata, so it is already
 * derivable from published tables; using it adds nothing a reader could not compute, as long as it is itself
 * publishable. Strata with fewer than 2 respondents carry no information for the test (R refuses them) and
 * are left out. The result lists strata used, merged and left out, so a report can say so.
 * @example
 * const s = stratified(lw, "trained", "knows_guideline", "ap_area");
 * s.pooled?.p; s.pooled?.form === "2x2xK" && s.pooled.oddsRatio; s.reason;
 */
export function stratified(
  table: ColumnTable,
  row: string,
  col: string,
  strata: string,
  options: StratifiedOptions = {},
): StratifiedResult {
  const fn = "stratified";
  const R = readGroups(fn, table, row);
  const C = readGroups(fn, table, col);
  const S = readGroups(fn, table, strata);
  const threshold = thresholdOf(options.suppress, fn);
  const grid = () => R.levels.map(() => new Array<number>(C.levels.length).fill(0));
  const counts = S.levels.map(grid);
  const ri = new Map(R.levels.map((l, i) => [l, i]));
  const ci = new Map(C.levels.map((l, i) => [l, i]));
  const si = new Map(S.levels.map((l, i) => [l, i]));
  let missing = 0;
  R.labels.forEach((r, k) => {
    const c = C.labels[k];
    const s = S.labels[k];
    if (r === null || c === null || c === undefined || s === null || s === undefined) return void missing++;
    counts[si.get(s)!]![ri.get(r)!]![ci.get(c)!]!++;
  });
  const own = S.levels.map((_, k) => suppressTable(counts[k]!, threshold));
  const published = publishStrata(
    table,
    { row, col, strata },
    [R.levels, C.levels, S.levels],
    counts,
    own,
    threshold,
  );
  const tables = S.levels.map((stratum, k): StratumTable => ({
    stratum,
    counts: counts[k]!,
    status: published[k]!.cells,
    hidden: published[k]!.any,
    n: counts[k]!.flat().reduce((a, b) => a + b, 0),
  }));
  const usable = tables.filter((t) => t.n >= 2);
  const tooSmall = tables.filter((t) => t.n > 0 && t.n < 2).map((t) => t.stratum);
  const shown = usable.filter((t) => !t.hidden);
  const hidden = usable.filter((t) => t.hidden);
  const enter = shown.map((t) => t.counts);
  let merged: string[] = [];
  let leftOut = [...tooSmall];
  if (hidden.length) {
    const combined = grid();
    hidden.forEach((t) => t.counts.forEach((r, i) => r.forEach((v, j) => (combined[i]![j]! += v))));
    if (suppressTable(combined, threshold).any) leftOut = leftOut.concat(hidden.map((t) => t.stratum));
    else {
      enter.push(combined);
      merged = hidden.map((t) => t.stratum);
    }
  }
  const base = { row, col, strata, rowLevels: R.levels, colLevels: C.levels, tables, threshold, missing };
  if (enter.length === 0)
    return {
      ...base,
      pooled: null,
      reason: "no pooled test: every stratum is hidden by disclosure control or too small",
    };
  let pooled: PooledTest;
  try {
    const test = mantelHaenszel(enter, { correct: options.correct, level: options.level });
    pooled = { ...test, strataUsed: shown.map((t) => t.stratum), merged, leftOut };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, pooled: null, reason: `no pooled test: ${message}` };
  }
  const parts = [`${shown.length} stratum table(s) shown in full`];
  if (merged.length) parts.push(`${merged.length} hidden strata combined into one (${merged.join(", ")})`);
  if (leftOut.length) parts.push(`left out: ${leftOut.join(", ")} (hidden or fewer than 2 respondents)`);
  return { ...base, pooled, reason: `Cochran-Mantel-Haenszel test over ${parts.join("; ")}` };
}

// The run's ledger: every stratum's cells { row, col, strata } and its row totals (shown beside them unless the
// stratum is hidden), so that a stratum table does not show a cell an earlier crosstab or frequencies table of
// these columns hid, nor give one back by subtraction (weighted strata publish their unweighted counts the same way). A stratum is hidden (its row totals "–", and it enters the
// pooled test only combined) when any of its cells or totals comes back hidden. The column totals are not shown
// and not published; the missing count (a union over three columns) keeps its own rule.
export function publishStrata(
  table: ColumnTable,
  names: { row: string; col: string; strata: string },
  [rows, cols, strata]: [readonly string[], readonly string[], readonly string[]],
  counts: number[][][],
  own: { cells: CellStatus[][]; any: boolean }[],
  threshold: number,
): { cells: CellStatus[][]; any: boolean }[] {
  const cells = strata.flatMap((s, k) => [
    ...rows.flatMap((r, i) =>
      cols.map((c, j) => ({
        where: { [names.row]: [r], [names.col]: [c], [names.strata]: [s] },
        count: counts[k]![i]![j]!,
        status: own[k]!.cells[i]![j]!,
      })),
    ),
    ...rows.map((r, i) => ({
      where: { [names.row]: [r], [names.col]: cols, [names.strata]: [s] },
      count: counts[k]![i]!.reduce((a, b) => a + b, 0),
      status: own[k]!.any ? ("secondary" as const) : ("shown" as const),
    })),
  ]);
  const status = publishTable({
    source: toSource(table, "stratified"),
    label: `stratified ${names.row} by ${names.col} within ${names.strata}`,
    threshold,
    variables: { [names.row]: rows, [names.col]: cols, [names.strata]: strata },
    cells,
  });
  const per = rows.length * cols.length + rows.length;
  return strata.map((_, k) => {
    const mine = status.slice(k * per, (k + 1) * per);
    const grid = rows.map((_, i) => mine.slice(i * cols.length, (i + 1) * cols.length));
    return { cells: grid, any: mine.some((x) => x !== "shown") };
  });
}

/** Cross-tab suppression of one table (unweighted counts): cells plus row, column and grand totals as additive relations. Shared with weighted strata so both suppress alike. */
export function suppressTable(cells: number[][], threshold: number): { cells: CellStatus[][]; any: boolean } {
  const r = cells.length;
  const c = cells[0]!.length;
  const w = c + 1;
  const rows = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  rows.push(Array.from({ length: w }, (_, j) => rows.reduce((a, row) => a + row[j]!, 0)));
  const lines = [
    ...rows.map((_, i) => Array.from({ length: w }, (_, j) => i * w + j)),
    ...Array.from({ length: w }, (_, j) => rows.map((_, i) => i * w + j)),
  ];
  const status = suppressCells(
    rows.flat(),
    lines,
    threshold,
    (cell) => (Math.floor(cell / w) === r ? 1 : 0) + (cell % w === c ? 1 : 0),
  );
  return {
    cells: cells.map((row, i) => row.map((_, j) => status[i * w + j]!)),
    any: status.some((s) => s !== "shown"),
  };
}

/**
 * The stratum tables stacked into one table to show or export (a row per stratum and row level; "<5" and
 * "[c]" where suppressed, a hidden stratum's margin hidden with it), the pooled test and what entered it in
 * the footnotes.
 * @example
 * toCsv(stratifiedDisplay(stratified(lw, "trained", "knows_guideline", "ap_area")));
 */
export function stratifiedDisplay(r: StratifiedResult, caption?: string): Display {
  const mark = hiddenMark;
  const body = r.tables.flatMap((t) =>
    r.rowLevels.map((level, i) => [
      `${t.stratum} · ${level}`,
      ...r.colLevels.map((_, j) => mark(t.status[i]![j]!) ?? String(t.counts[i]![j]!)),
      t.hidden ? "–" : String(t.counts[i]!.reduce((a, b) => a + b, 0)),
    ]),
  );
  const missing = r.missing === 0 || r.missing >= r.threshold ? String(r.missing) : HIDDEN_MARK;
  const notes = [
    `Cells: respondents (unweighted). Strata: ${r.strata}; ${missing} respondents had a missing answer.`,
  ];
  const p = r.pooled;
  if (p && r.tables.some((t) => t.hidden)) {
    // The rule every test beside a table with hidden cells follows (src/disclosure/README.md): the verdict
    // stays, the statistic and p-value go.
    const verdict =
      p.p < 0.05 ? "an association at the 5% level" : "no evidence of an association at the 5% level";
    notes.push(
      `${r.reason}: ${verdict}; statistic and p-value hidden because stratum tables hide small cells.`,
    );
  } else if (p) {
    const or =
      p.form === "2x2xK"
        ? `; common odds ratio ${p.oddsRatio.toFixed(2)} (${Math.round(p.level * 100)}% CI ${p.lower.toFixed(2)}–${p.upper.toFixed(2)})`
        : "";
    notes.push(`${r.reason}: X² = ${p.statistic.toFixed(2)}, df = ${p.df}, ${formatP(p.p)}${or}.`);
  } else notes.push(`${r.reason}.`);
  if (r.threshold > 0)
    notes.push(
      `Disclosure control: counts of 1-${r.threshold - 1}, and further counts chosen so that none can be recovered by subtraction, are shown as "[c]"; hidden strata enter the pooled test only combined, and only when the combined table has no small count.`,
    );
  return {
    caption: caption ?? `${r.row} by ${r.col} within ${r.strata}`,
    head: [`${r.strata} · ${r.row} \\ ${r.col}`, ...r.colLevels, "Total"],
    body,
    foot: [],
    notes,
  };
}
