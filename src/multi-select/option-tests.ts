import type { ColumnTable } from "arquero";
import { chiSquareTest } from "../stats/chi-square-test.js";
import { fisherExact } from "../stats/fisher-exact.js";
import type { Display } from "../tabulate/display.js";
import {
  HIDDEN_MARK,
  hiddenMark,
  suppressCells,
  thresholdOf,
  type CellStatus,
} from "../tabulate/suppress.js";
import { readGroups, readMulti } from "./read.js";
import { NO_ANSWER, publishTable } from "../tabulate/publish.js";
import { toSource } from "../tabulate/source.js";
import { adjustFamily, type AdjustMethod } from "../stats/adjust-p.js";

/** Options of {@link optionTests}. */
export interface OptionTestsOptions {
  /** Disclosure threshold (default 5; 0 or false turns it off). */
  suppress?: number | false;
  /** "auto" (default): Fisher's exact test when an expected count is below 5, else chi-square (Yates for 2 groups). */
  test?: "auto" | "chisq" | "fisher";
}

/** One option of a tick-all-that-apply question tested against the groups: chose it vs did not. */
export interface OptionTest {
  readonly option: string;
  /** Respondents (who answered the question) in each group who ticked / did not tick the option. */
  readonly chosen: number[];
  readonly notChosen: number[];
  /** Disclosure status of each count, by group. */
  readonly chosenStatus: CellStatus[];
  readonly notChosenStatus: CellStatus[];
  readonly method: "chisq" | "fisher" | null;
  readonly statistic: number | null;
  readonly df: number | null;
  /** The raw (unadjusted) p-value; adjust it with the rest of its `family` before quoting it. */
  readonly p: number | null;
  /** "shown"; "hidden" when a count of this option's table is suppressed (the test could reveal it); "none"
   * when no test is possible (fewer than 2 non-empty groups, or everyone or no one ticked it). */
  readonly status: "shown" | "hidden" | "none";
  readonly reason: string;
  /** The family the p-value belongs to, for a multiple-comparison adjustment (Holm/BH) across options. */
  readonly family: string;
}

/** Per-option tests of a tick-all-that-apply question by a breakdown. */
export interface OptionTestsResult {
  readonly question: string;
  readonly by: string;
  readonly family: string;
  readonly groups: string[];
  /** Respondents who answered the question, per group (unweighted), and their disclosure status. */
  readonly bases: number[];
  readonly baseStatus: CellStatus[];
  readonly threshold: number;
  readonly tests: OptionTest[];
  /** Rows left out: question unanswered, or the breakdown missing. */
  readonly missing: { readonly question: number; readonly by: number };
  /** Their statuses in the note: hidden when the run's ledger hides them (1-4, or they would give a count back). */
  readonly missingStatus: { readonly question: CellStatus; readonly by: CellStatus };
}

/**
 * Tests each option of a tick-all-that-apply question against a breakdown: for every option, the 2 x groups
 * table of "ticked" / "did not tick" among respondents who answered, with Fisher's exact test when an
 * expected count is below 5 and chi-square otherwise (scipy's `chi2_contingency` with Yates for 2 groups). The
 * p-values are raw: they form one family (`family`, one per question and breakdown) to be adjusted together
 * (Holm by default in this project) before any is quoted. A test whose table has a suppressed count is
 * computed but marked `status: "hidden"` (showing it could reveal the count); its p-value still belongs to
 * the family, so an adjustment must include it.
 * @example
 * const t = optionTests(lw, "refer_to", "trained");
 * t.tests.find((o) => o.option === "Sports clubs"); // { chosen: [..], notChosen: [..], method: "chisq", p: 0.03, status: "shown", ... }
 */
