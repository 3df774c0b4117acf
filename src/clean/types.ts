import type { ColumnTable } from "arquero";
import type { Codebook, SurveyId } from "../codebook/types.js";
import type { Lineage } from "./lineage.js";

/** The derivation step (bands and flags), `deriveColumns` in derive.ts by default. */
export type DeriveFn = (
  table: ColumnTable,
  survey: SurveyId,
) => { table: ColumnTable; levels: Record<string, string[]>; notes: string[] };

export interface CleanOptions {
  /** Replace the derivation step (tests; a survey with different derived columns). */
  derive?: DeriveFn;
  /** A submission is kept only if it answered at least this many substantive questions (default 1). */
  minAnswered?: number;
  /** Duplicate submissions must fall within this many minutes of each other (default 1440, one day). */
  duplicateWindowMinutes?: number;
  /** Identical answers count as a duplicate only when at least this many questions were answered (default 3). */
  minIdenticalAnswers?: number;
}

export interface CleanResult {
  /** The tidy respondent table (see the data contract in the design notes), levels recorded with withLevels. */
  table: ColumnTable;
  lineage: Lineage;
  /** Ordered levels of every categorical column, as recorded on the table. */
  levels: Record<string, string[]>;
  codebook: Codebook;
}
