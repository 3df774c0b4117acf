import type { ColumnTable } from "arquero";
import { codebook } from "../codebook/codebooks.js";
import type { SurveyId } from "../codebook/types.js";
import { chart } from "../figures/chart.js";
import { fromFrequencies } from "../figures/from-tabulation.js";
import { loadSurvey } from "../survey/load-survey.js";
import { badOption, unknownName, UsageError } from "../errors/usage-error.js";
import type { AdjustMethod } from "../stats/adjust-p.js";
import { formatP, formatTest, hasTest } from "../tabulate/format.js";
import { crosstab } from "../tabulate/crosstab.js";
import { frequencies } from "../tabulate/frequencies.js";
import type { Answer, CrosstabAnswer, FrequenciesAnswer } from "./answer.js";
import { askLikert } from "./ask-likert.js";
import { askMulti, askOption, askOptions, askPairs } from "./ask-multi.js";
import { askNumeric, isNumericColumn } from "./ask-numeric.js";
import { askStrata } from "./ask-strata.js";
import { pct, weightedBy, type Parts } from "./parts.js";

/** Options of {@link ask}. */
export interface AskOptions {
  /** A categorical column to break the answers down by (a question id, a derived flag or band), or null. */
  by?: string | null;
  /** One Active Partnership area ("" or unset: SP_AREA if set, else the whole North West). */
  area?: string;
  /** Disclosure threshold (default 5). */
  suppress?: number;
  /** A tidy table to use instead of loading the survey (e.g. one with extra derived columns); `area` is ignored. */
  table?: ColumnTable;
  /** With `table`: whether it holds the bundled synthetic data (decides the source note; default false). */
  synthetic?: boolean;
  /** A weight column of the table (e.g. from `rake` or `postStratify`): weighted shares, Rao-Scott tests. */
  weight?: string;
  /** Tick-all-that-apply: one option as yes/no (by the breakdown, with its p adjusted across all options). */
  option?: string;
  /** Tick-all-that-apply: which options are ticked together (co-occurrence table, top pairs chart). */
  pairs?: boolean;
  /** A categorical column: one table per level of it and the Cochran-Mantel-Haenszel test over them. */
  strata?: string;
  /** Cross-tabs: letters marking which groups' percentages differ (column-proportion z-tests). */
  compare?: "columns";
  /** Families of tests (each option of a multi-select; the column comparisons): "holm" (default), "BH",
   * "bonferroni" ("BH" is not available for column letters). */
  adjust?: AdjustMethod;
  /** Numeric question by an ordered breakdown: Spearman's rho (default: true when the breakdown is a Likert scale). */
  ordinal?: boolean;
}

/**
 * Answers one question of one survey, optionally by a breakdown and for one area: the right table for the
 * column, a chart titled by its finding (never citing a test the table hides), and the test in one line.
 * - single choice: frequencies, or a cross-tab with chi-square / Fisher (Rao-Scott when weighted);
 *   `compare: "columns"` adds column-proportion letters;
 * - a Likert question by a breakdown: one diverging row per group (`likertSummary` with `by`; a hidden cell is
 *   marked, the rest of its row kept) and the cross-tab's test;
 * - tick-all-that-apply: a multiple-response table; with `by`, one test per option adjusted as one family
 *   (Holm); `option` for one option as yes/no; `pairs: true` for options ticked together;
 * - `strata`: the breakdown within each stratum and the Cochran-Mantel-Haenszel test; with `weight`, a Rao-Scott
 *   test per stratum (Holm family) and the pooled design-based Wald F test (R's regTermTest(svyglm(...)), a
 *   two-level question only);
 * - numeric: summaries by group (small groups suppressed), a box chart and Mann-Whitney / Kruskal-Wallis /
 *   Spearman;
 * - `weight`: a weight column of `table` (from `rake`/`postStratify`) for frequencies, cross-tabs,
 *   multi-selects, strata, Likert questions and numeric questions (weighted means and quartiles, the design-based
 *   Kruskal-Wallis test as R's svyranktest).
 * Narrow the answer on `kind` (or `isOptionsAnswer`, ...) to use its typed `table`; every `table` shows with
 * `showTable` and exports with `toCsv` / `toXlsx`.
 * @example
 * const a = ask("link-worker", "knowledge_of_provision", { by: "trained" });
 * showTable(a.table); await show(a.figure); console.log(a.testLine);
 * ask("link-worker", "refer_to", { by: "trained", option: "Sports clubs" }).testLine;
 * ask("link-worker", "weekly_minutes", { by: "ap_area" }).table.toString();
 * ask("link-worker", "confidence_taking_part", { by: "ap_area" }).figure; // a diverging row per area
 */
