import { table as makeTable, type ColumnTable } from "arquero";
import { effectiveN, wilsonPercent } from "./association.js";
import { count1 } from "./count.js";
import { MISSING_LABEL, type MissingOption } from "./crosstab.js";
import type { Display } from "./display.js";
import { encodeColumn } from "./encode.js";
import { formatCount, formatInterval, formatPercent } from "./format.js";
import { columnOf, toSource, type TableInput } from "./source.js";
import { hiddenMark, suppressCells, suppressionNote, thresholdOf, type CellStatus } from "./suppress.js";
import { Tabulation, type ToTableOptions } from "./tabulation.js";
import { range, sum } from "./util.js";
import { weightsOf } from "./weights.js";

export interface FrequenciesOptions {
  /** Name of a weight column (finite numbers >= 0). */
  weight?: string;
  /** Wilson intervals for the percentages (default "wilson"). */
  ci?: "wilson" | false;
  /** Disclosure threshold: counts 1..k-1 are shown as "<k" (default 5; 0 or false turns it off). */
  suppress?: number | false;
  /** Missing answers: "report" (default) counts them below the table; "level" adds a "Missing" level. */
  missing?: MissingOption;
  /** Level order: as recorded/sorted (default "levels") or by descending count ("count"). */
  sort?: "levels" | "count";
  caption?: string;
  notes?: string[];
}

/** A one-way table: counts, percentages of valid answers, Wilson intervals and disclosure control. */
export class FrequenciesResult extends Tabulation {
  readonly kind = "frequencies";
  readonly variable: string;
  readonly weight: string | null;
  readonly levels: string[];
  /** Counts per level (weighted sums when weighted). */
  readonly counts: number[];
  readonly unweighted: number[];
  /** Sum of counts over the levels (the percentage base). */
  readonly total: number;
  /** Unweighted respondents in the base. */
  readonly base: number;
  /** Percentages (0-100) of the base; null when the base is empty. */
  readonly percents: (number | null)[];
  readonly intervals: { readonly lower: (number | null)[]; readonly upper: (number | null)[] } | null;
  /** Respondents with no answer (unweighted), 0 under missing: "level". */
  readonly missing: number;
  readonly missingAs: MissingOption;
  readonly suppression: {
    readonly threshold: number;
    readonly cells: CellStatus[];
    readonly total: CellStatus;
    readonly any: boolean;
  };
  readonly caption: string;
  readonly notes: string[];

  constructor(init: Omit<FrequenciesResult, "kind" | keyof Tabulation>) {
    super();
    this.variable = init.variable;
    this.weight = init.weight;
    this.levels = init.levels;
    this.counts = init.counts;
    this.unweighted = init.unweighted;
    this.total = init.total;
    this.base = init.base;
    this.percents = init.percents;
    this.intervals = init.intervals;
    this.missing = init.missing;
    this.missingAs = init.missingAs;
    this.suppression = init.suppression;
    this.caption = init.caption;
    this.notes = init.notes;
  }

  display(): Display {
    return displayFrequencies(this);
  }

  toTable(options: ToTableOptions = {}): ColumnTable {
    const raw = options.raw ?? false;
    const hide = this.suppression.cells.map((s) => !raw && s !== "shown");
    const pick = <T>(values: T[]) => values.map((v, i) => (hide[i] ? null : v));
    return makeTable({
      level: this.levels,
      n: pick(this.counts),
      n_unweighted: pick(this.unweighted),
      percent: pick(this.percents),
      ci_lower: pick(this.intervals ? this.intervals.lower : this.levels.map(() => null)),
      ci_upper: pick(this.intervals ? this.intervals.upper : this.levels.map(() => null)),
      suppressed: this.suppression.cells.map((s) => s !== "shown"),
    });
  }
}

/**
 * Counts the answers to one categorical question, in level order, with percentages of valid answers.
 *
 * Levels come from `withLevels` when recorded (empty levels kept), else the sorted distinct values; booleans
 * read as "No"/"Yes". Missing answers are counted in `missing`, not silently dropped.
 * @example
 * const f = frequencies(lw, "role_length", { notes: ["Synthetic data."] });
 * f.levels;   // ["< 1 year", "1-2 years", "> 2 years"]
 * f.percents; // [21.7, 43.5, 34.8]
 * console.log(f.toString());
 */
