import type { SurveyId } from "../codebook/types.js";
import { codebook, question, optionLabels } from "../codebook/codebooks.js";
import { allOf, answered, anyOf, flag, not, ticked, type Cond, type Row } from "./conditions.js";

/** A share of a base: successes = rows where `outcome` is true, n = rows where it is not null (within `subset`). */
export interface ShareSpec {
  type: "share";
  survey: SurveyId;
  subset?: Cond;
  outcome: Cond;
}
/** A number of respondents. */
export interface CountSpec {
  type: "count";
  survey: SurveyId;
  subset?: Cond;
}
/** Share of `outcome` in group `a` versus group `b`: passes when every pair's a-share exceeds its b-share. */
export interface CompareSpec {
  type: "compare";
  survey: SurveyId;
  subset?: Cond;
  outcome: Cond;
  pairs: { a: string; inA: Cond; b: string; inB: Cond }[];
  /** ">" (default): a's share is higher; "<": a's share is lower. */
  direction?: ">" | "<";
}
/** Mean of a per-row number in group `a` versus `b` (e.g. breadth of outcome measures). */
export interface CompareMeanSpec {
  type: "compare-mean";
  survey: SurveyId;
  value: (row: Row) => number | null;
  /** What `value` counts, plural, for the difference's label (e.g. "outcome measures"). */
  unit: string;
  pairs: { a: string; inA: Cond; b: string; inB: Cond }[];
}
/** Share versus an external constant (e.g. Active Lives' ~60%). */
export interface VersusConstantSpec {
  type: "versus-constant";
  survey: SurveyId;
  outcome: Cond;
  below: number;
}
/** A ranking of options by their shares (each option's own base). */
export interface RankSpec {
  type: "rank";
  survey: SurveyId;
  subset?: Cond;
  options: { label: string; outcome: Cond }[];
  /** The codebook question (or derived column) whose options are ranked, for provenance notes. */
  question?: string;
  /** "order": the first labels are the top ones in this order; "top-set": the top k are these labels in any
   * order; "bottom": the last labels are these, lowest first; "within-top": each label ranks among the `k`
   * most often ticked (no tie at the k-th place may decide it). */
  check:
    | { kind: "order" | "top-set" | "bottom"; labels: string[] }
    | { kind: "within-top"; labels: string[]; k: number };
}
export type ReceiptSpec =
  ShareSpec | CountSpec | CompareSpec | CompareMeanSpec | VersusConstantSpec | RankSpec;

const LW: SurveyId = "link-worker";
const PR: SurveyId = "provider";
const MERSEYSIDE = answered(LW, "ap_area", "Merseyside Sport (Merseyside)");
const NEIGHBOURHOOD = answered(PR, "scale", "Neighbourhood");
const share = (survey: SurveyId, outcome: Cond, subset?: Cond): ShareSpec => ({
  type: "share",
  survey,
  outcome,
  subset,
});
const byFlag = (column: string, label: string) => ({
  a: label,
  inA: flag(column),
  b: `not ${label}`,
  inB: not(flag(column)),
});
const byTick = (survey: SurveyId, column: string, label: string) => ({
  a: `${column}: ${label}`,
  inA: ticked(survey, column, label),
  b: `${column}: not ${label}`,
  inB: not(ticked(survey, column, label)),
});
const multiOptions = (survey: SurveyId, column: string) =>
  optionLabels(question(codebook(survey), column)).map((label) => ({
    label,
    outcome: ticked(survey, column, label),
  }));
const RATING_ITEMS: [string, string][] = [
  ["instructors", "Instructors"],
  ["support", "Support given to clients"],
  ["variety", "Variety of activities"],
  ["cost", "Cost"],
  ["location", "Location"],
  ["timing", "Timing of sessions"],
  ["facilities", "Facilities"],
  ["welcome", "Welcome for new attendees"],
];
const ratingOptions = () =>
  RATING_ITEMS.map(([code, label]) => ({
    label,
    outcome: answered(LW, `provision_rating__${code}`, "Good", "Very good"),
  }));
const MEASURES = [
  "Physical activity levels",
  "Physical health (e.g. weight, blood pressure)",
  "Mental health and well-being",
  "Social isolation",
  "Confidence and self-esteem",
];
const breadth = (row: Row): number | null => {
  const v = row.measures_used;
  return Array.isArray(v) ? v.filter((x) => MEASURES.includes(x as string)).length : null;
};
const COMMISSIONERS = ticked(PR, "collaborate_with", "Commissioners and funders");
/** The share of providers working with commissioners who measure one outcome (four receipts quote one each). */
const commissionersMeasure = (measure: string): ShareSpec =>
  share(PR, ticked(PR, "measures_used", measure), COMMISSIONERS);
