import { displayToHTML, displayToMarkdown, displayToText, type Display } from "../tabulate/display.js";

/**
 * A toolbox result (per-option tests, pairs, strata, numeric summaries) with its rendered table, so that it
 * shows, exports and renders like a tabulation: `showTable(t)`, `toCsv(t)`, `toXlsx(t)`, `t.toMarkdown()`.
 * `kind` tells the results apart; `result` holds the numbers (raw; the rendered table hides what is suppressed).
 */
export class ResultTable<K extends string, R> {
  readonly kind: K;
  readonly result: R;
  readonly caption: string;
  private readonly shown: Display;

  constructor(kind: K, result: R, shown: Display) {
    this.kind = kind;
    this.result = result;
    this.shown = shown;
    this.caption = shown.caption;
  }

  /** The table as strings: caption, head, body, margin rows and footnotes, hidden numbers already marked. */
  display(): Display {
    return this.shown;
  }

  toHTML(): string {
    return displayToHTML(this.shown);
  }

  toMarkdown(): string {
    return displayToMarkdown(this.shown);
  }

  toString(): string {
    return displayToText(this.shown);
  }
}
