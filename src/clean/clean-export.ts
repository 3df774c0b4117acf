import { table as toTable, type ColumnTable } from "arquero";
import { withLevels } from "../codebook/levels.js";
import { markFreeText } from "../output/free-text-label.js";
import type { Codebook, SurveyId } from "../codebook/types.js";
import { PII_ADMIN_KEYS } from "../load/admin-columns.js";
import { columnLabel } from "../load/export-error.js";
import type { LoadedExport, Problem } from "../load/types.js";
import { droppedByReason } from "../load/verdict.js";
import { answerColumns } from "./answered.js";
import { dedupeRows } from "./dedupe.js";
import { defaultDerive } from "./default-derive.js";
import { dropNotResponses } from "./drop-not-responses.js";
import { dropPartials } from "./drop-partials.js";
import { dropPii } from "./drop-pii.js";
import { StepLog, lineageBalances, type Lineage, type LineageStep } from "./lineage.js";
import { recodeRows, type WorkRow } from "./recode.js";
import type { CleanOptions, CleanResult } from "./types.js";

/**
 * Cleans a loaded export into the tidy respondent table: recode options and Other text, split multi-selects,
 * read minutes, drop empty partial submissions and duplicates, remove personal data, then derive bands and
 * flags (derive.ts). The lineage counts rows in and out of every step with a reason for each dropped row.
 * @example
 * const { table, lineage } = cleanExport(readExport("data/synthetic/provider.xlsx", "provider"), "provider");
 * lineage.balanced; // true
 */
export function cleanExport(loaded: LoadedExport, survey: SurveyId, options: CleanOptions = {}): CleanResult {
  if (loaded.survey !== survey) {
    throw new Error(`cleanExport: the export was loaded as the ${loaded.survey} survey, not ${survey}`);
  }
  return clean(loaded, options);
}

function clean(loaded: LoadedExport, options: CleanOptions): CleanResult {
  const { codebook, file } = loaded;
  const problems: Problem[] = [];
  const steps: LineageStep[] = [];
  const headerOf = new Map(loaded.report.columns.map((c) => [c.key, c]));
  const label = (key: string): string => {
    const c =
      headerOf.get(key) ??
      headerOf.get(key.replace(/_other$/, "[other]")) ??
      headerOf.get(key.replace(/_other$/, ""));
    return c ? columnLabel(c.header, c.index) : JSON.stringify(key);
  };
  const rowsRead = loaded.table.numRows();

  const recodeLog = new StepLog(
    "recode",
    "map answers to codebook labels, split multi-selects, read minutes, recode Other text",
    rowsRead,
  );
  let rows = recodeRows(loaded, recodeLog, problems);
  const extras = loaded.extras.columnNames().filter((c) => c !== "_row");
  if (extras.length)
    recodeLog.note(
      `${extras.length} column(s) not in the codebook kept aside in extras: ${extras.map((c) => JSON.stringify(c)).join(", ")}`,
    );
  steps.push(recodeLog.finish(rows.length));

  const notResponses = dropNotResponses(rows, loaded);
  rows = notResponses.rows;
  steps.push(notResponses.step);

  const partials = dropPartials(rows, codebook, options.minAnswered ?? 1);
  rows = partials.rows;
  steps.push(partials.step);

  const dedupe = dedupeRows(rows, codebook, {
    windowMinutes: options.duplicateWindowMinutes,
    minIdenticalAnswers: options.minIdenticalAnswers,
  });
  rows = dedupe.rows;
  steps.push(dedupe.step);

  const piiColumns = loaded.report.columns
    .filter((c) => c.role.kind === "admin" && (PII_ADMIN_KEYS as readonly string[]).includes(c.role.key))
    .map((c) => c.key);
  const pii = dropPii(rows, codebook, piiColumns, file, problems, label);
  rows = pii.rows;
  steps.push(pii.step);

  const levels = questionLevels(codebook);
  let table = buildTable(rows, codebook, loaded);
  const deriveLog = new StepLog(
    "derive",
    "derive CMO activity bands and the report's flags (derive.ts)",
    rows.length,
  );
  const derived = (options.derive ?? defaultDerive)(table, codebook.survey);
  for (const note of derived.notes) deriveLog.note(note);
  if (derived.table.numRows() !== table.numRows()) {
    throw new Error(
      `derive changed the number of rows from ${table.numRows()} to ${derived.table.numRows()}; it must only add columns`,
    );
  }
  table = derived.table;
  steps.push(deriveLog.finish(table.numRows()));
  Object.assign(levels, derived.levels);
  withLevels(table, levels);
  markFreeText(
    table,
    table.columnNames().filter((name) => !(name in levels)),
  );

  const lineage: Omit<Lineage, "balanced"> = {
    file,
    survey: codebook.survey,
    rowsRead,
    rowsKept: table.numRows(),
    steps,
    problems,
  };
  const done: Lineage = { ...lineage, balanced: lineageBalances(lineage) };
  // The load report carries what a notebook must say about its data (describeSource), rows included.
  loaded.report.cleaning = { rowsKept: done.rowsKept, droppedByReason: droppedByReason(done) };
  return { table, lineage: done, levels, codebook };
}

function questionLevels(codebook: Codebook): Record<string, string[]> {
  const levels: Record<string, string[]> = {};
  for (const q of codebook.questions) {
    if (q.type === "numeric" || q.type === "text") continue;
    for (const column of answerColumns(q)) levels[column] = (q.options ?? []).map((o) => o.label);
  }
  return levels;
}

// Column order: row and admin fields, then questions in codebook order, each followed by its Other text.
function buildTable(rows: WorkRow[], codebook: Codebook, loaded: LoadedExport): ColumnTable {
  const admin = ["response_id", "started", "completed", "timestamp"].filter(
    (k) => k === "response_id" || loaded.report.columns.some((c) => c.key === k),
  );
  const names = [
    "_row",
    ...admin,
    ...codebook.questions.flatMap((q) => [...answerColumns(q), ...(q.other ? [`${q.id}_other`] : [])]),
  ];
  const columns: Record<string, unknown[]> = {};
  for (const name of names) columns[name] = rows.map((r) => r[name] ?? null);
  return toTable(columns);
}