// "X is the most often ticked option": the first in order of how often each option is ticked.
const topOption = (survey: SurveyId, column: string, label: string): RankSpec => ({
  type: "rank",
  survey,
  question: column,
  options: multiOptions(survey, column),
  check: { kind: "order", labels: [label] },
});
// "Among the k most often ticked options": how this project reads "prominent" and the appendix's "crossover".
const withinTop = (survey: SurveyId, column: string, label: string, k: number, subset?: Cond): RankSpec => ({
  type: "rank",
  survey,
  subset,
  question: column,
  options: multiOptions(survey, column),
  check: { kind: "within-top", labels: [label], k },
});

// One spec per published figure id (data/published/figures.csv); built lazily because the label checks read the codebooks.
function build(): Record<string, ReceiptSpec> {
  return {
    "lw-referrals-physical-health": share(
      LW,
      ticked(LW, "referral_reasons", "Physical health or inactivity"),
    ),
    "lw-referrals-gp": share(LW, ticked(LW, "referral_sources", "GPs")),
    "lw-referrals-social-landlord": share(
      LW,
      ticked(LW, "referral_sources", "Social landlords / housing associations"),
    ),
    "lw-referrals-physical-health-lt-1-in-5": share(
      LW,
      ticked(LW, "referral_reasons", "Physical health or inactivity"),
    ),
    "lw-referrals-gp-top": topOption(LW, "referral_sources", "GPs"),
    "lw-trained": share(LW, flag("trained")),
    "lw-trained-in-role": share(LW, flag("trained_in_role")),
    "lw-meets-guideline": share(LW, flag("meets_guideline")),
    "lw-meets-guideline-vs-nw": {
      type: "versus-constant",
      survey: LW,
      outcome: flag("meets_guideline"),
      below: 60,
    },
    "lw-knows-guideline-by-training": {
      type: "compare",
      survey: LW,
      outcome: flag("knows_guideline"),
      pairs: [byFlag("trained", "trained")],
    },
    "lw-knows-guideline-by-activity": {
      type: "compare",
      survey: LW,
      outcome: flag("knows_guideline"),
      pairs: [byFlag("meets_guideline", "meets guideline")],
    },
    "lw-confident-by-training": {
      type: "compare",
      survey: LW,
      outcome: flag("confident_discussing"),
      pairs: [byFlag("trained", "trained")],
    },
    "lw-confident-by-activity": {
      type: "compare",
      survey: LW,
      outcome: flag("confident_discussing"),
      pairs: [byFlag("meets_guideline", "meets guideline")],
    },
    "lw-confident-inactive-lowest": {
      type: "rank",
      survey: LW,
      question: "activity_band",
      options: ["Inactive (<30)", "Fairly active (30-149)", "Active (150+)"].map((band) => ({
        label: band,
        outcome: (row: Row) =>
          row.activity_band === band ? (row.confident_discussing as boolean | null) : null,
      })),
      check: { kind: "bottom", labels: ["Inactive (<30)"] },
    },
    "lw-confident-guideline-over-training": {
      type: "compare",
      survey: LW,
      outcome: flag("confident_discussing"),
      pairs: [{ a: "meets guideline", inA: flag("meets_guideline"), b: "trained", inB: flag("trained") }],
    },
    "lw-not-enough-knowledge": share(LW, not(flag("enough_knowledge"))),
    "lw-find-provision-online-top": topOption(LW, "find_provision", "Online search"),
    "lw-more-pa-provision": share(LW, ticked(LW, "more_provision", "Physical activity")),
    "lw-more-provision-pa-top": topOption(LW, "more_provision", "Physical activity"),
    "lw-travel-3-miles": share(LW, flag("travels_3_miles_plus")),
    "lw-refer-sports-clubs": share(LW, ticked(LW, "refer_to", "Sports clubs")),
    "lw-rating-instructors-best": {
      type: "rank",
      survey: LW,
      question: "provision_rating",
      options: ratingOptions(),
      check: { kind: "order", labels: ["Instructors"] },
    },
    "lw-rating-support-worst": {
      type: "rank",
      survey: LW,
      question: "provision_rating",
      options: ratingOptions(),
      check: { kind: "bottom", labels: ["Support given to clients"] },
    },
    "lw-rating-variety-second-worst": {
      type: "rank",
      survey: LW,
      question: "provision_rating",
      options: ratingOptions(),
      check: { kind: "bottom", labels: ["Support given to clients", "Variety of activities"] },
    },
    "lw-improvements-top3": {
      type: "rank",
      survey: LW,
      question: "improvements",
      options: multiOptions(LW, "improvements"),
      check: {
        kind: "top-set",
        labels: ["Free taster sessions", "Beginners' group or session", "Buddy system for new attendees"],
      },
    },
    "lw-improvements-vast-majority": share(
      LW,
      anyOf(
        ticked(LW, "improvements", "Free taster sessions"),
        ticked(LW, "improvements", "Beginners' group or session"),
        ticked(LW, "improvements", "Buddy system for new attendees"),
      ),
    ),
    "lw-measure-pa-levels": share(LW, ticked(LW, "outcomes_measured", "Physical activity levels")),
    "lw-measure-mental-wellbeing-most": share(LW, ticked(LW, "outcomes_measured", "Mental well-being")),
    "lw-measure-social-isolation": share(
      LW,
      ticked(LW, "outcomes_measured", "Social isolation or loneliness"),
    ),
    "lw-monitor-pcn": share(LW, ticked(LW, "outcomes_monitored_by", "PCNs and federations")),
    "lw-monitor-commissioners": share(LW, ticked(LW, "outcomes_monitored_by", "Commissioners")),
    "lw-monitor-public-health": share(LW, ticked(LW, "outcomes_monitored_by", "Public Health")),
    // Issue 15: the report's remaining claims (operationalisations are our reading; see figures.csv).
    "lw-benefits-wide-ranging": share(
      LW,
      allOf(
        ticked(LW, "benefits_aware", "Mental health and well-being"),
        ticked(LW, "benefits_aware", "Social connectedness"),
      ),
    ),
    "lw-knowledge-gap-behind-provision-gap": {
      type: "compare",
      survey: LW,
      outcome: ticked(LW, "more_provision", "Physical activity"),
      pairs: [
        {
          a: "without enough knowledge of provision",
          inA: not(flag("enough_knowledge")),
          b: "with enough knowledge",
          inB: flag("enough_knowledge"),
        },
      ],
    },
    "lw-referrals-loneliness-prominent": withinTop(
      LW,
      "referral_reasons",
      "Loneliness or social isolation",
      3,
    ),
    "lw-improvements-buddy-or-welcome": share(
      LW,
      anyOf(
        ticked(LW, "improvements", "Buddy system for new attendees"),
        ticked(LW, "improvements", "Improved welcome for new attendees"),
      ),
    ),
    "lw-monitor-commissioners-or-public-health": share(
      LW,
      anyOf(
        ticked(LW, "outcomes_monitored_by", "Commissioners"),
        ticked(LW, "outcomes_monitored_by", "Public Health"),
      ),
    ),
    "lw-training-ltc-top3": withinTop(
      LW,
      "training_wanted",
      "Supporting patients with long-term health conditions",
      3,
    ),
    "lw-training-barriers-top3": withinTop(
      LW,
      "training_wanted",
      "Overcoming barriers to becoming active",
      3,
    ),
    "prov-learning-common-conditions-top3": withinTop(
      PR,
      "learning_wanted",
      "Supporting people with common health conditions",
      3,
    ),
    "prov-learning-user-centred-top3": withinTop(
      PR,
      "learning_wanted",
      "Shaping a user-centred, inclusive offer",
      3,
    ),
    "mer-n": { type: "count", survey: LW, subset: MERSEYSIDE },
    "mer-trained": share(LW, flag("trained"), MERSEYSIDE),
    "mer-enough-knowledge": share(LW, flag("enough_knowledge"), MERSEYSIDE),
    "mer-enough-knowledge-untrained": share(LW, flag("enough_knowledge"), (r) =>
      MERSEYSIDE(r) === true ? not(flag("trained"))(r) : false,
    ),
    "mer-over-30-minutes": share(
      LW,
      (r) => (typeof r.weekly_minutes === "number" ? r.weekly_minutes >= 30 : null),
      MERSEYSIDE,
    ),
    "mer-knowledge-by-training": {
      type: "compare",
      survey: LW,
      subset: MERSEYSIDE,
      outcome: flag("enough_knowledge"),
      pairs: [byFlag("trained", "trained")],
    },
    "mer-confidence-by-training": {
      type: "compare",
      survey: LW,
      subset: MERSEYSIDE,
      outcome: flag("confident_discussing"),
      pairs: [byFlag("trained", "trained")],
    },
    "mer-training-wanted-top3": {
      type: "rank",
      survey: LW,
      subset: MERSEYSIDE,
      question: "training_wanted",
      options: multiOptions(LW, "training_wanted"),
      check: {
        kind: "top-set",
        labels: [
          "Supporting patients with long-term health conditions",
          "Overcoming barriers to becoming active",
          "Behaviour change techniques",
        ],
      },
    },
    "prov-challenge-cost": share(PR, ticked(PR, "challenges", "Cost of activity")),
    "prov-challenge-fitness": share(PR, ticked(PR, "challenges", "Levels of health and fitness")),
    "prov-challenge-distance-top": {
      type: "rank",
      survey: PR,
      question: "challenges",
      options: multiOptions(PR, "challenges"),
      check: {
        kind: "order",
        labels: ["Distance of travel to activities", "Levels of health and fitness", "Mental health"],
      },
    },
    "prov-neighbourhood-majority": share(PR, NEIGHBOURHOOD),
    "prov-neighbourhood-needs-funding": share(PR, flag("needs_funding"), NEIGHBOURHOOD),
    "prov-funding-neighbourhood-lower": {
      type: "compare",
      survey: PR,
      outcome: flag("needs_funding"),
      direction: "<",
      pairs: [{ a: "neighbourhood", inA: NEIGHBOURHOOD, b: "larger scales", inB: not(NEIGHBOURHOOD) }],
    },
    "prov-neighbourhood-confident": share(PR, flag("confident_additional_needs"), NEIGHBOURHOOD),
    "prov-confident-neighbourhood-lower": {
      type: "compare",
      survey: PR,
      outcome: flag("confident_additional_needs"),
      direction: "<",
      pairs: [{ a: "neighbourhood", inA: NEIGHBOURHOOD, b: "larger scales", inB: not(NEIGHBOURHOOD) }],
    },
    "prov-neighbourhood-sports-clubs": share(PR, answered(PR, "provider_type", "Sports club"), NEIGHBOURHOOD),
    "prov-consult-participants-confident": {
      type: "compare",
      survey: PR,
      outcome: flag("confident_additional_needs"),
      pairs: [byTick(PR, "consult", "Participants")],
    },
    "prov-consult-underrep-confident": {
      type: "compare",
      survey: PR,
      outcome: flag("confident_additional_needs"),
      pairs: [byTick(PR, "consult", "Under-represented groups")],
    },
    "prov-collab-lw-understands": share(
      PR,
      flag("understands_sp"),
      ticked(PR, "collaborate_with", "Link Workers / social prescribers"),
    ),
    "prov-collab-lw-understands-vs-not": {
      type: "compare",
      survey: PR,
      outcome: flag("understands_sp"),
      pairs: [byTick(PR, "collaborate_with", "Link Workers / social prescribers")],
    },
    "prov-collab-others-understands": {
      type: "compare",
      survey: PR,
      outcome: flag("understands_sp"),
      pairs: [
        byTick(PR, "collaborate_with", "Commissioners and funders"),
        byTick(PR, "collaborate_with", "GPs / PCNs"),
      ],
    },
    "prov-commissioners-measure-pa": commissionersMeasure("Physical activity levels"),
    "prov-commissioners-measure-physical-health": commissionersMeasure(
      "Physical health (e.g. weight, blood pressure)",
    ),
    "prov-commissioners-measure-mental-health": commissionersMeasure("Mental health and well-being"),
    "prov-commissioners-social-isolation-minority": commissionersMeasure("Social isolation"),
    "prov-collab-breadth-of-measures": {
      type: "compare-mean",
      survey: PR,
      value: breadth,
      unit: "outcome measures",
      pairs: [
        "Commissioners and funders",
        "GPs / PCNs",
        "Voluntary, community, faith and social enterprise (VCFSE) organisations",
        "Participants",
      ].map((l) => byTick(PR, "collaborate_with", l)),
    },
  };
}

let cached: Record<string, ReceiptSpec> | undefined;

/**
 * The computation behind every published figure id (see data/published/figures.csv, column operationalisation).
 * @example
 * receiptSpecs()["lw-trained"].type; // "share"
 */
export function receiptSpecs(): Record<string, ReceiptSpec> {
  cached ??= build();
  return cached;
}
