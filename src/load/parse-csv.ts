import Papa from "papaparse";

export interface ParsedCsv {
  rows: string[][];
  /** Record indices (0-based) where a quoted field was never closed: the file was probably cut off. */
  unclosedQuoteRows: number[];
}

/** Delimiters survey platforms and spreadsheet "Save as" write: comma, semicolon (European Excel), tab, pipe. */
export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * Parses delimited text into records with papaparse (RFC 4180 quoting, quoted newlines, CR/LF/CRLF).
 * @example
 * parseCsv('a,b\r\n"x, y",2\r\n', ",").rows; // [["a","b"],["x, y","2"]]
 */
export function parseCsv(text: string, delimiter: string, preview = 0): ParsedCsv {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    quoteChar: '"',
    preview,
  });
  const rows = result.data;
  // A final line break yields one empty record that is not a row of the file.
  const last = rows[rows.length - 1];
  if (rows.length > 0 && last && last.length === 1 && last[0] === "") rows.pop();
  const unclosedQuoteRows = result.errors
    .filter((e) => e.code === "MissingQuotes")
    .map((e) => e.row ?? rows.length - 1);
  return { rows, unclosedQuoteRows };
}

/**
 * Picks the delimiter whose header row best matches the codebook (more matched columns wins, then more
 * columns); values such as "Yes, in my current role" make field counts alone unreliable.
 * @example
 * guessDelimiter("Response ID;Area\r\n1;Cumbria\r\n", (h) => h.length); // ";"
 */
export function guessDelimiter(
  text: string,
  score: (headers: string[]) => number,
): { delimiter: string; width: number } {
  let best = { delimiter: ",", width: 0, score: -1 };
  for (const delimiter of CSV_DELIMITERS) {
    const header = parseCsv(text, delimiter, 1).rows[0] ?? [];
    const s = score(header);
    if (s > best.score || (s === best.score && header.length > best.width))
      best = { delimiter, width: header.length, score: s };
  }
  return { delimiter: best.delimiter, width: best.width };
}
