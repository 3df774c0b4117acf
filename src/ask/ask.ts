import type { ColumnTable } from "arquero";
import { codebook } from "../codebook/codebooks.js";
import type { SurveyId } from "../codebook/types.js";
import { chart } from "../figures/chart.js";
import { fromFrequencies, fromMultiResponse } from "../figures/from-tabulation.js";
import type { Figure } from "../figures/types.js";
import { loadSurvey } from "../survey/load-survey.js";
import { unknownName, UsageError } from "../errors/usage-error.js";
import type { AssociationTest, NoTest } from "../tabulate/association.js";
import { formatP, formatTest, hasTest } from "../tabulate/format.js";
import { crosstab, type CrosstabResult } from "../tabulate/crosstab.js";
import { frequencies, type FrequenciesResult } from "../tabulate/frequencies.js";
import { multiResponse, type MultiResponseResult } from "../tabulate/multi-response.js";

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
}

/** The answer to one question: its table, chart, test and the data it came from. */
export interface Answer {
  readonly question: string;
  readonly by: string | null;
  readonly area: string | null;
  readonly synthetic: boolean;
  readonly table: FrequenciesResult | CrosstabResult | MultiResponseResult;
  readonly figure: Figure;
  /** The association test of question by breakdown (crosstab's auto chi-square/Fisher), or why there is none. */
  readonly test: AssociationTest | NoTest | null;
  /** The test in one line ("chi-square p = 0.00464, Cramér's V = 0.19"), or why there is none. */
  readonly testLine: string;
  /** The survey's tidy table (after any area filter). */
  readonly data: ColumnTable;
}

/**
 * Answers one question of one survey, optionally by a breakdown and for one area: the right tabulation for the
 * column (frequencies, crosstab with a chi-square/Fisher test, or a multiple-response table), a chart titled by
 * its finding with the base in the subtitle, and the test. Numeric columns are refused (use a band).
 * @example
 * const a = ask("link-worker", "knowledge_of_provision", { by: "trained" });
 * showTable(a.table); await show(a.figure); a.test?.p;
 */
export function ask(survey: SurveyId, question: string, options: AskOptions = {}): Answer {
  const loaded = options.table
    ? { table: options.table, source: options.synthetic ? "synthetic" : "given", area: null }
    : loadSurvey(survey, options.area ? { area: options.area } : {});
  const t = loaded.table;
  const by = options.by || null;
  for (const c of [question, by]) {
    if (c !== null && !t.column(c)) {
      const known = t.columnNames().filter((n) => !n.startsWith("_") && !n.endsWith("_other"));
      throw unknownName("ask", "column", c, known, `the ${survey} survey`);
    }
  }
  if (question === by) throw new UsageError("ask", `question and breakdown are both "${question}"`);
  const synthetic = loaded.source === "synthetic";
  const note = synthetic
    ? "Synthetic respondent data calibrated to the published report; not survey results."
    : loaded.source === "given"
      ? "Computed from the table passed to ask()."
      : "Computed from a local survey export.";
  const text = questionText(survey, question);
  const where = loaded.area ?? "North West";
  const base = { t, question, by, note, text, where, suppress: options.suppress ?? 5 };
  const kind = columnKind(t, question, survey);
  if (by && columnKind(t, by, survey) !== "categorical")
    throw new UsageError(
      "ask",
      `breakdown "${by}" must be a categorical column (single choice, flag or band)`,
    );
  const answer = kind === "multi" ? askMulti(base) : askCategorical(base);
  // A test on a table that hides cells keeps its verdict and hides its numbers (src/disclosure/README.md).
  const hides = answer.table.suppression.any;
  return {
    question,
    by,
    area: loaded.area,
    synthetic,
    data: t,
    testLine: answer.test
      ? formatTest(answer.test, { hidden: hides })
      : "No test: no breakdown was asked for.",
    ...answer,
  };
}

