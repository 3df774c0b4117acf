import { recordsTable, type RecordsTable } from "../area/records-table.js";
import { unknownName } from "../errors/usage-error.js";
import type { AdjustedFamily } from "../stats/adjust-p.js";
import type { CrosstabResult } from "../tabulate/crosstab.js";
import { formatP, formatPercent, formatPercentInterval, hasTest } from "../tabulate/format.js";
import type { Tabulation } from "../tabulate/tabulation.js";
import { publishedFigure } from "./figures.js";
import type { Receipt } from "./receipt.js";
import { discloseReceipts } from "./receipt-ledger.js";

/** One claim inside a conclusion of the report and the evidence it rests on. */
export interface Claim {
  readonly claim: string;
  /** Receipts (published vs computed) behind the claim, by id. */
  readonly ids?: readonly string[];
  /** Shares the report never published: each a row of a one-column table (default row "Yes"). */
  readonly shares?: readonly { readonly label: string; readonly result: Tabulation; readonly row?: string }[];
  /** A 2 x 2 cross-tab of the outcome (rows) by the claimed factor (`by`, column %): the claimed direction is a
   * higher "Yes" share of the outcome in the factor's "Yes" column. */
  readonly test?: CrosstabResult;
  /** The claim reads beyond what the surveys measured: at most "suggestive". */
  readonly interpretive?: boolean;
  /** Why the surveys cannot speak to the claim at all. */
  readonly unmeasured?: string;
}

/** What every claim of a conclusion is judged against. */
export interface EvidenceContext {
  readonly receipts: readonly Receipt[];
  /** True on the bundled synthetic data: a share the report never published is then the generator's choice. */
  readonly synthetic: boolean;
  /** The family the claims' tests were adjusted in (members carry their cross-tab as `result`). */
  readonly family?: AdjustedFamily<{ readonly p: number | null; readonly result: CrosstabResult }>;
  readonly notes?: readonly string[];
}

/** The verdicts, strongest first (see {@link claimEvidence}). */
export const VERDICTS = {
  supported: "supported by these data",
  suggestive: "suggestive",
  synthetic: "not checked: no published figure (the share is the synthetic generator's)",
  against: "not supported by these data",
  unmeasured: "not supported by these data (not measured)",
} as const;

/** One claim's row: the figures, the test line and the verdict. */
export interface ClaimEvidence {
  readonly figures: string;
  readonly test: string;
  readonly verdict: (typeof VERDICTS)[keyof typeof VERDICTS];
}

function receiptText(r: Receipt): string {
  if (r.published === null) {
    const detail =
      r.kind === "rank" || !r.detail ? "" : ` (${r.detail.slice(0, 70)}${r.detail.length > 70 ? "…" : ""})`;
    return `${r.id}: ${r.pass ? "holds" : "does not hold"}${detail}`;
  }
  const computed =
    r.computed === null
      ? "no valid responses"
      : `${formatPercent(r.computed)}, n = ${r.n}${r.lower === null ? "" : `, ${formatPercentInterval(r.lower, r.upper)}%`}`;
  // A verbal quantity ("almost half") is quoted in words with the band it was read as, not as a number.
  const published = r.kind === "range" ? `"${publishedFigure(r.id).phrase}"` : `${r.published}%`;
  return `${r.id}: ${published}${r.tolerance ? ` ${r.tolerance}` : ""}; ${computed}`;
}

// The claimed direction: the outcome's "Yes" share is higher in the factor's "Yes" column (null when hidden).
function direction(t: CrosstabResult): boolean | null {
  const yes = t.cell("Yes", "Yes").percent;
  const no = t.cell("Yes", "No").percent;
  return yes === null || no === null ? null : yes > no;
}

