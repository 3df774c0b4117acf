// A bridge between our tidy arquero tables and danfojs-node DataFrames, for readers who think in pandas.
// Deliberately not re-exported from src/index.ts: danfojs's typings are large, and tslab would compile them in
// every notebook. Import it as `from "./dist/bridge/danfo"` where it is wanted.
import { table as makeTable, type ColumnTable } from "arquero";
import * as dfd from "danfojs-node";
import { levelsOf, withLevels } from "../codebook/levels.js";

/** The separator of multi-select labels inside one DataFrame cell ("GPs; Self-referral"). */
export const MULTI_SEPARATOR = "; ";

/** How a DataFrame's columns map back to a tidy table: ordered levels and which columns are multi-selects. */
export interface BridgeSchema {
  levels: Record<string, readonly string[]>;
  multi: string[];
}

// Schemas of DataFrames made by toDataFrame; danfo operations return new frames, which need `like` instead.
const schemas = new WeakMap<object, BridgeSchema>();
let quiet = false;

// TensorFlow.js prints a "running in Node.js" banner on its first tensor operation (into a notebook's stderr);
// production mode, set before any DataFrame exists, silences it.
function silenceTensorflow(): void {
  if (quiet) return;
  (dfd as unknown as { tensorflow: { enableProdMode(): void } }).tensorflow.enableProdMode();
  quiet = true;
}

type Cell = string | number | boolean | null;

/**
 * A danfojs-node DataFrame of a tidy table, one column per table column. Single-choice labels and flags pass as
 * they are (missing stays null); a missing number becomes NaN, never null: danfojs's arithmetic reads null as 0,
 * so `groupby().mean()` would silently count a gap as zero minutes, while NaN stays missing (Series `mean()` skips
 * it; groupby aggregates turn NaN, so drop gaps first with {@link withoutMissing}). A multi-select (string[]) becomes ONE string column with the chosen
 * labels joined by "; " in recorded order (`[]`, answered none, becomes ""; unanswered stays null), because
 * danfojs has no list columns. Ordered levels are remembered for {@link fromDataFrame}.
 * @example
 * const df = toDataFrame(loadSurvey("link-worker").table.select("ap_area", "referral_sources"));
 * df.column("referral_sources").str.includes("GPs"); // who ticked GPs, as a boolean Series
 */
export function toDataFrame(table: ColumnTable): dfd.DataFrame {
  silenceTensorflow();
  const names = table.columnNames();
  const data: Record<string, Cell[]> = {};
  const dtypes: string[] = [];
  const schema: BridgeSchema = { levels: {}, multi: [] };
  for (const name of names) {
    const values = table.array(name) as unknown as unknown[];
    const levels = levelsOf(table, name);
    if (levels) schema.levels[name] = levels;
    const kind = kindOf(name, values);
    if (kind === "multi") schema.multi.push(name);
    data[name] = values.map((v) => cellOf(name, v, kind));
    dtypes.push(kind === "number" ? "float32" : kind === "boolean" ? "boolean" : "string");
  }
  const df =
    table.numRows() === 0
      ? new dfd.DataFrame([], { columns: names })
      : new dfd.DataFrame(data, { columns: names, dtypes });
  fullLabels(df);
  schemas.set(df, schema);
  return df;
}

/**
 * Rows of a DataFrame where every named column has a value (not null, undefined or NaN): the step before a
 * danfojs `groupby(...).mean()`, whose aggregates do not skip missing values. The bridge's own frames keep their
 * schema (levels, multi-selects) and full-label printing.
 * @example
 * const df = toDataFrame(lw.select("ap_area", "weekly_minutes"));
 * withoutMissing(df, ["weekly_minutes"]).groupby(["ap_area"]).mean().print(); // means of those who answered
 */
export function withoutMissing(df: dfd.DataFrame, columns: readonly string[]): dfd.DataFrame {
  for (const c of columns)
    if (!df.columns.includes(c))
      throw new Error(
        `withoutMissing: no column "${c}" in the DataFrame (columns: ${df.columns.join(", ")})`,
      );
  const keep: number[] = [];
  const rows = df.shape[0] as number;
  const cols = columns.map((c) => df.column(c).values as unknown[]);
  for (let i = 0; i < rows; i++) {
    const ok = cols.every((values) => missingToNull(values[i]) !== null);
    if (ok) keep.push(i);
  }
  const out = (
    keep.length === rows ? df.copy() : df.iloc({ rows: keep.length ? keep : [] })
  ) as dfd.DataFrame;
  const own = schemas.get(df);
  if (own) schemas.set(out, own);
  fullLabels(out);
  return out;
}

/**
 * Makes `df.print()` and `df.toString()` show whole labels: danfojs cuts every cell to 16 characters
 * ("Active Lancashi…"), which makes area names unreadable. Applies to this frame; frames that danfo operations
 * return print with danfo's defaults again, so call it on them too. Returns the same frame.
 * @example
 * fullLabels(df.groupby(["ap_area"]).count()).print();
 */
