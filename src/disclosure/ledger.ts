import type { CellStatus } from "../tabulate/suppress.js";

/** One published cell: which respondents it counts, its unweighted count, and its status in its own table. */
export interface LedgerCell {
  /**
   * For each variable the cell is about, the levels it counts (a margin lists all levels of the variable it sums
   * over). A variable of the population left out means "any answer, missing included".
   */
  readonly where: Readonly<Record<string, readonly string[]>>;
  /** Unweighted count of respondents. */
  readonly count: number;
  /** The status its own table gave it ("shown" when no suppression ran). */
  readonly status?: CellStatus;
}

/** One output about to be published: its cells, over one population of respondents. */
export interface Publication {
  /**
   * The respondents counted, e.g. "link-worker" or "link-worker, area Cumbria": publications over different
   * populations never combine. Default "all".
   */
  readonly population?: string;
  /** Every level of every variable the cells mention (so a margin and "any answer" have a meaning). */
  readonly variables: Readonly<Record<string, readonly string[]>>;
  readonly cells: readonly LedgerCell[];
  /** For messages, e.g. the table's caption. */
  readonly label?: string;
}

/** Options of {@link DisclosureLedger}. */
export interface LedgerOptions {
  /** Counts 1..threshold-1 are hidden (default 5; 0 turns the ledger off). */
  readonly threshold?: number;
  /**
   * Most joint categories one check may span (default 4096). Earlier outputs that would make a check larger are
   * left out of it, unless their variables are a subset of the new output's.
   */
  readonly maxAtoms?: number;
}

const MISSING = "\u0000missing";

interface Equation {
  readonly population: string;
  readonly where: Readonly<Record<string, readonly string[]>>;
  readonly count: number;
  readonly shown: boolean;
  readonly label: string;
}

/**
 * A per-run record of what has been published, cells and margins, so that a later output (a collapse of the
 * same scale, a derived flag, a second breakdown) cannot undo an earlier output's complementary suppression.
 * {@link publish} takes an output's cells with their own statuses and returns the statuses to show: cells hidden
 * earlier stay hidden, and while any hidden quantity (earlier or new) could be worked out exactly from what is
 * shown (any sums and differences, across outputs), one more cell of the new output is hidden.
 * @example
 * const ledger = new DisclosureLedger();
 * const q = ["Not at all", "Slightly", "Very", "Extremely"];
 * ledger.publish({ variables: { q }, cells: [
 *   { where: { q: ["Not at all"] }, count: 40 }, { where: { q: ["Slightly"] }, count: 30, status: "secondary" },
 *   { where: { q: ["Very"] }, count: 22 }, { where: { q: ["Extremely"] }, count: 4 }, { where: { q }, count: 96 } ] });
 * // A yes/no collapse showing "very or extremely" = 26 would give Extremely = 26 - 22 = 4: it is hidden too.
 * ledger.publish({ variables: { q }, cells: [{ where: { q: ["Very", "Extremely"] }, count: 26 },
 *   { where: { q: ["Not at all", "Slightly"] }, count: 70 }] }); // ["secondary", "secondary"]
 */
export class DisclosureLedger {
  readonly threshold: number;
  readonly maxAtoms: number;
  private readonly equations: Equation[] = [];
  private readonly levels = new Map<string, Map<string, string[]>>();
  private readonly derived = new Map<
    string,
    { source: string; mapping: Record<string, readonly string[]> }
  >();
  /** Hidden quantities the ledger could not protect (already recoverable from earlier outputs alone). */
  readonly warnings: string[] = [];

  constructor(options: LedgerOptions = {}) {
    const t = options.threshold ?? 5;
    if (!Number.isFinite(t) || t < 0)
      throw new Error(`DisclosureLedger: option threshold must be a number >= 0, got ${String(t)}`);
    this.threshold = t;
    this.maxAtoms = options.maxAtoms ?? 4096;
  }

  /**
   * Declares that `flag` is derived from `source`: each level of the flag counts the listed levels of the
   * source. Later publications about the flag are read as publications about the source.
   * @example
   * ledger.derive("very_or_extremely", "q", { true: ["Very", "Extremely"], false: ["Not at all", "Slightly"] });
   */
  derive(flag: string, source: string, mapping: Readonly<Record<string, readonly string[]>>): void {
    if (flag === source) throw new Error(`DisclosureLedger.derive: "${flag}" cannot be derived from itself`);
    this.derived.set(flag, { source, mapping: { ...mapping } });
  }

