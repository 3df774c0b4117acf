import { recordsTable, type RecordsTable } from "../area/records-table.js";
import type { SurveyId } from "../codebook/types.js";
import { codebook, optionLabels, question } from "../codebook/codebooks.js";
import { wilson } from "../stats/index.js";
import { answered, flag, ticked, type Row } from "./conditions.js";
import { publishedFigure, type Interval, type PublishedFigure } from "./figures.js";
import { receiptOf, type CleanedTables, type Receipt } from "./receipt.js";
import type { ReceiptSpec } from "./specs.js";

/** Another defensible reading of a figure's words: a different band, a different computation, or both. */
export interface AlternativeReading {
  /** The published figure (figures.csv id) whose words are read differently. */
  id: string;
  /** The other reading, in words. */
  reading: string;
  /** A different band for the same computation (range figures). */
  band?: { lower: number; upper: number; interval: Interval };
  /** A different computation (e.g. the column share instead of the row share). */
  spec?: ReceiptSpec;
}

const LW: SurveyId = "link-worker";
const PR: SurveyId = "provider";
const band = (lower: number, upper: number, interval: Interval = "[)") => ({ lower, upper, interval });

/**
 * The other readings of the report's wording that this project considered (data/published/README.md, "How verbal
 * quantities are read" and "Known ambiguities"). Each names the figure it re-reads; `compareReadings` runs them.
 * @example
 * alternativeReadings().map((a) => a.id); // ["lw-more-pa-provision", ...]
 */
export function alternativeReadings(): AlternativeReading[] {
  const NEIGHBOURHOOD = answered(PR, "scale", "Neighbourhood");
  const loneliness = "Loneliness or social isolation";
  return [
    {
      id: "lw-more-pa-provision",
      reading: '"almost half" as [40, 50) (the looser, earlier reading)',
      band: band(40, 50),
    },
    { id: "lw-more-pa-provision", reading: '"almost half" as [49, 50) (within a point)', band: band(49, 50) },
    { id: "lw-measure-social-isolation", reading: '"just shy of 40%" as [35, 40)', band: band(35, 40) },
    {
      id: "lw-measure-social-isolation",
      reading: '"just shy of 40%" as [39, 40) (within a point)',
      band: band(39, 40),
    },
    { id: "prov-challenge-cost", reading: '"just short of 40%" as [35, 40)', band: band(35, 40) },
    { id: "lw-refer-sports-clubs", reading: '"almost a quarter" as [20, 25)', band: band(20, 25) },
    { id: "lw-monitor-pcn", reading: '"almost a quarter" as [20, 25)', band: band(20, 25) },
    { id: "lw-monitor-commissioners", reading: '"approaching 1 in 5" as [15, 20)', band: band(15, 20) },
    {
      id: "prov-neighbourhood-needs-funding",
      reading: "13% as a column share: of providers needing funding, the share at neighbourhood scale",
      spec: { type: "share", survey: PR, subset: flag("needs_funding"), outcome: NEIGHBOURHOOD },
    },
    {
      id: "lw-not-enough-knowledge",
      reading: "\"more than half\" counting only 'No' (not 'Not sure') as not enough knowledge",
      spec: { type: "share", survey: LW, outcome: answered(LW, "knowledge_of_provision", "No") },
    },
    {
      id: "lw-improvements-vast-majority",
      reading: '"vast majority" as at least 90%',
      band: band(90, 100, "[]"),
    },
    {
      id: "lw-improvements-buddy-or-welcome",
      reading:
        '"buddy systems or an improved welcome" as each wanted by a majority: the welcome on its own above 50%',
      spec: {
        type: "share",
        survey: LW,
        outcome: ticked(LW, "improvements", "Improved welcome for new attendees"),
      },
    },
    {
      id: "lw-referrals-loneliness-prominent",
      reading: '"prominent" as the single most often ticked referral reason',
      spec: {
        type: "rank",
        survey: LW,
        options: optionLabels(question(codebook(LW), "referral_reasons")).map((label) => ({
          label,
          outcome: ticked(LW, "referral_reasons", label),
        })),
        check: { kind: "within-top", labels: [loneliness], k: 1 },
      },
    },
    {
      id: "lw-referrals-physical-health-lt-1-in-5",
      reading: '"of these referrals" as among Link Workers who receive referrals from GPs',
      spec: {
        type: "share",
        survey: LW,
        subset: ticked(LW, "referral_sources", "GPs"),
        outcome: ticked(LW, "referral_reasons", "Physical health or inactivity"),
      },
    },
  ];
}