export function ask(survey: SurveyId, question: string, options: AskOptions = {}): Answer {
  const loaded = options.table
    ? { table: options.table, source: options.synthetic ? "synthetic" : "given", area: null }
    : loadSurvey(survey, options.area ? { area: options.area } : {});
  const t = loaded.table;
  const by = options.by || null;
  const weight = options.weight || null;
  const known = () => t.columnNames().filter((n) => !n.startsWith("_") && !n.endsWith("_other"));
  for (const c of [question, by, options.strata || null]) {
    if (c !== null && !t.column(c)) throw unknownName("ask", "column", c, known(), `the ${survey} survey`);
  }
  if (weight !== null && !t.column(weight))
    throw new UsageError(
      "ask",
      `no weight column "${weight}" in the table; weight it first (rake, postStratify) and pass { table }`,
    );
  if (question === by) throw new UsageError("ask", `question and breakdown are both "${question}"`);
  const adjust = options.adjust ?? "holm";
  if (!["holm", "BH", "bonferroni"].includes(adjust))
    throw badOption("ask", "adjust", adjust, ["holm", "BH", "bonferroni"]);
  const synthetic = loaded.source === "synthetic";
  const note = synthetic
    ? "Synthetic respondent data calibrated to the published report; not survey results."
    : loaded.source === "given"
      ? "Computed from the table passed to ask()."
      : "Computed from a local survey export.";
  const where = loaded.area ?? "North West";
  const p: Parts = {
    t,
    survey,
    question,
    by,
    weight,
    note,
    text: questionText(survey, question),
    where,
    suppress: options.suppress ?? 5,
  };
  const kind = columnKind(t, question, survey);
  if (by && columnKind(t, by, survey) !== "categorical")
    throw new UsageError(
      "ask",
      `breakdown "${by}" must be a categorical column (single choice, flag or band)`,
    );
  if ((options.option !== undefined || options.pairs) && kind !== "multi")
    throw new UsageError(
      "ask",
      `${options.pairs ? "pairs" : "option"} needs a tick-all-that-apply question; "${question}" is ${kind === "numeric" ? "numeric" : "single choice"}`,
    );
  if (options.compare !== undefined && (kind !== "categorical" || !by || options.strata))
    throw new UsageError("ask", `compare: "columns" needs a single-choice question and a breakdown (by)`);
  const common = { question, by, area: loaded.area, synthetic, weight, data: t };
  if (options.strata) {
    if (kind !== "categorical")
      throw new UsageError(
        "ask",
        `strata needs a single-choice question; "${question}" is ${kind === "multi" ? "tick-all-that-apply (use option)" : "numeric (use a band)"}`,
      );
    return { ...common, ...askStrata(p, options.strata) };
  }
  if (kind === "numeric") {
    const ordinal =
      options.ordinal ??
      (by !== null && codebook(survey).questions.find((q) => q.id === by)?.type === "likert");
    return {
      ...common,
      ...askNumeric(p, { ordinal, ordinalAsked: options.ordinal === true, unit: unitOf(survey, question) }),
    };
  }
  if (kind === "multi") {
    if (options.pairs) return { ...common, ...askPairs(p) };
    if (options.option !== undefined) return { ...common, ...askOption(p, options.option, adjust) };
    return by ? { ...common, ...askOptions(p, by, adjust) } : { ...common, ...askMulti(p) };
  }
  const likert = codebook(survey).questions.find((q) => q.id === question)?.type === "likert";
  if (likert && by && options.compare === undefined) return { ...common, ...askLikert(p, by) };
  if (options.compare !== undefined && adjust === "BH")
    throw badOption("ask", "adjust", adjust, ["holm", "bonferroni"]);
  return { ...common, ...askCategorical(p, options.compare, adjust === "BH" ? "holm" : adjust) };
}

