import type { AreaIndicators } from "./area-indicators.js";
import { recordsTable, type RecordsTable } from "./records-table.js";
import type { AreaShare } from "./share-by-area.js";

/** One ranked area: its share, deprivation and inactivity, and the combined score. */
export interface FocusRow {
  readonly rank: number;
  readonly share: AreaShare;
  readonly indicators: AreaIndicators;
  /** Mean of the three position scores (0 = lowest of the ranked areas on all three, 1 = highest on all). */
  readonly score: number;
}

/** The ranked areas, and those left out with the reason. */
export interface FocusRanking {
  readonly rows: readonly FocusRow[];
  readonly unranked: readonly { readonly name: string; readonly reason: string }[];
  readonly shareLabel: string;
}

/**
 * Ranks local authorities for attention: each area's position (0-1, ties averaged) among the ranked areas on the
 * share (e.g. clients travelling 3+ miles), the IMD score and Active Lives inactivity, averaged with equal weight.
 * Areas with a suppressed or empty share, or no inactivity figure, are listed as unranked with the reason.
 * Equal weights are a transparent default, not an evidence-based weighting.
 * @example
 * const r = focusRanking(shareByArea(lw, "travels_3_miles_plus"), areaIndicators("lad23"), "3+ miles");
 * r.rows[0]?.indicators.name; // the area scoring highest on all three together
 */
export function focusRanking(
  shares: readonly AreaShare[],
  indicators: readonly AreaIndicators[],
  shareLabel: string,
): FocusRanking {
  const byCode = new Map(indicators.map((a) => [a.code, a]));
  const unranked: { name: string; reason: string }[] = [];
  const candidates: { share: AreaShare; indicators: AreaIndicators }[] = [];
  for (const s of shares) {
    const a = byCode.get(s.code);
    if (!a)
      throw new Error(`focusRanking: no indicators for area ${s.name} (${s.code}); use the same geography`);
    if (s.n === 0) unranked.push({ name: s.name, reason: "no respondents" });
    // "suppressed" and nothing more: its n beside the rule would tell the reader which side is small.
    else if (s.suppressed) unranked.push({ name: s.name, reason: "suppressed" });
    else if (a.inactivePct === null) unranked.push({ name: s.name, reason: "no Active Lives figure" });
    else candidates.push({ share: s, indicators: a });
  }
  const pos = (values: number[]) => positions(values);
  const p1 = pos(candidates.map((c) => c.share.percent!));
  const p2 = pos(candidates.map((c) => c.indicators.imdScore));
  const p3 = pos(candidates.map((c) => c.indicators.inactivePct!));
  const scored = candidates.map((c, i) => ({ ...c, score: (p1[i]! + p2[i]! + p3[i]!) / 3 }));
  scored.sort((a, b) => b.score - a.score || a.indicators.name.localeCompare(b.indicators.name, "en-GB"));
  return { rows: scored.map((s, i) => ({ rank: i + 1, ...s })), unranked, shareLabel };
}

// Position of each value among all, 0 (lowest) to 1 (highest), ties sharing their average position.
function positions(values: number[]): number[] {
  const m = values.length;
  if (m < 2) return values.map(() => 0.5);
  return values.map((v) => {
    const below = values.filter((w) => w < v).length;
    const equal = values.filter((w) => w === v).length;
    return (below + (equal - 1) / 2) / (m - 1);
  });
}

const pct = (v: number | null, digits = 0) => (v === null ? "–" : `${v.toFixed(digits)}%`);

/**
 * The ranking as a table for `showTable`: rank, area, share with base and interval, IMD score and rank, inactivity.
 * @example
 * showTable(focusTable(focusRanking(shares, areaIndicators("lad23"), "Clients travel 3+ miles")));
 */
export function focusTable(ranking: FocusRanking, notes: readonly string[] = []): RecordsTable {
  const first = ranking.rows[0]?.indicators;
  const imdHead = first ? `${first.imdEdition} score (rank of ${first.imdRankOutOf})` : "IMD score";
  const alHead = first ? `Inactive adults ${first.activeLivesPeriod}` : "Inactive adults";
  const rows = ranking.rows.map((r) => [
    String(r.rank),
    r.indicators.name,
    pct(r.share.percent),
    String(r.share.n),
    `${pct(r.share.lower)}–${pct(r.share.upper)}`,
    `${r.indicators.imdScore.toFixed(1)} (${r.indicators.imdRank})`,
    pct(r.indicators.inactivePct, 1),
    r.score.toFixed(2),
  ]);
  const left = ranking.unranked.length
    ? [`Not ranked: ${ranking.unranked.map((u) => `${u.name} (${u.reason})`).join("; ")}.`]
    : [];
  return recordsTable(
    "Where to focus first: areas ranked on all three indicators together",
    ["Rank", "Area", ranking.shareLabel, "n", "95% CI", imdHead, alHead, "Score"],
    rows,
    [
      "Score: mean of the area's position (0 lowest to 1 highest) among the ranked areas on each of the three columns, equal weights.",
      ...left,
      ...notes,
    ],
  );
}