/** A figure judged under this project's reading and under another one. */
export interface ReadingComparison {
  id: string;
  label: string;
  /** Our reading: the band (or claim) and its receipt. */
  ours: Receipt;
  reading: string;
  /** The other reading's receipt. */
  other: Receipt;
  /** True when the verdict (pass or fail) differs between the two readings. */
  changes: boolean;
}

function bandText(f: PublishedFigure): string {
  return f.lower === null || f.upper === null || f.interval === null
    ? f.kind
    : `${f.interval[0]}${f.lower}, ${f.upper}${f.interval[1]}`;
}

/**
 * Runs every alternative reading (or the ones given) on cleaned tables beside this project's reading of the
 * same words, so a reader sees which verdicts depend on how the wording is read.
 * @example
 * compareReadings({ "link-worker": lw, provider: pv }).filter((c) => c.changes).map((c) => c.id);
 */
export function compareReadings(
  tables: CleanedTables,
  readings: readonly AlternativeReading[] = alternativeReadings(),
): ReadingComparison[] {
  const ci = (x: number, n: number) => wilson(x, n, 0.95);
  const out: ReadingComparison[] = [];
  for (const alt of readings) {
    const fig = publishedFigure(alt.id);
    const t = tables[fig.survey];
    if (t === undefined) continue;
    const rows = (Array.isArray(t) ? t : t.objects()) as Row[];
    const ours = receiptOf(fig, rows, ci);
    const otherFig: PublishedFigure = alt.band ? { ...fig, kind: "range", ...alt.band } : fig;
    const other = receiptOf(otherFig, rows, ci, alt.spec);
    out.push({
      id: alt.id,
      label: fig.label,
      ours,
      reading: alt.reading,
      other,
      changes: ours.pass !== other.pass,
    });
  }
  return out;
}

const pct = (r: Receipt): string =>
  r.computed === null
    ? "–"
    : r.kind === "rank"
      ? r.detail.replace(/^ranked: /, "").split(";")[0]!
      : `${r.computed.toFixed(1)}%`;

/**
 * The comparison as a table for `showTable`: figure, our reading and verdict, the other reading and its verdict.
 * @example
 * showTable(readingsTable(compareReadings({ "link-worker": lw, provider: pv }), "Synthetic data."));
 */
export function readingsTable(rows: readonly ReadingComparison[], note?: string): RecordsTable {
  return recordsTable(
    "Which verdicts change under another reading of the report's words",
    ["Figure", "Our reading", "Computed", "Verdict", "Other reading", "Computed (other)", "Verdict (other)"],
    rows.map((c) => [
      c.label,
      c.ours.tolerance ?? bandText(publishedFigure(c.id)),
      pct(c.ours),
      c.ours.pass ? "pass" : "FAIL",
      c.reading +
        (c.other.tolerance && c.other.tolerance !== c.ours.tolerance ? ` ${c.other.tolerance}` : ""),
      pct(c.other),
      (c.other.pass ? "pass" : "FAIL") + (c.changes ? " (changes)" : ""),
    ]),
    [
      "Our readings are the rules in data/published/README.md; the other readings are equally our choices. " +
        "Neither is published.",
      ...(note ? [note] : []),
    ],
  );
}
