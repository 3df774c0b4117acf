import type { ColumnTable } from "arquero";
import { displayToHTML, displayToMarkdown, displayToText, type Display } from "./display.js";

/** Options every tabulation's tidy export accepts. */
export interface ToTableOptions {
  /** Keep the values of suppressed cells (default false: they become null, flagged in `suppressed`). */
  raw?: boolean;
}

/** What every tabulation result shares: the renderers, all built from one Display. */
export abstract class Tabulation {
  /** The rendered form as plain strings, with disclosure control applied. */
  abstract display(): Display;
  /** One row per cell, as a tidy arquero table. */
  abstract toTable(options?: ToTableOptions): ColumnTable;

  /** GitHub-flavoured Markdown with the caption above and the footnotes below. */
  toMarkdown(): string {
    return displayToMarkdown(this.display());
  }

  /** A plain HTML table for Jupyter and GitHub. */
  toHTML(): string {
    return displayToHTML(this.display());
  }

  /** Aligned text, as a console or a text/plain notebook output shows it. */
  toString(): string {
    return displayToText(this.display());
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
