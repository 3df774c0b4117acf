/** Multiple-comparison adjustments available, named as in R's p.adjust. */
export type AdjustMethod = "holm" | "BH" | "bonferroni";

/**
 * Adjusts a family of p-values for multiple testing, as R `p.adjust(p, method)`: "holm" (step-down,
 * controls the family-wise error rate; R's default and ours), "BH" (Benjamini-Hochberg step-up, controls the
 * false discovery rate), "bonferroni" (p x m). Adjusted values are capped at 1 and keep the input order.
 * Missing p-values (null or NaN) stay missing and, as in R, do not count in the family size m.
 *
 * @example
 * adjustP([0.01, 0.04, 0.03], "holm"); // [0.03, 0.06, 0.06]
 * adjustP([0.01, 0.04, 0.03], "BH");   // [0.03, 0.04, 0.04]
 */
export function adjustP(ps: readonly (number | null)[], method: AdjustMethod = "holm"): (number | null)[] {
  if (!["holm", "BH", "bonferroni"].includes(method)) {
    throw new Error(`adjustP: method must be "holm", "BH" or "bonferroni", got ${String(method)}`);
  }
  const present: number[] = [];
  ps.forEach((p, i) => {
    if (p === null || Number.isNaN(p)) return;
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      throw new Error(`adjustP: p-value ${i} is ${String(p)}; p-values must be between 0 and 1 (or null)`);
    }
    present.push(i);
  });
  const m = present.length;
  const out: (number | null)[] = ps.map(() => null);
  if (method === "bonferroni") {
    for (const i of present) out[i] = Math.min(1, ps[i]! * m);
    return out;
  }
  // Sort once; ties keep input order, which cannot change the result (tied p-values get equal adjustments).
  const order = [...present].sort((a, b) => ps[a]! - ps[b]!);
  if (method === "holm") {
    let running = 0;
    order.forEach((i, k) => {
      running = Math.max(running, Math.min(1, (m - k) * ps[i]!));
      out[i] = running;
    });
    return out;
  }
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k]!;
    running = Math.min(running, (m / (k + 1)) * ps[i]!);
    out[i] = Math.min(1, running);
  }
  return out;
}

/** One test of a family, with whatever the caller keeps beside its p-value. */
export interface FamilyMember {
  readonly p: number | null;
}

/** A family of tests adjusted together, each member with its adjusted p and the family named. */
export interface AdjustedFamily<T extends FamilyMember> {
  /** What the tests share, e.g. "each activity option by ICB" (shown in footnotes). */
  readonly family: string;
  readonly method: AdjustMethod;
  /** Tests in the family (with a p-value). */
  readonly size: number;
  readonly tests: (T & { readonly adjustedP: number | null })[];
  /** One sentence for a footnote: "p-values Holm-adjusted across the 15 tests of <family>." */
  readonly note: string;
}

/**
 * Adjusts a set of test results on one question together and says which family they form, so a table or a
 * sentence resting on several tests can quote adjusted p-values and name the family.
 *
 * @example
 * const f = adjustFamily("each option by group", [{ option: "Walking", p: 0.01 }, { option: "Gym", p: 0.04 }]);
 * f.tests[0].adjustedP; // 0.02 (Holm)
 * f.note; // "p-values Holm-adjusted across the 2 tests of each option by group."
 */
export function adjustFamily<T extends FamilyMember>(
  family: string,
  tests: readonly T[],
  method: AdjustMethod = "holm",
): AdjustedFamily<T> {
  if (typeof family !== "string" || family.trim() === "") {
    throw new Error('adjustFamily: name the family (what the tests share), e.g. "each option by group"');
  }
  const adjusted = adjustP(
    tests.map((t) => t.p),
    method,
  );
  const size = adjusted.filter((p) => p !== null).length;
  const label = {
    holm: "Holm-adjusted",
    BH: "Benjamini-Hochberg-adjusted (false discovery rate)",
    bonferroni: "Bonferroni-adjusted",
  }[method];
  return {
    family,
    method,
    size,
    tests: tests.map((t, i) => ({ ...t, adjustedP: adjusted[i]! })),
    note: `p-values ${label} across the ${size} test${size === 1 ? "" : "s"} of ${family}.`,
  };
}
