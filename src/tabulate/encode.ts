import { UsageError } from "../errors/usage-error.js";
import type { ColumnTable } from "arquero";
import { levelsOf } from "../codebook/levels.js";
import { freeTextLabel, isFreeText } from "../output/free-text-label.js";
import { encodingCache } from "./encoding-cache.js";
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

const cache = encodingCache<EncodedColumn>();

/** Forgets every cached encoding (internal: lets the benchmark time first calls; not exported by the package). */
export function clearEncodingCache(): void {
  cache.clear();
}

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
  return cache.get(column, recordedLevels, () =>
    recordedLevels
      ? encodeWithLevels(column, recordedLevels, name, fn)
      : encodeDistinct(column, name, fn, isFreeText(table, name)),
  );
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

// Survey and referral columns have a handful of levels: a linear scan with === (a pointer comparison for
// interned strings) beats hashing up to about this many; wider columns use a Map.
const SCAN = 16;

/**
 * The hot loop: writes the entry index of each value into `out` from `start`, and returns the first row whose
 * value is not among `entries` (a new value, or NaN, which never equals itself), or n when done.
 */
function scanBytes(values: readonly unknown[], out: Uint8Array, entries: unknown[], start: number): number {
  const n = values.length;
  const k = entries.length;
  for (let i = start; i < n; ++i) {
    const v = values[i];
    let c = 0;
    while (c < k && entries[c] !== v) ++c;
    if (c === k) return i;
    out[i] = c;
  }
  return n;
}

function mapBytes(
  values: readonly unknown[],
  out: Uint8Array,
  lookup: Map<unknown, number>,
  start: number,
): number {
  const n = values.length;
  for (let i = start; i < n; ++i) {
    const c = lookup.get(values[i]);
    if (c === undefined) return i;
    out[i] = c;
  }
  return n;
}

/**
 * Byte codes by entry in order of first appearance; missing values (null, undefined) become entries too so the
 * hot loop never branches on them. Returns null when a column has 255+ distinct entries (use the wide path).
 * `accept` vets each new non-missing value (and may throw).
 */
function byteEntries(
  values: readonly unknown[],
  initial: readonly unknown[],
  accept: (value: unknown, row: number) => void,
): { bytes: Uint8Array; entries: unknown[]; missingEntry: number } | null {
  const n = values.length;
  const bytes = new Uint8Array(n);
  const entries: unknown[] = [...initial];
  const lookup = new Map<unknown, number>();
  entries.forEach((e, i) => lookup.set(e, i));
  let missingEntry = -1;
  let i = 0;
  while (true) {
    i = entries.length <= SCAN ? scanBytes(values, bytes, entries, i) : mapBytes(values, bytes, lookup, i);
    if (i === n) break;
    const value = values[i];
    if (isMissing(value)) {
      if (missingEntry < 0) missingEntry = entries.length;
      // NaN never matches an entry, so it is coded here directly; null/undefined become entries.
      if (value !== value) {
        if (missingEntry === entries.length) {
          entries.push(undefined);
          lookup.set(undefined, missingEntry);
        }
        bytes[i++] = missingEntry;
        continue;
      }
    } else {
      accept(value, i);
    }
    if (entries.length === 0xff) return null;
    lookup.set(value, entries.length);
    entries.push(value);
  }
  return { bytes, entries, missingEntry };
}

function encodeWithLevels(
  column: ColumnLike,
  levels: readonly string[],
  name: string,
  fn: string,
): EncodedColumn {
  const values = valuesOf(column);
  const known = new Set<unknown>(levels);
  const fast =
    levels.length < 0xff &&
    byteEntries(values, levels, (value) => {
      if (!known.has(value)) throw unknownLevel(fn, name, value, levels);
    });
  const missing = levels.length;
  const n = values.length;
  if (fast) {
    // Entries past the levels are the missing values (null, undefined, NaN): all code `missing`.
    const { bytes } = fast;
    for (let i = 0; i < n; ++i) if (bytes[i]! > missing) bytes[i] = missing;
    return { codes: bytes, levels: [...levels], labels: [...levels], recorded: true };
  }
  const lookup = new Map<unknown, number>();
  levels.forEach((level, i) => lookup.set(level, i));
  const codes = codesFor(n, levels.length + 1);
  for (let i = 0; i < n; ++i) {
    const value = values[i];
    const code = lookup.get(value);
    if (code !== undefined) codes[i] = code;
    else if (isMissing(value)) codes[i] = missing;
    else throw unknownLevel(fn, name, value, levels);
  }
  return { codes, levels: [...levels], labels: [...levels], recorded: true };
}

