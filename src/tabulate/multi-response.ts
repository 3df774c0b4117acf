import { table as makeTable, type ColumnTable } from "arquero";
import { effectiveN, wilsonPercent } from "./association.js";
import type { Display } from "./display.js";
import { encodeColumn, type Codes } from "./encode.js";
import { encodeMulti, type EncodedMulti } from "./encode-multi.js";
import { formatCount, formatInterval, formatPercent } from "./format.js";
import { columnOf, toSource, type TableInput } from "./source.js";
import { hiddenMark, suppressCells, suppressionNote, thresholdOf, type CellStatus } from "./suppress.js";
import { Tabulation, type ToTableOptions } from "./tabulation.js";
import { range } from "./util.js";
import { weightsOf } from "./weights.js";

export interface MultiResponseOptions {
  /** A categorical column to break the shares down by (one column of output per level). */
  by?: string;
  /** Percentages of respondents who answered (default; may sum past 100%) or of all options chosen. */
  base?: "respondents" | "responses";
  /** Name of a weight column (finite numbers >= 0). */
  weight?: string;
  /** Wilson intervals for percentages of respondents (default "wilson"; none for the responses base). */
  ci?: "wilson" | false;
  /** Disclosure threshold (default 5; 0 or false turns it off). */
  suppress?: number | false;
  /** With `by`, add an "All" column summing the groups (default true). */
  margins?: boolean;
  caption?: string;
  notes?: string[];
}

/** Label of the column that sums the groups. */
export const ALL_LABEL = "All";

/** A select-all-that-apply question: options x groups, percentages of respondents or of responses. */
export class MultiResponseResult extends Tabulation {
  readonly kind = "multiResponse";
  readonly question: string;
  readonly by: string | null;
  readonly weight: string | null;
  readonly base: "respondents" | "responses";
  /** The options, in recorded (or sorted) order. */
  readonly rowLevels: string[];
  /** The groups of `by` (plus "All" with margins), or ["All"] without `by`. */
  readonly colLevels: string[];
  /** Times each option was chosen per group (weighted sums when weighted). */
  readonly counts: number[][];
  readonly unweighted: number[][];
  /** Respondents who answered, per group (weighted), and the unweighted bases. */
  readonly respondents: number[];
  readonly respondentsUnweighted: number[];
  /** Options chosen in all, per group (weighted). */
  readonly responses: number[];
  readonly responsesUnweighted: number[];
  /** Percentages (0-100) on the chosen base. */
  readonly percents: (number | null)[][];
  readonly intervals: { readonly lower: (number | null)[][]; readonly upper: (number | null)[][] } | null;
  /** Unanswered (null) rows, and rows whose `by` answer is missing (unweighted counts). */
  readonly missing: { readonly question: number; readonly by: number };
  readonly suppression: {
    readonly threshold: number;
    readonly cells: CellStatus[][];
    readonly bases: CellStatus[];
    readonly any: boolean;
  };
  readonly caption: string;
  readonly notes: string[];

  constructor(init: Omit<MultiResponseResult, "kind" | "baseUnweighted" | keyof Tabulation>) {
    super();
    this.question = init.question;
    this.by = init.by;
    this.weight = init.weight;
    this.base = init.base;
    this.rowLevels = init.rowLevels;
    this.colLevels = init.colLevels;
    this.counts = init.counts;
    this.unweighted = init.unweighted;
    this.respondents = init.respondents;
    this.respondentsUnweighted = init.respondentsUnweighted;
    this.responses = init.responses;
    this.responsesUnweighted = init.responsesUnweighted;
    this.percents = init.percents;
    this.intervals = init.intervals;
    this.missing = init.missing;
    this.suppression = init.suppression;
    this.caption = init.caption;
    this.notes = init.notes;
  }

  display(): Display {
    return displayMulti(this);
  }

