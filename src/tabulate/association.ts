import {
  chiSquareTest,
  cramersV,
  fisherExact,
  raoScottFromCells,
  shareFromSums,
  wilson,
  type ShareSums,
  type WeightedCells,
} from "../stats/index.js";

/** Which association test to run: "auto" picks Fisher when an expected count is below 5. */
export type TestOption = "auto" | "chisq" | "fisher" | false;

/** The association test a cross-tab reports, with why it was chosen. */
export interface AssociationTest {
  /** "rao-scott" for weighted tables (design-based, as survey::svychisq), else chi-square or Fisher. */
  readonly method: "chisq" | "fisher" | "rao-scott";
  /** The test as a reader should see it named, e.g. "Rao-Scott F (second-order), mean design effect 1.84",
   * "Fisher's exact test" or "Fisher's test, Monte Carlo p (B = 100000, ...; MC SE 0.0012)". */
  readonly label: string;
  /** Why this test (or why the requested one was replaced). */
  readonly reason: string;
  /** Chi-square statistic (also reported beside Fisher, for reference); Rao-Scott: the corrected F. */
  readonly statistic: number;
  /** (r - 1)(c - 1); for Rao-Scott the F test's (non-integer) numerator and denominator df are in `fDf`. */
  readonly df: number;
  readonly fDf?: readonly [number, number];
  readonly p: number;
  /** Cramér's V: on the weighted table when weighted (`vOn` says which), else on the counts. */
  readonly cramersV: number;
  readonly vOn: "counts" | "weighted table";
  readonly minExpected: number;
  /** The counts the test used: unweighted (Rao-Scott: weighted sums), valid levels only, empty rows and
   * columns dropped. */
  readonly counts: number[][];
  /**
   * The table the test was computed from hides cells (src/disclosure/README.md): {@link formatTest} then prints
   * the verdict only, since the statistic and p-value could narrow a hidden count down.
   */
  readonly hidden?: boolean;
}

/** Why no test was run. */
export interface NoTest {
  readonly method: null;
  readonly reason: string;
}

/**
 * Runs the requested test on unweighted counts, or, when `weighted` cell sums are given, the design-based
 * Rao-Scott F test (svychisq's default) whatever the option, with Cramér's V on the weighted table. Empty rows
 * and columns are dropped first (their expected counts are zero, which no test allows); fewer than 2 x 2 left
 * means no test.
 */
export function associationTest(
  counts: number[][],
  option: TestOption,
  weighted?: WeightedCells,
): AssociationTest | NoTest | null {
  if (option === false) return null;
  const rows = counts.map((_, i) => i).filter((i) => counts[i]!.some((v) => v > 0));
  const cols = (counts[0] ?? []).map((_, j) => j).filter((j) => counts.some((r) => r[j]! > 0));
  if (rows.length < 2 || cols.length < 2) {
    return { method: null, reason: "no test: needs at least 2 non-empty rows and 2 non-empty columns" };
  }
  const m = rows.map((i) => cols.map((j) => counts[i]![j]!));
  const dropped = counts.length - rows.length + (counts[0]!.length - cols.length);
  const droppedNote = dropped ? `; ${dropped} empty row(s)/column(s) left out` : "";
  if (weighted) return raoScott(weighted, rows, cols, droppedNote);
  const chi = chiSquareTest(m);
  const minExpected = Math.min(...chi.expected.flat());
  const v = cramersV(m);
  const chisq = (reason: string): AssociationTest => ({
    method: "chisq",
    label: "Chi-square test",
    reason: reason + droppedNote,
    statistic: chi.statistic,
    df: chi.df,
    p: chi.p,
    cramersV: v,
    vOn: "counts",
    minExpected,
    counts: m,
  });
  const smallest = `smallest expected count ${minExpected.toFixed(2)}`;
  if (option === "chisq") return chisq(`requested; ${smallest}`);
  const wantFisher = option === "fisher" || minExpected < 5;
  if (!wantFisher) return chisq(`every expected count is at least 5 (${smallest})`);
  const why = option === "fisher" ? `requested; ${smallest}` : `${smallest} is below 5`;
  try {
    // "auto" mode: exact when the network fits the 2 s limit, else a seeded Monte Carlo p, named in `label`.
    const fisher = fisherExact(m);
    return { ...chisq(why), method: "fisher", label: fisher.method, p: fisher.p };
  } catch (error) {
    // An exact r x c test can be infeasible on large tables; say so rather than fail the whole tabulation.
    const message = error instanceof Error ? error.message : String(error);
    return chisq(`Fisher's exact test was indicated (${why}) but failed: ${message}`);
  }
}

function raoScott(
  cells: WeightedCells,
  rows: number[],
  cols: number[],
  droppedNote: string,
): AssociationTest {
  const sums = rows.map((i) => cols.map((j) => cells.sums[i]![j]!));
  const squares = rows.map((i) => cols.map((j) => cells.squares[i]![j]!));
  const t = raoScottFromCells({ sums, squares, n: cells.n });
  return {
    method: "rao-scott",
    label: t.method,
    reason:
      "weighted table: design-based test (survey::svychisq, ids = ~1), not the unweighted counts" +
      droppedNote,
    statistic: t.value,
    df: (t.rows - 1) * (t.columns - 1),
    fDf: [t.df[0]!, t.df[1]!],
    p: t.p,
    cramersV: cramersV(sums),
    vOn: "weighted table",
    minExpected: NaN,
    counts: sums,
  };
}

/** A Wilson interval on the 0-100 scale; n may be a (Kish) effective size. Null when the base is empty. */
export function wilsonPercent(successes: number, n: number): { lower: number; upper: number } | null {
  if (!(n > 0)) return null;
  const { lower, upper } = wilson(successes, n);
  return { lower: lower * 100, upper: upper * 100 };
}

/**
 * The interval of a weighted share on the 0-100 scale, as R's `svyciprop(~y, subset(design, domain),
 * method = "xlogit")` for `design = svydesign(ids = ~1, weights = ~w)` over the tabulated respondents (see
 * {@link shareFromSums}). Null when the domain is empty or the share is 0 or 100% (no logit interval, as R).
 */
export function surveySharePercent(sums: ShareSums): { lower: number; upper: number } | null {
  const { lower, upper } = shareFromSums(sums);
  return Number.isFinite(lower) && Number.isFinite(upper) ? { lower: lower * 100, upper: upper * 100 } : null;
}

/**
 * A top-box (or any collapsed) share's interval on the 0-100 scale: Wilson on the unweighted base `domainN`, or,
 * when the squared weights of the share's part and of its whole are given, R's svyciprop (xlogit) over a domain
 * of `domainN` respondents in a design of `designN` (see {@link surveySharePercent}).
 * @example
 * collapsedShareInterval(28, 32, null, 32, 32); // Wilson for 28 of 32
 */
export function collapsedShareInterval(
  count: number,
  total: number,
  squares: { part: number; whole: number } | null,
  domainN: number,
  designN: number,
): { lower: number; upper: number } | null {
  if (!(total > 0)) return null;
  if (!squares) return wilsonPercent((count / total) * domainN, domainN);
  return surveySharePercent({
    yesWeight: count,
    noWeight: total - count,
    yesSquares: squares.part,
    noSquares: squares.whole - squares.part,
    domainN,
    designN,
  });
}

/** Kish's effective sample size (sum w)^2 / sum w^2 of a base, or the count itself when unweighted. */
export function effectiveN(sumWeights: number, sumSquares: number | null, count: number): number {
  if (sumSquares === null) return count;
  return sumSquares > 0 ? (sumWeights * sumWeights) / sumSquares : 0;
}
