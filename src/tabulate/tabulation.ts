import { table as makeTable, type ColumnTable } from "arquero";
import { unknownName, UsageError } from "../errors/usage-error.js";
import type { AssociationTest, NoTest } from "./association.js";
import { displayToHTML, displayToMarkdown, displayToText, type Display } from "./display.js";
import type { CellStatus } from "./suppress.js";

/** Which tabulation made a result. */
export type TabulationKind = "frequencies" | "crosstab" | "multiResponse" | "likertSummary";

/** Which base percentages use: within rows, within columns, or of the grand total. */
export type PercentBase = "row" | "column" | "total";

/** Options every tabulation's tidy export accepts. */
export interface ToTableOptions {
  /** Keep the values of suppressed cells (default false: they become null, flagged in `suppressed`). */
  raw?: boolean;
}

/** Wilson intervals (0-100), rows x columns like the percentages; null where there is none. */
export interface Intervals {
  readonly lower: (number | null)[][];
  readonly upper: (number | null)[][];
}

/** Disclosure status every result carries: the threshold, each cell's count and each percentage's base. */
export interface Suppression {
  /** Counts 1..threshold-1 are primary-suppressed; 0 means disclosure control is off. */
  readonly threshold: number;
  /** Status of each count, rows x columns. */
  readonly cells: CellStatus[][];
  /** Status of the base each cell's percentage is on (a hidden base hides the percentage and its interval). */
  readonly bases: CellStatus[][];
  /** True when any number of the table (cell or margin) is hidden. */
  readonly any: boolean;
}

/**
 * One cell in the tidy layout every tabulation shares (`cells()`, `toTable()`): the row and column level, the
 * count, the percentage on the result's base with its interval, the unweighted base and the disclosure status.
 * Hidden values are null unless `raw`.
 */
export interface Cell {
  /** Row level: an answer level (frequencies, crosstab), an option (multiResponse) or an item (likertSummary). */
  readonly row: string;
  /** Column level: a level of `by` ("All" without one), or a scale level (likertSummary). */
  readonly column: string;
  /** Count (weighted sum when weighted). */
  readonly n: number | null;
  readonly n_unweighted: number | null;
  /** Unweighted respondents behind the percentage. */
  readonly base: number | null;
  /** Percentage (0-100) on the result's `percent` base. */
  readonly percent: number | null;
  readonly ci_lower: number | null;
  readonly ci_upper: number | null;
  /** "shown", "primary" (a small count) or "secondary" (hidden so a small count cannot be recovered). */
  readonly status: CellStatus;
  /** True when the count is hidden (status is not "shown"). */
  readonly suppressed: boolean;
}

/**
 * The fields every tabulation result has, under the same names. {@link Tabulation} declares them by merging
 * with this interface, so the list is written once.
 */
export interface TabulationShape {
  /** The tabulated column (multiResponse: the question; likertSummary: the grid question or the item list). */
  readonly variable: string;
  /** The breakdown column (`{ by }`), or null. */
  readonly by: string | null;
  /** The weight column, or null. */
  readonly weight: string | null;
  /** Row labels: the levels of `variable` (likertSummary: the items). */
  readonly rowLevels: string[];
  /** Column labels: the levels of `by` (["All"] without one; likertSummary: the scale). */
  readonly colLevels: string[];
  /** Counts (weighted sums when weighted), rows x columns, no margins. */
  readonly counts: number[][];
  /** Unweighted counts (the respondents behind each cell). */
  readonly unweighted: number[][];
  /** The base of `percents`: "column" (frequencies, multiResponse), "row" (likertSummary), crosstab's option. */
  readonly percent: PercentBase;
  /** Percentages (0-100) on `percent`; null where the base is empty. */
  readonly percents: (number | null)[][];
  /** 95% Wilson intervals of `percents`, or null (ci: false; multiResponse's responses base; Likert cells). */
  readonly intervals: Intervals | null;
  /** Unweighted respondents behind each percentage, rows x columns. */
  readonly bases: number[][];
  /** Unweighted respondents in the table (who answered; with `by`, who answered both). */
  readonly base: number;
  readonly suppression: Suppression;
  /** The association test (crosstab; frequencies with `by`), why there is none, or null when none was asked. */
  readonly test: AssociationTest | NoTest | null;
  readonly caption: string;
  readonly notes: string[];
}

