import type { ColumnTable } from "arquero";
import { levelsOf } from "../codebook/levels.js";
import type { ColumnLike } from "./source.js";

/** Integer codes for one categorical column; code `levels.length` means missing. */
export type Codes = Uint8Array | Uint16Array | Uint32Array;

/** A categorical column encoded once: codes per backing row, the ordered levels and their display labels. */
export interface EncodedColumn {
  readonly codes: Codes;
  readonly levels: readonly (string | number | boolean)[];
  /** Display labels: strings as they are, booleans as "No"/"Yes", numbers via String(). */
  readonly labels: readonly string[];
  /** Whether the levels came from withLevels (true) or from the sorted distinct values (false). */
  readonly recorded: boolean;
}

interface CacheEntry {
  readonly recordedLevels: readonly string[] | undefined;
  readonly encoded: EncodedColumn;
}

// Keyed by the column object itself: arquero's filter/select/orderby share column objects, so a second call on
// a filtered view of the same table reuses the codes. The recorded levels are compared by identity so that a
// later withLevels() on the same column re-encodes.
const cache = new WeakMap<object, CacheEntry>();

/**
 * Encodes a categorical column into typed-array codes, cached per column object.
 * Missing values (null, undefined, NaN) get the code `levels.length`.
 */
export function encodeColumn(
  table: ColumnTable,
  name: string,
  column: ColumnLike,
  fn: string,
): EncodedColumn {
  const recordedLevels = levelsOf(table, name);
  const hit = cache.get(column);
  if (hit && hit.recordedLevels === recordedLevels) return hit.encoded;
  const encoded = recordedLevels
    ? encodeWithLevels(column, recordedLevels, name, fn)
    : encodeDistinct(column, name, fn);
  cache.set(column, { recordedLevels, encoded });
  return encoded;
}

/** True for the values the tidy-table contract treats as missing. */
export function isMissing(value: unknown): value is null | undefined {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}

/** Display label of a level: booleans read as No/Yes everywhere in the tabulation output. */
export function levelLabel(value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

function codesFor(size: number, slots: number): Codes {
  if (slots <= 0xff) return new Uint8Array(size);
  if (slots <= 0xffff) return new Uint16Array(size);
  return new Uint32Array(size);
}

function encodeWithLevels(
  column: ColumnLike,
  levels: readonly string[],
  name: string,
  fn: string,
): EncodedColumn {
  const lookup = new Map<unknown, number>();
  levels.forEach((level, i) => lookup.set(level, i));
  const missing = levels.length;
  const n = column.length;
  const codes = codesFor(n, levels.length + 1);
  const values = Array.isArray(column) ? (column as unknown[]) : null;
  for (let i = 0; i < n; ++i) {
    const value = values ? values[i] : column.at(i);
    const code = lookup.get(value);
    if (code !== undefined) codes[i] = code;
    else if (isMissing(value)) codes[i] = missing;
    else throw unknownLevel(fn, name, value, levels);
  }
  return { codes, levels: [...levels], labels: [...levels], recorded: true };
}

function encodeDistinct(column: ColumnLike, name: string, fn: string): EncodedColumn {
  const lookup = new Map<unknown, number>();
  const seen: (string | number | boolean)[] = [];
  const n = column.length;
  // Codes are first assigned in order of appearance (Uint32 so no overflow), then remapped to sorted order.
  const raw = new Uint32Array(n);
  const MISSING = 0xffffffff;
  const values = Array.isArray(column) ? (column as unknown[]) : null;
  for (let i = 0; i < n; ++i) {
    const value = values ? values[i] : column.at(i);
    let code = lookup.get(value);
    if (code === undefined) {
      if (isMissing(value)) {
        raw[i] = MISSING;
        continue;
      }
      checkCategorical(value, name, fn);
      code = seen.length;
      seen.push(value as string | number | boolean);
      lookup.set(value, code);
    }
    raw[i] = code;
  }
  const order = seen.map((_, i) => i).sort((a, b) => compareValues(seen[a]!, seen[b]!));
  const remap = new Uint32Array(seen.length);
  order.forEach((from, to) => (remap[from] = to));
  const levels = order.map((i) => seen[i]!);
  const codes = codesFor(n, levels.length + 1);
  const missing = levels.length;
  for (let i = 0; i < n; ++i) {
    const code = raw[i]!;
    codes[i] = code === MISSING ? missing : remap[code]!;
  }
  return { codes, levels, labels: levels.map(levelLabel), recorded: false };
}

function checkCategorical(value: unknown, name: string, fn: string): void {
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return;
  if (Array.isArray(value)) {
    throw new Error(
      `${fn}: column "${name}" holds multi-select answers (arrays such as ${JSON.stringify(value)}); use multiResponse()`,
    );
  }
  throw new Error(`${fn}: column "${name}" has a value that is not categorical: ${describe(value)}`);
}

// Sorted distinct values: booleans before numbers before strings, each in natural order (code-unit order
// for strings, so the result does not depend on the machine's locale).
function compareValues(a: string | number | boolean, b: string | number | boolean): number {
  const rank = (v: unknown) => (typeof v === "boolean" ? 0 : typeof v === "number" ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function unknownLevel(fn: string, name: string, value: unknown, levels: readonly string[]): Error {
  return new Error(
    `${fn}: column "${name}" has value ${describe(value)} that is not one of its recorded levels (${levels.join(", ")})`,
  );
}

/** A value quoted for an error message. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