export function optionTests(
  table: ColumnTable,
  question: string,
  by: string,
  options: OptionTestsOptions = {},
): OptionTestsResult {
  const fn = "optionTests";
  const multi = readMulti(fn, table, question);
  const groups = readGroups(fn, table, by);
  const threshold = thresholdOf(options.suppress, fn);
  const test = options.test ?? "auto";
  if (!["auto", "chisq", "fisher"].includes(test))
    throw new Error(`${fn}: option test must be "auto", "chisq" or "fisher", got ${String(test)}`);
  const g = groups.levels.length;
  const index = new Map(groups.levels.map((l, k) => [l, k]));
  const bases = new Array<number>(g).fill(0);
  const chosen = multi.levels.map(() => new Array<number>(g).fill(0));
  const optionIndex = new Map(multi.levels.map((l, k) => [l, k]));
  let missingQuestion = 0;
  let missingBy = 0;
  multi.rows.forEach((row, i) => {
    if (row === null) return void missingQuestion++;
    const label = groups.labels[i];
    if (label === null || label === undefined) return void missingBy++;
    const k = index.get(label)!;
    bases[k]!++;
    for (const o of new Set(row)) chosen[optionIndex.get(o)!]![k]!++;
  });
  const family = `${question} by ${by}`;
  const baseStatus: CellStatus[] = bases.map(() => "shown");
  const tests = multi.levels.map((option, o) => {
    const { result, bases: seen } = testOption(option, chosen[o]!, bases, threshold, test, family);
    // One pattern for the shared bases row: hidden if any option's table had to hide it.
    seen.forEach((s, k) => {
      if (s !== "shown" && baseStatus[k] !== "primary") baseStatus[k] = s;
    });
    return result;
  });
  const missing = { question: missingQuestion, by: missingBy };
  const ledger = publishOptions(
    table,
    question,
    by,
    groups.levels,
    bases,
    baseStatus,
    tests,
    missing,
    threshold,
  );
  return {
    question,
    by,
    family,
    groups: groups.levels,
    bases,
    baseStatus: ledger.baseStatus,
    threshold,
    tests: ledger.tests,
    missing,
    missingStatus: ledger.missingStatus,
  };
}

// The run's ledger, as multiResponse publishes the same question: each option is its own yes/no variable
// ("<question>: <option>", chosen / not chosen) published as its own output (options overlap, and one check over
// every option would span 3^options joint categories): its ticked and not-ticked counts per group (the share
// printed beside a count gives the other) and the respondents base per group, plus the two missing counts
// printed in the note (shown as "[c]" when the ledger hides them). A count the ledger hides is hidden, a base hidden for one option is hidden for all, and
// a test whose table then has a hidden count keeps only its verdict ("hidden", as under the table's own rule).
function publishOptions(
  table: ColumnTable,
  question: string,
  by: string,
  groups: readonly string[],
  bases: readonly number[],
  baseStatus: readonly CellStatus[],
  tests: readonly OptionTest[],
  missing: { readonly question: number; readonly by: number },
  threshold: number,
): {
  tests: OptionTest[];
  baseStatus: CellStatus[];
  missingStatus: { question: CellStatus; by: CellStatus };
} {
  const chosenOrNot = ["chosen", "not chosen"];
  const source = toSource(table, "optionTests");
  const finalBase = [...baseStatus];
  const missingStatus: { question: CellStatus; by: CellStatus } = { question: "shown", by: "shown" };
  const published = tests.map((t) => {
    const v = `${question}: ${t.option}`;
    const at = (k: number) => ({ [by]: [groups[k]!] });
    const out = publishTable({
      source,
      label: `optionTests ${question} by ${by}: ${t.option}`,
      threshold,
      variables: { [v]: chosenOrNot, [by]: groups },
      cells: [
        ...groups.map((_, k) => ({
          where: { [v]: ["chosen"], ...at(k) },
          count: t.chosen[k]!,
          status: t.chosenStatus[k]!,
        })),
        ...groups.map((_, k) => ({
          where: { [v]: ["not chosen"], ...at(k) },
          count: t.notChosen[k]!,
          status: t.notChosenStatus[k]!,
        })),
        ...groups.map((_, k) => ({
          where: { [v]: chosenOrNot, ...at(k) },
          count: bases[k]!,
          status: baseStatus[k]!,
        })),
        { where: { [v]: [NO_ANSWER] }, count: missing.question, status: "shown" as const },
        { where: { [v]: chosenOrNot, [by]: [NO_ANSWER] }, count: missing.by, status: "shown" as const },
      ],
    });
    const g = groups.length;
    if (out[3 * g] !== "shown") missingStatus.question = out[3 * g]!;
    if (out[3 * g + 1] !== "shown") missingStatus.by = out[3 * g + 1]!;
    out.slice(2 * g, 3 * g).forEach((st, k) => {
      if (st !== "shown" && finalBase[k] === "shown") finalBase[k] = st;
    });
    return { chosen: out.slice(0, g), notChosen: out.slice(g, 2 * g) };
  });
  const anyBaseHidden = finalBase.some((st) => st !== "shown");
  const result = tests.map((t, o) => {
    const { chosen, notChosen } = published[o]!;
    const changed = [...chosen, ...notChosen].some((st) => st !== "shown") || anyBaseHidden;
    if (t.status !== "shown" || !changed) return { ...t, chosenStatus: chosen, notChosenStatus: notChosen };
    return {
      ...t,
      chosenStatus: chosen,
      notChosenStatus: notChosen,
      status: "hidden" as const,
      reason: `${t.reason}; not shown: it could reveal suppressed counts`,
    };
  });
  return { tests: result, baseStatus: finalBase, missingStatus };
}

