import type { ColumnTable } from "arquero";
import { LEDGER_MISSING, type LedgerCell } from "../disclosure/ledger.js";
import { projectLedger, publishTable } from "../tabulate/publish.js";
import { toSource, type Source } from "../tabulate/source.js";
import type { Row } from "./conditions.js";
import type { Receipt } from "./receipt.js";
import type { ReceiptSpec } from "./specs.js";

type Where = Record<string, readonly string[]>;

/** What a receipt would publish to the run's ledger: the counts and bases it shows, as cells of its data. */
interface ReceiptCells {
  readonly source: Source;
  readonly variables: Record<string, readonly string[]>;
  readonly cells: LedgerCell[];
  /** The receipt's detail with every number replaced by "suppressed" (shown when the ledger hides one). */
  readonly hiddenDetail: string;
}

// Receipts are plain records (tests compare them whole), so what the ledger needs travels beside them.
const pending = new WeakMap<Receipt, ReceiptCells>();
const sources = new WeakMap<object, Source>();

/**
 * The ledger source of a survey table (one per table, so every receipt of it is one population); null for an
 * array of records, whose receipts are left to their own rule.
 * @example
 * receiptSource(s.lw)?.n; // the number of Link Workers
 */
export function receiptSource(table: ColumnTable | Row[]): Source | null {
  if (Array.isArray(table)) return null;
  const hit = sources.get(table);
  if (hit) return hit;
  const s = toSource(table, "receipts");
  sources.set(table, s);
  return s;
}

// A row predicate: is this respondent in a count the receipt shows?
type Pred = (row: Row) => boolean;

/** The counts a receipt of this spec shows (numerators and bases), as row predicates, in a fixed order. */
function shownCounts(spec: ReceiptSpec): Pred[] {
  const sub: Pred = "subset" in spec && spec.subset ? (r) => spec.subset!(r) === true : () => true;
  const share = (outcome: (r: Row) => boolean | null, group: Pred = () => true): Pred[] => [
    (r) => sub(r) && group(r) && outcome(r) === true,
    (r) => sub(r) && group(r) && outcome(r) !== null,
  ];
  switch (spec.type) {
    case "count":
      return [sub, () => true];
    case "share":
    case "versus-constant":
      return share(spec.outcome);
    case "compare":
      return spec.pairs.flatMap((p) => [
        ...share(spec.outcome, (r) => p.inA(r) === true),
        ...share(spec.outcome, (r) => p.inB(r) === true),
      ]);
    case "compare-mean":
      return spec.pairs.flatMap((p) => [
        (r: Row) => p.inA(r) === true && spec.value(r) !== null,
        (r: Row) => p.inB(r) === true && spec.value(r) !== null,
      ]);
    case "rank":
      return spec.options.flatMap((o) => share(o.outcome));
  }
}

// The ledger's level of a value, as the tabulations name it (src/tabulate/encode.ts): booleans "No"/"Yes".
const levelOf = (v: unknown): string =>
  v === null || v === undefined ? LEDGER_MISSING : typeof v === "boolean" ? (v ? "Yes" : "No") : String(v);

const CHOSEN = "chosen";
const NOT_CHOSEN = "not chosen";
/** Most joint categories of the variables a receipt reads before it is left out of the ledger. */
const MAX_TUPLES = 4096;

interface Reads {
  scalars: Set<string>;
  /** Multi-select columns and the options read from them (with `includes`). */
  options: Map<string, Set<string>>;
  /** Read in a way the ledger cannot express (an array iterated, counted or filtered). */
  opaque: boolean;
}

// Runs the predicates on every row through a proxy that records which columns (and which options of a
// multi-select) they read, so that a closure written for the report can be turned into ledger cells.
function readsOf(rows: readonly Row[], preds: readonly Pred[]): Reads {
  const reads: Reads = { scalars: new Set(), options: new Map(), opaque: false };
  const arrayProxy = (column: string, arr: unknown[]) =>
    new Proxy(arr, {
      get(target, key) {
        if (key === "includes")
          return (label: unknown) => {
            const set = reads.options.get(column) ?? new Set<string>();
            set.add(String(label));
            reads.options.set(column, set);
            return target.includes(label);
          };
        reads.opaque = true;
        return Reflect.get(target, key) as unknown;
      },
    });
  for (const row of rows) {
    const proxy = new Proxy(row, {
      get(target, key) {
        const v = Reflect.get(target, key) as unknown;
        if (typeof key !== "string") return v;
        if (Array.isArray(v)) return arrayProxy(key, v);
        reads.scalars.add(key);
        return v;
      },
    });
    for (const p of preds) p(proxy);
  }
  // A column read both as a scalar (a null check) and as a multi-select is a multi-select.
  for (const c of reads.options.keys()) reads.scalars.delete(c);
  return reads;
}

/**
 * The cells a receipt shows, over the columns its spec reads: each count is the union of the joint categories
 * (levels of those columns) for which the spec's predicate holds, evaluated on one made-up respondent per
 * category. Null when the spec reads something the ledger cannot express (a multi-select counted or filtered,
 * or too many joint categories).
 */
