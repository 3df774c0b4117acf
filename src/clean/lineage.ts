import type { SurveyId } from "../codebook/types.js";
import type { Problem } from "../load/types.js";

/** A row removed by a cleaning step, with the reason. */
export interface DroppedRow {
  /** Spreadsheet row number in the export. */
  row: number;
  responseId: string | null;
  reason: string;
  /** The reason without row-specific detail, for counting drops by reason (e.g. "duplicate (same email address)"). */
  kind?: string;
}

/** Values of one column changed by a step for one reason (examples never show redacted personal data). */
export interface ValueChange {
  column: string;
  reason: string;
  count: number;
  examples: { row: number; from: string | null; to: string | null }[];
}

export interface LineageStep {
  step: string;
  description: string;
  rowsIn: number;
  rowsOut: number;
  dropped: DroppedRow[];
  changes: ValueChange[];
  notes: string[];
}

/** The record of what cleaning did: every step's rows in and out, values changed, and why. */
export interface Lineage {
  file: string;
  survey: SurveyId;
  rowsRead: number;
  rowsKept: number;
  steps: LineageStep[];
  /** Problems found while cleaning (unknown options, unreadable minutes, ...), in the loader's format. */
  problems: Problem[];
  /** True when rows read - rows kept equals the rows dropped with reasons, and every step balances too. */
  balanced: boolean;
}

const MAX_EXAMPLES = 5;

/** Collects one step's drops and value changes. */
export class StepLog {
  readonly step: LineageStep;
  private readonly byKey = new Map<string, ValueChange>();

  constructor(step: string, description: string, rowsIn: number) {
    this.step = { step, description, rowsIn, rowsOut: rowsIn, dropped: [], changes: [], notes: [] };
  }

  drop(row: number, responseId: string | null, reason: string, kind?: string): void {
    this.step.dropped.push(
      kind === undefined ? { row, responseId, reason } : { row, responseId, reason, kind },
    );
  }

  change(column: string, reason: string, row: number, from: string | null, to: string | null): void {
    const key = `${column}\u0000${reason}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { column, reason, count: 0, examples: [] };
      this.byKey.set(key, entry);
      this.step.changes.push(entry);
    }
    entry.count++;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push({ row, from, to });
  }

  note(text: string): void {
    this.step.notes.push(text);
  }

  finish(rowsOut: number): LineageStep {
    this.step.rowsOut = rowsOut;
    return this.step;
  }
}

/**
 * Whether a lineage accounts for every row: each step's rows in minus rows out equals its dropped rows, steps
 * chain, and the first step starts from the rows read.
 * @example
 * lineageBalances(cleanExport(loaded, "provider").lineage); // true
 */
export function lineageBalances(lineage: Omit<Lineage, "balanced">): boolean {
  let expectedIn = lineage.rowsRead;
  for (const step of lineage.steps) {
    if (step.rowsIn !== expectedIn || step.rowsIn - step.rowsOut !== step.dropped.length) return false;
    expectedIn = step.rowsOut;
  }
  return expectedIn === lineage.rowsKept;
}
