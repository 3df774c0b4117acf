import { surveySharePercent, wilsonPercent } from "./association.js";
import type { Display } from "./display.js";
import { encodeColumn, type Codes } from "./encode.js";
import { encodeMulti, type EncodedMulti } from "./encode-multi.js";
import { ALL_LABEL } from "./labels.js";
import { oneOf, wantsCi, type CommonOptions } from "./options.js";
import { displayMulti } from "./render-multi-response.js";
import { columnOf, toSource, type Source, type TableInput } from "./source.js";
import { NO_ANSWER, publishTable } from "./publish.js";
import { suppressCells, thresholdOf, type CellStatus } from "./suppress.js";
import { Tabulation, type Suppression, type TabulationShape } from "./tabulation.js";
import { range, sum } from "./util.js";
import { weightsOf } from "./weights.js";

/** Options of {@link multiResponse}. */
export interface MultiResponseOptions extends CommonOptions {
  /** A categorical column to break the shares down by (one column of output per level). */
  by?: string;
  /** Percentages of respondents who answered (default; may sum past 100%) or of all options chosen. */
  base?: "respondents" | "responses";
  /** With `by`, add an "All" column summing the groups (default true). */
  margins?: boolean;
}

/** Disclosure status of a multiple-response table: the shared fields plus each column's base. */
export interface MultiResponseSuppression extends Suppression {
  /** Status of each column's base (respondents, or responses under the responses base). */
  readonly colBases: CellStatus[];
}

/** What a multiple-response table has beyond the shared shape. */
export interface MultiResponseInit extends TabulationShape {
  /** What the percentages are of: respondents who answered (may sum past 100%) or all options chosen. */
  readonly basis: "respondents" | "responses";
  /** Unweighted base of each column on `basis`. */
  readonly colBases: number[];
  /** Respondents who answered, per column (weighted when weighted), and unweighted. */
  readonly respondents: number[];
  readonly respondentsUnweighted: number[];
  /** Options chosen in all, per column (weighted when weighted), and unweighted. */
  readonly responses: number[];
  readonly responsesUnweighted: number[];
  /** Unanswered (null) rows, and rows whose `by` answer is missing (unweighted counts). */
  readonly missing: { readonly question: number; readonly by: number };
  readonly suppression: MultiResponseSuppression;
}

// Declaration merging, as for Tabulation: the fields beyond the shared shape are listed once, in
// MultiResponseInit.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface MultiResponseResult extends Omit<MultiResponseInit, keyof TabulationShape> {}

/**
 * A select-all-that-apply question in the shared {@link Tabulation} shape: options (rows) x groups of `by`
 * (columns, plus "All"; just "All" without `by`), percentages of respondents or of responses (column base).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class MultiResponseResult extends Tabulation {
  readonly kind = "multiResponse" as const;
  /** The shared statuses plus this table\'s own. */
  declare readonly suppression: MultiResponseSuppression;

  constructor(init: MultiResponseInit) {
    super(init);
  }

  display(): Display {
    return displayMulti(this);
  }
}

/**
 * Tabulates a select-all-that-apply question (a column of string[]; [] = answered, chose none; null =
 * unanswered). Percentages are of respondents who answered by default, so they can sum past 100%; with
 * `base: "responses"` they are of all options chosen and sum to 100%. With `{ by }`, one column per group.
 * @example
 * const m = multiResponse(pv, "activities_offered", { by: "org_scale", notes: ["Synthetic data."] });
 * m.cell("Walking", "All").percent; // share of all providers offering walking
 * chart(m, { title: "Walking is offered most" });
 */
export function multiResponse(
  table: TableInput,
  question: string,
  options: MultiResponseOptions = {},
): MultiResponseResult {
  const fn = "multiResponse";
  const source = toSource(table, fn);
  const enc = encodeMulti(source.table, question, columnOf(source, question, fn), fn);
  const byEnc = options.by
    ? encodeColumn(source.table, options.by, columnOf(source, options.by, fn), fn)
    : null;
  const weights = options.weight ? weightsOf(columnOf(source, options.weight, fn), options.weight, fn) : null;
  const base = oneOf(fn, "base", options.base, ["respondents", "responses"], "respondents");
  const groups = byEnc ? byEnc.levels.length : 1;
  const sums = countMulti(enc, byEnc ? byEnc.codes : null, groups, weights, source.rows);
  return new MultiResponseResult(
    buildMulti(question, enc, byEnc ? byEnc.labels : null, sums, base, options, fn, source),
  );
}

interface MultiSums {
  /** [group * (k + 1) + option]; the slot k holds respondents who answered. Group `groups` = by missing. */
  weighted: Float64Array;
  unweighted: Float64Array;
  squares: Float64Array | null;
  unanswered: number;
}