function testOption(
  option: string,
  chosen: number[],
  bases: number[],
  threshold: number,
  test: "auto" | "chisq" | "fisher",
  family: string,
): { result: OptionTest; bases: CellStatus[] } {
  const g = bases.length;
  const notChosen = chosen.map((c, k) => bases[k]! - c);
  // The grid: ticked row, not-ticked row, the bases row; columns are the groups plus a total. Every row and
  // column is an additive relation, as in a cross-tab, so a hidden count cannot be recovered by subtraction.
  const w = g + 1;
  const rows = [chosen, notChosen, bases].map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const values = rows.flat();
  const lines = [
    ...[0, 1, 2].map((i) => Array.from({ length: w }, (_, j) => i * w + j)),
    ...Array.from({ length: w }, (_, j) => [j, w + j, 2 * w + j]),
  ];
  const status = suppressCells(
    values,
    lines,
    threshold,
    (cell) => (cell >= 2 * w ? 1 : 0) + (cell % w === g ? 1 : 0),
  );
  const chosenStatus = status.slice(0, g);
  const notChosenStatus = status.slice(w, w + g);
  const baseStatus = status.slice(2 * w, 2 * w + g);
  const base = { option, chosen, notChosen, chosenStatus, notChosenStatus, family };
  const used = bases.map((b, k) => k).filter((k) => bases[k]! > 0);
  const counts = [used.map((k) => chosen[k]!), used.map((k) => notChosen[k]!)];
  if (used.length < 2 || counts.some((r) => r.every((v) => v === 0))) {
    const reason =
      used.length < 2
        ? "no test: fewer than 2 groups with respondents"
        : "no test: everyone or no one ticked it";
    return {
      result: { ...base, method: null, statistic: null, df: null, p: null, status: "none", reason },
      bases: baseStatus,
    };
  }
  const chi = chiSquareTest(counts);
  const minExpected = Math.min(...chi.expected.flat());
  const fisher = test === "fisher" || (test === "auto" && minExpected < 5);
  const p = fisher ? fisherExact(counts).p : chi.p;
  const hidden = status.some((s) => s !== "shown");
  const why = fisher
    ? `Fisher's exact test (smallest expected count ${minExpected.toFixed(2)})`
    : `chi-square test (smallest expected count ${minExpected.toFixed(2)})`;
  const result: OptionTest = {
    ...base,
    method: fisher ? "fisher" : "chisq",
    statistic: chi.statistic,
    df: chi.df,
    p,
    status: hidden ? "hidden" : "shown",
    reason: hidden ? `${why}; not shown: it could reveal suppressed counts` : why,
  };
  return { result, bases: baseStatus };
}

