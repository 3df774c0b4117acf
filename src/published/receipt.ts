import type { ColumnTable } from "arquero";
import type { SurveyId } from "../codebook/types.js";
import type { Row } from "./conditions.js";
import { evaluateSpec, verdictOnlyDetail } from "./evaluate.js";
import { prepareReceiptCells, receiptSource } from "./receipt-ledger.js";
import type { Source } from "../tabulate/source.js";
import { publishedFigures, withinTolerance, type PublishedFigure } from "./figures.js";
import { receiptSpecs, type ReceiptSpec } from "./specs.js";

/** "Published vs computed" for one figure. */
export interface Receipt {
  id: string;
  survey: SurveyId;
  area: string;
  kind: PublishedFigure["kind"];
  quote: string;
  /** The published value (percent or count), or null for rankings and qualitative comparisons. */
  published: number | null;
  /** The tolerance band as text, e.g. "[47.5, 48.5)". */
  tolerance: string | null;
  /** Percent, count, difference in points (comparisons) or null (no valid responses). */
  computed: number | null;
  successes: number | null;
  n: number | null;
  /** Wilson 95% interval of a computed share, in percent (null for counts, ranks and comparisons). */
  lower: number | null;
  upper: number | null;
  pass: boolean;
  detail: string;
  /**
   * True when the computed numbers rest on a hidden cell (count or complement 1..threshold-1): `pass` is still
   * judged on them, but computed, successes, n and the interval are null and `detail` says "suppressed".
   */
  suppressed?: boolean;
}

/** A Wilson-interval function as src/stats provides it. */
export type IntervalFn = (successes: number, n: number) => { lower: number; upper: number };

/** Cleaned tidy tables (derived columns included) or plain row arrays, per survey. */
export type CleanedTables = Partial<Record<SurveyId, ColumnTable | Row[]>>;

const rowsOf = (t: ColumnTable | Row[]): Row[] => (Array.isArray(t) ? t : (t.objects() as Row[]));

/**
 * One receipt: a published figure judged on rows, by its own spec or by `override` (another reading of its words).
 * @example
 * receiptOf(publishedFigure("lw-trained"), lw.objects()).pass;
 */
export function receiptOf(
  fig: PublishedFigure,
  rows: Row[],
  interval?: IntervalFn,
  override?: ReceiptSpec,
  source: Source | null = null,
): Receipt {
  const spec = override ?? receiptSpecs()[fig.id];
  if (!spec)
    throw new Error(
      `receipts: no computation for published figure "${fig.id}" (add it to src/published/specs.ts)`,
    );
  const ev = evaluateSpec(rows, spec);
  const banded = fig.kind === "percent" || fig.kind === "range" || fig.kind === "count";
  const pass = banded ? withinTolerance(fig, ev.computed) === true : ev.holds === true;
  const isShare = spec.type === "share" && ev.successes !== null && ev.n !== null && ev.n > 0;
  const hidden = ev.hidden === true;
  const ci = isShare && interval && !hidden ? interval(ev.successes as number, ev.n as number) : null;
  const receipt: Receipt = {
    id: fig.id,
    survey: fig.survey,
    area: fig.area,
    kind: fig.kind,
    quote: fig.quote,
    published: fig.value,
    tolerance: banded ? `${fig.interval![0]}${fig.lower}, ${fig.upper}${fig.interval![1]}` : null,
    computed: hidden ? null : ev.computed,
    successes: hidden ? null : ev.successes,
    n: hidden ? null : ev.n,
    lower: ci ? 100 * ci.lower : null,
    upper: ci ? 100 * ci.upper : null,
    pass,
    // A hidden receipt shows no number at all: a ranking's other shares, beside its hidden one, would give the
    // hidden count away with any other output of the same question (issue 11).
    detail: hidden ? verdictOnlyDetail(rows, spec) : ev.detail,
    suppressed: hidden,
  };
  // What it shows goes to the run's ledger only when it is shown (discloseReceipts, from showReceipts).
  if (source) prepareReceiptCells(receipt, source, rows, spec, verdictOnlyDetail(rows, spec));
  return receipt;
}

/**
 * Evaluates published figures on cleaned tables; figures whose survey table is not given are skipped.
 * `interval` (proportions 0-1) supplies the Wilson interval; without it lower/upper are null.
 * @example
 * const rs = receiptsFor({ "link-worker": lw.table }, (x, n) => wilson(x, n));
 * rs.filter((r) => !r.pass).map((r) => r.id); // []
 */
export function receiptsFor(
  tables: CleanedTables,
  interval?: IntervalFn,
  figures: PublishedFigure[] = publishedFigures(),
): Receipt[] {
  const rows: Partial<Record<SurveyId, Row[]>> = {};
  const sources: Partial<Record<SurveyId, Source | null>> = {};
  for (const [survey, t] of Object.entries(tables) as [SurveyId, ColumnTable | Row[]][]) {
    rows[survey] = rowsOf(t);
    sources[survey] = receiptSource(t);
  }
  return figures
    .filter((f) => rows[f.survey] !== undefined)
    .map((f) => receiptOf(f, rows[f.survey]!, interval, undefined, sources[f.survey] ?? null));
}
