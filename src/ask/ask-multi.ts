import { withLevels } from "../codebook/levels.js";
import { barChart } from "../figures/bar.js";
import { chart } from "../figures/chart.js";
import { datumOf, fromMultiResponse } from "../figures/from-tabulation.js";
import type { Datum } from "../figures/types.js";
import { coOccurrence, coOccurrenceDisplay } from "../multi-select/co-occurrence.js";
import { readMulti } from "../multi-select/read.js";
import { adjustFamily, type AdjustMethod } from "../stats/adjust-p.js";
import { closestNames, UsageError } from "../errors/usage-error.js";
import { crosstab, type CrosstabResult } from "../tabulate/crosstab.js";
import type { Display } from "../tabulate/display.js";
import { formatCount, formatP, formatPercent, formatTest, hasTest } from "../tabulate/format.js";
import { frequencies } from "../tabulate/frequencies.js";
import { multiResponse } from "../tabulate/multi-response.js";
import type {
  MultiResponseAnswer,
  OptionAnswer,
  OptionFamily,
  OptionRow,
  OptionsAnswer,
  PairsAnswer,
} from "./answer.js";
import { marker } from "./answer.js";
import { pct, weightedBy, type Parts } from "./parts.js";
import { ResultTable } from "./result-table.js";

type Built<A> = Omit<A, "question" | "by" | "area" | "synthetic" | "data" | "weight">;

/** A tick-all-that-apply question alone: the multiple-response table and a bar chart. */
export function askMulti(p: Parts): Built<MultiResponseAnswer> {
  const m = multiResponse(p.t, p.question, {
    suppress: p.suppress,
    ...(p.weight ? { weight: p.weight } : {}),
    caption: `${p.text} (% of respondents answering; ${p.where}${weightedBy(p)})`,
    notes: [p.note],
  });
  const top = [...fromMultiResponse(m, m.colLevels[0]!)].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
  const title =
    top?.value == null
      ? `${p.question}: no shares to show`
      : `"${top.label}" is chosen most often (${pct(top.value)})`;
  const figure = chart(m, {
    title,
    base: `n = ${m.base} answering${weightedBy(p)}`,
    axisTitle: "% of respondents",
    note: p.note,
  });
  return {
    kind: "multiResponse",
    table: m,
    figure,
    test: null,
    testLine: "No test: no breakdown was asked for.",
  };
}

/** The yes/no column of one option: "Yes" when ticked, "No" when not, missing when the question was not answered. */
function optionColumn(p: Parts, option: string): { table: Parts["t"]; column: string } {
  const rows = readMulti("ask", p.t, p.question).rows;
  const column = `${p.question}: ${option}`;
  const values = rows.map((r) => (r === null ? null : r.includes(option) ? "Yes" : "No"));
  const table = p.t.assign({ [column]: values });
  return { table: withLevels(table, { [column]: ["Yes", "No"] }), column };
}

/** Every option's yes/no cross-tab by the breakdown and its test, adjusted together as one family. */
export function optionFamily(p: Parts, by: string, adjust: AdjustMethod): OptionFamily {
  const options = readMulti("ask", p.t, p.question).levels;
  const rows = options.map((option): OptionRow => {
    const { table, column } = optionColumn(p, option);
    const x = crosstab(table, column, {
      by,
      percent: "column",
      test: "auto",
      suppress: p.suppress,
      ...(p.weight ? { weight: p.weight } : {}),
    });
    const test = x.test;
    return { option, table: x, test, p: hasTest(test) ? test.p : null, shown: !x.suppression.any };
  });
  return adjustFamily(`each option of ${p.question} by ${by}`, rows, adjust);
}

const testName = (r: OptionRow) => {
  const t = r.test;
  if (!hasTest(t)) return "–";
  if (t.method === "rao-scott") return "Rao-Scott F";
  if (t.method === "fisher") return /monte carlo/i.test(t.label) ? "Fisher (Monte Carlo)" : "Fisher";
  return "Chi-square";
};
const pText = (v: number | null) => (v === null ? "–" : formatP(v).replace(/^p = /, "").replace(/^p /, ""));