export function frequencies(
  table: TableInput,
  column: string,
  options: FrequenciesOptions = {},
): FrequenciesResult {
  const fn = "frequencies";
  const source = toSource(table, fn);
  const enc = encodeColumn(source.table, column, columnOf(source, column, fn), fn);
  const weights = options.weight ? weightsOf(columnOf(source, options.weight, fn), options.weight, fn) : null;
  const k = enc.levels.length;
  const sums = count1(enc.codes, k + 1, weights, source.rows);
  const missingAs = options.missing ?? "report";
  if (missingAs !== "report" && missingAs !== "level") {
    throw new Error(`${fn}: option missing must be "report" or "level", got ${String(missingAs)}`);
  }
  let idx = range(k).concat(missingAs === "level" && sums.unweighted[k]! > 0 ? [k] : []);
  const sort = options.sort ?? "levels";
  if (sort === "count") idx = [...idx].sort((a, b) => sums.weighted[b]! - sums.weighted[a]! || a - b);
  else if (sort !== "levels")
    throw new Error(`${fn}: option sort must be "levels" or "count", got ${String(sort)}`);

  const counts = idx.map((i) => sums.weighted[i]!);
  const unweighted = idx.map((i) => sums.unweighted[i]!);
  const total = sum(counts);
  const base = sum(unweighted);
  const percents = counts.map((v) => (total > 0 ? (100 * v) / total : null));
  const ci = options.ci ?? "wilson";
  if (ci !== "wilson" && ci !== false)
    throw new Error(`${fn}: option ci must be "wilson" or false, got ${String(ci)}`);
  let intervals: FrequenciesResult["intervals"] = null;
  if (ci) {
    const squares = sums.squares;
    const n = effectiveN(total, squares ? sum(idx.map((i) => squares[i]!)) : null, base);
    const w = percents.map((p) => (p === null ? null : wilsonPercent((p / 100) * n, n)));
    intervals = { lower: w.map((x) => (x ? x.lower : null)), upper: w.map((x) => (x ? x.upper : null)) };
  }
  const threshold = thresholdOf(options.suppress, fn);
  const values = [...unweighted, base];
  const status = suppressCells(values, [range(values.length)], threshold, (c) =>
    c === values.length - 1 ? 1 : 0,
  );
  return new FrequenciesResult({
    variable: column,
    weight: options.weight ?? null,
    levels: idx.map((i) => (i === k ? MISSING_LABEL : enc.labels[i]!)),
    counts,
    unweighted,
    total,
    base,
    percents,
    intervals,
    missing: missingAs === "level" ? 0 : sums.unweighted[k]!,
    missingAs,
    suppression: {
      threshold,
      cells: status.slice(0, -1),
      total: status[status.length - 1]!,
      any: status.some((s) => s !== "shown"),
    },
    caption: options.caption ?? column,
    notes: options.notes ?? [],
  });
}

function displayFrequencies(f: FrequenciesResult): Display {
  const s = f.suppression;
  const hidden = (st: CellStatus) => hiddenMark(st);
  const totalHidden = s.total !== "shown";
  const head = [f.variable, "n", "%", ...(f.intervals ? ["95% CI"] : [])];
  const body = f.levels.map((label, i) => {
    const h = hidden(s.cells[i]!);
    const p = h || totalHidden ? "" : formatPercent(f.percents[i]!);
    const ci = f.intervals
      ? [h || totalHidden ? "" : formatInterval(f.intervals.lower[i]!, f.intervals.upper[i]!)]
      : [];
    return [label, h ?? formatCount(f.counts[i]!), p, ...ci];
  });
  const pad = f.intervals ? [""] : [];
  const foot = [
    ["Total", hidden(s.total) ?? formatCount(f.total), f.total > 0 && !totalHidden ? "100.0%" : "", ...pad],
  ];
  if (f.missingAs === "report") foot.push([MISSING_LABEL, formatCount(f.missing), "", ...pad]);
  const notes: string[] = [];
  const ci = f.intervals ? " with 95% Wilson intervals" : "";
  notes.push(
    f.missingAs === "report"
      ? `Percentages of respondents who answered${ci}; missing answers are counted separately.`
      : `Percentages of all respondents, missing answers included${ci}.`,
  );
  if (f.weight) {
    notes.push(
      `Weighted by "${f.weight}": counts and percentages are weighted; unweighted base n = ${formatCount(f.base)}` +
        (f.intervals ? "; intervals use Kish's effective sample size." : "."),
    );
  } else {
    notes.push(`Base n = ${formatCount(f.base)}.`);
  }
  const rule = suppressionNote(s.threshold, s.any, !!f.weight);
  if (rule) notes.push(rule);
  notes.push(...f.notes);
  return { caption: f.caption, head, body, foot, notes };
}
