import { table as makeTable, type ColumnTable } from "arquero";
import { effectiveN, wilsonPercent } from "./association.js";
import { count1 } from "./count.js";
import type { Display } from "./display.js";
import { encodeColumn } from "./encode.js";
import { formatCount, formatInterval, formatPercent } from "./format.js";
import { columnOf, toSource, type TableInput } from "./source.js";
import { hiddenMark, suppressCells, suppressionNote, thresholdOf, type CellStatus } from "./suppress.js";
import { Tabulation, type ToTableOptions } from "./tabulation.js";
import { range, sum } from "./util.js";
import { weightsOf } from "./weights.js";

export interface LikertSummaryOptions {
  /** The top box: the number of highest levels (default 2) or the levels themselves. */
  topBox?: number | readonly string[];
  /** Name of a weight column (finite numbers >= 0). */
  weight?: string;
  /** Wilson interval for the top-box share (default "wilson"). */
  ci?: "wilson" | false;
  /** Disclosure threshold (default 5; 0 or false turns it off). */
  suppress?: number | false;
  /** Row labels for the items (default: the column names). */
  labels?: Record<string, string>;
  caption?: string;
  notes?: string[];
}

/** A Likert grid: items x scale levels, shares of valid answers, and a top-box share with its interval. */
export class LikertSummaryResult extends Tabulation {
  readonly kind = "likertSummary";
  /** The item columns, in the order given. */
  readonly items: string[];
  /** Row labels (from options.labels, else the column names). */
  readonly rowLevels: string[];
  /** The shared scale, low to high. */
  readonly colLevels: string[];
  readonly weight: string | null;
  readonly counts: number[][];
  readonly unweighted: number[][];
  /** Valid answers per item (weighted) and unweighted. */
  readonly totals: number[];
  readonly bases: number[];
  readonly percents: (number | null)[][];
  readonly topBoxLevels: string[];
  readonly topBox: {
    readonly count: number;
    readonly percent: number | null;
    readonly lower: number | null;
    readonly upper: number | null;
  }[];
  /** Unanswered rows per item (unweighted). */
  readonly missing: number[];
  readonly suppression: {
    readonly threshold: number;
    readonly cells: CellStatus[][];
    readonly bases: CellStatus[];
    /** The top-box share is hidden when any cell of its item is hidden. */
    readonly topBox: boolean[];
    readonly any: boolean;
  };
  readonly caption: string;
  readonly notes: string[];

  constructor(init: Omit<LikertSummaryResult, "kind" | keyof Tabulation>) {
    super();
    this.items = init.items;
    this.rowLevels = init.rowLevels;
    this.colLevels = init.colLevels;
    this.weight = init.weight;
    this.counts = init.counts;
    this.unweighted = init.unweighted;
    this.totals = init.totals;
    this.bases = init.bases;
    this.percents = init.percents;
    this.topBoxLevels = init.topBoxLevels;
    this.topBox = init.topBox;
    this.missing = init.missing;
    this.suppression = init.suppression;
    this.caption = init.caption;
    this.notes = init.notes;
  }

  display(): Display {
    return displayLikert(this);
  }

  toTable(options: ToTableOptions = {}): ColumnTable {
    const raw = options.raw ?? false;
    const cols: Record<string, unknown[]> = {
      item: [],
      level: [],
      n: [],
      n_unweighted: [],
      percent: [],
      suppressed: [],
    };
    this.items.forEach((item, i) =>
      this.colLevels.forEach((level, j) => {
        const st = this.suppression.cells[i]![j]!;
        const hide = !raw && st !== "shown";
        cols.item!.push(item);
        cols.level!.push(level);
        cols.n!.push(hide ? null : this.counts[i]![j]!);
        cols.n_unweighted!.push(hide ? null : this.unweighted[i]![j]!);
        cols.percent!.push(
          hide || (!raw && this.suppression.bases[i] !== "shown") ? null : this.percents[i]![j]!,
        );
        cols.suppressed!.push(st !== "shown");
      }),
    );
    return makeTable(cols);
  }
}

/**
 * Summarises Likert items that share one scale: the share of valid answers at each level and a top-box share
 * (the top two levels unless `topBox` says otherwise) with a Wilson interval. `items` lists the item columns,
 * or names a grid question whose items are the columns `${question}__${item}`.
 * @example
 * const l = likertSummary(lw, "confidence", { topBox: ["Quite", "Extremely"], notes: ["Synthetic data."] });
 * l.topBox[0]?.percent; // share answering Quite or Extremely on the first item
 * console.log(l.toString());
 */
