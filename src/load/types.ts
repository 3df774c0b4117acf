import type { ColumnTable } from "arquero";
import type { Codebook, SurveyId } from "../codebook/types.js";
import type { LoadLimits } from "./limits.js";
import type { PlatformId } from "./platforms/types.js";

/** "error": the data are wrong or ambiguous; "warning": handled, but someone should know. */
export type Severity = "error" | "warning";

/** One thing wrong with an export, located as precisely as the file allows. */
export interface Problem {
  severity: Severity;
  /** Stable machine-readable code, e.g. "unknown-option", "too-few-fields". */
  code: string;
  file: string;
  /** Spreadsheet row number (the header is row 1; quoted newlines do not add rows). */
  row?: number;
  /** The column as a person would find it: `"header" (column D)`. */
  column?: string;
  /** The offending value as found (never PII: redacted values are not echoed). */
  value?: string;
  /** What was expected instead. */
  expected?: string;
  /** The full sentence shown to people; names file, row, column, value and expectation. */
  message: string;
}

/** Fixed names the loader gives to survey-platform admin columns. */
export type AdminKey =
  | "response_id"
  | "started"
  | "completed"
  | "timestamp"
  | "email"
  | "name"
  | "ip_address"
  | "location"
  | "status"
  | "finished"
  | "progress";

/** What a column of the export holds, once its header has been matched to the codebook. */
export type ColumnRole =
  | { kind: "admin"; key: AdminKey }
  | { kind: "question"; questionId: string }
  | { kind: "option"; questionId: string; optionCode: string }
  | { kind: "other"; questionId: string }
  | { kind: "item"; questionId: string; itemCode: string }
  | { kind: "extra" };

/** How one header of the export was matched. */
export interface HeaderMatch {
  /** 0-based position in the export. */
  index: number;
  /** Spreadsheet column letter, e.g. "D". */
  letter: string;
  header: string;
  /** Name of the column in the loaded table (or in `extras` for unmatched columns). */
  key: string;
  role: ColumnRole;
  how: "id" | "exact" | "normalised" | "text" | "answers" | "mapping" | "admin" | "unmatched";
  /** How sure the match is, 0-1: 1 for id, exact, normalised, admin and mapping-file matches. */
  score?: number;
}

/** Which column a codebook question was matched to (one per question; what the mapping file lists). */
export interface QuestionMatch {
  questionId: string;
  /** Whether the codebook marks the question required (a verdict of "usable" needs its column). */
  required: boolean;
  /** The column (the first of its sub-columns) as a person finds it, e.g. `"4.a. GPs" (column H)`; null: none. */
  column: string | null;
  /** The header text written to the mapping file; null when no column matched. */
  header: string | null;
  letter: string | null;
  /** 0-1; 0 when no column matched. */
  score: number;
  how: HeaderMatch["how"];
}

/** What readExport found, for people and for the CLI. */
export interface LoadReport {
  file: string;
  /** The export's full path (resolved): tells the bundled synthetic export from a real one. */
  path: string;
  survey: SurveyId;
  format: "csv" | "xlsx";
  /** "utf-8" or "windows-1252" (the Latin-1 fallback); XLSX files are always "utf-8". */
  encoding: "utf-8" | "windows-1252";
  bom: boolean;
  delimiter?: string;
  sheet?: string;
  /** Number of header rows (2 when a SurveyMonkey-style two-row header was merged). */
  headerRows: number;
  /** The survey platform whose layout was recognised (sniffed from the headers), or the generic layout. */
  platform: { id: PlatformId; name: string };
  /** The mapping file used, if one was found beside the export. */
  mappingFile?: string;
  /** One entry per codebook question: its column or none, and the match score. */
  questions: QuestionMatch[];
  /** Data rows read (blank rows excluded and reported). */
  rowsRead: number;
  columns: HeaderMatch[];
  problems: Problem[];
  /** Filled in by cleanExport: rows kept and rows dropped by reason (see `describeSource`). */
  cleaning?: { rowsKept: number; droppedByReason: { reason: string; rows: number }[] };
}

/** The raw export: every cell still as text, columns renamed to codebook keys. */
export interface LoadedExport {
  file: string;
  survey: SurveyId;
  codebook: Codebook;
  /**
   * `_row` (spreadsheet row number) plus one string|null column per matched export column: admin keys,
   * question ids, `${id}[${optionCode}]` for one-column-per-option multi-selects, `${id}[other]` for "Other
   * (please specify)" text, `${id}__${itemCode}` for Likert grid items.
   */
  table: ColumnTable;
  /** `_row` plus the unmatched columns under their original headers: set aside, not dropped. */
  extras: ColumnTable;
  report: LoadReport;
}

export interface ReadOptions {
  /** Codebook to match against (default: the bundled codebook of `survey`). */
  codebook?: Codebook;
  /** The other survey's codebook, used only to recognise an export given with the wrong `--survey`. */
  otherCodebook?: Codebook;
  /** Name of the worksheet to read in an XLSX file (default "Form responses 1", else the first sheet). */
  sheet?: string;
  /**
   * A mapping file (question id, column, score per line) to use; default: `<export>.mapping.csv` beside the
   * export when it exists. `false` ignores any mapping file.
   */
  mapping?: string | false;
  /** Throw the first error-severity problem as an ExportError instead of returning it in the report. */
  strict?: boolean;
  /** Bounds on file size, rows, columns, characters per field and cells (defaults: DEFAULT_LIMITS). */
  limits?: Partial<LoadLimits>;
}