  /**
   * Records an output and returns each cell's status to show (same order as `cells`): its own status, or
   * "primary" for a count 1..threshold-1, or "secondary" when it had to be hidden to keep an earlier or a
   * sibling hidden cell from being worked out.
   * @example
   * ledger.publish({ population: "link-worker", variables: { band: ["Inactive", "Active"] },
   *   cells: [{ where: { band: ["Inactive"] }, count: 3 }, { where: { band: ["Active"] }, count: 40 }] });
   */
  publish(p: Publication): CellStatus[] {
    const population = p.population ?? "all";
    const label = p.label ?? "an output";
    const cells = p.cells.map((c) => ({ ...c, where: this.resolve(c.where, population, p.variables) }));
    const small = (k: number) => this.threshold > 0 && k > 0 && k < this.threshold;
    const status: CellStatus[] = cells.map((c) => (small(c.count) ? "primary" : (c.status ?? "shown")));
    if (this.threshold <= 0) return status;

    const past = this.relevant(population, cells);
    const space = this.atoms(population, [...past.map((e) => e.where), ...cells.map((c) => c.where)]);
    const vec = (where: Equation["where"]) => space.vector(where);
    const pastVecs = past.map((e) => ({ e, v: vec(e.where) }));
    const newVecs = cells.map((c) => vec(c.where));
    // One pattern: a cell counting what an earlier output hid stays hidden.
    newVecs.forEach((v, i) => {
      if (status[i] === "shown" && pastVecs.some((x) => !x.e.shown && same(x.v, v))) status[i] = "secondary";
    });
    const pastShown = pastVecs.filter((x) => x.e.shown).map((x) => x.v);
    const pastOnly = basis(pastShown);
    const targets = () => [
      ...pastVecs.filter((x) => !x.e.shown && x.e.count > 0).map((x) => x.v),
      ...newVecs.filter((_, i) => status[i] !== "shown" && cells[i]!.count > 0),
    ];
    for (let guard = 0; guard <= cells.length; ++guard) {
      const shownNew = newVecs.filter((_, i) => status[i] === "shown");
      const known = basis([...pastShown, ...shownNew]);
      const exposed = targets().find((t) => inSpan(known, t) && !inSpan(pastOnly, t));
      if (!exposed) break;
      // Hide the new shown cell whose removal hides the exposed quantity again: inner cells (fewest joint
      // categories) before margins, then the smallest count. When no single cell does (two new cells each
      // give it away), hide the best one that overlaps it and look again.
      const order = (a: { v: Float64Array; i: number }, b: { v: Float64Array; i: number }) =>
        weight(a.v) - weight(b.v) || cells[a.i]!.count - cells[b.i]!.count || a.i - b.i;
      const open = newVecs
        .map((v, i) => ({ v, i }))
        .filter(({ i }) => status[i] === "shown" && cells[i]!.count > 0);
      const fixing = open.filter(
        ({ i }) =>
          !inSpan(
            basis([...pastShown, ...newVecs.filter((_, j) => j !== i && status[j] === "shown")]),
            exposed,
          ),
      );
      const overlapping = open.filter(({ v }) => v.some((x, a) => x > 0 && exposed[a]! > 0));
      const pick = (fixing.length ? fixing : overlapping.length ? overlapping : open).sort(order)[0];
      if (!pick) {
        this.warnings.push(
          `${label}: a hidden count can be worked out and no cell of this output protects it`,
        );
        break;
      }
      status[pick.i] = "secondary";
    }
    for (const t of targets()) {
      if (inSpan(pastOnly, t)) {
        this.warnings.push(
          `${label}: a count hidden in an earlier output was already recoverable before this one`,
        );
        break;
      }
    }
    cells.forEach((c, i) =>
      this.equations.push({
        population,
        where: c.where,
        count: c.count,
        shown: status[i] === "shown",
        label,
      }),
    );
    return status;
  }

  /** Forgets everything published (a new run). */
  reset(): void {
    this.equations.length = 0;
    this.levels.clear();
    this.derived.clear();
    this.warnings.length = 0;
  }

  /** How many cells have been recorded, and how many of them hidden. */
  get size(): { cells: number; hidden: number } {
    return { cells: this.equations.length, hidden: this.equations.filter((e) => !e.shown).length };
  }

  // Rewrites derived flags to their sources and records every variable's levels (plus an implicit "missing").
  private resolve(
    where: Readonly<Record<string, readonly string[]>>,
    population: string,
    variables: Readonly<Record<string, readonly string[]>>,
  ): Record<string, readonly string[]> {
    const known = this.levels.get(population) ?? new Map<string, string[]>();
    this.levels.set(population, known);
    const addLevels = (v: string, ls: readonly string[]) => {
      const cur = known.get(v) ?? [MISSING];
      for (const l of ls) if (!cur.includes(l)) cur.push(l);
      known.set(v, cur);
    };
    const out: Record<string, readonly string[]> = {};
    for (const [v, ls] of Object.entries(where)) {
      const d = this.derived.get(v);
      if (d) {
        const src = ls.flatMap((l) => {
          const m = d.mapping[l];
          if (!m)
            throw new Error(
              `DisclosureLedger: level "${l}" of derived "${v}" has no mapping to "${d.source}"`,
            );
          return m;
        });
        addLevels(d.source, Object.values(d.mapping).flat());
        out[d.source] = out[d.source] ? out[d.source]!.filter((l) => src.includes(l)) : src;
      } else {
        if (!variables[v])
          throw new Error(`DisclosureLedger: cell mentions "${v}", which is not in variables`);
        addLevels(v, variables[v]!);
        out[v] = out[v] ? out[v]!.filter((l) => ls.includes(l)) : ls;
      }
    }
    for (const [v, ls] of Object.entries(variables)) if (!this.derived.has(v)) addLevels(v, ls);
    return out;
  }

