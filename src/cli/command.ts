import type { ParseArgsConfig } from "node:util";
import type { Io } from "./io.js";

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, unusable: 2, internal: 3 } as const;

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedCommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** One CLI command: its own options (node:util parseArgs format), usage text and a run function. */
export interface Command {
  name: string;
  summary: string;
  /** Usage lines after `sp-pathways`, e.g. "validate <file> --survey link-worker|provider [--json]". */
  usage: string[];
  options: OptionSpec;
  /** Number of positional arguments required. */
  positionals: number;
  /** Returns the exit code; throws UsageError for bad arguments. */
  run: (args: ParsedCommandArgs, io: Io) => number | Promise<number>;
}

/** Bad arguments: main prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