/** The per-option table: shares by group, the test, raw and adjusted p, the family named in a footnote. */
function optionsDisplay(p: Parts, by: string, family: OptionFamily, caption: string): Display {
  const first = family.tests[0]!.table;
  const groups = first.colLevels;
  const threshold = first.suppression.threshold;
  const cell = (x: CrosstabResult, j: number) => {
    const m = marker(x.suppression.cells[0]![j]!, threshold);
    if (m) return m;
    const n = formatCount(x.counts[0]![j]!);
    return x.percentShown(0, j) ? `${n} (${formatPercent(x.percents[0]![j]!)})` : n;
  };
  const body = family.tests.map((r) => [
    r.option,
    ...groups.map((_, j) => cell(r.table, j)),
    r.shown ? testName(r) : hasTest(r.test) ? "hidden" : "–",
    r.shown ? pText(r.p) : "–",
    r.shown ? pText(r.adjustedP) : "–",
  ]);
  // One pattern for the shared base row: a group's base is hidden if any option's table hides it.
  const baseCell = (j: number) => {
    for (const r of family.tests) {
      const m = marker(r.table.suppression.colTotals[j]!, threshold);
      if (m) return m;
    }
    return formatCount(first.colTotals[j]!);
  };
  const hiddenTests = family.tests.filter((r) => !r.shown && hasTest(r.test)).length;
  const how = family.method === "holm" ? "Holm" : family.method === "BH" ? "BH" : "Bonferroni";
  const notes = [
    `Cells: respondents who ticked the option (percentage of those in the group who answered${weightedBy(p)}). One test per option: ticked vs not, across ${by}.`,
    `${family.note} The adjusted p-value is the one to quote.`,
  ];
  if (p.weight)
    notes.push(
      `Weighted by "${p.weight}": counts and percentages are weighted; tests are design-based (Rao-Scott, as survey::svychisq).`,
    );
  if (hiddenTests)
    notes.push(
      `${hiddenTests} test(s) not shown: their tables have suppressed cells, and a test could reveal them; they stay in the family, so the adjustment is not understated.`,
    );
  if (threshold > 0)
    notes.push(
      `Disclosure control: counts of 1-${threshold - 1}, and further counts chosen so that none can be recovered by subtraction, are shown as "[c]".`,
    );
  notes.push(p.note);
  return {
    caption,
    head: [`${p.question} \\ ${by}`, ...groups, "Test", "p", `p (${how})`],
    body,
    foot: [["Respondents (base)", ...groups.map((_, j) => baseCell(j)), "", "", ""]],
    notes,
  };
}

/** A tick-all-that-apply question by a breakdown: per-option tests as one family, shares charted by group. */
export function askOptions(p: Parts, by: string, adjust: AdjustMethod): Built<OptionsAnswer> {
  const family = optionFamily(p, by, adjust);
  const caption = `${p.text}: each option by ${by} (${p.where}${weightedBy(p)})`;
  const table = new ResultTable("optionTests", family, optionsDisplay(p, by, family, caption));
  const shares = multiResponse(p.t, p.question, {
    by,
    suppress: p.suppress,
    ...(p.weight ? { weight: p.weight } : {}),
    caption: `${p.text}, by ${by} (% of respondents answering; ${p.where}${weightedBy(p)})`,
    notes: [p.note],
  });
  const how = family.method === "holm" ? "Holm" : family.method === "BH" ? "BH" : "Bonferroni";
  const shown = family.tests.filter((r) => r.shown && r.adjustedP !== null);
  const differ = shown.filter((r) => r.adjustedP! < 0.05).sort((a, b) => a.adjustedP! - b.adjustedP!);
  const title =
    differ.length === 0
      ? `No option of ${p.question} differs by ${by} after ${how} adjustment (${shown.length} shown tests)`
      : differ.length === 1
        ? `"${differ[0]!.option}" differs by ${by} (${how}-adjusted ${formatP(differ[0]!.adjustedP!)})`
        : `${differ.length} options differ by ${by} after ${how} adjustment, most clearly "${differ[0]!.option}"`;
  const figure = chart(shares, {
    title,
    base: `n = ${shares.base} answering, by ${by}${weightedBy(p)}`,
    axisTitle: "% of each group",
    note: p.note,
  });
  const hidden = family.tests.filter((r) => !r.shown && hasTest(r.test)).length;
  const testLine =
    `${family.size} per-option tests of ${p.question} by ${by}, ${how}-adjusted as one family: ` +
    (differ.length
      ? `${differ.map((r) => `"${r.option}" (${formatP(r.adjustedP!)})`).join(", ")} differ`
      : "none differs at the 5% level") +
    (hidden ? `; ${hidden} test(s) not shown (suppressed cells).` : ".");
  return { kind: "options", table, shares, family, figure, test: null, testLine };
}

