import * as fs from "node:fs";
import Papa from "papaparse";
import type { ReportSection, SurveyId } from "../codebook/types.js";
import { dataPath } from "../codebook/project-root.js";

/** What a published figure states: a rounded percentage, a verbal range, a ranking, a comparison or a count. */
export type FigureKind = "percent" | "range" | "rank" | "comparison" | "count";

/** Which ends of [lower, upper] are included: "[)" means lower <= x < upper. */
export type Interval = "[]" | "[)" | "(]" | "()";

/** One number or claim the report (or a page about the same surveys) publishes; one row of data/published/figures.csv. */
export interface PublishedFigure {
  id: string;
  survey: SurveyId;
  /** "North West" for the regional report; "Merseyside" for figures published by Merseyside Sport. */
  area: string;
  section: ReportSection;
  /** The source's words: verbatim from the report, or a paraphrase of a published table (see `wording`). */
  quote: string;
  kind: FigureKind;
  /** The published value in percent (or a count); null for ranks and qualitative comparisons. */
  value: number | null;
  /** Tolerance band in percent (percent, range, count); null for ranks and comparisons. */
  lower: number | null;
  upper: number | null;
  interval: Interval | null;
  /** The respondents the figure is a share of, in words. */
  base: string;
  /** How this project turns the words into a computation (receipts in src/published/compute.ts follow it). */
  operationalisation: string;
  source: string;
  /** "verbatim": `quote` is the report's own words (tests check them against it); "paraphrase": `quote`
   * restates a row of a table published on another page, and only its text in double quotes is verbatim. */
  wording: Wording;
  /** A short human-readable name for charts and tables (unique across rows), e.g. "Link Workers receiving referrals from GPs". */
  label: string;
  /** For `range` figures, the report's verbal quantity as worded ("almost half"); "" for other kinds. */
  phrase: string;
}

/** Whether a figure's quote is the source's own words or a paraphrase of a published table. */
export type Wording = "verbatim" | "paraphrase";

const KINDS = new Set<FigureKind>(["percent", "range", "rank", "comparison", "count"]);
const INTERVALS = new Set<Interval>(["[]", "[)", "(]", "()"]);

function num(raw: string | undefined, id: string, column: string): number | null {
  if (raw === undefined || raw.trim() === "") return null;
  const x = Number(raw);
  if (!Number.isFinite(x))
    throw new Error(`figures.csv: figure "${id}" column ${column} is "${raw}", expected a number`);
  return x;
}

function parseRow(row: Record<string, string>): PublishedFigure {
  const id = row.id ?? "";
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`figures.csv: bad id "${id}"`);
  const kind = row.kind as FigureKind;
  if (!KINDS.has(kind))
    throw new Error(
      `figures.csv: figure "${id}" column kind is "${row.kind}", expected one of ${[...KINDS].join(", ")}`,
    );
  const survey = row.survey as SurveyId;
  if (survey !== "link-worker" && survey !== "provider")
    throw new Error(`figures.csv: figure "${id}" column survey is "${row.survey}"`);
  const wording = row.wording as Wording;
  if (wording !== "verbatim" && wording !== "paraphrase")
    throw new Error(
      `figures.csv: figure "${id}" column wording is "${row.wording ?? ""}", expected "verbatim" or "paraphrase"`,
    );
  const interval = (row.interval ?? "") === "" ? null : (row.interval as Interval);
  if (interval !== null && !INTERVALS.has(interval))
    throw new Error(`figures.csv: figure "${id}" column interval is "${row.interval}"`);
  const fig: PublishedFigure = {
    id,
    survey,
    area: row.area ?? "",
    section: row.section as ReportSection,
    quote: row.quote ?? "",
    kind,
    value: num(row.value, id, "value"),
    lower: num(row.lower, id, "lower"),
    upper: num(row.upper, id, "upper"),
    interval,
    base: row.base ?? "",
    operationalisation: row.operationalisation ?? "",
    source: row.source ?? "",
    wording,
    label: (row.label ?? "").trim(),
    phrase: (row.phrase ?? "").trim(),
  };
  if (fig.label === "")
    throw new Error(`figures.csv: figure "${id}" needs a human-readable label in column label`);
  if (kind === "range" && fig.phrase === "")
    throw new Error(`figures.csv: figure "${id}" (range) needs its verbal quantity in column phrase`);
  const banded = kind === "percent" || kind === "range" || kind === "count";
  if (banded && (fig.lower === null || fig.upper === null || interval === null)) {
    throw new Error(`figures.csv: figure "${id}" (${kind}) needs lower, upper and interval`);
  }
  return fig;
}

/**
 * Parses the published-figures CSV text (exported for tests; most callers want `publishedFigures()`).
 * @example
 * parsePublishedFigures(fs.readFileSync(dataPath("published", "figures.csv"), "utf8"))[0].id;
 */
export function parsePublishedFigures(text: string): PublishedFigure[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new Error(`figures.csv: row ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  const figures = parsed.data.map(parseRow);
  const seen = new Set<string>();
  const labels = new Map<string, string>();
  for (const f of figures) {
    if (seen.has(f.id)) throw new Error(`figures.csv: duplicate id "${f.id}"`);
    seen.add(f.id);
    const other = labels.get(f.label);
    if (other !== undefined)
      throw new Error(`figures.csv: figures "${other}" and "${f.id}" share the label "${f.label}"`);
    labels.set(f.label, f.id);
  }
  return figures;
}

/**
 * Every figure the report (and the Merseyside Sport page) publishes, from data/published/figures.csv.
 * @example
 * publishedFigures().filter((f) => f.kind === "percent").map((f) => f.id);
 */
export function publishedFigures(): PublishedFigure[] {
  return parsePublishedFigures(fs.readFileSync(dataPath("published", "figures.csv"), "utf8"));
}

/**
 * One published figure by id; throws naming the id when absent.
 * @example
 * publishedFigure("lw-trained").value; // 19
 */
export function publishedFigure(id: string): PublishedFigure {
  const f = publishedFigures().find((x) => x.id === id);
  if (!f) throw new Error(`publishedFigure: no figure "${id}" in data/published/figures.csv`);
  return f;
}

/**
 * Whether a computed percentage (or count) lies inside a figure's tolerance band; null for ranks/comparisons
 * or when there is nothing to compare (computed is null: no valid responses).
 * @example
 * withinTolerance(publishedFigure("lw-trained"), 19.3); // true: 19% means [18.5, 19.5)
 */
export function withinTolerance(fig: PublishedFigure, computed: number | null): boolean | null {
  if (fig.lower === null || fig.upper === null || fig.interval === null || computed === null) return null;
  if (Number.isNaN(computed)) return null;
  const aboveLower = fig.interval[0] === "[" ? computed >= fig.lower : computed > fig.lower;
  const belowUpper = fig.interval[1] === "]" ? computed <= fig.upper : computed < fig.upper;
  return aboveLower && belowUpper;
}
