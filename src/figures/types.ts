/** One plotly trace. Kept loose on purpose: plotly's own typings cover more than the builders ever emit. */
export interface Trace {
  readonly type: "bar" | "scatter" | "box";
  readonly [key: string]: unknown;
}

/** The values behind a figure as display strings: the source of its alt text and its fallback HTML table. */
export interface FigureSummary {
  readonly title: string;
  /** The base line, e.g. "n = 214 Link Workers". */
  readonly base: string;
  /** The source note, e.g. "Synthetic data calibrated to the published report". */
  readonly note: string;
  /** Column headers; the first heads the row labels. */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Footnotes under the table (suppression, missing areas). */
  readonly footnotes: readonly string[];
}

/**
 * A built figure: a plotly spec (`data`, `layout`, `config`) plus the summary that `show()` turns into text and,
 * without a browser, into an HTML table. `width`/`height` fix the static image size.
 */
export interface Figure {
  readonly data: readonly Trace[];
  readonly layout: Readonly<Record<string, unknown>>;
  readonly config: Readonly<Record<string, unknown>>;
  readonly width: number;
  readonly height: number;
  readonly summary: FigureSummary;
}

/** One estimate to plot: a percentage (0-100) or other value with an optional interval and base. */
export interface Datum {
  readonly label: string;
  /** null when the value is missing or suppressed. */
  readonly value: number | null;
  readonly lower?: number | null;
  readonly upper?: number | null;
  /** The base of the estimate (respondents answering). */
  readonly n?: number | null;
  /** True when disclosure control hid the value (small cell); drawn and listed as "suppressed". */
  readonly suppressed?: boolean;
}

/** The base a figure describes: a ready string ("n = 214 Link Workers") or its parts. */
export type Base = string | { readonly n: number; readonly unit: string };

/** Options every builder takes. */
export interface FigureOptions {
  /** The finding, stated as a sentence ("Only 18% of Link Workers received physical-health referrals"). */
  readonly title: string;
  readonly base: Base;
  /** Source note; defaults to the synthetic-data wording while the data is synthetic. */
  readonly note?: string;
  /** True when the categories have a meaningful order (a scale): keep it instead of sorting by value. */
  readonly ordered?: boolean;
  /** Unit of the values; "%" (default) formats 0-100 percentages. */
  readonly unit?: "%" | "";
  /** Axis title for the value axis. */
  readonly axisTitle?: string;
  /** Static image width in CSS pixels (default 900). */
  readonly width?: number;
}
