import type { DisplayBundle } from "../display/bundle.js";
import { currentWriter, emit } from "../display/emit.js";
import { computedText } from "./format-receipt.js";
import type { Receipt } from "./receipt.js";
import { discloseReceipts } from "./receipt-ledger.js";
import { UsageError } from "../errors/usage-error.js";

/** Options for showReceipts / receiptsBundle. */
export interface ShowReceiptsOptions {
  /** Caption heading the table; the synthetic-data sentence is always appended. */
  caption?: string;
  /** Longest quote shown before it is cut with an ellipsis (default 90 characters). */
  quoteLength?: number;
  /** Say the data is real (a local export) instead of synthetic; default false. */
  realData?: boolean;
  /**
   * These receipts are a deliberate demonstration that a check can fail (a misstated published value): every one
   * must FAIL (a passing one throws, so the demonstration itself is checked), the caption says so, and the
   * notebook runner does not count them as failures (metadata kind "receipts-demonstration").
   */
  demonstration?: boolean;
}

const SYNTHETIC =
  "Computed values come from SYNTHETIC respondent data calibrated to the published figures; they are not survey results.";
const REAL = "Computed values come from a local (real) survey export.";

interface Cells {
  id: string;
  quote: string;
  published: string;
  computed: string;
  n: string;
  interval: string;
  pass: string;
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

function fmt(x: number, digits = 1): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

// What the computed cell means depends on the figure's kind: a share, a count, a difference in points or a rank.
function cellsOf(r: Receipt, quoteLength: number): Cells {
  const pct = r.kind === "percent" || r.kind === "range";
  const published =
    r.published === null
      ? r.kind
      : `${fmt(r.published)}${pct || r.kind === "comparison" ? "%" : ""}${r.tolerance ? ` ${r.tolerance}` : ""}`;
  const computed = computedText(r);
  return {
    id: r.id,
    quote: shorten(r.quote, quoteLength),
    published,
    computed,
    n: r.n === null ? "" : String(r.n),
    interval: r.lower === null || r.upper === null ? "" : `${fmt(r.lower)}–${fmt(r.upper)}%`,
    pass: r.pass ? "pass" : "FAIL",
  };
}

const HEAD = ["id", "quote", "published", "computed", "n", "95% Wilson interval", "result"];

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function build(receipts: readonly Receipt[], options: ShowReceiptsOptions): DisplayBundle {
  if (!Array.isArray(receipts)) {
    throw new Error(`showReceipts: expected an array of receipts, got ${typeof receipts}`);
  }
  if (options.demonstration) {
    const passing = receipts.filter((r) => r.pass).map((r) => r.id);
    if (passing.length > 0)
      throw new UsageError(
        "showReceipts",
        `a demonstration of a failing check expects every receipt to fail; ${passing.join(", ")} passed`,
      );
  }
  const quoteLength = options.quoteLength ?? 90;
  const rows = receipts.map((r) => cellsOf(r, quoteLength));
  const passed = receipts.filter((r) => r.pass).length;
  const failed = receipts.length - passed;
  const note = options.realData ? REAL : SYNTHETIC;
  const title = options.caption ?? "Published vs computed";
  const count =
    receipts.length === 0
      ? "no receipts"
      : `${passed} of ${receipts.length} within tolerance (${failed} failed)`;
  const demo = options.demonstration
    ? " A DELIBERATE DEMONSTRATION: the published value was changed on purpose, so the check must fail."
    : "";
  const caption = `${title}: ${count}.${demo} ${note}`;
  const values = (c: Cells) => [c.id, c.quote, c.published, c.computed, c.n, c.interval, c.pass];

  const html = [
    '<table class="sp-receipts">',
    `<caption style="caption-side: top; text-align: left">${esc(caption)}</caption>`,
    `<thead><tr>${HEAD.map((h) => `<th style="text-align: left">${esc(h)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...rows.map(
      (c) =>
        `<tr>${values(c)
          .map((v, i) => {
            const style = i === 6 && c.pass === "FAIL" ? ' style="color: #b2182b; font-weight: bold"' : "";
            return `<td${style}>${esc(v)}</td>`;
          })
          .join("")}</tr>`,
    ),
    "</tbody>",
    "</table>",
  ].join("\n");

  const markdown = [
    `**${mdCell(caption)}**`,
    "",
    `| ${HEAD.join(" | ")} |`,
    `|${HEAD.map(() => "---").join("|")}|`,
    ...rows.map((c) => `| ${values(c).map(mdCell).join(" | ")} |`),
  ].join("\n");

  const plain = [
    caption,
    ...rows.map(
      (c) =>
        `${c.pass === "pass" ? "ok  " : "FAIL"} ${c.id}: published ${c.published}; computed ${c.computed}` +
        `${c.n ? `; n=${c.n}` : ""}${c.interval ? `; 95% CI ${c.interval}` : ""}`,
    ),
  ].join("\n");

  return {
    data: { "text/html": html, "text/markdown": markdown, "text/plain": plain },
    metadata: {
      "sp-pathways": { kind: options.demonstration ? "receipts-demonstration" : "receipts", passed, failed },
    },
  };
}

/**
 * The display bundle of a list of receipts: an HTML table (id, short quote, published, computed, n, 95% Wilson
 * interval, pass/fail) with a caption saying the data is synthetic, the same as markdown and plain text, and
 * metadata `{"sp-pathways": {kind: "receipts", passed, failed}}` that the notebook runner counts. Pure.
 * @example
 * const b = receiptsBundle(computeReceipts({ "link-worker": lw }).filter((r) => r.id === "lw-trained"));
 * b.metadata["sp-pathways"]; // { kind: "receipts", passed: 1, failed: 0 }
 */
export function receiptsBundle(
  receipts: readonly Receipt[],
  options: ShowReceiptsOptions = {},
): DisplayBundle {
  return build(receipts, options);
}

/**
 * Displays receipts as ONE notebook output (see receiptsBundle). Inside a kernel it returns undefined; elsewhere
 * it emits nothing and returns the bundle.
 * @example
 * const receipts = computeReceipts({ "link-worker": lw, provider: pv }).filter((r) => r.id.startsWith("lw-ref"));
 * showReceipts(receipts, { caption: "Initial contact" });
 */
export function showReceipts(
  receipts: readonly Receipt[],
  options: ShowReceiptsOptions = {},
): DisplayBundle | undefined {
  const writer = currentWriter();
  // Shown receipts publish their counts and bases to the run's ledger; one that would reveal a hidden count
  // (with an earlier table or receipt) keeps its verdict only.
  const bundle = build(discloseReceipts(receipts), options);
  if (!writer) return bundle;
  emit(writer, bundle);
  return undefined;
}
