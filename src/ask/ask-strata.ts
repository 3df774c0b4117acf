import { groupedBar, type BarGroup } from "../figures/grouped-bar.js";
import { UsageError } from "../errors/usage-error.js";
import { wilson } from "../stats/wilson.js";
import { stratified, stratifiedDisplay, type StratifiedResult } from "../strata/stratified.js";
import { formatP } from "../tabulate/format.js";
import type { StrataAnswer, StrataTest } from "./answer.js";
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

/**
 * A question by a breakdown within each stratum: the stacked stratum tables (each suppressed on its own),
 * the Cochran-Mantel-Haenszel test over the strata (hidden strata only combined, see `stratified`), and a chart
 * of one answer's share per group within each stratum, a hidden stratum drawn as suppressed.
 */
export function askStrata(p: Parts, strata: string): Built<StrataAnswer> {
  if (!p.by)
    throw new UsageError(
      "ask",
      `strata "${strata}" needs a breakdown: ask(survey, question, { by, strata })`,
    );
  if (p.weight)
    throw new UsageError(
      "ask",
      `strata: the Cochran-Mantel-Haenszel test works on unweighted counts and a weighted pooled test is not implemented; drop weight "${p.weight}", or ask with { by, weight } within each stratum (a Rao-Scott test each; adjust them together with adjustP), or pool in R: regTermTest(svyglm(y ~ ${strata} + ${p.by}, design, family = quasibinomial), ~${p.by})`,
    );
  if (strata === p.by || strata === p.question)
    throw new UsageError("ask", `strata "${strata}" is also the question or the breakdown`);
  const r = stratified(p.t, p.by, p.question, strata, { suppress: p.suppress });
  const caption = `${p.text}, by ${p.by}, within each ${strata} (${p.where})`;
  const d = stratifiedDisplay(r, caption);
  const table = new ResultTable("stratified", r, { ...d, notes: [...d.notes, p.note] });
  const k = chartedLevel(r.colLevels);
  // One series per breakdown group; categories are the strata. A hidden stratum shows every bar as suppressed.
  const groups: BarGroup[] = r.rowLevels.map((g, i) => ({
    name: g,
    data: r.tables.map((s) => {
      const n = s.counts[i]!.reduce((a, b) => a + b, 0);
      if (s.hidden) return { label: s.stratum, value: null, n: null, suppressed: true };
      if (n === 0) return { label: s.stratum, value: null, n: 0 };
      const ci = wilson(s.counts[i]![k]!, n);
      return {
        label: s.stratum,
        value: (100 * s.counts[i]![k]!) / n,
        lower: ci.lower * 100,
        upper: ci.upper * 100,
        n,
      };
    }),
  }));
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
  const verdict = !t
    ? "no pooled test"
    : t.p < 0.05
      ? `differs by ${p.by} within ${strata} (CMH ${formatP(t.p)})`
      : `shows no detectable difference by ${p.by} within ${strata} (CMH ${formatP(t.p)})`;
  const figure = groupedBar(groups, {
    title: `"${r.colLevels[k]}" (${p.question}) ${verdict}`,
    base: `n = ${r.tables.reduce((a, s) => a + s.n, 0)} answering, by ${p.by} within ${strata}`,
    axisTitle: `% answering "${r.colLevels[k]}"`,
    note: p.note,
  });
  return { kind: "strata", table, figure, test: t, testLine: formatPooledTest(r) };
}