function countMulti(
  enc: EncodedMulti,
  by: Codes | null,
  groups: number,
  weights: Float64Array | null,
  rows: Uint32Array | null,
): MultiSums {
  const k = enc.levels.length;
  const stride = k + 1;
  const size = (groups + 1) * stride;
  const weighted = new Float64Array(size);
  const unweighted = weights ? new Float64Array(size) : weighted;
  const squares = weights ? new Float64Array(size) : null;
  const { offsets, codes, answered } = enc;
  const n = rows ? rows.length : answered.length;
  let unanswered = 0;
  for (let r = 0; r < n; ++r) {
    const i = rows ? rows[r]! : r;
    if (!answered[i]) {
      ++unanswered;
      continue;
    }
    const start = (by ? by[i]! : 0) * stride;
    const end = offsets[i + 1]!;
    if (weights) {
      const w = weights[i]!;
      const w2 = w * w;
      for (let j = offsets[i]!; j < end; ++j) {
        const cell = start + codes[j]!;
        weighted[cell]! += w;
        unweighted[cell]! += 1;
        squares![cell]! += w2;
      }
      weighted[start + k]! += w;
      unweighted[start + k]! += 1;
      squares![start + k]! += w2;
    } else {
      for (let j = offsets[i]!; j < end; ++j) unweighted[start + codes[j]!]! += 1;
      unweighted[start + k]! += 1;
    }
  }
  return { weighted, unweighted, squares, unanswered };
}

function buildMulti(
  question: string,
  enc: EncodedMulti,
  groupLabels: readonly string[] | null,
  sums: MultiSums,
  base: "respondents" | "responses",
  options: MultiResponseOptions,
  fn: string,
  source: Source,
): MultiResponseInit {
  const k = enc.levels.length;
  const stride = k + 1;
  const g = groupLabels ? groupLabels.length : 1;
  const withAll = !!groupLabels && (options.margins ?? true);
  const colLevels = groupLabels ? [...groupLabels, ...(withAll ? [ALL_LABEL] : [])] : [ALL_LABEL];
  const column = (a: Float64Array, j: number) => range(stride).map((o) => a[j * stride + o]!);
  const columnsOf = (a: Float64Array) => {
    const cols = range(g).map((j) => column(a, j));
    if (withAll) cols.push(range(stride).map((o) => cols.reduce((s, c) => s + c[o]!, 0)));
    return cols; // [group][option..., respondents]
  };
  const wCols = columnsOf(sums.weighted);
  const uCols = columnsOf(sums.unweighted);
  const sCols = sums.squares ? columnsOf(sums.squares) : null;
  const counts = range(k).map((o) => wCols.map((c) => c[o]!));
  const unweighted = range(k).map((o) => uCols.map((c) => c[o]!));
  const respondents = wCols.map((c) => c[k]!);
  const respondentsUnweighted = uCols.map((c) => c[k]!);
  const responses = wCols.map((c) => c.slice(0, k).reduce((s, v) => s + v, 0));
  const responsesUnweighted = uCols.map((c) => c.slice(0, k).reduce((s, v) => s + v, 0));
  const denominators = base === "respondents" ? respondents : responses;
  const percents = counts.map((r) =>
    r.map((v, j) => (denominators[j]! > 0 ? (100 * v) / denominators[j]! : null)),
  );

  const ci = wantsCi(fn, options.ci);
  let intervals: TabulationShape["intervals"] = null;
  // Options chosen by the same respondent are not independent trials, so the responses base gets no interval.
  if (ci && base === "respondents") {
    // Weighted: R's svyciprop (xlogit) for svydesign(ids = ~1, weights = ~w) over the tabulated respondents,
    // each column's respondents the domain. Unweighted: Wilson.
    const designN = sum(range(g).map((j) => respondentsUnweighted[j]!));
    const w = percents.map((r, o) =>
      r.map((p, j) => {
        if (p === null) return null;
        const n = respondentsUnweighted[j]!;
        if (!sCols) return wilsonPercent((p / 100) * n, n);
        const yesWeight = wCols[j]![o]!;
        const yesSquares = sCols[j]![o]!;
        return surveySharePercent({
          yesWeight,
          noWeight: respondents[j]! - yesWeight,
          yesSquares,
          noSquares: sCols[j]![k]! - yesSquares,
          domainN: n,
          designN,
        });
      }),
    );
    intervals = {
      lower: w.map((r) => r.map((x) => (x ? x.lower : null))),
      upper: w.map((r) => r.map((x) => (x ? x.upper : null))),
    };
  }

  const threshold = thresholdOf(options.suppress, fn);
  const c = colLevels.length;
  // Grid: option rows, then the base row; relations: each row sums across groups to "All", and under the
  // responses base each column's options sum to its base. Under the respondents base options overlap, so the
  // column is not additive and needs no complement.
  const baseRow = base === "respondents" ? respondentsUnweighted : responsesUnweighted;
  const values = [...unweighted.flat(), ...baseRow];
  const lines: number[][] = [];
  if (withAll) for (let i = 0; i <= k; ++i) lines.push(range(c).map((j) => i * c + j));
  if (base === "responses") for (let j = 0; j < c; ++j) lines.push(range(k + 1).map((i) => i * c + j));
  // Over respondents, each option's share is a part of its column's base: hidden when its count or its
  // complement (respondents who did not tick it) is 1..threshold-1.
  const shares =
    base === "respondents"
      ? range(k).flatMap((i) => range(c).map((j) => [i * c + j, k * c + j] as const))
      : [];
  const own = suppressCells(
    values,
    lines,
    threshold,
    (cell) => (Math.floor(cell / c) === k ? 1 : 0) + (withAll && cell % c === c - 1 ? 1 : 0),
    { shares },
  );
  const status = publishMulti(
    question,
    enc,
    groupLabels,
    withAll,
    base,
    own,
    values,
    sums,
    threshold,
    source,
    options,
  );
  const colStatus = range(c).map((j) => status[k * c + j]!);
  const colBases = base === "respondents" ? respondentsUnweighted : responsesUnweighted;
  // Respondents in the table: the "All" column when present, else the only column, else the groups' sum.
  const overall =
    groupLabels && !withAll
      ? respondentsUnweighted.reduce((s, v) => s + v, 0)
      : respondentsUnweighted[respondentsUnweighted.length - 1]!;
  return {
    variable: question,
    by: options.by ?? null,
    weight: options.weight ?? null,
    rowLevels: [...enc.levels],
    colLevels,
    counts,
    unweighted,
    percent: "column",
    percents,
    intervals,
    bases: range(k).map(() => [...colBases]),
    base: overall,
    suppression: {
      threshold,
      cells: range(k).map((i) => range(c).map((j) => status[i * c + j]!)),
      bases: range(k).map(() => [...colStatus]),
      colBases: colStatus,
      any: status.some((s) => s !== "shown"),
    },
    test: null,
    caption: options.caption ?? (options.by ? `${question} by ${options.by}` : question),
    notes: options.notes ?? [],
    basis: base,
    colBases,
    respondents,
    respondentsUnweighted,
    responses,
    responsesUnweighted,
    missing: { question: sums.unanswered, by: groupLabels ? sums.unweighted[g * stride + k]! : 0 },
  };
}

