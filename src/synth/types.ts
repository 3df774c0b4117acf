/** One answer in the synthetic ground truth, shaped as the cleaned tidy table holds it. */
export type Answer = string | string[] | number | null;

/** One synthetic respondent: the cleaned answers (ground truth) plus what only the raw export shows. */
export interface SynthRespondent {
  /** Area code of the Active Partnership (lancashire, cumbria, greater_manchester, merseyside, cheshire). */
  area: string;
  /** Cleaned answers by codebook question id (likert grid items as `${id}__${item}`). */
  answers: Record<string, Answer>;
  /** Free-typed text a numeric answer is exported as ("2 hrs", "150+"), by question id. */
  typed: Record<string, string>;
  /** "Other (please specify)" text by question id. */
  other: Record<string, string>;
  /** Options written only as "Other" text in the export (the cleaner recodes them), by question id. */
  otherRecode: Record<string, string>;
  /** Generator-only flags (trained, meets, ...) used while allocating; never exported. */
  flags: Record<string, boolean>;
  email: string | null;
  /** False for partial submissions (the platform leaves Completed empty). */
  complete: boolean;
}
