import type { Cond, Row } from "./conditions.js";
import type { ReceiptSpec, RankSpec } from "./specs.js";
import { runLedger } from "../disclosure/ledger.js";
import { shareHidden } from "../tabulate/suppress.js";

/** What a spec yields on cleaned rows, before the published value and interval are attached. */
export interface Evaluation {
  /** Percent (share), count, difference in points (compare), or null when there are no valid responses. */
  computed: number | null;
  successes: number | null;
  n: number | null;
  /** Whether a ranking/comparison/constant claim holds; null for shares and counts (judged by tolerance). */
  holds: boolean | null;
  detail: string;
  /**
   * True when a number of this evaluation rests on a hidden cell (a share whose count or complement, a mean
   * whose n, or a count that is 1..threshold-1): the receipt keeps its verdict and hides its numbers.
   */
  hidden?: boolean;
}

// The run's threshold (default 5; resetRunLedger({ threshold }) changes it for every output of the run).
const small = (k: number) => k > 0 && k < runLedger().threshold;
// While true, every number of a detail is written "suppressed" (the verdict-only detail of a receipt the ledger
// hides; set only for the length of one synchronous evaluateSpec call).
let hideAll = false;
const hiddenShare = (s: Share) =>
  s.pct !== null && (hideAll || small(s.n) || shareHidden(s.successes, s.n, runLedger().threshold));

interface Share {
  successes: number;
  n: number;
  pct: number | null;
}

function shareOf(rows: Row[], outcome: Cond, inGroup?: Cond): Share {
  let successes = 0;
  let n = 0;
  for (const r of rows) {
    if (inGroup && inGroup(r) !== true) continue;
    const v = outcome(r);
    if (v === null) continue;
    n += 1;
    if (v) successes += 1;
  }
  return { successes, n, pct: n === 0 ? null : (100 * successes) / n };
}

const fmt = (s: Share) =>
  s.pct === null
    ? `no valid responses (n = 0)`
    : hiddenShare(s)
      ? "suppressed"
      : `${s.pct.toFixed(1)}% (${s.successes}/${s.n})`;

function rank(rows: Row[], spec: RankSpec): Evaluation {
  const shares = spec.options.map((o) => ({ label: o.label, ...shareOf(rows, o.outcome) }));
  const valid = shares.filter((s) => s.pct !== null);
  if (valid.length === 0)
    return { computed: null, successes: null, n: null, holds: null, detail: "no valid responses" };
  const sorted = [...valid].sort((x, y) => (y.pct as number) - (x.pct as number));
  const labels = spec.check.labels;
  let holds: boolean;
  // Ties count against the claim: "most often" must be strictly most often.
  const strictlyAbove = (i: number) =>
    i + 1 >= sorted.length || (sorted[i]!.pct as number) > (sorted[i + 1]!.pct as number);
  if (spec.check.kind === "order") {
    holds = labels.every((l, i) => sorted[i]?.label === l && strictlyAbove(i));
  } else if (spec.check.kind === "top-set") {
    const top = new Set(sorted.slice(0, labels.length).map((s) => s.label));
    holds = labels.every((l) => top.has(l)) && strictlyAbove(labels.length - 1);
  } else if (spec.check.kind === "within-top") {
    const k = spec.check.k;
    // A label tied with the option just outside the top k is not "among the top k" for certain.
    const cutoff = sorted[k]?.pct ?? -Infinity;
    holds = labels.every((l) => {
      const i = sorted.findIndex((s) => s.label === l);
      return i >= 0 && i < k && (sorted[i]!.pct as number) > (cutoff as number);
    });
  } else {
    const asc = [...sorted].reverse();
    holds = labels.every(
      (l, i) =>
        asc[i]?.label === l && (i + 1 >= asc.length || (asc[i]!.pct as number) < (asc[i + 1]!.pct as number)),
    );
  }
  const head = sorted.map((s) => `${s.label} ${fmt(s)}`).join("; ");
  const first = shares.find((s) => s.label === labels[0]);
  return {
    computed: first?.pct ?? null,
    successes: first?.successes ?? null,
    n: first?.n ?? null,
    holds,
    detail: `ranked: ${head}`,
    hidden: valid.some(hiddenShare),
  };
}

/** The evaluation of a receipt that quotes one share: the share's figures, with the spec's verdict and detail. */
function shareEvaluation(s: Share, holds: boolean | null, detail: string): Evaluation {
  return { computed: s.pct, successes: s.successes, n: s.n, holds, detail, hidden: hiddenShare(s) };
}

