import { badOption, UsageError } from "../errors/usage-error.js";
import { MISSING_LABEL } from "./labels.js";

/** How missing answers are treated: reported as counts beside the table, or tabulated as a "Missing" level. */
export type MissingOption = "report" | "level";

/** The options every tabulation takes (each verb adds its own). */
export interface CommonOptions {
  /** Name of a weight column (finite numbers >= 0). */
  weight?: string;
  /** 95% Wilson intervals (default "wilson"; false to omit). */
  ci?: "wilson" | false;
  /** Disclosure threshold: counts 1..k-1 are shown as "<k" (default 5; 0 or false turns it off). */
  suppress?: number | false;
  /** Caption for rendered tables. */
  caption?: string;
  /** Extra footnotes for rendered tables, e.g. "Synthetic data." */
  notes?: string[];
}

/** Checks an option against its allowed values, with a "did you mean" for near misses. */
export function oneOf<T extends string>(
  fn: string,
  option: string,
  value: T | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = value ?? fallback;
  if (!allowed.includes(v)) throw badOption(fn, option, v, allowed);
  return v;
}

/** The `ci` option, checked: true when Wilson intervals are wanted. */
export function wantsCi(fn: string, ci: "wilson" | false | undefined): boolean {
  if (ci === false) return false;
  if (ci === undefined || ci === "wilson") return true;
  throw new UsageError(fn, `option ci must be "wilson" or false, got ${JSON.stringify(ci)}`);
}

/** The `missing` option, checked. */
export function missingOption(fn: string, missing: MissingOption | undefined): MissingOption {
  return oneOf(fn, "missing", missing, ["report", "level"], "report");
}

export { MISSING_LABEL };
