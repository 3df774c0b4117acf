/**
 * One kind of column encoding, cached per column object and valid while the column's recorded levels are the
 * same. Keyed by the column object itself: arquero's filter/select/orderby share column objects, so a second call
 * on a filtered view of the same table reuses the codes. The recorded levels are compared by identity so that a
 * later withLevels() on the same column re-encodes.
 * @example
 * const cache = encodingCache<EncodedColumn>();
 * const encoded = cache.get(column, levelsOf(table, name), () => encodeSomehow(column));
 */
export function encodingCache<T>() {
  let entries = new WeakMap<object, { readonly recordedLevels: unknown; readonly encoded: T }>();
  return {
    get(column: object, recordedLevels: unknown, encode: () => T): T {
      const hit = entries.get(column);
      if (hit && hit.recordedLevels === recordedLevels) return hit.encoded;
      const encoded = encode();
      entries.set(column, { recordedLevels, encoded });
      return encoded;
    },
    /** Forgets every entry (lets the benchmark time first calls). */
    clear(): void {
      entries = new WeakMap();
    },
  };
}
