import type { AssociationTest, NoTest } from "./association.js";

/**
 * Formats a count: integers as digits with thousands commas, weighted counts to one decimal.
 * @example
 * formatCount(1234); // "1,234"
 */
export function formatCount(value: number): string {
  const digits = Number.isInteger(value) ? 0 : 1;
  const [whole, fraction] = Math.abs(value).toFixed(digits).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (value < 0 ? "-" : "") + grouped + (fraction ? `.${fraction}` : "");
}

/**
 * Formats a percentage (already on the 0-100 scale) to one decimal, or an en dash when undefined.
 * @example
 * formatPercent(43.478); // "43.5%"
 */
export function formatPercent(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "–" : `${value.toFixed(1)}%`;
}

/**
 * Formats a percentage interval for tables, to one decimal: "31.2–56.0". (Figures round to whole numbers
 * with `formatValueInterval` in src/figures/theme.ts: a table quotes precision, a chart label reads at a glance.)
 * @example
 * formatPercentInterval(31.23, 56.04); // "31.2–56.0"
 */
export function formatPercentInterval(lower: number | null, upper: number | null): string {
  if (lower === null || upper === null) return "–";
  return `${lower.toFixed(1)}–${upper.toFixed(1)}`;
}

/**
 * A p-value with its sign, the way journals print it: "p = 0.012", "p < 0.001".
 * @example
 * formatP(0.0004); // "p < 0.001"
 * formatP(0.0123); // "p = 0.012"
 */
export function formatP(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

/**
 * True when a test was run (narrows the result to {@link AssociationTest}; tslab's non-strict TypeScript does
 * not narrow the union on `method === null`, so notebooks use this instead of `as any`).
 * @example
 * const t = crosstab(lw, "knows_guideline", { by: "trained" });
 * if (hasTest(t.test)) t.test.p;
 */
export function hasTest(test: AssociationTest | NoTest | null | undefined): test is AssociationTest {
  return !!test && test.method !== null;
}

/** Options of {@link formatTest}. */
export interface FormatTestOptions {
  /** The table was weighted: the test ran on unweighted counts, and the line says so. */
  weighted?: boolean;
  /** Leave out why this test was chosen (default false: the reason closes the line). */
  brief?: boolean;
  /**
   * The table behind the test hides cells: keep the verdict, hide the statistic and p-value (which could
   * reveal a hidden count; src/disclosure/README.md).
   */
  hidden?: boolean;
}

/**
 * The one line every table footnote, `ask` answer and notebook uses for an association test, or for why
 * there is none. Cramér's V to two decimals, X² to two, p to three ("p < 0.001" below that).
 * @example
 * formatTest(crosstab(lw, "knows_guideline", { by: "trained" }).test);
 * // "Fisher's exact test: p = 0.012, Cramér's V = 0.21 (smallest expected count 3.10 is below 5)."
 */
export function formatTest(test: AssociationTest | NoTest | null, options: FormatTestOptions = {}): string {
  if (!test) return "No test: none was asked for.";
  if (!hasTest(test)) return `No test: ${test.reason.replace(/^no test: /, "")}.`;
  if (options.hidden ?? test.hidden === true) {
    const verdict = test.p < 0.05 ? "differs at the 5% level" : "no evidence of a difference at the 5% level";
    return `${test.label}: ${verdict}; statistic and p-value hidden because the table hides small cells.`;
  }
  const on = options.weighted && test.method !== "rao-scott" ? " (on unweighted counts)" : "";
  let name: string;
  if (test.method === "rao-scott") {
    const [ndf, ddf] = test.fDf ?? [NaN, NaN];
    name = `${test.label}: F = ${test.statistic.toFixed(2)} on ${ndf.toFixed(2)} and ${ddf.toFixed(1)} df,`;
  } else if (test.method === "fisher") name = `${test.label}${on}`;
  else name = `Chi-square test${on} (X² = ${test.statistic.toFixed(2)}, df = ${test.df})`;
  const v = `Cramér's V = ${test.cramersV.toFixed(2)}${test.vOn === "weighted table" ? " (on the weighted table)" : ""}`;
  const why = options.brief ? "" : ` (${test.reason})`;
  const sep = name.endsWith(",") ? "" : ":";
  return `${name}${sep} ${formatP(test.p)}, ${v}${why}.`;
}