export function likertSummary(
  table: TableInput,
  items: string | readonly string[],
  options: LikertSummaryOptions = {},
): LikertSummaryResult {
  const fn = "likertSummary";
  const source = toSource(table, fn);
  const names =
    typeof items === "string" ? source.table.columnNames((n) => n.startsWith(`${items}__`)) : [...items];
  if (names.length === 0) throw new Error(`${fn}: no item columns for ${JSON.stringify(items)}`);
  const encoded = names.map((name) => encodeColumn(source.table, name, columnOf(source, name, fn), fn));
  const scale = encoded[0]!.labels;
  encoded.forEach((enc, i) => {
    if (enc.labels.length !== scale.length || enc.labels.some((l, j) => l !== scale[j])) {
      throw new Error(
        `${fn}: column "${names[i]}" has levels (${enc.labels.join(", ")}) that differ from "${names[0]}" (${scale.join(", ")})`,
      );
    }
  });
  const weights = options.weight ? weightsOf(columnOf(source, options.weight, fn), options.weight, fn) : null;
  const k = scale.length;
  const sums = encoded.map((enc) => count1(enc.codes, k + 1, weights, source.rows));

  const topBoxLevels = resolveTopBox(options.topBox ?? 2, scale, fn);
  const top = topBoxLevels.map((l) => scale.indexOf(l));
  const counts = sums.map((s) => range(k).map((j) => s.weighted[j]!));
  const unweighted = sums.map((s) => range(k).map((j) => s.unweighted[j]!));
  const totals = counts.map(sum);
  const bases = unweighted.map(sum);
  const percents = counts.map((r, i) => r.map((v) => (totals[i]! > 0 ? (100 * v) / totals[i]! : null)));
  const ci = options.ci ?? "wilson";
  if (ci !== "wilson" && ci !== false)
    throw new Error(`${fn}: option ci must be "wilson" or false, got ${String(ci)}`);
  const topBox = sums.map((s, i) => {
    const count = sum(top.map((j) => counts[i]![j]!));
    const percent = totals[i]! > 0 ? (100 * count) / totals[i]! : null;
    const n = effectiveN(totals[i]!, s.squares ? sum(range(k).map((j) => s.squares![j]!)) : null, bases[i]!);
    const w = ci && percent !== null ? wilsonPercent((percent / 100) * n, n) : null;
    return { count, percent, lower: w ? w.lower : null, upper: w ? w.upper : null };
  });

  const threshold = thresholdOf(options.suppress, fn);
  const w = k + 1;
  const values = unweighted.flatMap((r, i) => [...r, bases[i]!]);
  const lines = names.map((_, i) => range(w).map((j) => i * w + j));
  const status = suppressCells(values, lines, threshold, (cell) => (cell % w === k ? 1 : 0));
  const cells = names.map((_, i) => range(k).map((j) => status[i * w + j]!));
  const baseStatus = names.map((_, i) => status[i * w + k]!);
  return new LikertSummaryResult({
    items: names,
    rowLevels: names.map((n) => options.labels?.[n] ?? n),
    colLevels: [...scale],
    weight: options.weight ?? null,
    counts,
    unweighted,
    totals,
    bases,
    percents,
    topBoxLevels,
    topBox,
    missing: sums.map((s) => s.unweighted[k]!),
    suppression: {
      threshold,
      cells,
      bases: baseStatus,
      topBox: cells.map((r, i) => r.some((s) => s !== "shown") || baseStatus[i] !== "shown"),
      any: status.some((s) => s !== "shown"),
    },
    caption: options.caption ?? (typeof items === "string" ? items : names.join(", ")),
    notes: options.notes ?? [],
  });
}

function resolveTopBox(topBox: number | readonly string[], scale: readonly string[], fn: string): string[] {
  if (typeof topBox === "number") {
    if (!Number.isInteger(topBox) || topBox < 1 || topBox > scale.length) {
      throw new Error(`${fn}: option topBox must be a whole number from 1 to ${scale.length}, got ${topBox}`);
    }
    return scale.slice(scale.length - topBox);
  }
  for (const level of topBox) {
    if (!scale.includes(level)) {
      throw new Error(
        `${fn}: topBox level ${JSON.stringify(level)} is not on the scale (${scale.join(", ")})`,
      );
    }
  }
  return scale.filter((l) => topBox.includes(l));
}

function displayLikert(l: LikertSummaryResult): Display {
  const s = l.suppression;
  const hidden = (st: CellStatus) => hiddenMark(st);
  const cell = (i: number, j: number) => {
    const h = hidden(s.cells[i]![j]!);
    if (h) return h;
    const p = l.percents[i]![j]!;
    const n = formatCount(l.counts[i]![j]!);
    return p === null || s.bases[i] !== "shown" ? n : `${n} (${formatPercent(p)})`;
  };
  const withCi = l.topBox.some((t) => t.lower !== null);
  const head = ["Item", ...l.colLevels, "n", "Top box", ...(withCi ? ["95% CI"] : [])];
  const body = l.rowLevels.map((label, i) => {
    const t = l.topBox[i]!;
    const hideTop = s.topBox[i]!;
    return [
      label,
      ...l.colLevels.map((_, j) => cell(i, j)),
      hidden(s.bases[i]!) ?? formatCount(l.totals[i]!),
      hideTop ? "" : formatPercent(t.percent),
      ...(withCi ? [hideTop ? "" : formatInterval(t.lower, t.upper)] : []),
    ];
  });
  const notes = [
    `Cells: count (percentage of valid answers to the item). Top box: ${l.topBoxLevels.join(" or ")}` +
      (withCi ? ", with a 95% Wilson interval." : "."),
  ];
  if (l.weight)
    notes.push(`Weighted by "${l.weight}"; n is weighted, intervals use Kish's effective sample size.`);
  const missing = l.missing.map((m, i) => `${l.rowLevels[i]}: ${m}`).filter((_, i) => l.missing[i]! > 0);
  notes.push(
    missing.length ? `Missing answers (not tabulated): ${missing.join("; ")}.` : "No missing answers.",
  );
  const rule = suppressionNote(s.threshold, s.any, !!l.weight);
  if (rule) notes.push(rule);
  if (s.any) notes.push("Top-box shares are hidden for items with a hidden cell.");
  notes.push(...l.notes);
  return { caption: l.caption, head, body, foot: [], notes };
}