/** Options of {@link optionTestsDisplay}. */
export interface OptionTestsDisplayOptions {
  /** Add a column of p-values adjusted across the family (e.g. "holm"), for a claim that rests on several. */
  adjust?: AdjustMethod;
}

/**
 * The per-option tests as a table to show or export: one row per option, the ticked count and share per group
 * ("<5" and "[c]" where suppressed), the test and its raw p-value ("hidden" where suppressed). With `adjust`,
 * a last column holds each p-value adjusted across the whole family (hidden tests stay in the family, as their
 * p-values count in it, but their adjusted value is not shown either) and a note names the family.
 * @example
 * showTable(optionTestsDisplay(optionTests(lw, "refer_to", "trained"), "Referral destinations by training", { adjust: "holm" }));
 */
export function optionTestsDisplay(
  r: OptionTestsResult,
  caption?: string,
  options: OptionTestsDisplayOptions = {},
): Display {
  // One mark for every hidden count (see hiddenMark): "<5" beside "[c]" would tell which side is small.
  const mark = hiddenMark;
  const family = options.adjust ? adjustFamily(r.family, r.tests, options.adjust) : null;
  const body = r.tests.map((t, i) => [
    t.option,
    ...r.groups.map((_, k) => {
      const m = mark(t.chosenStatus[k]!);
      if (m) return m;
      const share =
        r.bases[k]! > 0 && r.baseStatus[k] === "shown" && t.notChosenStatus[k] === "shown"
          ? ` (${((100 * t.chosen[k]!) / r.bases[k]!).toFixed(1)}%)`
          : "";
      return `${t.chosen[k]}${share}`;
    }),
    t.status === "shown"
      ? t.method === "fisher"
        ? "Fisher"
        : "Chi-square"
      : t.status === "hidden"
        ? "hidden"
        : "–",
    t.status === "shown" ? formatP(t.p!) : "–",
    ...(family ? [t.status === "shown" ? formatP(family.tests[i]!.adjustedP!) : "–"] : []),
  ]);
  const blanks = family ? ["", "", ""] : ["", ""];
  const foot = [
    ["Respondents (base)", ...r.bases.map((b, k) => mark(r.baseStatus[k]!) ?? String(b)), ...blanks],
  ];
  const notes = [
    `Cells: respondents who ticked the option (percentage of those in the group who answered). One test per option: ticked vs not, across ${r.by}.`,
    family
      ? `${family.note} Quote the adjusted p for a claim resting on these tests.`
      : `p-values are unadjusted; the ${r.tests.length} tests form one family ("${r.family}") and need a multiple-comparison adjustment (Holm) before a claim is made.`,
    `Not tabulated: ${mark(r.missingStatus.question) ?? r.missing.question} did not answer the question; ${mark(r.missingStatus.by) ?? r.missing.by} had no answer for ${r.by}.`,
  ];
  if (r.threshold > 0)
    notes.push(
      `Disclosure control: counts of 1-${r.threshold - 1}, and counts hidden so that they cannot be recovered by subtraction, are shown as "${HIDDEN_MARK}"; a test on a table with hidden counts is not shown.`,
    );
  const adjustedHead = family ? [`p (${family.method === "holm" ? "Holm" : family.method}-adjusted)`] : [];
  return {
    caption: caption ?? `${r.question}: each option by ${r.by}`,
    head: [`${r.question} \\ ${r.by}`, ...r.groups, "Test", "p (unadjusted)", ...adjustedHead],
    body,
    foot,
    notes,
  };
}

function formatP(p: number): string {
  return p < 0.001 ? "<0.001" : p.toFixed(3);
}
