import Papa from "papaparse";
import { columnLetter } from "./export-error.js";
import { refuseLimit, resolveLimits, type LoadLimits } from "./limits.js";

export interface ParsedCsv {
  rows: string[][];
  /** Record indices (0-based) where a quoted field was never closed: the file was probably cut off. */
  unclosedQuoteRows: number[];
}

/**
 * Rates a candidate header row (higher fits better). `upperBound`, when given, is a cheap bound on the rating:
 * a candidate whose bound is below the best rating so far is not rated at all (rating a whole header line read
 * with the wrong delimiter, one long "column", cost more than rating the right one).
 */
export interface HeaderScore {
  (headers: string[]): number;
  upperBound?: (headers: string[]) => number;
}

/** Delimiters survey platforms and spreadsheet "Save as" write: comma, semicolon (European Excel), tab, pipe. */
export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * Parses delimited text into records with papaparse (RFC 4180 quoting, quoted newlines, CR/LF/CRLF). Rows are
 * taken one at a time and the limits (rows, columns, characters per field, cells) are checked on each, so an
 * oversized file is refused as soon as it crosses a limit, not after everything has been read.
 * @example
 * parseCsv('a,b\r\n"x, y",2\r\n', ",").rows; // [["a","b"],["x, y","2"]]
 * parseCsv("a,b,c\r\n", ",", 0, { maxColumns: 2 }); // throws: over the limit on columns (maxColumns)
 */
export function parseCsv(
  text: string,
  delimiter: string,
  preview = 0,
  limits: Partial<LoadLimits> = {},
  file = "the file",
): ParsedCsv {
  const lim = resolveLimits(limits);
  const rows: string[][] = [];
  const unclosedQuoteRows: number[] = [];
  let cells = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    quoteChar: '"',
    preview,
    step(result) {
      const row = result.data;
      const index = rows.length;
      if (index >= lim.maxRows)
        refuseLimit(file, "maxRows", lim.maxRows, `more than ${lim.maxRows.toLocaleString("en-GB")} rows`);
      if (row.length > lim.maxColumns)
        refuseLimit(
          file,
          "maxColumns",
          lim.maxColumns,
          `row ${index + 1} has ${row.length.toLocaleString("en-GB")} fields`,
          {
            row: index + 1,
          },
        );
      cells += row.length;
      if (cells > lim.maxCells)
        refuseLimit(
          file,
          "maxCells",
          lim.maxCells,
          `more than ${lim.maxCells.toLocaleString("en-GB")} cells by row ${index + 1}`,
        );
      for (let j = 0; j < row.length; j++) {
        const n = (row[j] as string).length;
        if (n > lim.maxFieldChars)
          refuseLimit(
            file,
            "maxFieldChars",
            lim.maxFieldChars,
            `a field of ${n.toLocaleString("en-GB")} characters`,
            {
              row: index + 1,
              column: columnLetter(j),
            },
          );
      }
      if (result.errors.some((e) => e.code === "MissingQuotes")) unclosedQuoteRows.push(index);
      rows.push(row);
    },
  });
  // A final line break yields one empty record that is not a row of the file.
  const last = rows[rows.length - 1];
  if (rows.length > 0 && last && last.length === 1 && last[0] === "") rows.pop();
  return { rows, unclosedQuoteRows };
}

/**
 * Picks the delimiter whose header row best matches the codebook (more matched columns wins, then more
 * columns); values such as "Yes, in my current role" make field counts alone unreliable. A header row wider
 * than the column limit under any delimiter is refused before it is scored.
 * @example
 * guessDelimiter("Response ID;Area\r\n1;Cumbria\r\n", (h) => h.length); // ";"
 */
export function guessDelimiter(
  text: string,
  score: HeaderScore,
  limits: Partial<LoadLimits> = {},
  file = "the file",
): { delimiter: string; width: number } {
  const candidates = CSV_DELIMITERS.map((delimiter, i) => {
    const header = parseCsv(text, delimiter, 1, limits, file).rows[0] ?? [];
    return { delimiter, i, header, bound: score.upperBound?.(header) ?? Infinity };
  });
  // The winner is the best (rating, width, earliest delimiter) whatever the order they are rated in; rating the
  // most promising first lets the bound skip the others.
  candidates.sort((a, b) => b.bound - a.bound || a.i - b.i);
  let best = { delimiter: ",", i: -1, width: 0, score: -1 };
  for (const c of candidates) {
    if (c.bound < best.score) continue;
    const s = score(c.header);
    const w = c.header.length;
    if (s > best.score || (s === best.score && (w > best.width || (w === best.width && c.i < best.i))))
      best = { delimiter: c.delimiter, i: c.i, width: w, score: s };
  }
  return { delimiter: best.delimiter, width: best.width };
}
