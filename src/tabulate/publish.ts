import type { ColumnTable } from "arquero";
import { derivedFlagSources } from "../clean/derive.js";
import { LEDGER_MISSING, runLedger, type DisclosureLedger, type LedgerCell } from "../disclosure/ledger.js";
import type { Source } from "./source.js";
import type { CellStatus } from "./suppress.js";

/** The level a ledger cell uses for "no answer" (a Missing row or a missing-answers footnote). */
export const NO_ANSWER = LEDGER_MISSING;

// Tables that share any column object (arquero's derive, assign and filter keep the columns they do not
// change) are views of one set of respondents: they get one root id, so their outputs combine in the ledger.
const roots = new WeakMap<object, number>();
let nextRoot = 1;

/** Where a table's respondents sit in the ledger: its population, and a filter read as a condition. */
export interface Population {
  readonly population: string;
  /** A filtered view equal to "column = value" (e.g. one area): that condition, added to every cell. */
  readonly where: Readonly<Record<string, readonly string[]>>;
  readonly variables: Readonly<Record<string, readonly string[]>>;
  /** The filter column has an answer on every row of the root data (a reader adds the areas up to the whole). */
  readonly complete: boolean;
}

/**
 * The ledger population of a table: its root data (shared by derived and filtered views). A filtered view
 * whose rows are exactly those with one value of a text column (`lw.filter(d => d.ap_area === "Cumbria")`)
 * is that condition on the root population, so a table per area and the same table for everyone combine;
 * any other filter is a population of its own (its row set), which does not combine with the others.
 * @example
 * populationOf(toSource(lw, "f")).population === populationOf(toSource(lw.derive({ x: () => 1 }), "f")).population; // true
 */
export function populationOf(source: Source): Population {
  const table: ColumnTable = source.table;
  const names = table.columnNames();
  const columns = names
    .map((n) => table.column(n) as unknown)
    .filter((c): c is object => typeof c === "object" && c !== null);
  let id: number | undefined;
  for (const c of columns) {
    const r = roots.get(c);
    if (r !== undefined && (id === undefined || r < id)) id = r;
  }
  id ??= nextRoot++;
  for (const c of columns) if (!roots.has(c)) roots.set(c, id);
  const root = `table ${id}`;
  const rows = source.rows;
  if (!rows) return { population: root, where: {}, variables: {}, complete: false };
  const cut = rows.length > 0 ? filterAsCondition(table, names, rows) : null;
  if (cut) {
    return {
      population: root,
      where: { [cut.column]: [cut.value] },
      variables: { [cut.column]: cut.levels },
      complete: cut.complete,
    };
  }
  // FNV-1a over the active row indices: two filters selecting the same rows are one population.
  let h = 0x811c9dc5;
  for (const r of rows) h = Math.imul(h ^ r, 0x01000193) >>> 0;
  return {
    population: `${root}, rows ${rows.length}:${h.toString(16)}`,
    where: {},
    variables: {},
    complete: false,
  };
}

// The text column (if any) that holds one value on exactly the active rows.
function filterAsCondition(
  table: ColumnTable,
  names: readonly string[],
  rows: Uint32Array,
): { column: string; value: string; levels: string[]; complete: boolean } | null {
  const total = table.totalRows();
  for (const name of names) {
    const col = table.column(name) as { at(i: number): unknown } | undefined;
    if (!col) continue;
    const value = col.at(rows[0]!);
    if (typeof value !== "string") continue;
    let same = true;
    for (let r = 1; r < rows.length && same; ++r) same = col.at(rows[r]!) === value;
    if (!same) continue;
    let n = 0;
    let blank = 0;
    const levels = new Set<string>();
    for (let i = 0; i < total; ++i) {
      const v = col.at(i);
      if (v === value) ++n;
      if (typeof v === "string") levels.add(v);
      else if (v === null || v === undefined) ++blank;
    }
    if (n === rows.length) return { column: name, value, levels: [...levels].sort(), complete: blank === 0 };
  }
  return null;
}

const declared = new WeakSet<DisclosureLedger>();
const wholes = new WeakMap<DisclosureLedger, Set<string>>();

/**
 * The run's ledger with the project's derived flags declared (once per ledger): trained, knows_guideline,
 * confident_* and the other yes/no collapses of a categorical answer, and meets_guideline as a cut of
 * activity_band (src/clean/derive.ts lists them). A table of a flag is then read as a table of its source.
 * @example
 * projectLedger().publish({ variables: { trained: ["No", "Yes"] }, cells: [{ where: { trained: ["Yes"] }, count: 40 }] });
 */
export function projectLedger(): DisclosureLedger {
  const ledger = runLedger();
  if (declared.has(ledger)) return ledger;
  declared.add(ledger);
  for (const survey of ["link-worker", "provider"] as const) {
    for (const f of derivedFlagSources(survey)) {
      ledger.derive(f.flag, f.source, { ...f.mapping, [NO_ANSWER]: [NO_ANSWER, ...f.missing] });
    }
  }
  return ledger;
}

/** One output of a tabulation for the ledger: its cells (with their own statuses) and the variables' levels. */
export interface TableOutput {
  readonly source: Source;
  readonly label: string;
  readonly variables: Readonly<Record<string, readonly string[]>>;
  readonly cells: readonly LedgerCell[];
  /** The table's threshold (0: disclosure control off, nothing is published). */
  readonly threshold: number;
}

/**
 * Publishes a table's cells and margins to the run's ledger and returns the statuses to show (the table's
 * own, plus any cell the ledger hides so that an earlier output's hidden cells stay hidden). A table with
 * disclosure control off, or with a threshold below the run's, is not published and keeps its own statuses.
 * @example
 * const status = publishTable({ source, label: "band", threshold: 5, variables: { band: levels },
 *   cells: [{ where: { band: ["Inactive (<30)"] }, count: 3, status: "primary" }] });
 */
export function publishTable(out: TableOutput): CellStatus[] {
  const own = out.cells.map((c) => c.status ?? "shown");
  if (out.threshold <= 0 || out.cells.length === 0) return own;
  const ledger = projectLedger();
  if (ledger.threshold <= 0 || out.threshold < ledger.threshold) return own;
  const pop = populationOf(out.source);
  const cut = Object.keys(pop.where)[0];
  const cells = out.cells;
  // A filter column with an answer on every row: its levels add up to everyone (a reader adds the areas up).
  // Published once per population, on its own, so that it does not tie every later output to every other.
  if (cut !== undefined && pop.complete) {
    const seen = wholes.get(ledger) ?? new Set<string>();
    wholes.set(ledger, seen);
    const key = `${pop.population}\u0000${cut}`;
    if (!seen.has(key)) {
      seen.add(key);
      ledger.publish({
        population: pop.population,
        label: `${cut} answered by everyone`,
        variables: pop.variables,
        cells: [{ where: { [cut]: [NO_ANSWER] }, count: 0 }],
      });
    }
  }
  return ledger.publish({
    population: pop.population,
    label: out.label,
    variables: { ...pop.variables, ...out.variables },
    // The filter (one area) is a condition on every cell; a cell naming that column keeps its own levels.
    context: pop.where,
    cells,
  });
}

/**
 * The status of a missing-answer count: hidden ("primary") when it is 1..threshold-1.
 * @example
 * missingStatus(3, 5); // "primary"
 */
export function missingStatus(count: number, threshold: number): CellStatus {
  return threshold > 0 && count > 0 && count < threshold ? "primary" : "shown";
}
