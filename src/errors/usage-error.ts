import { distance } from "fastest-levenshtein";

/**
 * An expected mistake in a call (unknown column or level, wrong column type, bad option): its message is one
 * line naming the function, the bad value and what would work, so notebooks and the CLI print it without a
 * stack (scripts/kernel.cjs and src/cli do). Anything else that is thrown is a bug and keeps its stack.
 * @example
 * throw new UsageError("crosstab", `no column "pa_trainig"`, { did: "pa_training" });
 * // message: crosstab: no column "pa_trainig"; did you mean "pa_training"?
 */
export class UsageError extends Error {
  /** The function the mistake was made in, e.g. "crosstab". */
  readonly fn: string;
  /** The closest valid names, best first (may be empty). */
  readonly suggestions: readonly string[];

  constructor(
    fn: string,
    problem: string,
    options: { suggestions?: readonly string[]; valid?: string } = {},
  ) {
    const suggestions = options.suggestions ?? [];
    const hint = suggestions.length
      ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?`
      : options.valid
        ? `; ${options.valid}`
        : "";
    super(`${fn}: ${problem}${hint}`);
    this.name = "UsageError";
    this.fn = fn;
    this.suggestions = suggestions;
  }
}

/**
 * The names closest to a mistyped one, best first: case-insensitive edit distance, with names that contain
 * the typed text (or that it contains) ranked first. At most `max` (default 3), none when nothing is close.
 * @example
 * closestNames("pa_trainig", ["pa_training", "trained", "role_length"]); // ["pa_training"]
 */
export function closestNames(value: string, names: readonly string[], max = 3): string[] {
  const typed = value.toLowerCase();
  const scored = names.map((name) => {
    const lower = name.toLowerCase();
    const d = distance(typed, lower);
    const contains = typed.length >= 3 && (lower.includes(typed) || typed.includes(lower));
    return { name, d, contains };
  });
  // Close means: one contains the other, or at most a third of the longer name differs (2 edits always
  // allowed) without replacing the whole of the shorter one ("Q" is not a typo of "A").
  const close = scored.filter((s) => {
    const longer = Math.max(s.name.length, value.length);
    const shorter = Math.min(s.name.length, value.length);
    return s.contains || (s.d <= Math.max(2, Math.floor(longer / 3)) && s.d < shorter);
  });
  close.sort((a, b) => Number(b.contains) - Number(a.contains) || a.d - b.d || a.name.localeCompare(b.name));
  return close.slice(0, max).map((s) => s.name);
}

/**
 * The error for a name that is not among the valid ones: one line with the closest names; when nothing is
 * close, every valid name if there are at most 20, else how many there are.
 * @example
 * throw unknownName("frequencies", "column", "pa_trainig", table.columnNames());
 * // frequencies: no column "pa_trainig"; did you mean "pa_training"?
 * throw unknownName("ask", "column", "nope", names, "the provider survey");
 * // ask: no column "nope" in the provider survey; valid: "scale", "ap_area", ...
 */
export function unknownName(
  fn: string,
  what: string,
  value: unknown,
  names: readonly string[],
  where?: string,
): UsageError {
  const shown = typeof value === "string" ? `"${value}"` : String(value);
  const suggestions = typeof value === "string" ? closestNames(value, names) : [];
  const valid =
    names.length === 0
      ? `there is none`
      : names.length <= 20
        ? `valid: ${names.map((n) => `"${n}"`).join(", ")}`
        : `none of the ${names.length} is close`;
  return new UsageError(fn, `no ${what} ${shown}${where ? ` in ${where}` : ""}`, { suggestions, valid });
}

/**
 * The error for an option outside its allowed values.
 * @example
 * throw badOption("crosstab", "percent", "rows", ["row", "column", "total"]);
 * // crosstab: option percent must be "row", "column" or "total", got "rows"; did you mean "row"?
 */
export function badOption(
  fn: string,
  option: string,
  value: unknown,
  allowed: readonly string[],
): UsageError {
  const list = allowed.map((a) => `"${a}"`);
  const choices = list.length > 1 ? `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}` : list[0];
  const got = typeof value === "string" ? `"${value}"` : String(value);
  const suggestions = typeof value === "string" ? closestNames(value, allowed, 1) : [];
  return new UsageError(fn, `option ${option} must be ${choices}, got ${got}`, { suggestions });
}

/**
 * True for errors a researcher can fix from the message alone (their stack would only be noise).
 * @example
 * try { frequencies(lw, "x"); } catch (e) { if (isUsageError(e)) console.error(e.message); else throw e; }
 */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === "UsageError";
}