function mean(
  rows: Row[],
  value: (r: Row) => number | null,
  inGroup: Cond,
): { mean: number | null; n: number } {
  let sum = 0;
  let n = 0;
  for (const r of rows) {
    if (inGroup(r) !== true) continue;
    const v = value(r);
    if (v === null) continue;
    sum += v;
    n += 1;
  }
  return { mean: n === 0 ? null : sum / n, n };
}

function evaluate(rows: Row[], spec: ReceiptSpec): Evaluation {
  const subset = "subset" in spec && spec.subset ? rows.filter((r) => spec.subset!(r) === true) : rows;
  switch (spec.type) {
    case "count":
      return {
        computed: subset.length,
        successes: subset.length,
        n: rows.length,
        holds: null,
        detail: hideAll || small(subset.length) ? "suppressed" : `${subset.length} rows`,
        hidden: small(subset.length),
      };
    case "share": {
      const s = shareOf(subset, spec.outcome);
      return shareEvaluation(s, null, fmt(s));
    }
    case "versus-constant": {
      const s = shareOf(subset, spec.outcome);
      return shareEvaluation(
        s,
        s.pct === null ? null : s.pct < spec.below,
        `${fmt(s)} vs ${spec.below}% (external)`,
      );
    }
    case "compare": {
      const dir = spec.direction ?? ">";
      const parts = spec.pairs.map((p) => ({
        p,
        a: shareOf(subset, spec.outcome, p.inA),
        b: shareOf(subset, spec.outcome, p.inB),
      }));
      const ok = parts.map(({ a, b }) =>
        a.pct === null || b.pct === null ? null : dir === ">" ? a.pct > b.pct : a.pct < b.pct,
      );
      const first = parts[0]!;
      return {
        computed: first.a.pct === null || first.b.pct === null ? null : first.a.pct - first.b.pct,
        successes: first.a.successes,
        n: first.a.n,
        holds: ok.some((x) => x === null) ? null : ok.every(Boolean),
        detail: parts.map(({ p, a, b }) => `${p.a} ${fmt(a)} ${dir} ${p.b} ${fmt(b)}`).join("; "),
        hidden: parts.some(({ a, b }) => hiddenShare(a) || hiddenShare(b)),
      };
    }
    case "compare-mean": {
      const parts = spec.pairs.map((p) => ({
        p,
        a: mean(subset, spec.value, p.inA),
        b: mean(subset, spec.value, p.inB),
      }));
      const ok = parts.map(({ a, b }) => (a.mean === null || b.mean === null ? null : a.mean > b.mean));
      const first = parts[0]!;
      const m = (x: { mean: number | null; n: number }) =>
        x.mean === null
          ? "no valid responses"
          : hideAll || small(x.n)
            ? "suppressed"
            : `mean ${x.mean.toFixed(2)} (n = ${x.n})`;
      return {
        computed: first.a.mean === null || first.b.mean === null ? null : first.a.mean - first.b.mean,
        successes: null,
        n: first.a.n,
        holds: ok.some((x) => x === null) ? null : ok.every(Boolean),
        detail: parts.map(({ p, a, b }) => `${p.a} ${m(a)} > ${p.b} ${m(b)}`).join("; "),
        hidden: parts.some(({ a, b }) => small(a.n) || small(b.n)),
      };
    }
    case "rank":
      return rank(subset, spec);
  }
}

/**
 * Runs one receipt spec on cleaned respondent rows (objects of the tidy table, derived columns included).
 * @example
 * evaluateSpec(lw.objects(), receiptSpecs()["lw-trained"]).computed; // e.g. 19.0
 */
export function evaluateSpec(rows: Row[], spec: ReceiptSpec): Evaluation {
  return evaluate(rows, spec);
}

/**
 * The detail of a spec with every number written "suppressed" (what a receipt shows when the run's ledger hides
 * it: the verdict and, for a ranking, the order stay).
 * @example
 * verdictOnlyDetail(lw.objects(), receiptSpecs()["lw-trained"]); // "suppressed"
 */
export function verdictOnlyDetail(rows: Row[], spec: ReceiptSpec): string {
  hideAll = true;
  try {
    return evaluate(rows, spec).detail;
  } finally {
    hideAll = false;
  }
}