export function fullLabels<T extends dfd.DataFrame | dfd.Series>(df: T): T {
  // The frame passes its display config after its own fixed column widths, so an empty `columns` map wins
  // and the table package sizes each column to its content.
  const config = (df as unknown as { $config?: { setTableDisplayConfig(c: object): void } }).$config;
  config?.setTableDisplayConfig({ columns: {} });
  return df;
}

type Kind = "string" | "number" | "boolean" | "multi";

function kindOf(name: string, values: unknown[]): Kind {
  const kinds = new Set<Kind>();
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) continue;
    if (Array.isArray(v)) kinds.add("multi");
    else if (typeof v === "number") kinds.add("number");
    else if (typeof v === "boolean") kinds.add("boolean");
    else if (typeof v === "string") kinds.add("string");
    else
      throw new Error(
        `toDataFrame: column "${name}" has ${JSON.stringify(v)}, which a DataFrame cannot hold`,
      );
  }
  if (kinds.size > 1)
    throw new Error(`toDataFrame: column "${name}" mixes ${[...kinds].join(" and ")} values`);
  return kinds.values().next().value ?? "string";
}

function cellOf(name: string, v: unknown, kind: Kind): Cell {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)))
    return kind === "number" ? NaN : null;
  if (kind !== "multi") return v as Cell;
  const labels = v as string[];
  const bad = labels.find((l) => l.includes(MULTI_SEPARATOR.trim()));
  if (bad !== undefined)
    throw new Error(`toDataFrame: column "${name}" has the label "${bad}", which contains the separator ";"`);
  return labels.join(MULTI_SEPARATOR);
}

/** Options of {@link fromDataFrame}. */
export interface FromDataFrameOptions {
  /** A tidy table whose levels and multi-select columns apply to same-named columns (e.g. the original survey). */
  like?: ColumnTable;
  /** Extra or overriding ordered levels, by column. */
  levels?: Record<string, readonly string[]>;
  /** Columns to split back into string[] on "; " (besides those known from `like` or toDataFrame). */
  multi?: string[];
}

/**
 * A tidy arquero table from a DataFrame. Columns that came from multi-selects are split back into string[]
 * ("" -> [], null -> null), and ordered levels are recorded again with withLevels: automatically for a frame made
 * by {@link toDataFrame}, and for any other frame (danfo operations return new ones) from `like` or `levels`.
 * Missing values (null, undefined, NaN) become null.
 * @example
 * const back = fromDataFrame(toDataFrame(lw)); // same columns, values and levels as lw
 * const counts = fromDataFrame(df.groupby(["ap_area"]).count(), { like: lw }); // ap_area keeps its order
 */
export function fromDataFrame(df: dfd.DataFrame, options: FromDataFrameOptions = {}): ColumnTable {
  // Frames danfo returns (loc, groupby, ...) are instances of its base class, not of the node subclass.
  const like = df as unknown as { columns?: unknown; shape?: unknown; column?: unknown } | null;
  if (
    !like ||
    !Array.isArray(like.columns) ||
    !Array.isArray(like.shape) ||
    typeof like.column !== "function"
  )
    throw new Error("fromDataFrame: expected a danfojs-node DataFrame");
  const schema = mergedSchema(df, options);
  const cols: Record<string, Cell[] | (string[] | null)[]> = {};
  const rows = df.shape[0];
  for (const name of df.columns) {
    const values = (rows === 0 ? [] : (df.column(name).values as unknown[])).map(missingToNull);
    cols[name] = schema.multi.includes(name) ? values.map((v) => splitCell(name, v)) : (values as Cell[]);
  }
  const out = makeTable(cols);
  const levels = Object.fromEntries(
    Object.entries(schema.levels).filter(([name]) => df.columns.includes(name)),
  );
  return withLevels(out, levels);
}

function mergedSchema(df: dfd.DataFrame, options: FromDataFrameOptions): BridgeSchema {
  const own = schemas.get(df);
  const levels: Record<string, readonly string[]> = { ...(own?.levels ?? {}) };
  const multi = new Set(own?.multi ?? []);
  if (options.like) {
    for (const name of options.like.columnNames()) {
      const l = levelsOf(options.like, name);
      if (l) levels[name] = l;
      const first = (options.like.array(name) as unknown as unknown[]).find(
        (v) => v !== null && v !== undefined,
      );
      if (Array.isArray(first)) multi.add(name);
    }
  }
  Object.assign(levels, options.levels ?? {});
  for (const m of options.multi ?? []) multi.add(m);
  return { levels, multi: [...multi] };
}

function missingToNull(v: unknown): Cell {
  if (v === undefined || v === null || (typeof v === "number" && Number.isNaN(v))) return null;
  return v as Cell;
}

function splitCell(name: string, v: Cell): string[] | null {
  if (v === null) return null;
  if (typeof v !== "string")
    throw new Error(
      `fromDataFrame: multi-select column "${name}" has ${JSON.stringify(v)}, expected joined labels`,
    );
  return v === "" ? [] : v.split(MULTI_SEPARATOR);
}
