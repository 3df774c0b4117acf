import type { ColumnTable } from "arquero";
import { resolve } from "node:path";
import type { SurveyId } from "../codebook/types.js";
import { cleanExport } from "../clean/clean-export.js";
import type { Lineage } from "../clean/lineage.js";
import type { CleanOptions } from "../clean/types.js";
import { findLocalExport, syntheticExport } from "./find-export.js";
import { readExport } from "./read-export.js";
import type { LoadReport, ReadOptions } from "./types.js";

export interface LoadSurveyOptions extends ReadOptions, CleanOptions {
  /** An export to read instead of the local or bundled one. */
  path?: string;
}

export interface LoadedSurvey {
  table: ColumnTable;
  lineage: Lineage;
  report: LoadReport;
  /** Columns not in the codebook, set aside by the loader (`_row` plus original headers). */
  extras: ColumnTable;
  levels: Record<string, string[]>;
  /** "synthetic" only for the bundled synthetic export; anything else is real data and must not be committed. */
  source: "synthetic" | "local";
  path: string;
}

/**
 * Reads and cleans one survey: the export at `path` if given, else the first real export in data/local/ (or
 * $SP_DATA_DIR) named for the survey, else the bundled synthetic export. With SP_DATA=bundled, always the bundled one.
 * @example
 * const lw = loadSurvey("link-worker");
 * lw.source; // "synthetic" unless a real export was dropped into data/local/
 */
export function loadSurvey(survey: SurveyId, options: LoadSurveyOptions = {}): LoadedSurvey {
  const synthetic = resolve(syntheticExport(survey));
  // SP_DATA=bundled pins the bundled exports: `npm test` checks committed notebooks against them even on a
  // machine that has real exports in data/local/.
  const local = process.env.SP_DATA === "bundled" ? undefined : findLocalExport(survey);
  const path = resolve(options.path ?? local ?? synthetic);
  const loaded = readExport(path, survey, options);
  const cleaned = cleanExport(loaded, survey, options);
  return {
    table: cleaned.table,
    lineage: cleaned.lineage,
    report: loaded.report,
    extras: loaded.extras,
    levels: cleaned.levels,
    source: path === synthetic ? "synthetic" : "local",
    path,
  };
}