  toTable(options: ToTableOptions = {}): ColumnTable {
    const raw = options.raw ?? false;
    const cols: Record<string, unknown[]> = {
      option: [],
      group: [],
      n: [],
      n_unweighted: [],
      base_n: [],
      percent: [],
      ci_lower: [],
      ci_upper: [],
      suppressed: [],
    };
    this.rowLevels.forEach((option, i) =>
      this.colLevels.forEach((group, j) => {
        const st = this.suppression.cells[i]![j]!;
        const hide = !raw && (st !== "shown" || this.suppression.bases[j] !== "shown");
        cols.option!.push(option);
        cols.group!.push(group);
        cols.n!.push(!raw && st !== "shown" ? null : this.counts[i]![j]!);
        cols.n_unweighted!.push(!raw && st !== "shown" ? null : this.unweighted[i]![j]!);
        cols.base_n!.push(!raw && this.suppression.bases[j] !== "shown" ? null : this.baseUnweighted(j));
        cols.percent!.push(hide ? null : this.percents[i]![j]!);
        cols.ci_lower!.push(hide || !this.intervals ? null : this.intervals.lower[i]![j]!);
        cols.ci_upper!.push(hide || !this.intervals ? null : this.intervals.upper[i]![j]!);
        cols.suppressed!.push(st !== "shown");
      }),
    );
    return makeTable(cols);
  }

  /** The unweighted base of group j on the chosen base. */
  baseUnweighted(j: number): number {
    return this.base === "respondents" ? this.respondentsUnweighted[j]! : this.responsesUnweighted[j]!;
  }
}

/**
 * Tabulates a select-all-that-apply question (a column of string[]; [] = answered, chose none; null =
 * unanswered). Percentages are of respondents who answered by default, so they can sum past 100%; with
 * `base: "responses"` they are of all options chosen and sum to 100%. With `by`, one column per group.
 * @example
 * const m = multiResponse(prov, "activities_offered", { by: "org_scale", notes: ["Synthetic data."] });
 * m.percents[0]; // share of respondents in each scale group offering the first activity
 * console.log(m.toMarkdown());
 */
export function multiResponse(
  table: TableInput,
  question: string,
  options: MultiResponseOptions = {},
): MultiResponseResult {
  const fn = "multiResponse";
  const source = toSource(table, fn);
  const enc = encodeMulti(source.table, question, columnOf(source, question, fn), fn);
  const byEnc = options.by
    ? encodeColumn(source.table, options.by, columnOf(source, options.by, fn), fn)
    : null;
  const weights = options.weight ? weightsOf(columnOf(source, options.weight, fn), options.weight, fn) : null;
  const base = options.base ?? "respondents";
  if (base !== "respondents" && base !== "responses") {
    throw new Error(`${fn}: option base must be "respondents" or "responses", got ${String(base)}`);
  }
  const groups = byEnc ? byEnc.levels.length : 1;
  const sums = countMulti(enc, byEnc ? byEnc.codes : null, groups, weights, source.rows);
  return buildMulti(question, enc, byEnc ? byEnc.labels : null, sums, base, options, fn);
}

interface MultiSums {
  /** [group * (k + 1) + option]; the slot k holds respondents who answered. Group `groups` = by missing. */
  weighted: Float64Array;
  unweighted: Float64Array;
  squares: Float64Array | null;
  unanswered: number;
}

