import { table, type ColumnTable } from "arquero";
import { withLevels } from "../../src/codebook/levels.js";

/** Repeats each [value, times] pair, in order: a compact way to write hand-countable columns. */
export function rep<T>(...pairs: [T, number][]): T[] {
  return pairs.flatMap(([value, times]) => Array.from({ length: times }, () => value));
}

/** Rows built from (row, col, count) triples, so expected cross-tab counts can be read off the call. */
export function cells(rowName: string, colName: string, triples: [string, string, number][]): ColumnTable {
  const rows: string[] = [];
  const cols: string[] = [];
  for (const [r, c, k] of triples) {
    for (let i = 0; i < k; ++i) {
      rows.push(r);
      cols.push(c);
    }
  }
  return table({ [rowName]: rows, [colName]: cols });
}

/** A synthetic "trained" question: 6 No, 10 Yes-before, 4 Yes-current, 0 Unsure, 2 missing. */
export function trained(): ColumnTable {
  const t = table({
    trained: rep<string | null>(["No", 6], ["Yes, before", 10], ["Yes, current", 4], [null, 2]),
  });
  return withLevels(t, { trained: ["No", "Yes, before", "Yes, current", "Unsure"] });
}

/**
 * R's ?fisher.test "TeaTasting": guesses x truth = [[3, 1], [1, 3]]. R prints p-value = 0.4857; by hand the
 * hypergeometric probabilities with all margins 4 are (1, 16, 36, 16, 1) / 70 and the two-sided p sums those
 * <= 16/70: 34/70.
 */
export const tea = (): ColumnTable =>
  cells("guess", "truth", [
    ["Milk", "Milk", 3],
    ["Milk", "Tea", 1],
    ["Tea", "Milk", 1],
    ["Tea", "Tea", 3],
  ]);
