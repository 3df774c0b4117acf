import { UsageError } from "../errors/usage-error.js";
import type { ColumnTable } from "arquero";
import { levelsOf } from "../codebook/levels.js";
import { describe, isMissing, type Codes } from "./encode.js";
import { encodingCache } from "./encoding-cache.js";
import type { ColumnLike } from "./source.js";

/**
 * A multi-select column encoded once in compressed-row form: row i selected `codes[offsets[i]..offsets[i+1])`;
 * `answered[i]` is 0 when the question was unanswered (null), 1 otherwise ([] = answered, chose none).
 */
export interface EncodedMulti {
  readonly offsets: Uint32Array;
  readonly codes: Codes;
  readonly answered: Uint8Array;
  readonly levels: readonly string[];
  readonly recorded: boolean;
}

const cache = encodingCache<EncodedMulti>();

/** Forgets every cached encoding (internal: lets the benchmark time first calls; not exported by the package). */
export function clearMultiCache(): void {
  cache.clear();
}

/** Encodes a select-all-that-apply column (string[] | null per row), cached per column object. */
export function encodeMulti(table: ColumnTable, name: string, column: ColumnLike, fn: string): EncodedMulti {
  const recordedLevels = levelsOf(table, name);
  return cache.get(column, recordedLevels, () => encode(column, recordedLevels, name, fn));
}

function encode(
  column: ColumnLike,
  recorded: readonly string[] | undefined,
  name: string,
  fn: string,
): EncodedMulti {
  const n = column.length;
  const lookup = new Map<string, number>();
  const seen: string[] = recorded ? [...recorded] : [];
  seen.forEach((level, i) => lookup.set(level, i));
  const offsets = new Uint32Array(n + 1);
  const answered = new Uint8Array(n);
  const values = Array.isArray(column) ? (column as unknown[]) : null;
  // A growable typed buffer: a JS number[] of 1e7+ selections would cost several times the memory.
  let flat = new Uint32Array(Math.max(16, n * 2));
  let used = 0;
  for (let i = 0; i < n; ++i) {
    const value = values ? values[i] : column.at(i);
    if (isMissing(value)) {
      offsets[i + 1] = used;
      continue;
    }
    if (!Array.isArray(value)) {
      throw new UsageError(
        fn,
        `column "${name}" is not a multi-select column: row ${i} holds ${describe(value)}, expected string[] or null`,
      );
    }
    answered[i] = 1;
    const items = value as unknown[];
    for (let t = 0; t < items.length; ++t) {
      const item = items[t];
      // Few options: a linear scan with === beats hashing (see encode.ts).
      let code: number | undefined;
      if (seen.length <= 16) {
        for (let k = 0; k < seen.length; ++k) {
          if (seen[k] === item) {
            code = k;
            break;
          }
        }
      } else {
        code = lookup.get(item as string);
      }
      if (code === undefined) {
        if (recorded || typeof item !== "string") {
          const why = recorded ? `not one of its recorded levels (${recorded.join(", ")})` : "not a string";
          throw new UsageError(
            fn,
            `column "${name}" has option ${describe(item)} at row ${i} that is ${why}`,
          );
        }
        code = seen.length;
        seen.push(item);
        lookup.set(item, code);
      }
      if (used === flat.length) {
        const grown = new Uint32Array(flat.length * 2);
        grown.set(flat);
        flat = grown;
      }
      flat[used++] = code;
    }
    offsets[i + 1] = used;
  }
  let levels = seen;
  let remap: Uint32Array | null = null;
  if (!recorded) {
    const order = seen
      .map((_, i) => i)
      .sort((a, b) => (seen[a]! < seen[b]! ? -1 : seen[a]! > seen[b]! ? 1 : 0));
    remap = new Uint32Array(seen.length);
    order.forEach((from, to) => (remap![from] = to));
    levels = order.map((i) => seen[i]!);
  }
  const codes =
    levels.length <= 0xff
      ? new Uint8Array(used)
      : levels.length <= 0xffff
        ? new Uint16Array(used)
        : new Uint32Array(used);
  for (let j = 0; j < used; ++j) codes[j] = remap ? remap[flat[j]!]! : flat[j]!;
  return { offsets, codes, answered, levels, recorded: !!recorded };
}
