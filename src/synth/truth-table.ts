import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { SurveyId } from "../codebook/types.js";
import { codebook } from "../codebook/codebooks.js";
import { withLevels } from "../codebook/levels.js";
import { deriveColumns } from "../clean/derive.js";
import type { SynthRespondent } from "./types.js";

/**
 * The ground truth as the cleaned tidy table should hold it (codebook columns, levels, derived columns), so the
 * generator can check its own calibration before writing, and tests can compare it with the loaded exports.
 * @example
 * truthTable(buildLinkWorkers(createRng(SEED.linkWorker)), "link-worker").numRows(); // 300
 */
export function truthTable(respondents: SynthRespondent[], survey: SurveyId): ColumnTable {
  const cols: Record<string, unknown[]> = {};
  const levels: Record<string, string[]> = {};
  for (const q of codebook(survey).questions) {
    const labels = (q.options ?? []).map((o) => o.label);
    const ids = q.items ? q.items.map((it) => `${q.id}__${it.code}`) : [q.id];
    for (const id of ids) {
      cols[id] = respondents.map((r) => r.answers[id] ?? null);
      if (labels.length > 0) levels[id] = labels;
    }
  }
  const table = withLevels(aq.table(cols), levels);
  return deriveColumns(table, survey).table;
}
