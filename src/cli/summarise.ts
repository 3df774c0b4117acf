import type { Lineage } from "../clean/lineage.js";
import type { LoadReport, Problem } from "../load/types.js";
import { verdict } from "../load/verdict.js";

/**
 * Everything validate reports, as one JSON-ready object. Exit code 1 when the verdict is not "usable" (a
 * required question or more than 10% of the questions without a column, or more than 5% of rows dropped), when
 * there are errors, or (strict) warnings.
 * @example
 * summarise(report, lineage, false).exitCode; // 0, 1
 */
export function summarise(report: LoadReport, lineage: Lineage, strict: boolean) {
  const problems: Problem[] = [...report.problems, ...lineage.problems];
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const dropped = lineage.steps.flatMap((s) => s.dropped.map((d) => ({ step: s.step, ...d })));
  const judged = verdict(report, lineage);
  return {
    file: report.file,
    survey: report.survey,
    platform: report.platform,
    mappingFile: report.mappingFile ?? null,
    format: report.format,
    encoding: report.encoding,
    bom: report.bom,
    delimiter: report.delimiter ?? null,
    sheet: report.sheet ?? null,
    headerRows: report.headerRows,
    rowsRead: report.rowsRead,
    rowsKept: lineage.rowsKept,
    rowsDropped: dropped.length,
    dropped,
    droppedByReason: judged.droppedByReason,
    balanced: lineage.balanced,
    columns: {
      total: report.columns.length,
      matched: report.columns.filter((c) => c.role.kind !== "extra").length,
      setAside: report.columns.filter((c) => c.role.kind === "extra").map((c) => c.key),
    },
    questions: report.questions,
    verdict: { usable: judged.usable, reason: judged.reason },
    steps: lineage.steps,
    errors,
    warnings,
    problems,
    exitCode: !judged.usable || errors > 0 || (strict && warnings > 0) ? 1 : 0,
  };
}

export type Summary = ReturnType<typeof summarise>;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function resultLine(s: Summary): string {
  if (!s.verdict.usable) return `Result: not usable: ${s.verdict.reason}`;
  if (s.exitCode === 0) return `Result: usable: ${s.verdict.reason}`;
  return `Result: problems found: ${plural(s.errors, "error")}${s.errors === 0 ? `, ${plural(s.warnings, "warning")} (--strict)` : ""}; see Problems above`;
}

/**
 * The human-readable validate report: platform, questions matched, rows read, kept, dropped with reasons,
 * values changed, every problem, and a one-line result with its reason.
 * @example
 * formatSummary(summary).split("\n")[0]; // "link-worker.csv (link-worker survey)"
 */
export function formatSummary(s: Summary): string {
  const lines: string[] = [];
  const how =
    s.format === "csv"
      ? `CSV, ${s.encoding}${s.bom ? " with BOM" : ""}, delimiter ${JSON.stringify(s.delimiter)}`
      : `XLSX, sheet "${s.sheet}"`;
  lines.push(`${s.file} (${s.survey} survey): ${how}, ${plural(s.headerRows, "header row")}`);
  lines.push(`Platform: ${s.platform.name}${s.mappingFile ? `; columns chosen by ${s.mappingFile}` : ""}`);
  const matched = s.questions.filter((q) => q.column !== null);
  const unsure = matched.filter((q) => q.score < 1);
  const missing = s.questions.filter((q) => q.column === null);
  lines.push(
    `Questions: ${matched.length} of ${s.questions.length} have a column${missing.length ? `; none for ${missing.map((q) => q.questionId).join(", ")}` : ""}`,
  );
  for (const q of unsure)
    lines.push(`  ${q.questionId}: ${q.column} (score ${q.score.toFixed(2)}, by ${q.how})`);
  lines.push(
    `Columns: ${s.columns.matched} of ${s.columns.total} matched to the codebook${s.columns.setAside.length ? `; set aside: ${s.columns.setAside.map((c) => JSON.stringify(c)).join(", ")}` : ""}`,
  );
  lines.push(`Rows read: ${s.rowsRead}`);
  lines.push(`Rows kept: ${s.rowsKept}`);
  const byReason = s.droppedByReason.map((r) => `${r.reason}: ${r.rows}`).join("; ");
  lines.push(
    `Rows dropped: ${s.rowsDropped}${byReason ? ` (${byReason})` : ""}${s.balanced ? "" : " (LINEAGE DOES NOT BALANCE)"}`,
  );
  for (const d of s.dropped)
    lines.push(`  row ${d.row}${d.responseId ? ` (response ${d.responseId})` : ""}, ${d.step}: ${d.reason}`);
  const changes = s.steps.flatMap((step) =>
    step.changes.map((c) => `  ${step.step}: ${c.column}: ${c.reason} (${c.count})`),
  );
  if (changes.length) lines.push("Values changed:", ...changes);
  const notes = s.steps.flatMap((step) => step.notes.map((n) => `  ${step.step}: ${n}`));
  if (notes.length) lines.push("Notes:", ...notes);
  lines.push(`Problems: ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}`);
  for (const p of s.problems) lines.push(`  ${p.severity === "error" ? "error  " : "warning"} ${p.message}`);
  lines.push(resultLine(s));
  return lines.join("\n");
}
