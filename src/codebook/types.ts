/** Which of the two 2021-22 North-West surveys a question or export belongs to. */
export type SurveyId = "link-worker" | "provider";

/** How a question is answered; decides how loaders split and cleaners recode it. */
export type QuestionType = "single" | "multi" | "likert" | "numeric" | "text";

/** The COM-B domain a question measures (Michie et al., 2011), as the report uses it. */
export type ComBDomain = "capability" | "opportunity" | "motivation" | "profile" | "outcome";

/** Sections of the 2023 summary report, in report order; notebooks are numbered after them. */
export type ReportSection =
  | "approach"
  | "respondent-profiles"
  | "overview"
  | "initial-contact"
  | "social-prescription"
  | "provision"
  | "outcome-monitoring"
  | "conclusions"
  | "recommendations"
  | "training-needs"
  | "admin";

export interface QuestionOption {
  /** Stable short code used in tidy tables and column names. */
  code: string;
  /** The label as the survey showed it (and as exports spell it). */
  label: string;
  /** Other spellings seen in exports that mean this option. */
  aliases?: string[];
}

export interface Question {
  /** Codebook id, also the tidy column name (snake_case). */
  id: string;
  /** Exact question text, as exports use it for headers. */
  text: string;
  type: QuestionType;
  /** Ordered options (single, multi, likert). Order is the display order; for likert, low to high. */
  options?: QuestionOption[];
  /** Answers that mean "no answer" (e.g. "Prefer not to say", "Don't know"). */
  missing?: string[];
  /** Whether an "Other (please specify)" text box accompanies the options. */
  other?: boolean;
  /** For likert grids: the items (rows) sharing one scale; each becomes its own tidy column `${id}__${item.code}`. */
  items?: QuestionOption[];
  /** Numeric questions: plausible range and unit. */
  range?: { min: number; max: number; unit: string };
  required?: boolean;
  comb: ComBDomain;
  section: ReportSection;
  /** Free note: why the question is here, or how the report uses it. */
  note?: string;
}

export interface Codebook {
  survey: SurveyId;
  title: string;
  fieldwork: string;
  questions: Question[];
}
