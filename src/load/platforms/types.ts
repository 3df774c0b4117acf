import type { AdminKey } from "../types.js";

/** The survey platforms whose export layouts the loader recognises; "generic" is question texts as headers. */
export type PlatformId =
  "smartsurvey" | "microsoft-forms" | "jisc" | "surveymonkey" | "qualtrics" | "google-forms" | "generic";

/**
 * How a header names a sub-column (an option of a multi-select, a Likert item, the Other text):
 * "bracket" `Question [Option]` (Google Forms, merged two-row headers), "dash" `Question - Item`
 * (Qualtrics), "dot" `Question.Item` (Microsoft Forms grids), "numbered" `4.a. Option` (Jisc).
 */
export type SubColumnForm = "bracket" | "dash" | "dot" | "numbered";

/** Everything the loader knows about one platform's export layout, as data. */
export interface PlatformLayout {
  id: PlatformId;
  /** The name shown in the validation report. */
  name: string;
  /** Download formats the platform offers. */
  formats: readonly ("csv" | "xlsx")[];
  /** Admin columns as the platform spells them (matched ignoring case and punctuation). */
  admin: Partial<Record<AdminKey, readonly string[]>>;
  /** Other platform columns (no answers, no personal data): set aside without a warning. */
  ignore: readonly string[];
  /** Header cells that identify the platform; sniffing counts how many are present. */
  signature: readonly string[];
  /** Signature cells needed before the platform is named (fewer: the generic layout). */
  minSignature: number;
  /**
   * Header rows: "one"; "two-row" (question text over blanks, option/item labels or "Response" markers in a
   * second row, when the second row is one); "qualtrics" (question ids, then texts, then an ImportId row).
   */
  header: "one" | "two-row" | "qualtrics";
  /** Sub-column forms besides `Question [Option]`, tried in this order. */
  subColumns: readonly SubColumnForm[];
  /** Header suffixes that carry no question text, stripped before matching. */
  suffixes: readonly string[];
  /** How the platform writes a multi-select answer (documentation; the cleaner resolves all of them). */
  multiSelect: "one column per option" | '"; "-joined with a trailing ";"' | '", "-joined' | '","-joined';
  /** Values of the `status` admin column that mark rows that are not responses (previews, tests). */
  notResponses?: readonly string[];
}
