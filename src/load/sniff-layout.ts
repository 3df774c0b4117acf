import type { Codebook } from "../codebook/types.js";
import { normaliseText } from "./normalise-text.js";
import { PLATFORMS, generic, type PlatformLayout } from "./platforms/index.js";
import { mergeTwoRowHeader } from "./two-row-header.js";

type Cell = string | null;

/** What the first rows of an export say about its layout. */
export interface Layout {
  platform: PlatformLayout;
  /** Rows above the data (1, 2 for a question row over a sub-label row, 3 for Qualtrics). */
  headerRows: number;
  /** One header per column, two header rows merged as `Question [Option]`. */
  headers: string[];
}

const text = (row: readonly Cell[] | undefined, i: number): string => (row?.[i] ?? "").trim();
const isImportId = (cell: string): boolean => /^\{\s*"ImportId"\s*:/i.test(cell);

// Signature cells present, plus what only one platform writes: Qualtrics' ImportId row, Jisc's `4.a.` columns.
function evidence(platform: PlatformLayout, first: Set<string>, rows: readonly (readonly Cell[])[]): number {
  let n = platform.signature.filter((s) => first.has(normaliseText(s))).length;
  const row1 = rows[0] ?? [];
  if (platform.header === "qualtrics" && (rows[2] ?? []).some((c) => isImportId((c ?? "").trim()))) n += 3;
  if (
    platform.subColumns.includes("numbered") &&
    row1.some((c) => /^\d+\.[a-z]{1,3}\.\s/i.test((c ?? "").trim()))
  )
    n += 1;
  return n;
}

/**
 * Recognises the platform that wrote an export from its first rows (admin columns, header rows, numbering)
 * and returns the headers to match: Qualtrics' text row, or two header rows merged.
 * @example
 * sniffLayout(rows, codebook).platform.name; // "Qualtrics"
 */
export function sniffLayout(rows: readonly (readonly Cell[])[], codebook: Codebook): Layout {
  const first = rows[0] ?? [];
  const present = new Set(first.map((c) => normaliseText(c ?? "")));
  let platform = generic;
  let best = 0;
  for (const p of PLATFORMS) {
    if (p === generic) continue;
    const n = evidence(p, present, rows);
    if (n >= p.minSignature && n > best) [platform, best] = [p, n];
  }
  const width = Math.max(first.length, rows[1]?.length ?? 0);
  if (platform.header === "qualtrics" && rows.length > 1) {
    const headerRows = (rows[2] ?? []).some((c) => isImportId((c ?? "").trim())) ? 3 : 2;
    const headers = Array.from({ length: width }, (_, i) => text(rows[1], i) || text(first, i));
    return { platform, headerRows, headers };
  }
  const merged =
    platform.header === "two-row" && rows.length > 1
      ? mergeTwoRowHeader(first, rows[1] as Cell[], codebook)
      : undefined;
  if (merged) return { platform, headerRows: 2, headers: merged };
  return { platform, headerRows: 1, headers: first.map((c) => (c ?? "").trim()) };
}