function countMulti(
  enc: EncodedMulti,
  by: Codes | null,
  groups: number,
  weights: Float64Array | null,
  rows: Uint32Array | null,
): MultiSums {
  const k = enc.levels.length;
  const stride = k + 1;
  const size = (groups + 1) * stride;
  const weighted = new Float64Array(size);
  const unweighted = weights ? new Float64Array(size) : weighted;
  const squares = weights ? new Float64Array(size) : null;
  const { offsets, codes, answered } = enc;
  const n = rows ? rows.length : answered.length;
  let unanswered = 0;
  for (let r = 0; r < n; ++r) {
    const i = rows ? rows[r]! : r;
    if (!answered[i]) {
      ++unanswered;
      continue;
    }
    const start = (by ? by[i]! : 0) * stride;
    const end = offsets[i + 1]!;
    if (weights) {
      const w = weights[i]!;
      const w2 = w * w;
      for (let j = offsets[i]!; j < end; ++j) {
        const cell = start + codes[j]!;
        weighted[cell]! += w;
        unweighted[cell]! += 1;
        squares![cell]! += w2;
      }
      weighted[start + k]! += w;
      unweighted[start + k]! += 1;
      squares![start + k]! += w2;
    } else {
      for (let j = offsets[i]!; j < end; ++j) unweighted[start + codes[j]!]! += 1;
      unweighted[start + k]! += 1;
    }
  }
  return { weighted, unweighted, squares, unanswered };
}

function buildMulti(
  question: string,
  enc: EncodedMulti,
  groupLabels: readonly string[] | null,
  sums: MultiSums,
  base: "respondents" | "responses",
  options: MultiResponseOptions,
  fn: string,
): MultiResponseResult {
  const k = enc.levels.length;
  const stride = k + 1;
  const g = groupLabels ? groupLabels.length : 1;
  const withAll = !!groupLabels && (options.margins ?? true);
  const colLevels = groupLabels ? [...groupLabels, ...(withAll ? [ALL_LABEL] : [])] : [ALL_LABEL];
  const column = (a: Float64Array, j: number) => range(stride).map((o) => a[j * stride + o]!);
  const columnsOf = (a: Float64Array) => {
    const cols = range(g).map((j) => column(a, j));
    if (withAll) cols.push(range(stride).map((o) => cols.reduce((s, c) => s + c[o]!, 0)));
    return cols; // [group][option..., respondents]
  };
  const wCols = columnsOf(sums.weighted);
  const uCols = columnsOf(sums.unweighted);
  const sCols = sums.squares ? columnsOf(sums.squares) : null;
  const counts = range(k).map((o) => wCols.map((c) => c[o]!));
  const unweighted = range(k).map((o) => uCols.map((c) => c[o]!));
  const respondents = wCols.map((c) => c[k]!);
  const respondentsUnweighted = uCols.map((c) => c[k]!);
  const responses = wCols.map((c) => c.slice(0, k).reduce((s, v) => s + v, 0));
  const responsesUnweighted = uCols.map((c) => c.slice(0, k).reduce((s, v) => s + v, 0));
  const denominators = base === "respondents" ? respondents : responses;
  const percents = counts.map((r) =>
    r.map((v, j) => (denominators[j]! > 0 ? (100 * v) / denominators[j]! : null)),
  );

  const ci = options.ci ?? "wilson";
  if (ci !== "wilson" && ci !== false)
    throw new Error(`${fn}: option ci must be "wilson" or false, got ${String(ci)}`);
  let intervals: MultiResponseResult["intervals"] = null;
  // Options chosen by the same respondent are not independent trials, so the responses base gets no interval.
  if (ci && base === "respondents") {
    const nEff = wCols.map((_, j) =>
      effectiveN(respondents[j]!, sCols ? sCols[j]![k]! : null, respondentsUnweighted[j]!),
    );
    const w = percents.map((r) =>
      r.map((p, j) => (p === null ? null : wilsonPercent((p / 100) * nEff[j]!, nEff[j]!))),
    );
    intervals = {
      lower: w.map((r) => r.map((x) => (x ? x.lower : null))),
      upper: w.map((r) => r.map((x) => (x ? x.upper : null))),
    };
  }

  const threshold = thresholdOf(options.suppress, fn);
  const c = colLevels.length;
  // Grid: option rows, then the base row; relations: each row sums across groups to "All", and under the
  // responses base each column's options sum to its base. Under the respondents base options overlap, so the
  // column is not additive and needs no complement.
  const baseRow = base === "respondents" ? respondentsUnweighted : responsesUnweighted;
  const values = [...unweighted.flat(), ...baseRow];
  const lines: number[][] = [];
  if (withAll) for (let i = 0; i <= k; ++i) lines.push(range(c).map((j) => i * c + j));
  if (base === "responses") for (let j = 0; j < c; ++j) lines.push(range(k + 1).map((i) => i * c + j));
  const status = suppressCells(
    values,
    lines,
    threshold,
    (cell) => (Math.floor(cell / c) === k ? 1 : 0) + (withAll && cell % c === c - 1 ? 1 : 0),
  );
  return new MultiResponseResult({
    question,
    by: options.by ?? null,
    weight: options.weight ?? null,
    base,
    rowLevels: [...enc.levels],
    colLevels,
    counts,
    unweighted,
    respondents,
    respondentsUnweighted,
    responses,
    responsesUnweighted,
    percents,
    intervals,
    missing: { question: sums.unanswered, by: groupLabels ? sums.unweighted[g * stride + k]! : 0 },
    suppression: {
      threshold,
      cells: range(k).map((i) => range(c).map((j) => status[i * c + j]!)),
      bases: range(c).map((j) => status[k * c + j]!),
      any: status.some((s) => s !== "shown"),
    },
    caption: options.caption ?? (options.by ? `${question} by ${options.by}` : question),
    notes: options.notes ?? [],
  });
}

