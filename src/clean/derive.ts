import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { SurveyId } from "../codebook/types.js";
import { codebook, question, optionLabels } from "../codebook/codebooks.js";
import { withLevels } from "../codebook/levels.js";

/** CMO / Sport England activity bands on moderate-equivalent minutes a week. */
export const ACTIVITY_BANDS = ["Inactive (<30)", "Fairly active (30-149)", "Active (150+)"] as const;

/** The four items of `moderate_activities` that are moderate intensity; knowing means ticking exactly these. */
export const MODERATE_ITEMS = [
  "Brisk walking",
  "Cycling on level ground",
  "Water aerobics",
  "Mowing the lawn",
];

export interface Derived {
  table: ColumnTable;
  /** Ordered levels of the derived band columns (already recorded on the table with withLevels). */
  levels: Record<string, string[]>;
  /** One line per derived column: how it was made, and anything absent. */
  notes: string[];
}

type Row = Record<string, unknown>;
type Deriver = (row: Row) => boolean | number | string | null;

function label(
  value: unknown,
  column: string,
  allowed: readonly string[],
  missing: readonly string[],
): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "string")
    throw new Error(`deriveColumns: column "${column}" has ${JSON.stringify(value)}, expected a label`);
  if (missing.includes(value)) return null;
  if (!allowed.includes(value)) {
    throw new Error(
      `deriveColumns: column "${column}" has "${value}", expected one of: ${allowed.join(" | ")}`,
    );
  }
  return value;
}

function minutes(value: unknown, column: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`deriveColumns: column "${column}" has ${JSON.stringify(value)}, expected minutes >= 0`);
  }
  return value;
}

// Single-choice flag: true when the answer is one of `yes`; null when unanswered or a missing code.
function flagOf(survey: SurveyId, column: string, yes: readonly string[]): Deriver {
  const q = question(codebook(survey), column);
  const allowed = optionLabels(q);
  for (const y of yes)
    if (!allowed.includes(y)) throw new Error(`deriveColumns: "${y}" is not an option of "${column}"`);
  return (row) => {
    const v = label(row[column], column, allowed, q.missing ?? []);
    return v === null ? null : yes.includes(v);
  };
}

// Top two boxes of a five-point scale ("Very" / "Extremely confident").
function topTwo(survey: SurveyId, column: string): Deriver {
  const labels = optionLabels(question(codebook(survey), column));
  return flagOf(survey, column, labels.slice(-2));
}

/**
 * How a derived flag's levels map onto its source column's levels, for the disclosure ledger: a table of the
 * flag is a collapse of a table of the source. `missing` lists source answers the flag reads as missing.
 */
export interface FlagSource {
  readonly flag: string;
  readonly source: string;
  /** Each level of the flag as tabulated ("Yes"/"No" for a boolean flag) and the source levels it counts. */
  readonly mapping: Readonly<Record<string, readonly string[]>>;
  readonly missing: readonly string[];
}

function flagLevels(survey: SurveyId, column: string, yes: readonly string[]) {
  const q = question(codebook(survey), column);
  const missing = q.missing ?? [];
  const no = optionLabels(q).filter((l) => !yes.includes(l) && !missing.includes(l));
  return { source: column, mapping: { Yes: [...yes], No: no }, missing: [...missing] };
}

function topTwoLevels(survey: SurveyId, column: string) {
  return flagLevels(survey, column, optionLabels(question(codebook(survey), column)).slice(-2));
}

// Vigorous minutes count double (CMO); a blank vigorous answer next to a moderate one is read as none.
function weeklyMinutes(row: Row): number | null {
  const moderate = minutes(row.own_moderate_minutes, "own_moderate_minutes");
  const vigorous = minutes(row.own_vigorous_minutes, "own_vigorous_minutes");
  if (moderate === null && vigorous === null) return null;
  return (moderate ?? 0) + 2 * (vigorous ?? 0);
}

function band(weekly: number | null): string | null {
  if (weekly === null) return null;
  if (weekly < 30) return ACTIVITY_BANDS[0];
  return weekly < 150 ? ACTIVITY_BANDS[1] : ACTIVITY_BANDS[2];
}

function knowsModerate(row: Row): boolean | null {
  const v = row.moderate_activities;
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v))
    throw new Error(
      `deriveColumns: column "moderate_activities" has ${JSON.stringify(v)}, expected an array of labels`,
    );
  const ticked = new Set(v as string[]);
  return MODERATE_ITEMS.every((m) => ticked.has(m)) && ticked.size === MODERATE_ITEMS.length;
}

interface Rule {
  column: string;
  sources: string[];
  note: string;
  make: () => Deriver;
  /** For a flag or band that collapses a categorical source: its levels in the source's terms. */
  levels?: () => Omit<FlagSource, "flag">;
}

/** A yes/no column, true for the `yes` answers of one categorical source (its deriver and levels from one list). */
function flagRule(s: SurveyId, column: string, source: string, yes: string[], note: string): Rule {
  return {
    column,
    sources: [source],
    note,
    make: () => flagOf(s, source, yes),
    levels: () => flagLevels(s, source, yes),
  };
}

/** A yes/no column, true for the two highest answers of an ordered source. */
function topTwoRule(s: SurveyId, column: string, source: string, note: string): Rule {
  return {
    column,
    sources: [source],
    note,
    make: () => topTwo(s, source),
    levels: () => topTwoLevels(s, source),
  };
}

