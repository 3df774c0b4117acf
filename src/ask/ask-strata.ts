import { groupedBar, type BarGroup } from "../figures/grouped-bar.js";
import { UsageError } from "../errors/usage-error.js";
import { wilson } from "../stats/wilson.js";
import {
  stratified,
  stratifiedDisplay,
  type StratifiedResult,
  type StratumTable,
} from "../strata/stratified.js";
import { weightedStratified, type WeightedStratifiedResult } from "../strata/weighted-stratified.js";
import {
  formatWeightedPooledTest,
  WEIGHTED_POOLED_METHOD,
  weightedStratifiedDisplay,
} from "../strata/weighted-stratified-display.js";
import { shareFromSums } from "../stats/survey-share.js";
import { formatP } from "../tabulate/format.js";
import type { StrataAnswer, StrataTest, WeightedStrataAnswer, WeightedStrataTest } from "./answer.js";
import type { Parts } from "./parts.js";
import { ResultTable } from "./result-table.js";

type Built<A> = Omit<A, "question" | "by" | "area" | "synthetic" | "data" | "weight">;

/**
 * The pooled test in one line: "Cochran-Mantel-Haenszel test (X² = 6.48, df = 1): p = 0.011, common odds ratio
 * 2.52 (95% CI 1.24–5.11), ...", or why there is none.
 * @example
 * formatPooledTest(stratified(lw, "trained", "knows_guideline", "ap_area"));
 */
export function formatPooledTest(r: StratifiedResult): string {
  const t = r.pooled;
  if (!t) return `No test: ${r.reason.replace(/^no pooled test: /, "")}.`;
  const name =
    t.form === "2x2xK" ? "Cochran-Mantel-Haenszel test" : "Generalised Cochran-Mantel-Haenszel test";
  const or =
    t.form === "2x2xK"
      ? `, common odds ratio ${t.oddsRatio.toFixed(2)} (${Math.round(t.level * 100)}% CI ${t.lower.toFixed(2)}–${t.upper.toFixed(2)}; odds of ${r.col} "${r.colLevels[0]}" for ${r.row} "${r.rowLevels[0]}" vs "${r.rowLevels[1]}")`
      : "";
  if (r.tables.some((s) => s.hidden)) {
    // A test beside tables that hide cells keeps its verdict only (src/disclosure/README.md).
    const verdict =
      t.p < 0.05 ? "an association at the 5% level" : "no evidence of an association at the 5% level";
    return `${name}: ${verdict}; statistic and p-value hidden because stratum tables hide small cells.`;
  }
  const k = t.strataUsed.length;
  const used = [`${k} ${k === 1 ? "stratum" : "strata"} shown in full`];
  if (t.merged.length) used.push(`hidden strata combined (${t.merged.join(", ")})`);
  if (t.leftOut.length) used.push(`left out: ${t.leftOut.join(", ")}`);
  return `${name} (X² = ${t.statistic.toFixed(2)}, df = ${t.df}): ${formatP(t.p)}${or}; ${used.join("; ")}.`;
}

/** The level charted per stratum: "Yes" when the question has one, else its first level. */
function chartedLevel(levels: readonly string[]): number {
  const yes = levels.indexOf("Yes");
  return yes >= 0 ? yes : 0;
}

