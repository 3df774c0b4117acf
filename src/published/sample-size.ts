import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { recordsTable, type RecordsTable } from "../area/records-table.js";
import type { SurveyId } from "../codebook/types.js";
import { createRng } from "../synth/rng.js";
import { computeReceipts } from "./compute.js";
import { publishedFigures, type PublishedFigure } from "./figures.js";
import type { Receipt } from "./receipt.js";

/**
 * A seeded random subsample of `n` rows without replacement (the whole table when it has n rows or fewer), rows
 * kept in their original order. The same seed gives the same rows, so a notebook's output is reproducible.
 * @example
 * subsample(s.lw, 69, 2023).numRows(); // 69
 */
export function subsample(table: ColumnTable, n: number, seed = 2023): ColumnTable {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`subsample: n must be a whole number of at least 1, got ${String(n)}`);
  const total = table.numRows();
  if (n >= total) return table;
  const keep = new Set(createRng(seed).sample([...Array(total).keys()], n));
  const mask = Array.from({ length: total }, (_, i) => keep.has(i));
  return table
    .assign({ __subsample_keep: mask })
    .filter((d: { __subsample_keep: boolean }) => d.__subsample_keep)
    .select(aq.not("__subsample_keep"));
}

/** One published figure's receipt on a subsample of a given size. */
export interface SampleSizeRow {
  size: number;
  receipt: Receipt;
  /** Width of the Wilson 95% interval in percentage points (null for ranks, comparisons and counts). */
  width: number | null;
}

/**
 * Receipts for the figures `ids` recomputed on seeded subsamples of each size (each survey's table cut to the
 * size, or kept whole when smaller): how wide the intervals get, and whether the verdicts survive, at sample
 * sizes the real surveys may have had (Merseyside's 69 Link Workers is the only published one).
 * @example
 * receiptsAtSampleSizes({ "link-worker": s.lw }, ["lw-trained"], [69, 150, 300]).map((r) => r.width);
 */
export function receiptsAtSampleSizes(
  tables: Partial<Record<SurveyId, ColumnTable>>,
  ids: readonly string[],
  sizes: readonly number[],
  seed = 2023,
): SampleSizeRow[] {
  const figures = publishedFigures().filter((f) => ids.includes(f.id));
  const missing = ids.filter((id) => !figures.some((f) => f.id === id));
  if (missing.length > 0)
    throw new Error(`receiptsAtSampleSizes: no published figure ${missing.map((m) => `"${m}"`).join(", ")}`);
  const out: SampleSizeRow[] = [];
  for (const size of sizes) {
    const cut: Partial<Record<SurveyId, ColumnTable>> = {};
    for (const [survey, t] of Object.entries(tables) as [SurveyId, ColumnTable][])
      cut[survey] = subsample(t, size, seed);
    for (const receipt of computeReceipts(cut, figures)) {
      const width = receipt.lower === null || receipt.upper === null ? null : receipt.upper - receipt.lower;
      out.push({ size, receipt, width });
    }
  }
  return out;
}

/**
 * The subsample receipts as one row per figure and one column per size: "48% (37–60), ±11, pass".
 * @example
 * showTable(sampleSizeTable(receiptsAtSampleSizes({ "link-worker": s.lw }, ["lw-trained"], [69, 300])));
 */
export function sampleSizeTable(rows: readonly SampleSizeRow[], note?: string): RecordsTable {
  const sizes = [...new Set(rows.map((r) => r.size))];
  const ids = [...new Set(rows.map((r) => r.receipt.id))];
  const labels = new Map(publishedFigures().map((f) => [f.id, f]));
  // At a subsample the rounding band (e.g. [18.5, 19.5)) is far narrower than the sampling error, so a share is
  // judged by whether its 95% interval reaches the published band; ranks and comparisons by whether they hold.
  const cell = (r: SampleSizeRow | undefined): string => {
    if (!r) return "";
    const x = r.receipt;
    if (x.computed === null) return "no valid responses";
    if (r.width === null) {
      const what =
        x.kind === "comparison" ? `${x.computed > 0 ? "+" : ""}${x.computed.toFixed(1)} pts, ` : "";
      return `${what}${x.pass ? "holds" : "does not hold"}`;
    }
    const f = labels.get(x.id)!;
    const reaches = f.lower !== null && f.upper !== null && x.lower! <= f.upper && x.upper! >= f.lower;
    return `${x.computed.toFixed(0)}% (${x.lower!.toFixed(0)}–${x.upper!.toFixed(0)}), ±${(r.width / 2).toFixed(0)}, n = ${x.n}, ${reaches ? "reaches" : "misses"} the published band`;
  };
  return recordsTable(
    "The same figures on random subsamples of the synthetic data",
    ["Figure", "Published", ...sizes.map((s) => `at ${s} respondents`)],
    ids.map((id) => {
      const f = labels.get(id)!;
      const published = f.kind === "range" ? `"${f.phrase}"` : f.value === null ? f.kind : `${f.value}%`;
      return [
        f.label,
        published,
        ...sizes.map((s) => cell(rows.find((r) => r.size === s && r.receipt.id === id))),
      ];
    }),
    [
      "Each column recomputes the receipts on a seeded random subsample of that many respondents per survey " +
        "(the whole table when it is smaller); n is the base of the share after missing answers. Intervals are " +
        'Wilson 95%; ± is half their width in points. A share "reaches" the published band when its interval ' +
        "overlaps it; rankings and comparisons say whether they still hold.",
      ...(note ? [note] : []),
    ],
  );
}

/**
 * The published figure list with one figure's value replaced by a wrong one (its band per rule R0, value ± 0.5):
 * for showing that a receipt fails when the published value and the data disagree.
 * @example
 * computeReceipts({ "link-worker": s.lw }, misstatedFigure("lw-trained", 29))[0].pass; // false
 */
export function misstatedFigure(id: string, value: number): PublishedFigure[] {
  const f = publishedFigures().find((x) => x.id === id);
  if (!f) throw new Error(`misstatedFigure: no published figure "${id}"`);
  if (f.kind !== "percent")
    throw new Error(
      `misstatedFigure: figure "${id}" is a ${f.kind}; only percent figures have one value to misstate`,
    );
  return [{ ...f, value, lower: value - 0.5, upper: value + 0.5, interval: "[)" }];
}
