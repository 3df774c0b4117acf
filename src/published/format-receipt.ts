import type { Receipt } from "./receipt.js";
import { receiptSpecs } from "./specs.js";

function fmt(x: number, digits = 1): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

/**
 * A receipt's computed value in words, by what the spec computed: a share ("48.0% (142)"), a count, a difference
 * in points with both groups ("+35.3 pts: trained 70% ... > untrained ..."), a difference of means in the unit
 * averaged ("+1.21 outcome measures (difference in means): ..."), a share against an external constant,
 * or a ranking (its first `rankItems` options). Used by showReceipts and `sp-pathways figures`.
 * @example
 * computedText(computeReceipts({ "link-worker": lw }).find((r) => r.id === "lw-trained")!); // "19.0% (57)"
 */
export function computedText(r: Receipt, rankItems = 4): string {
  if (r.computed === null) return r.detail || "no valid responses";
  const spec = receiptSpecs()[r.id];
  const type = spec?.type;
  if (spec?.type === "rank") {
    const items = r.detail.replace(/^ranked: /, "").split("; ");
    if (items.length <= rankItems) return `ranked: ${items.join("; ")}`;
    // A "bottom" claim is about the lowest options, so show the tail of the ranking.
    return spec.check.kind === "bottom"
      ? `ranked: …; ${items.slice(-rankItems).join("; ")}`
      : `ranked: ${items.slice(0, rankItems).join("; ")}; …`;
  }
  const sign = r.computed >= 0 ? "+" : "";
  if (type === "compare") return `${sign}${fmt(r.computed)} pts: ${r.detail}`;
  // A difference of two means is in the unit of what was averaged, not in percentage points.
  if (spec?.type === "compare-mean")
    return `${sign}${r.computed.toFixed(2)} ${spec.unit} (difference in means): ${r.detail}`;
  if (type === "versus-constant") return r.detail;
  if (r.kind === "count" || type === "count") return fmt(r.computed, 0);
  return `${r.computed.toFixed(1)}%${r.successes !== null ? ` (${r.successes})` : ""}`;
}