function linkWorkerRules(): Rule[] {
  const s: SurveyId = "link-worker";
  return [
    flagRule(
      s,
      "trained",
      "pa_training",
      ["Yes, before my current role", "Yes, in my current role"],
      "any physical-activity training (either 'Yes' answer)",
    ),
    flagRule(s, "trained_in_role", "pa_training", ["Yes, in my current role"], "'Yes, in my current role'"),
    {
      column: "weekly_minutes",
      sources: ["own_moderate_minutes"],
      note: "moderate + 2 x vigorous minutes a week (blank vigorous = 0)",
      make: () => weeklyMinutes,
    },
    {
      column: "activity_band",
      sources: ["own_moderate_minutes"],
      note: "CMO bands: <30, 30-149, 150+ moderate-equivalent minutes",
      make: () => (r) => band(weeklyMinutes(r)),
    },
    {
      column: "meets_guideline",
      sources: ["own_moderate_minutes"],
      note: "weekly_minutes >= 150",
      make: () => (r) => {
        const w = weeklyMinutes(r);
        return w === null ? null : w >= 150;
      },
      levels: () => ({
        source: "activity_band",
        mapping: { Yes: [ACTIVITY_BANDS[2]], No: [ACTIVITY_BANDS[0], ACTIVITY_BANDS[1]] },
        missing: [],
      }),
    },
    flagRule(
      s,
      "knows_guideline",
      "guideline_minutes",
      ["150 minutes"],
      "answered '150 minutes' ('Don't know' = false)",
    ),
    {
      column: "knows_moderate",
      sources: ["moderate_activities"],
      note: `ticked exactly the moderate items (${MODERATE_ITEMS.join(", ")})`,
      make: () => knowsModerate,
    },
    topTwoRule(s, "confident_taking_part", "confidence_taking_part", "very or extremely confident"),
    topTwoRule(s, "confident_discussing", "confidence_discussing", "very or extremely confident"),
    flagRule(s, "enough_knowledge", "knowledge_of_provision", ["Yes"], "answered 'Yes' ('Not sure' = false)"),
    flagRule(
      s,
      "travels_3_miles_plus",
      "travel_distance",
      ["3 miles or more"],
      "'3 miles or more' ('Don't know' = missing)",
    ),
  ];
}

function providerRules(): Rule[] {
  const s: SurveyId = "provider";
  return [
    topTwoRule(s, "confident_additional_needs", "confidence_additional_needs", "very or extremely confident"),
    flagRule(s, "understands_sp", "understanding_sp", ["Good", "Very good"], "'Good' or 'Very good'"),
    flagRule(s, "needs_funding", "funding_needed", ["Yes"], "answered 'Yes' ('Not sure' = false)"),
  ];
}

function derive(table: ColumnTable, survey: SurveyId): Derived {
  const rules = survey === "link-worker" ? linkWorkerRules() : providerRules();
  const rows = table.objects() as Row[];
  const have = new Set(table.columnNames());
  const added: Record<string, unknown[]> = {};
  const notes: string[] = [];
  for (const rule of rules) {
    const absent = rule.sources.filter((c) => !have.has(c));
    if (absent.length > 0) {
      added[rule.column] = rows.map(() => null);
      notes.push(`${rule.column}: all null, source column ${absent.map((c) => `"${c}"`).join(", ")} absent`);
      continue;
    }
    const fn = rule.make();
    added[rule.column] = rows.map(fn);
    const known = added[rule.column]!.filter((v) => v !== null).length;
    notes.push(`${rule.column}: ${rule.note}; ${known} of ${rows.length} rows known`);
  }
  const out = table.assign(aq.table(added));
  const levels: Record<string, string[]> = {};
  if (survey === "link-worker") {
    levels.activity_band = [...ACTIVITY_BANDS];
    withLevels(out, levels);
  }
  return { table: out, levels, notes };
}

/**
 * Adds the report's derived flags and bands to a cleaned tidy table (the generic cleaner's last step).
 * Link Worker: trained, trained_in_role, weekly_minutes, activity_band, meets_guideline, knows_guideline,
 * knows_moderate, confident_taking_part, confident_discussing, enough_knowledge, travels_3_miles_plus.
 * Provider: confident_additional_needs, understands_sp, needs_funding. Flags are boolean | null (null when the
 * source answer is missing); a source column absent from the table gives an all-null column and a note; a
 * label that is not a codebook option throws, naming the column and value.
 * @example
 * const { table } = deriveColumns(aq.table({ pa_training: ["No", "Yes, in my current role", null] }), "link-worker");
 * table.array("trained"); // [false, true, null]
 */
export function deriveColumns(table: ColumnTable, survey: SurveyId): Derived {
  return derive(table, survey);
}

/**
 * The derived flags that collapse a categorical column (yes/no flags, top-two boxes, meets_guideline as a cut
 * of activity_band), with their levels in the source's terms: what the disclosure ledger needs so that a table
 * of a flag and a table of its source cannot be subtracted to recover a hidden cell. Bands of a number
 * (activity_band, weekly_minutes) and flags of a multi-select (knows_moderate) have no categorical source.
 * @example
 * derivedFlagSources("provider").find((f) => f.flag === "confident_additional_needs")?.mapping.Yes;
 * // ["Very confident", "Extremely confident"] (the scale's top two labels)
 */
export function derivedFlagSources(survey: SurveyId): FlagSource[] {
  const rules = survey === "link-worker" ? linkWorkerRules() : providerRules();
  return rules.flatMap((r) => (r.levels ? [{ flag: r.column, ...r.levels() }] : []));
}
