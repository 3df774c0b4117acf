import { collapsedShareInterval, type AssociationTest, type NoTest } from "./association.js";
import { count2 } from "./count.js";
import { crosstab } from "./crosstab.js";
import type { EncodedColumn } from "./encode.js";
import { likertSuppression, type LikertSummaryInit, type LikertSummaryOptions } from "./likert-summary.js";
import { missingStatus } from "./publish.js";
import { columnOf, type Source } from "./source.js";
import { thresholdOf, type CellStatus } from "./suppress.js";
import { range, sum } from "./util.js";
import { weightsOf } from "./weights.js";

/**
 * The rows of a Likert summary by a breakdown: one row per item and group (the group's label alone when there
 * is one item). Each item is tabulated as the cross-tab of the breakdown by the item (row percentages), so
 * its cells, margins, ledger entries and test follow the cross-tab's disclosure rules exactly: each group's
 * levels with the group's total, each level across groups with the level's total (the item's summary without
 * `by`), and a hidden cell hides only itself and the cells chosen to protect it, never the whole row.
 */
export function likertByRows(
  source: Source,
  names: readonly string[],
  encoded: readonly EncodedColumn[],
  byEnc: EncodedColumn,
  top: readonly number[],
  ci: boolean,
  options: LikertSummaryOptions & { by: string },
  fn: string,
): Omit<LikertSummaryInit, "variable" | "caption" | "notes" | "items" | "topBoxLevels"> {
  const by = options.by;
  const scale = encoded[0]!.labels;
  const k = scale.length;
  const groups = byEnc.labels;
  const g = groups.length;
  const weights = options.weight ? weightsOf(columnOf(source, options.weight, fn), options.weight, fn) : null;
  const rowLevels: string[] = [];
  const counts: number[][] = [];
  const unweighted: number[][] = [];
  const percents: (number | null)[][] = [];
  const cells: CellStatus[][] = [];
  const rowStatus: CellStatus[] = [];
  const rowTotals: number[] = [];
  const rowBases: number[] = [];
  const topBox: LikertSummaryInit["topBox"][number][] = [];
  const missing: number[] = [];
  const missingStatuses: CellStatus[] = [];
  const rowItems: number[] = [];
  const rowGroups: number[] = [];
  const tests: (AssociationTest | NoTest)[] = [];
  names.forEach((name, item) => {
    const x = crosstab(source.table, by, {
      by: name,
      percent: "row",
      ...(options.weight ? { weight: options.weight } : {}),
      suppress: options.suppress ?? 5,
      ci: false,
      caption: options.caption ?? `${name} by ${by}`,
    });
    tests.push(x.test as AssociationTest | NoTest);
    // Per group: sums of squared weights (for the top box's interval) and the item's missing answers.
    const sums = count2(byEnc.codes, g + 1, encoded[item]!.codes, k + 1, weights, source.rows);
    for (let i = 0; i < g; ++i) {
      rowLevels.push(names.length === 1 ? groups[i]! : `${options.labels?.[name] ?? name}: ${groups[i]}`);
      rowItems.push(item);
      rowGroups.push(i);
      counts.push([...x.counts[i]!]);
      unweighted.push([...x.unweighted[i]!]);
      percents.push([...x.allPercents.row[i]!]);
      cells.push([...x.suppression.cells[i]!]);
      rowStatus.push(x.suppression.rowTotals[i]!);
      rowTotals.push(x.rowTotals[i]!);
      rowBases.push(x.rowBases[i]!);
      const m = sums.unweighted[i * (k + 1) + k]!;
      missing.push(m);
      missingStatuses.push(missingStatus(m, x.suppression.threshold));
      const count = sum(top.map((j) => x.counts[i]![j]!));
      const total = x.rowTotals[i]!;
      const percent = total > 0 ? (100 * count) / total : null;
      // Weighted: R's svyciprop (xlogit) within the group, the design being the item's cross-tab respondents
      // (as the unbroken top box and crosstab's weighted shares); unweighted: Wilson.
      const sq = sums.squares;
      const at = (j: number) => sq![i * (k + 1) + j]!;
      const squares = sq ? { part: sum(top.map(at)), whole: sum(range(k).map(at)) } : null;
      const w = ci ? collapsedShareInterval(count, total, squares, x.rowBases[i]!, sum(x.rowBases)) : null;
      topBox.push({ count, percent, lower: w ? w.lower : null, upper: w ? w.upper : null });
    }
  });
  const threshold = thresholdOf(options.suppress, fn);
  return {
    by,
    weight: options.weight ?? null,
    rowLevels,
    colLevels: [...scale],
    counts,
    unweighted,
    percent: "row",
    percents,
    intervals: null,
    bases: rowBases.map((b) => scale.map(() => b)),
    base: answeredBoth(encoded, byEnc, k, g, source),
    suppression: likertSuppression(threshold, cells, rowStatus, missingStatuses, scale.length),
    // One item: its association test (as the cross-tab's: Fisher / chi-square, Rao-Scott when weighted).
    test: names.length === 1 ? tests[0]! : null,
    rowTotals,
    rowBases,
    topBox,
    missing,
    groups: [...groups],
    rowItems,
    rowGroups,
    tests,
  };
}

/** Respondents with a `by` answer who answered at least one item. */
function answeredBoth(
  encoded: readonly EncodedColumn[],
  byEnc: EncodedColumn,
  k: number,
  g: number,
  source: Source,
): number {
  let n = 0;
  for (let r = 0; r < source.n; ++r) {
    const i = source.rows ? source.rows[r]! : r;
    if (byEnc.codes[i] !== g && encoded.some((enc) => enc.codes[i] !== k)) ++n;
  }
  return n;
}
