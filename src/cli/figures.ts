import { loadSurvey } from "../survey/load-survey.js";
import { computeReceipts } from "../published/compute.js";
import { publishedFigures } from "../published/figures.js";
import { computedText } from "../published/format-receipt.js";
import type { Receipt } from "../published/receipt.js";
import { EXIT, type Command } from "./command.js";

/** One row of `sp-pathways figures --json`. */
export interface FigureRow {
  id: string;
  survey: Receipt["survey"];
  section: string;
  kind: Receipt["kind"];
  quote: string;
  /** Published value, in percent where it is a percentage; null for rankings and qualitative comparisons. */
  published: number | null;
  tolerance: string | null;
  computed: number | null;
  lower: number | null;
  upper: number | null;
  n: number | null;
  pass: boolean;
  detail: string;
  /** The computed value in words (share with count, difference with both groups, or the ranking). */
  computedText: string;
  /** "synthetic" for the bundled exports, "local" when a real export was read. */
  data: string;
}

const round = (x: number | null, d = 2): number | null => (x === null ? null : Number(x.toFixed(d)));

/**
 * Every published figure with its receipt, on the surveys loadSurvey finds (bundled synthetic by default).
 * @example
 * figureRows().filter((r) => !r.pass).length; // 0 on the bundled synthetic data
 */
export function figureRows(): FigureRow[] {
  const lw = loadSurvey("link-worker");
  const pv = loadSurvey("provider");
  const sections = new Map(publishedFigures().map((f) => [f.id, f.section]));
  return computeReceipts({ "link-worker": lw.table, provider: pv.table }).map((r) => ({
    id: r.id,
    survey: r.survey,
    section: sections.get(r.id) ?? "",
    kind: r.kind,
    quote: r.quote,
    published: r.published,
    tolerance: r.tolerance,
    computed: round(r.computed),
    lower: round(r.lower),
    upper: round(r.upper),
    n: r.n,
    pass: r.pass,
    detail: r.detail,
    computedText: computedText(r, 3),
    data: (r.survey === "link-worker" ? lw : pv).source,
  }));
}

const shorten = (t: string, max: number): string => (t.length <= max ? t : `${t.slice(0, max - 1)}…`);

function cell(x: number | null, suffix = "", fixed = true): string {
  if (x === null) return "";
  return `${fixed ? x.toFixed(1) : Number.isInteger(x) ? String(x) : x.toFixed(1)}${suffix}`;
}

/**
 * The plain-text table of figure rows with a closing count line.
 * @example
 * formatFigureRows(figureRows()).split("\n").at(-1); // "59 figures: 59 pass, 0 fail (synthetic data)"
 */
export function formatFigureRows(rows: readonly FigureRow[]): string {
  const head = ["id", "section", "published", "computed", "interval", "n", "pass"];
  const body = rows.map((r) => {
    const pct = r.kind === "percent" || r.kind === "range" || r.kind === "comparison";
    const unit = pct ? "%" : "";
    return [
      r.id,
      r.section,
      r.published === null ? r.kind : cell(r.published, pct ? "%" : "", false),
      r.kind === "rank" || r.kind === "comparison"
        ? shorten(r.computedText, 60)
        : cell(r.computed, unit, r.kind !== "count"),
      r.lower === null || r.upper === null ? "" : `${cell(r.lower)}-${cell(r.upper)}%`,
      r.n === null ? "" : String(r.n),
      r.pass ? "pass" : "FAIL",
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const failed = rows.filter((r) => !r.pass).length;
  const sources = [...new Set(rows.map((r) => r.data))].join(" and ");
  return [
    line(head),
    ...body.map(line),
    "",
    `${rows.length} figures: ${rows.length - failed} pass, ${failed} fail (${sources} data)`,
  ].join("\n");
}

/** `sp-pathways figures [--json]`: every published figure against its computed value; exit 1 if any fails. */
export const figuresCommand: Command = {
  name: "figures",
  summary: "every published figure with the computed value, 95% interval and pass/fail",
  usage: ["figures [--json]"],
  options: { json: { type: "boolean" } },
  positionals: 0,
  run({ values }, io) {
    const rows = figureRows();
    io.out(values.json ? JSON.stringify(rows, null, 2) : formatFigureRows(rows));
    return rows.every((r) => r.pass) ? EXIT.ok : EXIT.problems;
  },
};
