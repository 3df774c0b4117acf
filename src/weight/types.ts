import type { ColumnTable } from "arquero";

/** Targets for one weighting variable: level -> population count, or share (shares sum to 1). */
export type Targets = Readonly<Record<string, number>>;

/** Options shared by {@link postStratify} and {@link rake}. */
export interface WeightOptions {
  /** Name of the weight column to add (default "weight"); an existing column of that name is an error. */
  name?: string;
  /** A column of starting (design) weights; default every respondent 1. */
  weight?: string;
  /**
   * Whether targets are population "counts" or "shares". Default: shares when a variable's targets sum to 1
   * (within 1e-6), else counts.
   */
  as?: "counts" | "shares";
  /** The weighted total that shares are scaled to (default the sum of starting weights, i.e. the sample n). */
  total?: number;
  /** Trim the final weights to [lower, upper] (absolute weights), spreading the trimmed amount evenly over the
   * untrimmed respondents, repeated until none is outside (R's `trimWeights(..., strict = TRUE)`). */
  trim?: { lower?: number; upper?: number };
}

/** One margin after weighting: how the weighted total compares with its target. */
export interface MarginCheck {
  readonly column: string;
  readonly level: string;
  /** Respondents in the level (unweighted). */
  readonly sample: number;
  readonly target: number;
  readonly weighted: number;
}

/** The result of weighting: the table with its new weight column, and a report on the weights. */
export interface WeightResult {
  /** The input table with the weight column added (filtered input is reified first). */
  readonly table: ColumnTable;
  /** The name of the weight column. */
  readonly column: string;
  readonly weights: number[];
  /** Kish's design effect n sum(w^2) / (sum w)^2 and the effective sample size n / deff. */
  readonly designEffect: number;
  readonly effectiveN: number;
  /** True when every margin is met within the tolerance (post-stratification always converges). */
  readonly converged: boolean;
  /** Full passes over the margins (1 for post-stratification). */
  readonly iterations: number;
  /** The largest |weighted total - target| over all margins, after trimming. */
  readonly maxError: number;
  readonly margins: MarginCheck[];
  /** Respondents whose weight was trimmed to a bound (0 without `trim`). */
  readonly trimmed: number;
  readonly range: { readonly min: number; readonly max: number };
}
