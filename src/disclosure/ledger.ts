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
  /**
   * More joint categories the cell also counts (a union: the respondents in `where` or in any of these), for a
   * count that is not one box of levels, e.g. a receipt's "confident and inactive, or confident and fairly
   * active". The boxes may overlap; each respondent is counted once.
   */
  readonly or?: readonly Readonly<Record<string, readonly string[]>>[];
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
  /**
   * A condition every cell shares (a filtered view such as one area: `{ area: ["Cumbria"] }`), added to each
   * cell that does not name the variable itself. It is not a link to earlier outputs: only the cells' own
   * variables make an earlier output part of the check (else every output of the area would be, and the
   * check would grow with the run).
   */
  readonly context?: Readonly<Record<string, readonly string[]>>;
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

/**
 * The level a cell uses for "no answer" (a table's Missing row or footnote). Every variable has it implicitly,
 * so the levels listed in `variables` plus this one are everyone.
 */
export const LEDGER_MISSING = "\u0000missing";
const MISSING = LEDGER_MISSING;

type Where = Readonly<Record<string, readonly string[]>>;

interface Equation {
  readonly population: string;
  readonly where: Where;
  /** Further boxes of a union cell (LedgerCell.or). */
  readonly or: readonly Where[];
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
    const context = p.context ?? {};
    const links = new Set(p.cells.flatMap((c) => boxesOf(c).flatMap((w) => Object.keys(w))));
    const cells = p.cells.map((c) => {
      const withContext = (w: Where) => {
        const extra = Object.fromEntries(Object.entries(context).filter(([v]) => !w[v]));
        return this.resolve({ ...w, ...extra }, population, p.variables);
      };
      return { ...c, where: withContext(c.where), or: (c.or ?? []).map(withContext) };
    });
    const small = (k: number) => this.threshold > 0 && k > 0 && k < this.threshold;
    const status: CellStatus[] = cells.map((c) => (small(c.count) ? "primary" : (c.status ?? "shown")));
    if (this.threshold <= 0) return status;