  // Earlier equations over the same population that share a variable with the new cells, within maxAtoms.
  private relevant(population: string, cells: readonly { where: Equation["where"] }[]): Equation[] {
    const vars = new Set(cells.flatMap((c) => Object.keys(c.where)));
    const levels = this.levels.get(population)!;
    const size = (vs: Set<string>) => [...vs].reduce((s, v) => s * (levels.get(v)?.length ?? 1), 1);
    const chosen: Equation[] = [];
    const all = new Set(vars);
    for (const e of this.equations.filter((x) => x.population === population)) {
      const ev = Object.keys(e.where);
      if (ev.length && !ev.some((v) => vars.has(v))) continue;
      const grown = new Set([...all, ...ev]);
      if (size(grown) > this.maxAtoms && !ev.every((v) => vars.has(v))) continue;
      ev.forEach((v) => all.add(v));
      chosen.push(e);
    }
    return chosen;
  }

  private atoms(population: string, wheres: readonly Equation["where"][]) {
    const levels = this.levels.get(population)!;
    const vars = [...new Set(wheres.flatMap((w) => Object.keys(w)))].sort();
    const dims = vars.map((v) => levels.get(v)!);
    const total = dims.reduce((s, d) => s * d.length, 1);
    return {
      vector(where: Equation["where"]): Float64Array {
        const out = new Float64Array(total);
        for (let a = 0; a < total; ++a) {
          let rest = a;
          let ok = true;
          for (let d = dims.length - 1; d >= 0 && ok; --d) {
            const dim = dims[d]!;
            const level = dim[rest % dim.length]!;
            rest = Math.floor(rest / dim.length);
            const allowed = where[vars[d]!];
            if (allowed && !allowed.includes(level)) ok = false;
          }
          if (ok) out[a] = 1;
        }
        return out;
      },
    };
  }
}

const weight = (v: Float64Array) => v.reduce((s, x) => s + x, 0);
const same = (a: Float64Array, b: Float64Array) => a.every((x, i) => x === b[i]);
const EPS = 1e-9;

// Row-echelon basis of the shown equations (Gaussian elimination with partial pivoting on leading entries).
function basis(rows: readonly Float64Array[]): { pivots: number[]; rows: Float64Array[] } {
  const out: Float64Array[] = [];
  const pivots: number[] = [];
  for (const r of rows) {
    const v = reduce({ pivots, rows: out }, r);
    const p = v.findIndex((x) => Math.abs(x) > EPS);
    if (p < 0) continue;
    const scale = v[p]!;
    for (let j = 0; j < v.length; ++j) v[j]! /= scale;
    out.push(v);
    pivots.push(p);
  }
  return { pivots, rows: out };
}

function reduce(b: { pivots: number[]; rows: Float64Array[] }, r: Float64Array): Float64Array {
  const v = Float64Array.from(r);
  b.rows.forEach((row, k) => {
    const f = v[b.pivots[k]!]!;
    if (Math.abs(f) > EPS) for (let j = 0; j < v.length; ++j) v[j]! -= f * row[j]!;
  });
  return v;
}

// A quantity is determined by the shown equations when it is a linear combination of them.
function inSpan(b: { pivots: number[]; rows: Float64Array[] }, t: Float64Array): boolean {
  return reduce(b, t).every((x) => Math.abs(x) < 1e-7);
}

let current: DisclosureLedger | null = null;

/**
 * The ledger of the current run (one per kernel or process), created on first use with the threshold given
 * then (default 5). Tabulations and figure builders call `runLedger().publish(...)`.
 * @example
 * runLedger().publish({ variables: { q: ["a", "b"] }, cells: [{ where: { q: ["a"] }, count: 12 }] });
 */
export function runLedger(options: LedgerOptions = {}): DisclosureLedger {
  current ??= new DisclosureLedger(options);
  return current;
}

/**
 * Starts a new run's ledger (a notebook's first cell, or a test).
 * @example
 * resetRunLedger({ threshold: 8 }); // NHS Digital's 1-7 rule for this run
 */
export function resetRunLedger(options: LedgerOptions = {}): DisclosureLedger {
  current = new DisclosureLedger(options);
  return current;
}