function questionText(survey: SurveyId, column: string): string {
  const q = codebook(survey).questions.find((x) => x.id === column || column.startsWith(`${x.id}__`));
  if (!q) return column;
  const item = q.items?.find((i) => column === `${q.id}__${i.code}`);
  return item ? `${q.text} ${item.label}` : q.text;
}

function unitOf(survey: SurveyId, column: string): string | null {
  const q = codebook(survey).questions.find((x) => x.id === column);
  return q?.range?.unit ?? (column === "weekly_minutes" ? "moderate-equivalent minutes a week" : null);
}

function columnKind(t: ColumnTable, column: string, survey: SurveyId): "multi" | "categorical" | "numeric" {
  const q = codebook(survey).questions.find((x) => x.id === column);
  if (q?.type === "multi") return "multi";
  if (q?.type === "text")
    throw new UsageError("ask", `"${column}" is free text; tabulate a coded question instead`);
  const first = (t.array(column) as unknown as unknown[]).find((v) => v !== null && v !== undefined);
  if (Array.isArray(first)) return "multi";
  if (isNumericColumn(t, column)) return "numeric";
  return "categorical";
}

type Built<A> = Omit<A, "question" | "by" | "area" | "synthetic" | "data" | "weight">;

function askCategorical(
  p: Parts,
  compare: "columns" | undefined,
  adjust: "holm" | "bonferroni",
): Built<FrequenciesAnswer> | Built<CrosstabAnswer> {
  const w = p.weight ? { weight: p.weight } : {};
  if (!p.by) {
    const f = frequencies(p.t, p.question, {
      ...w,
      suppress: p.suppress,
      caption: `${p.text} (${p.where}${weightedBy(p)})`,
      notes: [p.note],
    });
    const top = [...fromFrequencies(f)].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
    const title =
      top?.value == null
        ? `${p.question}: no shares to show`
        : `"${top.label}" is the most common answer (${pct(top.value)})`;
    return {
      kind: "frequencies",
      table: f,
      figure: chart(f, {
        title,
        note: p.note,
        base: `n = ${f.base} answering${weightedBy(p)}`,
        axisTitle: "% of respondents",
      }),
      test: null,
      testLine: "No test: no breakdown was asked for.",
    };
  }
  // Without letters: groups in rows and row percentages, as before (the exact r x c test is faster in this
  // orientation). Letters compare column percentages, so the groups become the columns.
  const x = compare
    ? crosstab(p.t, p.question, {
        ...w,
        by: p.by,
        percent: "column",
        test: "auto",
        compare,
        adjust,
        suppress: p.suppress,
        caption: `${p.text}, by ${p.by} (column %; ${p.where}${weightedBy(p)})`,
        notes: [p.note],
      })
    : crosstab(p.t, p.by, {
        ...w,
        by: p.question,
        percent: "row",
        test: "auto",
        suppress: p.suppress,
        caption: `${p.text}, by ${p.by} (row %; ${p.where}${weightedBy(p)})`,
        notes: [p.note],
      });
  const test = x.test;
  const hidden = x.suppression.any && hasTest(test);
  const name = hasTest(test)
    ? test.method === "fisher"
      ? /monte carlo/i.test(test.label)
        ? "Fisher, Monte Carlo"
        : "Fisher"
      : test.method === "rao-scott"
        ? "Rao-Scott"
        : "chi-square"
    : "";
  // A test on a table that hides cells keeps its verdict and hides its numbers (src/disclosure/README.md).
  const verdict = hidden
    ? `${test.p < 0.05 ? "differs" : "shows no detectable difference"} by ${p.by} (test figures hidden: small cells)`
    : !hasTest(test)
      ? `by ${p.by}: no test (${test?.reason ?? "none"})`
      : test.p < 0.05
        ? `differs by ${p.by} (${name} ${formatP(test.p)}, V = ${test.cramersV.toFixed(2)})`
        : `shows no detectable difference by ${p.by} (${formatP(test.p)})`;
  const figure = chart(x, {
    title: `${p.question} ${verdict}`,
    note: p.note,
    base: `n = ${x.base} answering both${weightedBy(p)}`,
    axisTitle: "% of each group",
  });
  const testLine = formatTest(test, { weighted: !!p.weight, hidden });
  return { kind: "crosstab", table: x, figure, test, testLine };
}
