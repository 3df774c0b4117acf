import type { ColumnTable } from "arquero";
import { UsageError } from "../errors/usage-error.js";
import { readGroups } from "../multi-select/read.js";
import { adjustFamily } from "../stats/adjust-p.js";
import { raoScottTest, type RaoScottResult } from "../stats/rao-scott.js";
import { surveyLogisticWald, type SurveyWaldResult } from "../stats/survey-logistic.js";
import { thresholdOf } from "../tabulate/suppress.js";
import { publishStrata, suppressTable, type StratumTable } from "./stratified.js";

/** Options of {@link weightedStratified}. */
export interface WeightedStratifiedOptions {
  /** Disclosure threshold on unweighted counts (default 5; 0 or false turns it off). */
  suppress?: number | false;
  /**
   * The pooled test (default true). It needs a two-level outcome; with more levels, pass false to keep only
   * the per-stratum tests, or collapse the outcome to two levels first.
   */
  pooled?: boolean;
}

/** One stratum's weighted table: unweighted counts and disclosure status as {@link StratumTable}, plus weights. */
export interface WeightedStratumTable extends StratumTable {
  /** Sum of weights per cell, rows x columns. */
  readonly weighted: number[][];
  /** Sum of squared weights per cell (for design-based intervals of the shares). */
  readonly squares: number[][];
  /** The stratum's Rao-Scott F test (svychisq on its own respondents), or null (see `testReason`). */
  readonly test: RaoScottResult | null;
  readonly testReason: string | null;
  /** The test's p-value Holm-adjusted across the strata's tests (null without a test). */
  readonly adjustedP: number | null;
}

/** The pooled design-based test of the breakdown given the strata, with what entered it. */
export interface WeightedPooledTest extends SurveyWaldResult {
  readonly method: "svyglm-wald";
  /** Strata that entered on their own (tables shown in full). */
  readonly strataUsed: string[];
  /** Hidden strata that entered as one combined stratum (empty when none). */
  readonly merged: string[];
  /** Strata left out: hidden strata whose combined table still has a small count, or strata with n < 2. */
  readonly leftOut: string[];
}

/** One weighted table per stratum with its Rao-Scott test, the Holm family, and the pooled test. */
export interface WeightedStratifiedResult {
  readonly row: string;
  readonly col: string;
  readonly strata: string;
  readonly weight: string;
  readonly rowLevels: string[];
  readonly colLevels: string[];
  readonly tables: WeightedStratumTable[];
  readonly threshold: number;
  /** Footnote naming the family the per-stratum p-values were adjusted in. */
  readonly familyNote: string;
  /** null when there is no pooled test (the reason says why). */
  readonly pooled: WeightedPooledTest | null;
  readonly reason: string;
  /** Respondents left out because row, column, stratum or weight was missing. */
  readonly missing: number;
}

/**
 * A weighted cross-tab of `row` by `col` within each level of `strata`: every stratum's table suppressed on
 * its own UNWEIGHTED counts (as {@link stratified}, and as the weighted cross-tab), each with its Rao-Scott F
 * test (R's `svychisq` on that stratum's respondents), the per-stratum p-values Holm-adjusted together as one
 * family, and the pooled test of `row` given the strata: R's
 * `regTermTest(svyglm(col ~ strata + row, svydesign(ids = ~1, weights = ~w), family = quasibinomial()), ~row)`,
 * a design-based Wald F test (see {@link surveyLogisticWald}). The pooled test needs a two-level `col`.
 *
 * Hidden strata follow the rule of {@link stratified}: the pooled test never uses numbers that a hidden
 * stratum would reveal. Hidden strata enter the model as ONE combined stratum (one stratum term for all of
 * them), and only when their combined unweighted table has no count of 1 to threshold-1; otherwise they are
 * left out. Displays keep only the verdict of the pooled test when any stratum hides cells.
 * @example
 * const s = weightedStratified(lw, "trained", "knows_guideline", "ap_area", "w");
 * s.tables.map((t) => [t.stratum, t.test?.p, t.adjustedP]); s.pooled?.p; s.familyNote;
 */
