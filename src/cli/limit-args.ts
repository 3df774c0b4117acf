import { LIMIT_FLAGS, type LoadLimits } from "../load/limits.js";
import { UsageError, type OptionSpec } from "./command.js";

/** The CLI flags that raise or lower the loader's limits (--max-rows, --max-file-bytes, ...). */
export const LIMIT_OPTIONS: OptionSpec = Object.fromEntries(
  Object.values(LIMIT_FLAGS).map(({ flag }) => [flag.slice(2), { type: "string" as const }]),
);

/** Usage text for the limit flags. */
export const LIMIT_USAGE =
  "[--max-file-bytes N] [--max-rows N] [--max-columns N] [--max-field-chars N] [--max-cells N] [--max-uncompressed-bytes N]";

/**
 * Reads the limit flags of a command line into loader limits; a value that is not a positive whole number is
 * a usage error naming the flag.
 * @example
 * limitsFromArgs({ "max-rows": "500000" }); // { maxRows: 500000 }
 */
export function limitsFromArgs(values: Record<string, string | boolean | undefined>): Partial<LoadLimits> {
  const out: Partial<LoadLimits> = {};
  for (const [key, { flag }] of Object.entries(LIMIT_FLAGS) as [keyof LoadLimits, { flag: string }][]) {
    const raw = values[flag.slice(2)];
    if (raw === undefined) continue;
    const n = typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0)
      throw new UsageError(`${flag}: found ${JSON.stringify(raw)}, expected a positive whole number`);
    out[key] = n;
  }
  return out;
}