/**
 * Judges one claim: its receipts, its unpublished shares and its test, and the verdict they allow.
 * Verdicts: not measured; not supported (a receipt fails, or the association runs the other way); on synthetic
 * data, not checked when any share the claim rests on was never published (the generator chose it); suggestive
 * (interpretive, a hidden share or test, or p >= 0.05, Holm-adjusted within `family` when one is given);
 * otherwise supported.
 * @example
 * const t = crosstab(pv, "understands_sp", { by: "with_link_workers" });
 * claimEvidence({ claim: "Collaboration goes with understanding", ids: ["prov-collab-lw-understands"], test: t },
 *   { receipts: s.receipts, synthetic: s.synthetic }).verdict; // "supported by these data"
 */
export function claimEvidence(claim: Claim, context: EvidenceContext): ClaimEvidence {
  if (claim.unmeasured) return { figures: claim.unmeasured, test: "", verdict: VERDICTS.unmeasured };
  const ids = context.receipts.map((r) => r.id);
  const found = (claim.ids ?? []).map((id) => {
    const r = context.receipts.find((x) => x.id === id);
    if (!r) throw unknownName("claimEvidence", "receipt", id, ids);
    return r;
  });
  // The computed numbers it prints go through the run's ledger as a receipts table's do.
  const receipts = discloseReceipts(found);
  const shares = (claim.shares ?? []).map((s) => {
    const c = s.result.cell(s.row ?? "Yes");
    return {
      hidden: c.percent === null,
      text: `${s.label}: ${c.percent === null ? "suppressed" : `${formatPercent(c.percent)}, n = ${c.base}, ${formatPercentInterval(c.ci_lower, c.ci_upper)}%`}`,
    };
  });
  const figures = [...receipts.map(receiptText), ...shares.map((s) => s.text)].join(" | ");

  const t = claim.test;
  const member = t ? context.family?.tests.find((m) => m.result === t) : undefined;
  const rising = t ? direction(t) : null;
  const p = member?.adjustedP ?? (t && hasTest(t.test) ? t.test.p : null);
  let test = "";
  if (t) {
    test = !hasTest(t.test)
      ? `no test (${t.test?.reason ?? "none was asked for"})`
      : [
          `${t.test.method === "fisher" ? "Fisher" : "χ²"} ${formatP(t.test.p)}`,
          ...(member && member.adjustedP !== null
            ? [
                `Holm-adjusted ${formatP(member.adjustedP)} (${context.family!.size} tests: ${context.family!.family})`,
              ]
            : []),
          `V = ${t.test.cramersV.toFixed(2)}`,
          rising === null ? "direction hidden" : rising ? "claimed direction" : "opposite direction",
        ].join(", ");
  }

  const verdict =
    receipts.some((r) => !r.pass) || rising === false
      ? VERDICTS.against
      : context.synthetic && shares.length > 0
        ? VERDICTS.synthetic
        : claim.interpretive ||
            shares.some((s) => s.hidden) ||
            (t && (p === null || p >= 0.05 || rising === null))
          ? VERDICTS.suggestive
          : VERDICTS.supported;
  return { figures, test, verdict };
}

/**
 * One conclusion of the report as an evidence table: a row per claim with the figures behind it (published;
 * computed, n, 95% Wilson interval), the test and the verdict of {@link claimEvidence}.
 * @example
 * showTable(evidenceTable("1. GPs are the main route of referral", [
 *   { claim: "GPs are the most common referral source", ids: ["lw-referrals-gp-top", "lw-referrals-gp"] },
 * ], { receipts: s.receipts, synthetic: s.synthetic, notes: [s.note] }));
 */
export function evidenceTable(
  title: string,
  claims: readonly Claim[],
  context: EvidenceContext,
): RecordsTable {
  return recordsTable(
    title,
    ["Claim", "Figures behind it (published; computed, n, 95% CI)", "Test", "Verdict"],
    claims.map((c) => {
      const e = claimEvidence(c, context);
      return [c.claim, e.figures, e.test, e.verdict];
    }),
    [
      ...(context.notes ?? []),
      "Published ranges in brackets are how the report's wording was read (data/published/figures.csv).",
    ],
  );
}