    const past = this.relevant(population, cells, links);
    const record = () =>
      cells.forEach((c, i) =>
        this.equations.push({
          population,
          where: c.where,
          or: c.or,
          count: c.count,
          shown: status[i] === "shown",
          label,
        }),
      );
    // Fast path (most tables of a run): nothing hidden, earlier or now, so nothing to protect and no algebra.
    if (
      !past.some((e) => !e.shown && e.count > 0) &&
      !cells.some((c, i) => status[i] !== "shown" && c.count > 0)
    ) {
      record();
      return status;
    }
    const space = this.atoms(population, [...past.flatMap(boxesOf), ...cells.flatMap(boxesOf)]);
    // A union cell counts each joint category in any of its boxes once.
    const vec = (c: { where: Where; or?: readonly Where[] }) => {
      const v = space.vector(c.where);
      for (const w of c.or ?? []) space.vector(w).forEach((x, k) => x > 0 && (v[k] = 1));
      return v;
    };
    const pastVecs = past.map((e) => ({ e, v: vec(e) }));
    const newVecs = cells.map((c) => vec(c));
    // A shown zero is a fact a reader also uses (counts are not negative): every joint category inside it is
    // empty, so it drops out of every sum (e.g. no one missing the breakdown makes a table's row margin equal
    // the whole-population count of that row).
    const zero = new Uint8Array(space.size);
    for (const x of pastVecs) if (x.e.shown && x.e.count === 0) x.v.forEach((a, k) => a > 0 && (zero[k] = 1));
    newVecs.forEach((v, i) => {
      if (status[i] === "shown" && cells[i]!.count === 0) v.forEach((a, k) => a > 0 && (zero[k] = 1));
    });
    for (const v of [...pastVecs.map((x) => x.v), ...newVecs])
      for (let k = 0; k < v.length; ++k) if (zero[k]) v[k] = 0;
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
    // The earlier outputs' basis is built once and extended by this output's shown cells (the costly part is
    // elimination over the joint categories, so it is never redone for the past).
    const withNew = (skip: number) =>
      extend(
        pastOnly,
        newVecs.filter((_, j) => j !== skip && status[j] === "shown"),
      );
    for (let guard = 0; guard <= cells.length; ++guard) {
      const known = withNew(-1);
      const exposed = targets().find((t) => inSpan(known, t) && !inSpan(pastOnly, t));
      if (!exposed) break;
      // Hide the new shown cell whose removal hides the exposed quantity again: inner cells (fewest joint
      // categories) before margins, then the smallest count. When no single cell does (two new cells each
      // give it away), hide the best one that overlaps it and look again.
      const order = (a: { v: Float64Array; i: number }, b: { v: Float64Array; i: number }) =>
        weight(a.v) - weight(b.v) || cells[a.i]!.count - cells[b.i]!.count || a.i - b.i;
      const open = newVecs
        .map((v, i) => ({ v, i }))
        .filter(({ i }) => status[i] === "shown" && cells[i]!.count > 0)
        .sort(order);
      const overlapping = open.filter(({ v }) => v.some((x, a) => x > 0 && exposed[a]! > 0));
      const pick =
        overlapping.find(({ i }) => !inSpan(withNew(i), exposed)) ??
        open.find(({ i }) => !inSpan(withNew(i), exposed)) ??
        overlapping[0] ??
        open[0];
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
    record();
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
    // A publication that lists a declared flag's levels itself, some of them unmapped, is about another column
    // of that name (a table that was not made by the declared derivation): it is read as a variable of its own.
    const derivedHere = (v: string) => {
      const d = this.derived.get(v);
      const own = variables[v];
      if (d && own && own.some((l) => l !== MISSING && !d.mapping[l])) return undefined;
      return d;
    };
    const out: Record<string, readonly string[]> = {};
    for (const [v, ls] of Object.entries(where)) {
      const d = derivedHere(v);
      if (d) {
        const src = ls.flatMap((l) => {
          const m = d.mapping[l] ?? (l === MISSING ? [MISSING] : undefined);
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
    for (const [v, ls] of Object.entries(variables)) if (!derivedHere(v)) addLevels(v, ls);
    return out;
  }

  // Earlier equations over the same population that share a variable with the new cells, within maxAtoms.
  private relevant(
    population: string,
    cells: readonly { where: Where; or?: readonly Where[] }[],
    links: ReadonlySet<string>,
  ): Equation[] {
    // Derived flags are read as their sources: a link through a flag is a link through its source.
    const linked = new Set([...links].map((v) => this.derived.get(v)?.source ?? v));
    const vars = new Set(
      cells.flatMap((c) => boxesOf(c).flatMap((w) => Object.keys(w))).filter((v) => linked.has(v)),
    );
    const levels = this.levels.get(population)!;
    const size = (vs: Set<string>) => [...vs].reduce((s, v) => s * (levels.get(v)?.length ?? 1), 1);
    const chosen: Equation[] = [];
    const all = new Set(vars);
    for (const e of this.equations.filter((x) => x.population === population)) {
      const ev = [...new Set(boxesOf(e).flatMap((w) => Object.keys(w)))];
      if (ev.length && !ev.some((v) => vars.has(v))) continue;
      const grown = new Set([...all, ...ev]);
      if (size(grown) > this.maxAtoms && !ev.every((v) => vars.has(v))) continue;
      ev.forEach((v) => all.add(v));
      chosen.push(e);
    }
    // A shown zero about variables the check already spans (no one lacks an area) empties joint categories
    // of it, so it joins even when it names none of the new output's variables.
    for (const e of this.equations) {
      if (e.population !== population || !e.shown || e.count !== 0 || chosen.includes(e)) continue;
      if (boxesOf(e).every((w) => Object.keys(w).every((v) => all.has(v)))) chosen.push(e);
    }
    return chosen;
  }

  // The joint categories of the variables the wheres mention, with levels that no where tells apart merged
  // into one class (exact for the span questions asked, and it keeps the space small: a variable only ever
  // summed over, or a Likert scale cut in two, adds one or two classes, not all its levels).
  private atoms(population: string, wheres: readonly Equation["where"][]) {
    const levels = this.levels.get(population)!;
    const vars = [...new Set(wheres.flatMap((w) => Object.keys(w)))].sort();
    const classes = vars.map((v) => {
      const sets = wheres.map((w) => w[v]).filter((x): x is readonly string[] => !!x);
      const bySignature = new Map<string, string>();
      for (const level of levels.get(v)!) {
        const sig = sets.map((set) => (set.includes(level) ? "1" : "0")).join("");
        if (!bySignature.has(sig)) bySignature.set(sig, level);
      }
      return [...bySignature.values()];
    });
    const total = classes.reduce((s, d) => s * d.length, 1);
    return {
      size: total,
      vector(where: Equation["where"]): Float64Array {
        const out = new Float64Array(total);
        for (let a = 0; a < total; ++a) {
          let rest = a;
          let ok = true;
          for (let d = classes.length - 1; d >= 0 && ok; --d) {
            const dim = classes[d]!;
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

const boxesOf = (c: { where: Where; or?: readonly Where[] }): Where[] => [c.where, ...(c.or ?? [])];
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

// The basis `b` extended by more rows (b itself is left as it was).
function extend(
  b: { pivots: number[]; rows: Float64Array[] },
  more: readonly Float64Array[],
): { pivots: number[]; rows: Float64Array[] } {
  const out = { pivots: [...b.pivots], rows: [...b.rows] };
  for (const r of more) {
    const v = reduce(out, r);
    const p = v.findIndex((x) => Math.abs(x) > EPS);
    if (p < 0) continue;
    const scale = v[p]!;
    for (let j = 0; j < v.length; ++j) v[j]! /= scale;
    out.rows.push(v);
    out.pivots.push(p);
  }
  return out;
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
