// Curly quotes, dashes and non-breaking spaces that Word, Excel and survey platforms substitute for ASCII.
const FOLD: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u2032": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u2033": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u00A0": " ",
  "\u2007": " ",
  "\u202F": " ",
};

/**
 * Folds typographic quotes, dashes and odd spaces to ASCII and lower-cases, keeping the string's length so that
 * positions found in the folded text are valid in the original.
 * @example
 * foldCase("Don\u2019t Know"); // "don't know"
 */
export function foldCase(text: string): string {
  let out = "";
  for (const ch of text) {
    const folded = FOLD[ch] ?? ch.toLowerCase();
    // A few characters lower-case to two code units (e.g. "\u0130"); keep the original to preserve positions.
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

/**
 * Normalises text for matching headers and answers: case, whitespace and punctuation folded, curly quotes
 * straightened, a trailing required-marker `*` ignored.
 * @example
 * normaliseText("  How confident do you feel\u2026 discussing PA?* "); // "how confident do you feel discussing pa"
 */
export function normaliseText(text: string): string {
  return foldCase(text.normalize("NFKC"))
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
