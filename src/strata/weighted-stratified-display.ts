import type { Display } from "../tabulate/display.js";
import { formatP, formatPercent } from "../tabulate/format.js";
import { HIDDEN_MARK, hiddenMark, suppressionNote } from "../tabulate/suppress.js";
import type { WeightedStratifiedResult } from "./weighted-stratified.js";

/** The method as the answer's text names it. */
export const WEIGHTED_POOLED_METHOD =
  "design-based Wald F test from a quasi-binomial survey GLM with stratum as a term, as R's regTermTest(svyglm(...))";

const verdictOf = (p: number) =>
  p < 0.05 ? "an association at the 5% level" : "no evidence of an association at the 5% level";

/**
 * The pooled weighted test in one line: "Design-based Wald F test from a quasi-binomial survey GLM ...
 * (F = 5.05, df = 1, 394): p = 0.025; 5 strata shown in full.", only its verdict when any stratum hides cells,
 * or why there is none.
 * @example
 * formatWeightedPooledTest(weightedStratified(lw, "trained", "knows_guideline", "ap_area", "w"));
 */
export function formatWeightedPooledTest(r: WeightedStratifiedResult): string {
  const t = r.pooled;
  const name = WEIGHTED_POOLED_METHOD[0]!.toUpperCase() + WEIGHTED_POOLED_METHOD.slice(1);
  if (!t) return `No pooled test: ${r.reason.replace(/^no pooled test: /, "")}.`;
  if (r.tables.some((s) => s.hidden))
    // The rule of every test beside tables that hide cells (src/disclosure/README.md): the verdict stays.
    return `${name}: ${verdictOf(t.p)}; statistic and p-value hidden because stratum tables hide small cells.`;
  const k = t.strataUsed.length;
  const used = [`${k} ${k === 1 ? "stratum" : "strata"} shown in full`];
  if (t.leftOut.length) used.push(`left out: ${t.leftOut.join(", ")}`);
  return `${name} (F = ${t.statistic.toFixed(2)}, df = ${t.df}, ${t.ddf}): ${formatP(t.p)}; ${used.join("; ")}.`;
}

/**
 * The weighted stratum tables stacked into one table (a row per stratum and row level: weighted percentages of
 * the row, "[c]" where the unweighted count is suppressed, the unweighted base), with the per-stratum Rao-Scott
 * tests, their Holm family and the pooled test in the footnotes. Tests beside hidden cells keep their verdict only.
 * @example
 * toCsv(weightedStratifiedDisplay(weightedStratified(lw, "trained", "knows_guideline", "ap_area", "w")));
 */
export function weightedStratifiedDisplay(r: WeightedStratifiedResult, caption?: string): Display {
  const anyHidden = r.tables.some((t) => t.hidden);
  const body = r.tables.flatMap((t) =>
    r.rowLevels.map((level, i) => {
      const total = t.weighted[i]!.reduce((a, b) => a + b, 0);
      const n = t.counts[i]!.reduce((a, b) => a + b, 0);
      return [
        `${t.stratum} · ${level}`,
        ...r.colLevels.map(
          (_, j) =>
            hiddenMark(t.status[i]![j]!) ??
            formatPercent(total > 0 ? (100 * t.weighted[i]![j]!) / total : null),
        ),
        t.hidden ? "–" : String(n),
      ];
    }),
  );
  const missing = r.missing === 0 || r.missing >= r.threshold ? String(r.missing) : HIDDEN_MARK;
  const notes = [
    `Cells: percentages of each row, weighted by ${r.weight}; bases are unweighted respondents. Strata: ${r.strata}; ${missing} respondents had a missing answer or weight.`,
  ];
  const perStratum = r.tables.map((t) => {
    if (!t.test) return `${t.stratum}: no test (${t.testReason ?? "no respondents"})`;
    if (t.hidden) return `${t.stratum}: ${verdictOf(t.test.p)} (statistic hidden: small cells)`;
    const f = `F = ${t.test.value.toFixed(2)}, df = ${t.test.df.map((d) => +d.toFixed(2)).join(", ")}, ${formatP(t.test.p)}`;
    // A Holm-adjusted p can equal a multiple of another stratum's p, so with any stratum hidden only its verdict.
    const adj =
      t.adjustedP === null
        ? ""
        : anyHidden
          ? `; after Holm adjustment ${t.adjustedP < 0.05 ? "significant" : "not significant"} at 5%`
          : `; Holm-adjusted ${formatP(t.adjustedP)}`;
    return `${t.stratum}: ${f}${adj}`;
  });
  notes.push(
    `Rao-Scott F test within each ${r.strata} (second-order, as R's svychisq): ${perStratum.join("; ")}.`,
  );
  notes.push(r.familyNote);
  const p = r.pooled;
  if (p && anyHidden)
    notes.push(
      `${r.reason}: ${verdictOf(p.p)}; statistic and p-value hidden because stratum tables hide small cells.`,
    );
  else if (p)
    notes.push(`${r.reason}: F = ${p.statistic.toFixed(2)}, df = ${p.df}, ${p.ddf}, ${formatP(p.p)}.`);
  else notes.push(`${r.reason}.`);
  const rule = suppressionNote(r.threshold, anyHidden, true);
  if (rule) notes.push(rule);
  if (r.threshold > 0)
    notes.push(
      "Hidden strata enter the pooled test only combined, and only when the combined table has no small count.",
    );
  return {
    caption: caption ?? `${r.row} by ${r.col} within ${r.strata}, weighted by ${r.weight}`,
    head: [`${r.strata} · ${r.row} \\ ${r.col}`, ...r.colLevels, "Base (unweighted)"],
    body,
    foot: [],
    notes,
  };
}