function displayMulti(m: MultiResponseResult): Display {
  const s = m.suppression;
  const hidden = (st: CellStatus) => hiddenMark(st);
  const cell = (i: number, j: number) => {
    const h = hidden(s.cells[i]![j]!);
    if (h) return h;
    const n = formatCount(m.counts[i]![j]!);
    const p = m.percents[i]![j]!;
    if (p === null || s.bases[j] !== "shown") return n;
    const ci = m.intervals ? `, ${formatInterval(m.intervals.lower[i]![j]!, m.intervals.upper[i]![j]!)}` : "";
    return `${n} (${formatPercent(p)}${ci})`;
  };
  const head = [m.by ? `${m.question} \\ ${m.by}` : m.question, ...m.colLevels];
  const body = m.rowLevels.map((label, i) => [label, ...m.colLevels.map((_, j) => cell(i, j))]);
  const baseLabel = m.base === "respondents" ? "Respondents (base)" : "Responses (base)";
  const baseValues = m.base === "respondents" ? m.respondents : m.responses;
  const foot = [[baseLabel, ...baseValues.map((v, j) => hidden(s.bases[j]!) ?? formatCount(v))]];
  const notes: string[] = [];
  const ci = m.intervals ? " with 95% Wilson intervals" : "";
  notes.push(
    m.base === "respondents"
      ? `Cells: count (percentage of respondents who answered${ci}); respondents could choose several options, so percentages can sum past 100%.`
      : "Cells: count (percentage of all options chosen); percentages sum to 100%.",
  );
  if (m.weight)
    notes.push(
      `Weighted by "${m.weight}"; unweighted respondents n = ${formatCount(sumOf(m.respondentsUnweighted, m))}.`,
    );
  const miss = [`${formatCount(m.missing.question)} did not answer the question`];
  if (m.by) miss.push(`${formatCount(m.missing.by)} had no answer for ${m.by}`);
  notes.push(`Not tabulated: ${miss.join("; ")}.`);
  const rule = suppressionNote(s.threshold, s.any, !!m.weight);
  if (rule) notes.push(rule);
  notes.push(...m.notes);
  return { caption: m.caption, head, body, foot, notes };
}

// The overall unweighted base: the "All" column when present, else the only column.
function sumOf(values: number[], m: MultiResponseResult): number {
  return m.by && m.colLevels[m.colLevels.length - 1] !== ALL_LABEL
    ? values.reduce((s, v) => s + v, 0)
    : values[values.length - 1]!;
}
