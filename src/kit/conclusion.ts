import { UsageError } from "../errors/usage-error.js";
import type { Claim } from "../published/evidence-table.js";

/** The evidence of one claim: its receipt ids alone, or any of a {@link Claim}'s other fields. */
export type ClaimSpec = readonly string[] | Omit<Claim, "claim">;

/** One conclusion of the report: its title and the claims inside it, as `evidenceTable` judges them. */
export interface Conclusion {
  readonly title: string;
  readonly claims: readonly Claim[];
}

const isIds = (spec: ClaimSpec): spec is readonly string[] => Array.isArray(spec);

/**
 * One conclusion as the report words it, each claim written as `"claim": evidence`, in the report's order. The
 * evidence is the receipt ids the claim rests on, or an object with the fields of a {@link Claim} (`ids`, a
 * `test`, `shares` the report never published, `interpretive`, `unmeasured`). An empty title, no claims or a
 * claim with no evidence at all is an error naming the conclusion and the claim.
 * @example
 * const c = conclusion("1. GPs are the main route of referral", {
 *   "GPs are the most common referral source": ["lw-referrals-gp-top", "lw-referrals-gp"],
 *   "Inactive groups may be under-engaged": { unmeasured: "The surveys asked professionals, not clients." },
 * });
 * showTable(evidenceTable(c.title, c.claims, { receipts: s.receipts, synthetic: s.synthetic }));
 */
export function conclusion(title: string, claims: Readonly<Record<string, ClaimSpec>>): Conclusion {
  const fn = "conclusion";
  if (typeof title !== "string" || title.trim() === "")
    throw new UsageError(fn, "the title is empty", { valid: "give the conclusion as the report words it" });
  const entries = Object.entries(claims);
  if (entries.length === 0) throw new UsageError(fn, `"${title}" has no claims`);
  return {
    title,
    claims: entries.map(([claim, spec]): Claim => {
      const evidence: Omit<Claim, "claim"> = isIds(spec) ? { ids: spec } : spec;
      const some =
        (evidence.ids?.length ?? 0) > 0 ||
        evidence.test !== undefined ||
        (evidence.shares?.length ?? 0) > 0 ||
        Boolean(evidence.unmeasured);
      if (!some)
        throw new UsageError(fn, `claim "${claim}" of "${title}" has no evidence`, {
          valid: "give receipt ids, a test, shares or why it is unmeasured",
        });
      return { claim, ...evidence };
    }),
  };
}

/**
 * The report's conclusions in its order, each written as `"title": { "claim": evidence, ... }` (see
 * {@link conclusion}), ready for one `evidenceTable` each.
 * @example
 * const conclusions = reportConclusions({
 *   "1. GPs are the main route of referral": { "GPs are the most common referral source": ["lw-referrals-gp-top"] },
 *   "4. Link Workers rarely measure activity": { "Link Workers rarely measure physical activity": ["lw-measure-pa-levels"] },
 * });
 * conclusions.forEach((c) => showTable(evidenceTable(c.title, c.claims, { receipts: s.receipts, synthetic: s.synthetic })));
 */
export function reportConclusions(
  byTitle: Readonly<Record<string, Readonly<Record<string, ClaimSpec>>>>,
): Conclusion[] {
  const titles = Object.keys(byTitle);
  if (titles.length === 0) throw new UsageError("reportConclusions", "no conclusions given");
  return titles.map((title) => conclusion(title, byTitle[title]!));
}

/**
 * The evidence of a claim that reads beyond what the surveys measured: these receipts, and at most "suggestive".
 * @example
 * conclusion("2. ...", { "So motivation to refer is not the problem": interpretive("lw-more-pa-provision") });
 */
export function interpretive(...ids: string[]): ClaimSpec {
  if (ids.length === 0)
    throw new UsageError("interpretive", "no receipt ids", {
      valid: "name the receipts the reading rests on",
    });
  return { ids, interpretive: true };
}

/**
 * The evidence of a claim the surveys cannot speak to: why (its verdict is "not supported by these data (not
 * measured)").
 * @example
 * conclusion("4. ...", { "Referrals may stay low": unmeasured("The surveys hold no referral rates over time.") });
 */
export function unmeasured(reason: string): ClaimSpec {
  if (typeof reason !== "string" || reason.trim() === "")
    throw new UsageError("unmeasured", "the reason is empty", {
      valid: "say what the surveys did not measure",
    });
  return { unmeasured: reason };
}

/**
 * The receipt ids the claims of these conclusions rest on, each once, in the order they first appear.
 * @example
 * s.showReceipts(conclusionReceiptIds(conclusions), "Every figure behind the conclusions");
 */
export function conclusionReceiptIds(conclusions: readonly Conclusion[]): string[] {
  return [...new Set(conclusions.flatMap((c) => c.claims.flatMap((cl) => cl.ids ?? [])))];
}
