import { displayToHTML, displayToMarkdown, displayToText } from "../tabulate/display.js";

/** A small table of strings that renders like the tabulation results (showTable accepts it). */
export interface RecordsTable {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly notes: readonly string[];
  toHTML(): string;
  toMarkdown(): string;
  toString(): string;
}

/**
 * Wraps rows of display strings (an evidence table, a ranking) so `showTable` renders them as HTML, Markdown and
 * text with a caption and footnotes, like every tabulation. Each row must have one cell per header.
 * @example
 * showTable(recordsTable("Where to focus first", ["Rank", "Area"], [["1", "Blackpool"]], ["Synthetic data."]));
 */
export function recordsTable(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  notes: readonly string[] = [],
): RecordsTable {
  rows.forEach((r, i) => {
    if (r.length !== head.length)
      throw new Error(
        `recordsTable "${caption}": row ${i + 1} has ${r.length} cells, the header has ${head.length}`,
      );
  });
  const display = { caption, head, body: rows, foot: [], notes };
  return {
    caption,
    head,
    rows,
    notes,
    toHTML: () => displayToHTML(display),
    toMarkdown: () => displayToMarkdown(display),
    toString: () => displayToText(display),
  };
}
