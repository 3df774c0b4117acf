import type { ColumnTable } from "arquero";
import { resolve } from "node:path";
import type { SurveyId } from "../codebook/types.js";
import { cleanExport } from "../clean/clean-export.js";
import { lineageBalances, type Lineage, type LineageStep } from "../clean/lineage.js";
import type { CleanOptions } from "../clean/types.js";
import { filterArea, resolveArea } from "../area/filter-area.js";
import { findLocalExport, syntheticExport } from "../load/find-export.js";
import { readExport } from "../load/read-export.js";
import type { LoadReport, ReadOptions } from "../load/types.js";

export interface LoadSurveyOptions extends ReadOptions, CleanOptions {
  /** An export to read instead of the local or bundled one. */
  path?: string;
  /**
   * One Active Partnership area to keep (an `ap_area` label or a unique word of one, any case, e.g.
   * "Lancashire"); default `process.env.SP_AREA`; "" or unset keeps every area.
   */
  area?: string;
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
  /** The Active Partnership area the table was cut to (SP_AREA or `options.area`), or null for all areas. */
  area: string | null;
}

/**
 * Reads and cleans one survey: the export at `path` if given, else the first real export in data/local/ (or
 * $SP_DATA_DIR) named for the survey, else the bundled synthetic export. With SP_DATA=bundled, always the bundled one.
 * @example
 * const lw = loadSurvey("link-worker");
 * lw.source; // "synthetic" unless a real export was dropped into data/local/
 */
export function loadSurvey(survey: SurveyId, options: LoadSurveyOptions = {}): LoadedSurvey {
  // Resolved before reading, so a misspelt SP_AREA fails fast with the list of valid names.
  const areaName = options.area ?? process.env.SP_AREA ?? "";
  const area = areaName.trim() ? resolveArea(areaName, survey) : null;
  const synthetic = resolve(syntheticExport(survey));
  // SP_DATA=bundled pins the bundled exports: `npm test` checks committed notebooks against them even on a
  // machine that has real exports in data/local/.
  const local = process.env.SP_DATA === "bundled" ? undefined : findLocalExport(survey);
  const path = resolve(options.path ?? local ?? synthetic);
  const loaded = readExport(path, survey, options);
  const cleaned = cleanExport(loaded, survey, options);
  const cut = area === null ? null : filterArea(cleaned.table, area);
  const lineage: Lineage = cut ? withStep(cleaned.lineage, cut.step) : cleaned.lineage;
  return {
    table: cut ? cut.table : cleaned.table,
    lineage,
    report: loaded.report,
    extras: loaded.extras,
    levels: cleaned.levels,
    source: path === synthetic ? "synthetic" : "local",
    path,
    area,
  };
}

function withStep(lineage: Lineage, step: LineageStep): Lineage {
  const next = { ...lineage, rowsKept: step.rowsOut, steps: [...lineage.steps, step] };
  return { ...next, balanced: lineage.balanced && lineageBalances(next) };
}
