import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { adjustP } from "./adjust-p.js";

/** One pairwise comparison of two columns' proportions within a row. */
export interface ColumnPair {
  readonly row: number;
  /** Column indices, a < b. */
  readonly a: number;
  readonly b: number;
  readonly z: number;
  readonly p: number;
  /** p adjusted across the pairs of this row (the family SPSS Custom Tables adjusts). */
  readonly adjustedP: number;
  readonly significant: boolean;
}

/** Which columns differ from which, as letters (SPSS Custom Tables / Q "column comparisons"). */
export interface ColumnComparisons {
  /** The letter of each column: A, B, C, ... (AA, AB after Z). */
  readonly keys: string[];
  /** Per cell, the keys of the columns whose proportion this cell's column significantly exceeds, e.g. "BC". */
  readonly marks: string[][];
  readonly pairs: ColumnPair[];
  /** For a footnote: test, adjustment, family and level. */
  readonly note: string;
}

/**
 * Column-proportion comparisons as SPSS Custom Tables ("Compare column proportions") and Q show them: within
 * each row, every pair of columns is compared with the two-proportion z-test on the pooled proportion
 * (z^2 equals R `prop.test(c(x_a, x_b), c(n_a, n_b), correct = FALSE)$statistic`), p-values are adjusted
 * across the row's pairs (Bonferroni as SPSS, or Holm), and a cell is marked with the key of every column
 * whose proportion its column significantly exceeds.
 *
 * `bases` are the column bases (default: column totals of `counts`); for a weighted table pass weighted
 * counts and Kish effective bases, an approximation (SPSS does the same). Pairs that touch a `hidden` cell
 * (disclosure control) are not tested and are not in the family, so no mark can reveal a hidden count.
 * Pairs whose pooled proportion is 0 or 1 have no test (z undefined) and are left out too.
 *
 * @example
 * const c = compareColumnProportions([[30, 10, 22], [20, 40, 28]]);
 * c.keys;     // ["A", "B", "C"]
 * c.marks[0]; // ["B", "", "B"]: column A's and C's share of row 0 significantly exceed column B's
 */
export function compareColumnProportions(
  counts: readonly (readonly number[])[],
  options: {
    bases?: readonly number[];
    adjust?: "bonferroni" | "holm";
    alpha?: number;
    hidden?: readonly (readonly boolean[])[];
  } = {},
): ColumnComparisons {
  const fn = "compareColumnProportions";
  const { adjust = "bonferroni", alpha = 0.05, hidden } = options;
  if (adjust !== "bonferroni" && adjust !== "holm") {
    throw new Error(`${fn}: option adjust must be "bonferroni" or "holm", got ${String(adjust)}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new Error(`${fn}: option alpha must be between 0 and 1, got ${alpha}`);
  const width = counts[0]?.length ?? 0;
  counts.forEach((row, i) =>
    row.forEach((v, j) => {
      if (!(v >= 0 && v < Infinity))
        throw new Error(`${fn}: counts[${i}][${j}] is ${v}; counts must be finite numbers >= 0`);
    }),
  );
  const bases =
    options.bases ?? Array.from({ length: width }, (_, j) => counts.reduce((a, row) => a + row[j]!, 0));
  if (bases.length !== width)
    throw new Error(`${fn}: bases has ${bases.length} entries for ${width} columns`);
  const totals = Array.from({ length: width }, (_, j) => counts.reduce((a, row) => a + row[j]!, 0));
  const keys = Array.from({ length: width }, (_, j) => columnKey(j));
  const marks = counts.map((row) => row.map(() => ""));
  const pairs: ColumnPair[] = [];
  counts.forEach((row, i) => {
    const tested: Omit<ColumnPair, "adjustedP" | "significant">[] = [];
    for (let a = 0; a < width; a++) {
      for (let b = a + 1; b < width; b++) {
        if (hidden?.[i]?.[a] || hidden?.[i]?.[b]) continue;
        const na = bases[a]!;
        const nb = bases[b]!;
        if (!(totals[a]! > 0 && totals[b]! > 0 && na > 0 && nb > 0)) continue;
        const pa = row[a]! / totals[a]!;
        const pb = row[b]! / totals[b]!;
        const pooled = (pa * na + pb * nb) / (na + nb);
        if (!(pooled > 0 && pooled < 1)) continue;
        const z = (pa - pb) / Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
        tested.push({ row: i, a, b, z, p: 2 * normalCdf(-Math.abs(z), 0, 1) });
      }
    }
    const adjusted = adjustP(
      tested.map((t) => t.p),
      adjust,
    );
    tested.forEach((t, k) => {
      const adjustedP = adjusted[k]!;
      const significant = adjustedP < alpha;
      pairs.push({ ...t, adjustedP, significant });
      if (significant) {
        const [hi, lo] = t.z > 0 ? [t.a, t.b] : [t.b, t.a];
        marks[i]![hi] += keys[lo]!;
      }
    });
  });
  for (const row of marks) for (let j = 0; j < row.length; j++) row[j] = [...row[j]!].sort().join("");
  const how = adjust === "bonferroni" ? "Bonferroni" : "Holm";
  const note =
    `Letters mark columns whose proportion is significantly lower (two-proportion z-test, p < ${alpha}, ` +
    `${how}-adjusted across the pairs of columns in each row).`;
  return { keys, marks, pairs, note };
}

function columnKey(j: number): string {
  const letter = (k: number) => String.fromCharCode(65 + k);
  return j < 26 ? letter(j) : letter(Math.floor(j / 26) - 1) + letter(j % 26);
}