interface Parts {
  t: ColumnTable;
  question: string;
  by: string | null;
  note: string;
  text: string;
  where: string;
  suppress: number;
}

function questionText(survey: SurveyId, column: string): string {
  const q = codebook(survey).questions.find((x) => x.id === column || column.startsWith(`${x.id}__`));
  if (!q) return column;
  const item = q.items?.find((i) => column === `${q.id}__${i.code}`);
  return item ? `${q.text} ${item.label}` : q.text;
}

function columnKind(t: ColumnTable, column: string, survey: SurveyId): "multi" | "categorical" {
  const q = codebook(survey).questions.find((x) => x.id === column);
  if (q?.type === "multi") return "multi";
  if (q?.type === "text")
    throw new UsageError("ask", `"${column}" is free text; tabulate a coded question instead`);
  const first = (t.array(column) as unknown as unknown[]).find((v) => v !== null && v !== undefined);
  if (Array.isArray(first)) return "multi";
  if (typeof first === "number")
    throw new UsageError(
      "ask",
      `"${column}" is numeric; break it into bands first (e.g. activity_band for weekly_minutes)`,
    );
  return "categorical";
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? "–" : `${v.toFixed(0)}%`);

function askMulti(p: Parts): Pick<Answer, "table" | "figure" | "test"> {
  const m = multiResponse(p.t, p.question, {
    by: p.by ?? undefined,
    suppress: p.suppress,
    caption: `${p.text} (% of respondents answering; ${p.where})`,
    notes: [p.note],
  });
  const allGroup = p.by ? "All" : m.colLevels[0]!;
  const all = fromMultiResponse(m, allGroup);
  const top = [...all].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
  const title =
    top?.value == null
      ? `${p.question}: no shares to show`
      : `"${top.label}" is chosen most often (${pct(top.value)})`;
  const base = p.by ? `n = ${m.base} answering, by ${p.by}` : `n = ${m.base} answering`;
  const figure = chart(m, { title, base, axisTitle: "% of respondents", note: p.note });
  const test: NoTest | null = p.by
    ? {
        method: null,
        reason: "multi-select question: test one option at a time with crosstab on a yes/no column",
      }
    : null;
  return { table: m, figure, test };
}

function askCategorical(p: Parts): Pick<Answer, "table" | "figure" | "test"> {
  if (!p.by) {
    const f = frequencies(p.t, p.question, {
      suppress: p.suppress,
      caption: `${p.text} (${p.where})`,
      notes: [p.note],
    });
    const data = fromFrequencies(f);
    const top = [...data].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
    const title =
      top?.value == null
        ? `${p.question}: no shares to show`
        : `"${top.label}" is the most common answer (${pct(top.value)})`;
    return {
      table: f,
      figure: chart(f, {
        title,
        note: p.note,
        base: `n = ${f.base} answering`,
        axisTitle: "% of respondents",
      }),
      test: null,
    };
  }
  // Groups in rows and row percentages, as before: the exact r x c test is much faster in this orientation.
  const x = crosstab(p.t, p.by, {
    by: p.question,
    percent: "row",
    test: "auto",
    suppress: p.suppress,
    caption: `${p.text}, by ${p.by} (row %; ${p.where})`,
    notes: [p.note],
  });
  const test = x.test;
  const verdict = !hasTest(test)
    ? `no test (${test?.reason ?? "none"})`
    : x.suppression.any
      ? `${test.p < 0.05 ? "differs" : "shows no detectable difference"} by ${p.by} (test figures hidden: small cells)`
      : test.p < 0.05
        ? `differs by ${p.by} (${test.label} ${formatP(test.p)}, V = ${test.cramersV.toFixed(2)})`
        : `shows no detectable difference by ${p.by} (${formatP(test.p)})`;
  const figure = chart(x, {
    title: `${p.question} ${verdict}`,
    note: p.note,
    base: `n = ${x.base} answering both`,
    axisTitle: "% of each group",
  });
  return { table: x, figure, test };
}
