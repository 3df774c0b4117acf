import { fail } from "./export-error.js";

/**
 * Bounds on what the loader will read. Free text is written by strangers and files come from anywhere, so every
 * dimension of an export is capped; each cap is checked while the file is read (before the next row is kept, and
 * for XLSX before anything is inflated), so a refusal costs at most the time to read up to the cap.
 */
export interface LoadLimits {
  /** Size of the file on disk, in bytes. */
  maxFileBytes: number;
  /** XLSX: total uncompressed size of the workbook's zip parts (the sheet XML, shared strings, ...), in bytes. */
  maxUncompressedBytes: number;
  /** Rows, header rows included. */
  maxRows: number;
  /** Columns (fields in any one row). */
  maxColumns: number;
  /** Characters in any one field (Excel itself stops at 32,767). */
  maxFieldChars: number;
  /** Cells kept in all (rows x fields as read): bounds memory when rows and columns are each within bounds. */
  maxCells: number;
}

/**
 * Defaults far above any real survey export (the Link Worker survey has 69 respondents and about 100 columns),
 * and low enough that the loader stays under 1 GB of memory on any file (bench/hostile-input.ts measures it).
 * Excel's own sheet limits are 1,048,576 rows, 16,384 columns and 32,767 characters in a cell.
 */
export const DEFAULT_LIMITS: Readonly<LoadLimits> = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxUncompressedBytes: 128 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 5_000,
  maxFieldChars: 32_767,
  maxCells: 10_000_000,
});

/** Option name, CLI flag and unit of each limit, for options, usage text and refusals. */
export const LIMIT_FLAGS: Readonly<Record<keyof LoadLimits, { flag: string; what: string }>> = {
  maxFileBytes: { flag: "--max-file-bytes", what: "file size" },
  maxUncompressedBytes: { flag: "--max-uncompressed-bytes", what: "uncompressed workbook size" },
  maxRows: { flag: "--max-rows", what: "rows" },
  maxColumns: { flag: "--max-columns", what: "columns" },
  maxFieldChars: { flag: "--max-field-chars", what: "characters in one field" },
  maxCells: { flag: "--max-cells", what: "cells" },
};

/**
 * The limits in force: the defaults with any overrides applied. An override must be a positive whole number.
 * @example
 * resolveLimits({ maxRows: 1_000_000 }).maxRows; // 1000000
 * resolveLimits().maxColumns; // 5000
 */
export function resolveLimits(overrides: Partial<LoadLimits> = {}): LoadLimits {
  const out: LoadLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_FLAGS) as (keyof LoadLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new RangeError(`limit ${key}: found ${String(value)}, expected a positive whole number`);
    out[key] = value;
  }
  return out;
}

const fmt = (key: keyof LoadLimits, n: number): string =>
  key === "maxFileBytes" || key === "maxUncompressedBytes"
    ? `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`
    : n.toLocaleString("en-GB");

/**
 * Throws the one-line refusal for a limit that was exceeded: it names the limit, what was found, and the option
 * and CLI flag that raise it. `found` may be a lower bound ("more than 200,000") when reading stopped early.
 * @example
 * refuseLimit("big.csv", "maxRows", 200_000, "more than 200,000");
 * // ExportError: big.csv: over the limit on rows (maxRows): found "more than 200,000", expected at most 200,000 ...
 */
export function refuseLimit(
  file: string,
  key: keyof LoadLimits,
  limit: number,
  found: string,
  where: { row?: number; column?: string } = {},
): never {
  const { flag, what } = LIMIT_FLAGS[key];
  return fail({
    code: "limit-exceeded",
    file,
    ...where,
    what: `over the limit on ${what} (${key}): ${found}`,
    expected: `at most ${fmt(key, limit)}; raise it with the ${key} option or ${flag} if the file is genuine`,
  });
}

/**
 * Checks one measured size against its limit and refuses when it is over.
 * @example
 * checkLimit("x.csv", resolveLimits(), "maxFileBytes", 1024); // passes
 */
export function checkLimit(
  file: string,
  limits: LoadLimits,
  key: keyof LoadLimits,
  value: number,
  where: { row?: number; column?: string } = {},
): void {
  if (value > limits[key]) refuseLimit(file, key, limits[key], `found ${fmt(key, value)}`, where);
}