/** A group's charted share in one stratum as `part / whole`, and its interval's ends as fractions. */
interface StratumShare {
  readonly part: number;
  readonly whole: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The chart's series: one per breakdown group, one bar per stratum. A hidden stratum shows every bar as
 * suppressed, and a group `share` finds nothing to show in (null) has an empty bar with its n; the weighted
 * and unweighted charts differ only in `share`, which gets the stratum, the group's index and its
 * unweighted n. An interval end that is not finite (a weighted domain too small for a variance) is left out.
 */
function strataSeries<S extends StratumTable>(
  rowLevels: readonly string[],
  tables: readonly S[],
  share: (s: S, group: number, n: number) => StratumShare | null,
): BarGroup[] {
  return rowLevels.map((g, i) => ({
    name: g,
    data: tables.map((s) => {
      const n = s.counts[i]!.reduce((a, b) => a + b, 0);
      if (s.hidden) return { label: s.stratum, value: null, n: null, suppressed: true };
      const sh = share(s, i, n);
      if (!sh) return { label: s.stratum, value: null, n };
      return {
        label: s.stratum,
        value: (100 * sh.part) / sh.whole,
        lower: Number.isFinite(sh.lower) ? sh.lower * 100 : null,
        upper: Number.isFinite(sh.upper) ? sh.upper * 100 : null,
        n,
      };
    }),
  }));
}

/**
 * A question by a breakdown within each stratum: the stacked stratum tables (each suppressed on its own),
 * the Cochran-Mantel-Haenszel test over the strata (hidden strata only combined, see `stratified`), and a chart
 * of one answer's share per group within each stratum, a hidden stratum drawn as suppressed. With a weight:
 * weighted tables (suppressed on unweighted counts), a Rao-Scott test per stratum (a Holm family) and the
 * pooled design-based Wald F test (see `weightedStratified`).
 */
export function askStrata(p: Parts, strata: string): Built<StrataAnswer> | Built<WeightedStrataAnswer> {
  if (!p.by)
    throw new UsageError(
      "ask",
      `strata "${strata}" needs a breakdown: ask(survey, question, { by, strata })`,
    );
  if (strata === p.by || strata === p.question)
    throw new UsageError("ask", `strata "${strata}" is also the question or the breakdown`);
  if (p.weight) return askWeightedStrata(p, p.by, strata, p.weight);
  const r = stratified(p.t, p.by, p.question, strata, { suppress: p.suppress });
  const caption = `${p.text}, by ${p.by}, within each ${strata} (${p.where})`;
  const d = stratifiedDisplay(r, caption);
  const table = new ResultTable("stratified", r, { ...d, notes: [...d.notes, p.note] });
  const k = chartedLevel(r.colLevels);
  const groups = strataSeries(r.rowLevels, r.tables, (s, i, n) => {
    if (n === 0) return null;
    const ci = wilson(s.counts[i]![k]!, n);
    return { part: s.counts[i]![k]!, whole: n, lower: ci.lower, upper: ci.upper };
  });
  const t: StrataTest | null = r.pooled
    ? {
        ...r.pooled,
        method: "cmh",
        label:
          r.pooled.form === "2x2xK"
            ? "Cochran-Mantel-Haenszel test"
            : "Generalised Cochran-Mantel-Haenszel test",
      }
    : null;
  // Titles never cite a p-value the table hides: beside a hidden stratum the title keeps the verdict only.
  const cited = t && r.tables.some((s) => s.hidden) ? "CMH, 5% level" : t ? `CMH ${formatP(t.p)}` : "";
  const verdict = !t
    ? "no pooled test"
    : t.p < 0.05
      ? `differs by ${p.by} within ${strata} (${cited})`
      : `shows no detectable difference by ${p.by} within ${strata} (${cited})`;
  const figure = groupedBar(groups, {
    title: `"${r.colLevels[k]}" (${p.question}) ${verdict}`,
    base: `n = ${r.tables.reduce((a, s) => a + s.n, 0)} answering, by ${p.by} within ${strata}`,
    axisTitle: `% answering "${r.colLevels[k]}"`,
    note: p.note,
  });
  return { kind: "strata", table, figure, test: t, testLine: formatPooledTest(r) };
}

/**
 * The weighted form of {@link askStrata}: per-stratum weighted tables and Rao-Scott tests (Holm family), the
 * pooled design-based Wald F test of a two-level question, and the same chart with weighted shares and
 * design-based intervals (svyciprop's logit interval within the stratum's design).
 */
function askWeightedStrata(
  p: Parts,
  by: string,
  strata: string,
  weight: string,
): Built<WeightedStrataAnswer> {
  let r: WeightedStratifiedResult;
  try {
    r = weightedStratified(p.t, by, p.question, strata, weight, { suppress: p.suppress });
  } catch (error) {
    if (error instanceof UsageError && /two-level outcome/.test(error.message))
      throw new UsageError(
        "ask",
        `strata with weight: the pooled weighted test needs a two-level question and "${p.question}" has more answers; collapse it to two (e.g. a Yes/No column), or ask(survey, "${p.question}", { by: "${by}", weight: "${weight}" }) within each ${strata} for the per-stratum Rao-Scott tests (then adjustP)`,
      );
    throw error;
  }
  const caption = `${p.text}, by ${by}, within each ${strata}, weighted by ${weight} (${p.where})`;
  const d = weightedStratifiedDisplay(r, caption);
  const table = new ResultTable("weighted-stratified", r, { ...d, notes: [...d.notes, p.note] });
  const k = chartedLevel(r.colLevels);
  const groups = strataSeries(r.rowLevels, r.tables, (s, i, n) => {
    const yesWeight = s.weighted[i]![k]!;
    const noWeight = s.weighted[i]!.reduce((a, b) => a + b, 0) - yesWeight;
    if (n === 0 || yesWeight + noWeight === 0) return null;
    const yesSquares = s.squares[i]![k]!;
    const noSquares = s.squares[i]!.reduce((a, b) => a + b, 0) - yesSquares;
    const ci = shareFromSums({ yesWeight, noWeight, yesSquares, noSquares, domainN: n, designN: s.n });
    return { part: yesWeight, whole: yesWeight + noWeight, lower: ci.lower, upper: ci.upper };
  });
  const t: WeightedStrataTest | null = r.pooled ? { ...r.pooled, label: WEIGHTED_POOLED_METHOD } : null;
  const verdict = !t
    ? "no pooled test"
    : t.p < 0.05
      ? `differs by ${by} within ${strata} (design-based Wald F ${formatP(t.p)})`
      : `shows no detectable difference by ${by} within ${strata} (design-based Wald F ${formatP(t.p)})`;
  // Titles never cite a p-value the table hides: with a hidden stratum the title keeps the verdict only.
  const shownVerdict =
    t && r.tables.some((s) => s.hidden)
      ? t.p < 0.05
        ? `differs by ${by} within ${strata} (design-based Wald F, 5% level)`
        : `shows no detectable difference by ${by} within ${strata} (design-based Wald F, 5% level)`
      : verdict;
  const figure = groupedBar(groups, {
    title: `"${r.colLevels[k]}" (${p.question}) ${shownVerdict}`,
    base: `n = ${r.tables.reduce((a, s) => a + s.n, 0)} answering (unweighted), weighted by ${weight}, by ${by} within ${strata}`,
    axisTitle: `% answering "${r.colLevels[k]}" (weighted)`,
    note: p.note,
  });
  return { kind: "weighted-strata", table, figure, test: t, testLine: formatWeightedPooledTest(r) };
}