// Declaration merging: a Tabulation has every TabulationShape field, and its constructor assigns them all from
// its argument, so no field is declared without a value (what the lint rule guards against).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Tabulation extends TabulationShape {}

/**
 * What every tabulation result shares: one shape (rows x columns of counts, percentages, intervals, bases
 * and cell status), one tidy layout ({@link Cell}) and the renderers, all built from one Display.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export abstract class Tabulation {
  abstract readonly kind: TabulationKind;

  /** Takes the shared fields, and a subclass's own fields (its Init type), from the verb that built them. */
  protected constructor(init: TabulationShape) {
    Object.assign(this, init);
  }

  /** The rendered form as plain strings, with disclosure control applied. */
  abstract display(): Display;

  /**
   * Whether the percentage (and interval) of cell (i, j) may be published: its count and its base are shown.
   * @example
   * t.percentShown(0, 1) ? t.percents[0]![1] : null;
   */
  percentShown(i: number, j: number): boolean {
    return this.suppression.cells[i]?.[j] === "shown" && this.suppression.bases[i]?.[j] === "shown";
  }

  /**
   * Every cell in the tidy layout, row by row; hidden values are null unless `raw`.
   * @example
   * frequencies(lw, "pa_training").cells().map((c) => `${c.row}: ${c.percent}`);
   */
  cells(options: ToTableOptions = {}): Cell[] {
    const raw = options.raw ?? false;
    const out: Cell[] = [];
    this.rowLevels.forEach((row, i) =>
      this.colLevels.forEach((column, j) => {
        const status = this.suppression.cells[i]![j]!;
        const hideCount = !raw && status !== "shown";
        const hideBase = !raw && this.suppression.bases[i]![j] !== "shown";
        const hidePercent = !raw && !this.percentShown(i, j);
        out.push({
          row,
          column,
          n: hideCount ? null : this.counts[i]![j]!,
          n_unweighted: hideCount ? null : this.unweighted[i]![j]!,
          base: hideBase ? null : this.bases[i]![j]!,
          percent: hidePercent ? null : this.percents[i]![j]!,
          ci_lower: hidePercent || !this.intervals ? null : this.intervals.lower[i]![j]!,
          ci_upper: hidePercent || !this.intervals ? null : this.intervals.upper[i]![j]!,
          status,
          suppressed: status !== "shown",
        });
      }),
    );
    return out;
  }

  /**
   * One cell by its labels; `column` may be left out when the table has one column (no `by`). Unknown
   * labels are errors naming the closest ones.
   * @example
   * frequencies(lw, "pa_training").cell("Yes").percent;
   * crosstab(lw, "knows_guideline", { by: "trained" }).cell("Yes", "Yes").ci_lower;
   */
  cell(row: string, column?: string, options: ToTableOptions = {}): Cell {
    const fn = `${this.kind}(...).cell`;
    const i = this.rowLevels.indexOf(row);
    if (i < 0) throw unknownName(fn, "row", row, this.rowLevels, this.variable);
    let j = 0;
    if (column === undefined) {
      if (this.colLevels.length !== 1) {
        throw new UsageError(fn, `the table has ${this.colLevels.length} columns: name one`, {
          valid: `valid: ${this.colLevels.map((c) => `"${c}"`).join(", ")}`,
        });
      }
    } else {
      j = this.colLevels.indexOf(column);
      if (j < 0) throw unknownName(fn, "column", column, this.colLevels, this.by ?? undefined);
    }
    return this.cells(options)[i * this.colLevels.length + j]!;
  }

  /**
   * The tidy layout as an arquero table: columns row, column, n, n_unweighted, base, percent, ci_lower,
   * ci_upper, status, suppressed.
   * @example
   * crosstab(lw, "knows_guideline", { by: "trained" }).toTable().print();
   */
  toTable(options: ToTableOptions = {}): ColumnTable {
    const cells = this.cells(options);
    const keys: (keyof Cell)[] = [
      "row",
      "column",
      "n",
      "n_unweighted",
      "base",
      "percent",
      "ci_lower",
      "ci_upper",
      "status",
      "suppressed",
    ];
    return makeTable(Object.fromEntries(keys.map((k) => [k, cells.map((c) => c[k])])));
  }

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
