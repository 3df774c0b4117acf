import type { ColumnTable } from "arquero";

/** What every kind of answer is built from: the table, the columns and how to describe them. */
export interface Parts {
  readonly t: ColumnTable;
  readonly survey: string;
  readonly question: string;
  readonly by: string | null;
  readonly weight: string | null;
  /** The source note ("Synthetic respondent data ..."). */
  readonly note: string;
  /** The question's text from the codebook (or the column name). */
  readonly text: string;
  /** "North West" or the area's name. */
  readonly where: string;
  readonly suppress: number;
}

/** "(weighted by w)" for captions and base lines when a weight is used. */
export function weightedBy(p: Parts): string {
  return p.weight ? `, weighted by ${p.weight}` : "";
}

/** A percentage for a chart title, whole numbers ("45%"), or an en dash when hidden. */
export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? "–" : `${v.toFixed(0)}%`;
}
