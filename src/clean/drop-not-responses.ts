import { PLATFORMS } from "../load/platforms/index.js";
import type { LoadedExport } from "../load/types.js";
import { StepLog, type LineageStep } from "./lineage.js";
import type { WorkRow } from "./recode.js";

const norm = (v: unknown): string => (typeof v === "string" ? v.trim().toLowerCase() : "");

/**
 * Drops rows the platform marks as not being responses (Qualtrics survey previews, tests and spam, by the
 * Status column), and counts the responses it marks unfinished (Finished = False), which are kept like any
 * partial submission.
 * @example
 * dropNotResponses(rows, loaded).step.dropped[0].reason; // 'not a response: Status "Survey Preview"'
 */
export function dropNotResponses(
  rows: WorkRow[],
  loaded: LoadedExport,
): { rows: WorkRow[]; step: LineageStep } {
  const platform = PLATFORMS.find((p) => p.id === loaded.report.platform.id);
  const marks = new Set((platform?.notResponses ?? []).map((s) => s.toLowerCase()));
  const log = new StepLog(
    "drop-not-responses",
    `drop rows the platform marks as not responses${marks.size ? ` (Status: ${[...(platform?.notResponses ?? [])].filter((s) => !/^\d+$/.test(s)).join(", ")})` : ""}`,
    rows.length,
  );
  const kept = rows.filter((row) => {
    if (!marks.has(norm(row.status))) return true;
    log.drop(
      row._row,
      (row.response_id as string | null) ?? null,
      `not a response: Status "${String(row.status)}"`,
      "not a response (survey preview or test)",
    );
    return false;
  });
  const unfinished = kept.filter((r) => ["false", "0"].includes(norm(r.finished))).length;
  if (unfinished > 0)
    log.note(
      `${unfinished} response(s) marked unfinished (Finished = False) kept: their answers so far count, as for any partial submission`,
    );
  return { rows: kept, step: log.finish(kept.length) };
}