function encodeDistinct(column: ColumnLike, name: string, fn: string, freeText = false): EncodedColumn {
  const values = valuesOf(column);
  const n = values.length;
  const fast = byteEntries(values, [], (value) => checkCategorical(value, name, fn));
  if (fast) {
    const { bytes, entries } = fast;
    const present = entries.map((_, i) => i).filter((i) => !isMissing(entries[i]));
    const order = present.sort((a, b) => compareValues(entries[a] as Level, entries[b] as Level));
    const levels = order.map((i) => entries[i] as Level);
    const remap = new Uint8Array(256).fill(levels.length);
    order.forEach((from, to) => (remap[from] = to));
    for (let i = 0; i < n; ++i) bytes[i] = remap[bytes[i]!]!;
    const labels = freeText ? freeTextLabels(levels, bytes) : levels.map(levelLabel);
    return { codes: bytes, levels, labels, recorded: false };
  }
  // Wide columns (255+ distinct values): codes in order of appearance, then remapped to sorted order.
  const lookup = new Map<unknown, number>();
  const seen: Level[] = [];
  const raw = new Uint32Array(n);
  const MISSING = 0xffffffff;
  for (let i = 0; i < n; ++i) {
    const value = values[i];
    let code = lookup.get(value);
    if (code === undefined) {
      if (isMissing(value)) {
        raw[i] = MISSING;
        continue;
      }
      checkCategorical(value, name, fn);
      code = seen.length;
      seen.push(value as Level);
      lookup.set(value, code);
    }
    raw[i] = code;
  }
  const order = seen.map((_, i) => i).sort((a, b) => compareValues(seen[a]!, seen[b]!));
  const to = new Uint32Array(seen.length);
  order.forEach((from, k) => (to[from] = k));
  const levels = order.map((i) => seen[i]!);
  const codes = codesFor(n, levels.length + 1);
  for (let i = 0; i < n; ++i) {
    const c = raw[i]!;
    codes[i] = c === MISSING ? levels.length : to[c]!;
  }
  return {
    codes,
    levels,
    labels: freeText ? freeTextLabels(levels, codes) : levels.map(levelLabel),
    recorded: false,
  };
}

// Respondents' own words (columns marked by cleanExport) are shown only redacted, and only when at least the
// default suppression threshold of respondents gave the same text.
function freeTextLabels(levels: readonly Level[], codes: Codes): string[] {
  const counts = new Uint32Array(levels.length + 1);
  for (let i = 0; i < codes.length; ++i) counts[codes[i]!]!++;
  return levels.map((l, k) => (typeof l === "string" ? freeTextLabel(l, counts[k]!) : levelLabel(l)));
}

type Level = string | number | boolean;

// Plain arrays are read directly; other column types (Arrow vectors, typed arrays) are copied once.
function valuesOf(column: ColumnLike): readonly unknown[] {
  if (Array.isArray(column)) return column as unknown[];
  return Array.from({ length: column.length }, (_, i) => column.at(i));
}

function checkCategorical(value: unknown, name: string, fn: string): void {
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return;
  if (Array.isArray(value)) {
    throw new UsageError(
      fn,
      `column "${name}" holds multi-select answers (arrays such as ${JSON.stringify(value)}); use multiResponse()`,
    );
  }
  throw new UsageError(fn, `column "${name}" has a value that is not categorical: ${describe(value)}`);
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
  return new UsageError(
    fn,
    `column "${name}" has value ${describe(value)} that is not one of its recorded levels (${levels.join(", ")})`,
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