/** One option of a tick-all-that-apply question as yes/no: its table, its test and its adjusted p. */
export function askOption(p: Parts, option: string, adjust: AdjustMethod): Built<OptionAnswer> {
  const levels = readMulti("ask", p.t, p.question).levels;
  if (!levels.includes(option)) {
    const near = closestNames(option, levels);
    throw new UsageError(
      "ask",
      `no option "${option}" in ${p.question}; ${near.length ? `did you mean "${near[0]}"?` : `valid: ${levels.map((l) => `"${l}"`).join(", ")}`}`,
    );
  }
  const { table, column } = optionColumn(p, option);
  const caption = `${p.text} ${option} (${p.where}${weightedBy(p)})`;
  if (!p.by) {
    const f = frequencies(table, column, {
      suppress: p.suppress,
      ...(p.weight ? { weight: p.weight } : {}),
      caption,
      notes: [p.note],
    });
    const yes = f.percentShown(0, 0) ? f.percents[0]![0]! : null;
    const figure = chart(f, {
      title: yes === null ? `"${option}": share not shown` : `${pct(yes)} ticked "${option}"`,
      base: `n = ${f.base} answering${weightedBy(p)}`,
      axisTitle: "% of respondents",
      note: p.note,
    });
    return {
      kind: "option",
      option,
      table: f,
      test: null,
      adjustedP: null,
      family: null,
      figure,
      testLine: "No test: no breakdown was asked for.",
    };
  }
  const family = optionFamily(p, p.by, adjust);
  const row = family.tests.find((r) => r.option === option)!;
  const familyNote = row.shown
    ? `Adjusted for the family: ${family.note} "${option}": adjusted ${formatP(row.adjustedP ?? 1)}.`
    : `${family.note} (This option's test is not shown.)`;
  const x = crosstab(table, column, {
    by: p.by,
    percent: "column",
    test: "auto",
    suppress: p.suppress,
    ...(p.weight ? { weight: p.weight } : {}),
    caption: `${caption}, by ${p.by}`,
    notes: [familyNote, p.note],
  });
  const test = x.test;
  const how = family.method === "holm" ? "Holm" : family.method === "BH" ? "BH" : "Bonferroni";
  const adjusted = row.shown ? row.adjustedP : null;
  const title = !row.shown
    ? `"${option}" by ${p.by} (test not shown: small cells)`
    : adjusted === null
      ? `"${option}" by ${p.by}: no test (${hasTest(test) ? "" : (test?.reason ?? "none")})`
      : adjusted < 0.05
        ? `"${option}" differs by ${p.by} (${how}-adjusted ${formatP(adjusted)} across ${family.size} options)`
        : `"${option}" shows no detectable difference by ${p.by} (${how}-adjusted ${formatP(adjusted)})`;
  // One bar per group: the share of each group ticking the option (the "No" row is its complement).
  const figure = barChart(
    x.colLevels.map((g, j) => datumOf(x, 0, j, g)),
    {
      title,
      base: `n = ${x.base} answering${weightedBy(p)}`,
      axisTitle: `% ticking "${option}"`,
      ordered: true,
      note: p.note,
    },
  );
  const testLine = !row.shown
    ? "Test not shown: it could reveal suppressed cells."
    : `${formatTest(test, { weighted: !!p.weight })}${adjusted === null ? "" : ` ${how}-adjusted across the ${family.size} options of ${p.question}: ${formatP(adjusted)}.`}`;
  return { kind: "option", option, table: x, test, adjustedP: adjusted, family, figure, testLine };
}

/** Options ticked together: the co-occurrence table and a bar chart of the most frequent pairs. */
export function askPairs(p: Parts, top = 10): Built<PairsAnswer> {
  if (p.by)
    throw new UsageError(
      "ask",
      `pairs: true takes no breakdown (got by "${p.by}"); ask per group with table`,
    );
  const r = coOccurrence(p.t, p.question, {
    suppress: p.suppress,
    ...(p.weight ? { weight: p.weight } : {}),
  });
  const caption = `${p.text}: options ticked together (${p.where}${weightedBy(p)})`;
  const d = coOccurrenceDisplay(r, caption);
  const table = new ResultTable("coOccurrence", r, { ...d, notes: [...d.notes, p.note] });
  const pairs = r.pairs.filter((x) => x.a !== x.b && x.n > 0).slice(0, top);
  const data: Datum[] = pairs.map((x) => {
    const hidden = x.shareStatus !== "shown" || r.respondentsStatus !== "shown";
    return {
      label: `${x.a} + ${x.b}`,
      value: hidden ? null : x.share,
      lower: hidden ? null : x.lower,
      upper: hidden ? null : x.upper,
      n: r.respondentsStatus === "shown" ? r.respondents : null,
      suppressed: hidden,
    };
  });
  const best = data.find((x) => x.value !== null);
  const figure = barChart(data, {
    title: best
      ? `"${best.label.replace(" + ", '" and "')}" are ticked together most often (${pct(best.value)})`
      : `${p.question}: no pair to show`,
    base:
      r.respondentsStatus === "shown"
        ? `n = ${r.respondents} answering${weightedBy(p)}`
        : `n < ${r.threshold} answering`,
    axisTitle: "% of respondents ticking both",
    note: p.note,
  });
  return { kind: "pairs", table, figure, test: null, testLine: "No test: pairs are counted, not tested." };
}
