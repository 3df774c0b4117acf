import { unknownName, UsageError } from "../errors/usage-error.js";
import { from, type ColumnTable } from "arquero";

/** A cell value as the tidy respondent table holds it. */
export type CellValue = string | number | boolean | null | undefined | readonly string[];

/** What the tabulation helpers accept: an arquero table or plain row objects. */
export type TableInput = ColumnTable | readonly Record<string, unknown>[];

/** The minimal column interface shared by plain arrays, typed arrays and arquero/Arrow columns. */
export interface ColumnLike {
  readonly length: number;
  at(row: number): unknown;
}

/** A table resolved for counting: the backing columns plus the active row indices (null = all rows). */
export interface Source {
  readonly table: ColumnTable;
  /** Active rows when the table is filtered; null when every backing row counts. */
  readonly rows: Uint32Array | null;
  /** Number of active rows. */
  readonly n: number;
}

/** Resolves the input table once per call; plain record arrays become an arquero table. */
export function toSource(input: TableInput, fn: string): Source {
  const table = isColumnTable(input) ? input : fromRecords(input, fn);
  // Row order does not change counts, so only a filter needs the index vector.
  const rows = table.isFiltered() ? table.indices(false) : null;
  return { table, rows, n: table.numRows() };
}

/** The backing column for a name, or an error naming the function and the column. */
export function columnOf(source: Source, name: string, fn: string): ColumnLike {
  const column = source.table.column(name) as ColumnLike | undefined;
  if (!column) throw unknownName(fn, "column", name, source.table.columnNames());
  return column;
}

function isColumnTable(input: TableInput): input is ColumnTable {
  return !Array.isArray(input) && typeof (input as ColumnTable).column === "function";
}

function fromRecords(records: readonly Record<string, unknown>[], fn: string): ColumnTable {
  if (!Array.isArray(records)) throw new UsageError(fn, "expected an arquero table or an array of records");
  return from(records as Record<string, unknown>[]);
}
