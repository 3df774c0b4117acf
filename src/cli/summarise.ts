import type { Lineage } from "../clean/lineage.js";
import type { LoadReport, Problem } from "../load/types.js";

/**
 * Everything validate reports, as one JSON-ready object.
 * @example
 * summarise(report, lineage, false).exitCode; // 0, 1
 */
export function summarise(report: LoadReport, lineage: Lineage, strict: boolean) {
  const problems: Problem[] = [...report.problems, ...lineage.problems];
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const dropped = lineage.steps.flatMap((s) => s.dropped.map((d) => ({ step: s.step, ...d })));
  return {
    file: report.file,
    survey: report.survey,
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
    balanced: lineage.balanced,
    columns: {
      total: report.columns.length,
      matched: report.columns.filter((c) => c.role.kind !== "extra").length,
      setAside: report.columns.filter((c) => c.role.kind === "extra").map((c) => c.key),
    },
    steps: lineage.steps,
    errors,
    warnings,
    problems,
    exitCode: errors > 0 || (strict && warnings > 0) ? 1 : 0,
  };
}

export type Summary = ReturnType<typeof summarise>;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The human-readable validate report: rows read, kept, dropped with reasons, values changed, every problem.
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
  lines.push(
    `Columns: ${s.columns.matched} of ${s.columns.total} matched to the codebook${s.columns.setAside.length ? `; set aside: ${s.columns.setAside.map((c) => JSON.stringify(c)).join(", ")}` : ""}`,
  );
  lines.push(`Rows read: ${s.rowsRead}`);
  lines.push(`Rows kept: ${s.rowsKept}`);
  lines.push(`Rows dropped: ${s.rowsDropped}${s.balanced ? "" : " (LINEAGE DOES NOT BALANCE)"}`);
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
  lines.push(s.exitCode === 0 ? "Result: usable" : "Result: problems found");
  return lines.join("\n");
}