export function weightedStratified(
  table: ColumnTable,
  row: string,
  col: string,
  strata: string,
  weight: string,
  options: WeightedStratifiedOptions = {},
): WeightedStratifiedResult {
  const fn = "weightedStratified";
  const R = readGroups(fn, table, row);
  const C = readGroups(fn, table, col);
  const S = readGroups(fn, table, strata);
  if (!table.columnNames().includes(weight))
    throw new UsageError(
      fn,
      `no weight column "${weight}" in the table (columns: ${table.columnNames().join(", ")})`,
    );
  const W = Array.from(table.array(weight) as ArrayLike<unknown>);
  const threshold = thresholdOf(options.suppress, fn);
  const ri = new Map(R.levels.map((l, i) => [l, i]));
  const ci = new Map(C.levels.map((l, i) => [l, i]));
  const si = new Map(S.levels.map((l, i) => [l, i]));
  // Complete cases per stratum: row code, column code, weight.
  const people = S.levels.map(() => ({ r: [] as number[], c: [] as number[], w: [] as number[] }));
  let missing = 0;
  R.labels.forEach((r, k) => {
    const c = C.labels[k];
    const s = S.labels[k];
    const w = W[k];
    if (r === null || c === null || c === undefined || s === null || s === undefined || w == null)
      return void missing++;
    if (typeof w !== "number" || !(w >= 0) || w === Infinity)
      throw new UsageError(
        fn,
        `weight column "${weight}" has invalid weight ${JSON.stringify(w)} at row ${k} (weights must be finite numbers >= 0)`,
      );
    const g = people[si.get(s)!]!;
    g.r.push(ri.get(r)!);
    g.c.push(ci.get(c)!);
    g.w.push(w);
  });
  const grid = () => R.levels.map(() => new Array<number>(C.levels.length).fill(0));
  // Unweighted counts decide suppression, per stratum and then through the run's ledger (as unweighted strata).
  const unweighted = people.map((g) => {
    const counts = grid();
    g.r.forEach((r, i) => counts[r]![g.c[i]!]!++);
    return counts;
  });
  const own = publishStrata(
    table,
    { row, col, strata },
    [R.levels, C.levels, S.levels],
    unweighted,
    unweighted.map((c) => suppressTable(c, threshold)),
    threshold,
  );
  const built = S.levels.map((stratum, k) => {
    const g = people[k]!;
    const counts = grid();
    const weighted = grid();
    const squares = grid();
    g.r.forEach((r, i) => {
      counts[r]![g.c[i]!]!++;
      weighted[r]![g.c[i]!]! += g.w[i]!;
      squares[r]![g.c[i]!]! += g.w[i]! * g.w[i]!;
    });
    const status = own[k]!;
    let test: RaoScottResult | null = null;
    let testReason: string | null = null;
    try {
      test = raoScottTest(g.r, g.c, g.w);
    } catch (error) {
      testReason = (error instanceof Error ? error.message : String(error)).replace(/^raoScottTest: /, "");
    }
    return {
      stratum,
      counts,
      weighted,
      squares,
      status: status.cells,
      hidden: status.any,
      n: g.r.length,
      test,
      testReason,
    };
  });
  const family = adjustFamily(
    `${row} vs ${col} within each ${strata}`,
    built.map((t) => ({ p: t.test ? t.test.p : null })),
  );
  const tables: WeightedStratumTable[] = built.map((t, k) => ({
    ...t,
    adjustedP: family.tests[k]!.adjustedP,
  }));
  const base = {
    row,
    col,
    strata,
    weight,
    rowLevels: R.levels,
    colLevels: C.levels,
    tables,
    threshold,
    familyNote: family.note,
    missing,
  };
  if (options.pooled === false) return { ...base, pooled: null, reason: "no pooled test (not asked for)" };
  const present = C.levels.filter((_, j) => tables.some((t) => t.counts.some((r) => r[j]! > 0)));
  if (present.length > 2)
    throw new UsageError(
      fn,
      `the pooled weighted test needs a two-level outcome and "${col}" has ${present.length} (${present.join(", ")}); collapse "${col}" to two levels, or keep only the per-stratum Rao-Scott tests with { pooled: false }`,
    );
  if (present.length < 2)
    return {
      ...base,
      pooled: null,
      reason: `no pooled test: every respondent gives the same answer to ${col}`,
    };

  // Which strata enter (the rule of `stratified`): shown strata on their own, hidden strata as one combined
  // stratum when its unweighted table is publishable, strata with fewer than 2 respondents left out.
  const usable = tables.filter((t) => t.n >= 2);
  const shown = usable.filter((t) => !t.hidden);
  const hidden = usable.filter((t) => t.hidden);
  let leftOut = tables.filter((t) => t.n > 0 && t.n < 2).map((t) => t.stratum);
  let merged: string[] = [];
  const groups: string[][] = shown.map((t) => [t.stratum]);
  if (hidden.length) {
    const combined = grid();
    hidden.forEach((t) => t.counts.forEach((r, i) => r.forEach((v, j) => (combined[i]![j]! += v))));
    if (suppressTable(combined, threshold).any) leftOut = leftOut.concat(hidden.map((t) => t.stratum));
    else {
      merged = hidden.map((t) => t.stratum);
      groups.push(merged);
    }
  }
  if (groups.length === 0)
    return {
      ...base,
      pooled: null,
      reason: "no pooled test: every stratum is hidden by disclosure control or too small",
    };

  // Design matrix in R's treatment coding of col ~ strata + row: intercept, strata after the first, row
  // levels (present among the entering respondents) after the first. The outcome is 1 for the first level.
  const yes = C.levels.indexOf(present[0]!);
  const rowsIn = R.levels
    .map((_, i) => i)
    .filter((i) => groups.some((g) => g.some((s) => tables[si.get(s)!]!.counts[i]!.some((v) => v > 0))));
  if (rowsIn.length < 2)
    return {
      ...base,
      pooled: null,
      reason: `no pooled test: fewer than two groups of ${row} in the strata used`,
    };
  const x: number[][] = [];
  const y: number[] = [];
  const w: number[] = [];
  groups.forEach((g, gi) =>
    g.forEach((s) => {
      const p = people[si.get(s)!]!;
      p.r.forEach((r, i) => {
        const strataDummies = groups.slice(1).map((_, j) => (gi === j + 1 ? 1 : 0));
        const rowDummies = rowsIn.slice(1).map((ri2) => (r === ri2 ? 1 : 0));
        x.push([1, ...strataDummies, ...rowDummies]);
        y.push(p.c[i] === yes ? 1 : 0);
        w.push(p.w[i]!);
      });
    }),
  );
  const tested = rowsIn.slice(1).map((_, j) => groups.length + j);
  let fit: SurveyWaldResult;
  try {
    fit = surveyLogisticWald(x, y, w, tested);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /^surveyLogisticWald: /,
      "",
    );
    return { ...base, pooled: null, reason: `no pooled test: ${message}` };
  }
  const pooled: WeightedPooledTest = {
    ...fit,
    method: "svyglm-wald",
    strataUsed: shown.map((t) => t.stratum),
    merged,
    leftOut,
  };
  const parts = [`${shown.length} stratum table(s) shown in full`];
  if (merged.length) parts.push(`${merged.length} hidden strata combined into one (${merged.join(", ")})`);
  if (leftOut.length) parts.push(`left out: ${leftOut.join(", ")} (hidden or fewer than 2 respondents)`);
  return {
    ...base,
    pooled,
    reason: `Design-based Wald F test of ${row} given ${strata} (quasi-binomial survey GLM) over ${parts.join("; ")}`,
  };
}