/**
 * The run's ledger for a multiple-response table. Options overlap (one respondent ticks several), so each
 * option is its own yes/no variable ("<question>: <option>", chosen / not chosen, NO_ANSWER when the question
 * was skipped) and is published as its own output: its row, and the respondents base (those who answered,
 * per group and in all). A base hidden for one option is hidden for all. Under the responses base the base
 * row (a sum over options) is not a count of one group of people and is left to the table's own rule.
 */
function publishMulti(
  question: string,
  enc: EncodedMulti,
  groupLabels: readonly string[] | null,
  withAll: boolean,
  base: "respondents" | "responses",
  own: CellStatus[],
  values: number[],
  sums: MultiSums,
  threshold: number,
  source: Source,
  options: MultiResponseOptions,
): CellStatus[] {
  const k = enc.levels.length;
  const g = groupLabels ? groupLabels.length : 1;
  const c = g + (withAll ? 1 : 0);
  const status = [...own];
  const by = options.by;
  const chosenOrNot = ["chosen", "not chosen"];
  const groupWhere = (j: number): Record<string, readonly string[]> =>
    !by || !groupLabels ? {} : { [by]: j < g ? [groupLabels[j]!] : [...groupLabels] };
  const label = options.caption ?? (by ? `${question} by ${by}` : question);
  const stride = k + 1;
  for (let o = 0; o < k; ++o) {
    const v = `${question}: ${enc.levels[o]}`;
    const variables: Record<string, readonly string[]> = { [v]: chosenOrNot };
    if (by && groupLabels) variables[by] = [...groupLabels];
    const cells = range(c).map((j) => ({
      where: { [v]: ["chosen"], ...groupWhere(j) },
      count: values[o * c + j]!,
      status: status[o * c + j]!,
    }));
    if (base === "respondents") {
      cells.push(
        ...range(c).map((j) => ({
          where: { [v]: chosenOrNot, ...groupWhere(j) },
          count: values[k * c + j]!,
          status: status[k * c + j]!,
        })),
      );
      // Printed beside the table: who skipped the question, and who answered it but not the breakdown.
      cells.push({ where: { [v]: [NO_ANSWER] }, count: sums.unanswered, status: "shown" });
      if (by && groupLabels) {
        cells.push({
          where: { [v]: chosenOrNot, [by]: [NO_ANSWER] },
          count: sums.unweighted[g * stride + k]!,
          status: "shown",
        });
      }
    }
    const out = publishTable({ source, label, threshold, variables, cells });
    range(c).forEach((j) => (status[o * c + j] = out[j]!));
    if (base === "respondents") {
      range(c).forEach((j) => {
        if (out[c + j] !== "shown" && status[k * c + j] === "shown") status[k * c + j] = out[c + j]!;
      });
    }
  }
  return status;
}
