import { chart } from "../figures/chart.js";
import { formatP, formatTest, hasTest } from "../tabulate/format.js";
import { likertSummary } from "../tabulate/likert-summary.js";
import type { LikertAnswer } from "./answer.js";
import { weightedBy, type Parts } from "./parts.js";

/**
 * A Likert question by a breakdown: `likertSummary(t, question, { by })` (one row per group, each hidden cell
 * marked and the rest of its row kept), a diverging chart in the scale's order, and the cross-tab's test
 * (chi-square / Fisher; Rao-Scott when weighted), whose figures are hidden when any cell is.
 */
export function askLikert(
  p: Parts,
  by: string,
): Omit<LikertAnswer, "question" | "by" | "area" | "synthetic" | "data" | "weight"> {
  const l = likertSummary(p.t, p.question, {
    by,
    ...(p.weight ? { weight: p.weight } : {}),
    suppress: p.suppress,
    caption: `${p.text}, by ${by} (${p.where}${weightedBy(p)})`,
    notes: [p.note],
  });
  const test = l.test;
  const hidden = l.suppression.any && hasTest(test);
  const verdict = hidden
    ? `${test.p < 0.05 ? "differs" : "shows no detectable difference"} by ${by} (test figures hidden: small cells)`
    : !hasTest(test)
      ? `by ${by}: no test (${test?.reason ?? "none"})`
      : test.p < 0.05
        ? `differs by ${by} (${formatP(test.p)})`
        : `shows no detectable difference by ${by} (${formatP(test.p)})`;
  const figure = chart(l, {
    title: `${p.question} ${verdict}`,
    note: p.note,
    base: `n = ${l.base} answering both${weightedBy(p)}`,
    axisTitle: "% of each group",
  });
  return {
    kind: "likert",
    table: l,
    figure,
    test,
    testLine: formatTest(test, { weighted: !!p.weight, hidden }),
  };
}
