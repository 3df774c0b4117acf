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

/**
 * The ledger population of a table: its root data (shared by derived and filtered views) and, for a filtered
 * view, which rows. Outputs over different populations never combine in the ledger.
 * @example
 * populationOf(toSource(lw, "frequencies")) === populationOf(toSource(lw.derive({ x: () => 1 }), "f")); // true
 */
export function populationOf(source: Source): string {
  const table: ColumnTable = source.table;
  const columns = table
    .columnNames()
    .map((n) => table.column(n) as unknown)
    .filter((c): c is object => typeof c === "object" && c !== null);
  let id: number | undefined;
  for (const c of columns) {
    const r = roots.get(c);
    if (r !== undefined && (id === undefined || r < id)) id = r;
  }
  id ??= nextRoot++;
  for (const c of columns) if (!roots.has(c)) roots.set(c, id);
  if (!source.rows) return `table ${id}`;
  // FNV-1a over the active row indices: two filters selecting the same rows are one population.
  let h = 0x811c9dc5;
  for (const r of source.rows) h = Math.imul(h ^ r, 0x01000193) >>> 0;
  return `table ${id}, rows ${source.rows.length}:${h.toString(16)}`;
}

const declared = new WeakSet<DisclosureLedger>();

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
  return ledger.publish({
    population: populationOf(out.source),
    label: out.label,
    variables: out.variables,
    cells: out.cells,
  });
}

/** The status of a missing-answer count: hidden ("primary") when it is 1..threshold-1. */
export function missingStatus(count: number, threshold: number): CellStatus {
  return threshold > 0 && count > 0 && count < threshold ? "primary" : "shown";
}