function cellsOf(
  rows: readonly Row[],
  preds: readonly Pred[],
): { variables: Record<string, readonly string[]>; cells: LedgerCell[] } | null {
  const reads = readsOf(rows, preds);
  if (reads.opaque) return null;
  // Each scalar column's levels with a value to stand for each; booleans have both levels.
  const dims: { name: string; levels: string[]; value: (level: string) => unknown }[] = [];
  for (const c of [...reads.scalars].sort()) {
    const values = new Map<string, unknown>([[LEDGER_MISSING, null]]);
    for (const r of rows) {
      const v = r[c];
      if (Array.isArray(v)) return null;
      const l = levelOf(v);
      if (!values.has(l)) values.set(l, v);
      if (typeof v === "boolean") {
        values.set("Yes", true);
        values.set("No", false);
      }
    }
    dims.push({ name: c, levels: [...values.keys()], value: (l) => values.get(l) });
  }
  // A multi-select reads as one chosen/not chosen variable per option (as multiResponse publishes it).
  const multi = [...reads.options].sort(([a], [b]) => a.localeCompare(b));
  for (const [c, labels] of multi)
    for (const l of [...labels].sort())
      dims.push({ name: `${c}: ${l}`, levels: [LEDGER_MISSING, CHOSEN, NOT_CHOSEN], value: (x) => x });
  const size = dims.reduce((s, d) => s * d.levels.length, 1);
  if (size > MAX_TUPLES) return null;
  const tuples: string[][] = [];
  for (let a = 0; a < size; ++a) {
    let rest = a;
    const t: string[] = [];
    for (let d = dims.length - 1; d >= 0; --d) {
      const dim = dims[d]!;
      t[d] = dim.levels[rest % dim.levels.length]!;
      rest = Math.floor(rest / dim.levels.length);
    }
    tuples.push(t);
  }
  const rowOf = (t: string[]): Row => {
    const r: Row = {};
    dims.forEach((d, i) => {
      if (reads.scalars.has(d.name)) r[d.name] = d.value(t[i]!);
    });
    for (const [c, labels] of multi) {
      const idx = [...labels].sort().map((l) => dims.findIndex((d) => d.name === `${c}: ${l}`));
      // Options of one question are answered together: a made-up respondent missing any is missing all
      // (those categories are empty, and a shown zero below tells the ledger so).
      r[c] = idx.some((i) => t[i] === LEDGER_MISSING)
        ? null
        : [...labels].sort().filter((_, k) => t[idx[k]!] === CHOSEN);
    }
    return r;
  };
  const boxes = (t: string[]): Where => Object.fromEntries(dims.map((d, i) => [d.name, [t[i]!]]));
  const cells: LedgerCell[] = [];
  for (const p of preds) {
    const inside = tuples.filter((t) => p(rowOf(t)));
    const count = rows.filter((r) => p(r)).length;
    if (inside.length === 0) continue;
    const [first, ...more] = inside.map(boxes);
    cells.push({ where: first!, or: more, count, status: "shown" });
  }
  // Nobody answers one option of a multi-select and skips another: true of every export, and a reader knows it.
  for (const [c, labels] of multi) {
    const names = [...labels].sort().map((l) => `${c}: ${l}`);
    for (let k = 1; k < names.length; ++k) {
      const answered = [CHOSEN, NOT_CHOSEN];
      cells.push({ where: { [names[0]!]: [LEDGER_MISSING], [names[k]!]: answered }, count: 0 });
      cells.push({ where: { [names[0]!]: answered, [names[k]!]: [LEDGER_MISSING] }, count: 0 });
    }
  }
  const variables = Object.fromEntries(
    dims.map((d) => [d.name, d.levels.filter((l) => l !== LEDGER_MISSING)]),
  );
  return { variables, cells };
}

/**
 * Keeps, beside a receipt, the cells it would publish (its shown counts and bases over the columns its spec
 * reads) and its verdict-only detail; {@link discloseReceipts} publishes them when the receipt is shown.
 * @example
 * prepareReceiptCells(receipt, receiptSource(lw), lw.objects(), receiptSpecs()["lw-trained"], "suppressed");
 */
export function prepareReceiptCells(
  receipt: Receipt,
  source: Source | null,
  rows: readonly Row[],
  spec: ReceiptSpec,
  hiddenDetail: string,
): void {
  if (!source || receipt.suppressed) return;
  const c = cellsOf(rows, shownCounts(spec));
  if (!c) return;
  pending.set(receipt, { source, variables: c.variables, cells: c.cells, hiddenDetail });
}

/**
 * Publishes the counts and bases of receipts about to be shown to the run's ledger and returns them as they may
 * be shown: a receipt whose numbers, with any earlier output of the run (a table, another receipt), would let a
 * reader work out a hidden count keeps its verdict (pass/FAIL) and loses computed value, counts, n and interval,
 * as a test on a table that hides cells does. Receipts computed from arrays of records, or whose spec reads a
 * multi-select in a way the ledger cannot express (counted or filtered), are left to their own rule.
 * @example
 * const s = openSection("social-prescription");
 * discloseReceipts([s.receipt("lw-confident-by-activity"), s.receipt("lw-confident-inactive-lowest")])
 *   .map((r) => r.suppressed); // [false, true] on Cumbria: together they would give inactive-and-confident = 2
 */
export function discloseReceipts(receipts: readonly Receipt[]): Receipt[] {
  const ledger = projectLedger();
  return receipts.map((r) => {
    const c = pending.get(r);
    if (!c || r.suppressed || ledger.threshold <= 0) return r;
    const status = publishTable({
      source: c.source,
      label: `receipt ${r.id}`,
      threshold: ledger.threshold,
      variables: c.variables,
      cells: c.cells,
    });
    if (status.every((s) => s === "shown")) return r;
    const hidden: Receipt = {
      ...r,
      computed: null,
      successes: null,
      n: null,
      lower: null,
      upper: null,
      detail: c.hiddenDetail,
      suppressed: true,
    };
    return hidden;
  });
}
