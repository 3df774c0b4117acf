import { describe, expect, it } from "vitest";
import { wilson } from "../../src/stats/index.js";

// Reference values: the statsmodels proportion_confint(method="wilson") formula evaluated at 40 digits with
// mpmath (z = sqrt(2) erfinv(level)) in tests/stats/reference/derive.py; its output is derive.out. Where
// Newcombe (1998, Stat Med 17:857, Table I, method 3) published the interval, it is checked at his 4 decimals.
const close = (actual: number, expected: number, tol = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThan(tol);

describe("wilson", () => {
  it("wilson(x, n) matches statsmodels for 0 successes (lower 0, upper z^2 / (n + z^2))", () => {
    const r = wilson(0, 10);
    expect(r.estimate).toBe(0);
    close(r.lower, 0);
    close(r.upper, 0.27753279986288926);
  });

  it("wilson(x, n) matches statsmodels when every answer is a success", () => {
    const r = wilson(10, 10);
    close(r.lower, 0.7224672001371107);
    close(r.upper, 1);
  });

  it("wilson(x, n) matches statsmodels at an interior proportion", () => {
    const r = wilson(7, 20);
    expect(r.estimate).toBe(0.35);
    close(r.lower, 0.18119182410108206);
    close(r.upper, 0.5671457233147638);
  });

  it("wilson(x, n) reproduces Newcombe's published Wilson intervals", () => {
    const cases: [number, number, number, number, number, number][] = [
      [81, 263, 0.2552885198782742, 0.36620957698280004, 0.2553, 0.3662],
      [15, 148, 0.06238639953073628, 0.16048724172330803, 0.0624, 0.1605],
      [0, 20, 0, 0.16112515805281938, 0, 0.1611],
      [1, 29, 0.00611321429276266, 0.17175521879320288, 0.0061, 0.1718],
    ];
    for (const [x, n, lower, upper, published_lower, published_upper] of cases) {
      const r = wilson(x, n);
      close(r.lower, lower);
      close(r.upper, upper);
      close(r.lower, published_lower, 5e-5);
      close(r.upper, published_upper, 5e-5);
    }
  });

  it("wilson(x, n, level) honours other confidence levels", () => {
    const r90 = wilson(3, 7, 0.9);
    close(r90.lower, 0.186443190363956);
    close(r90.upper, 0.7105229089864071);
    const r99 = wilson(45, 50, 0.99);
    close(r99.lower, 0.7402692104043159);
    close(r99.upper, 0.9660091162215817);
  });

  it("wilson accepts non-integer (weighted) counts, as statsmodels does", () => {
    // Same proportion 0.35 with a base of 20 as above: identical interval.
    const r = wilson(7.7, 22);
    expect(r.estimate).toBeCloseTo(0.35, 12);
    expect(r.lower).toBeGreaterThan(0.18119182410108206);
    expect(r.upper).toBeLessThan(0.5671457233147638);
  });

  it("wilson(0, 0) (no valid responses) returns NaN for estimate and bounds, as statsmodels does", () => {
    const r = wilson(0, 0);
    expect(Number.isNaN(r.estimate) && Number.isNaN(r.lower) && Number.isNaN(r.upper)).toBe(true);
  });

  it("wilson rejects missing values and impossible counts, naming the value", () => {
    expect(() => wilson(NaN, 10)).toThrow("wilson: successes is NaN");
    expect(() => wilson(null as unknown as number, 10)).toThrow("wilson: successes is null");
    expect(() => wilson(3, undefined as unknown as number)).toThrow("wilson: n is undefined");
    expect(() => wilson(11, 10)).toThrow("wilson: successes is 11, more than n = 10");
    expect(() => wilson(-1, 10)).toThrow("wilson: successes is -1");
    expect(() => wilson(3, 10, 95)).toThrow("wilson: level is 95");
  });

  it("wilson tolerates rounding noise of weighted successes just above n", () => {
    const r = wilson(10 + 1e-14, 10);
    close(r.upper, 1);
    close(r.lower, 0.7224672001371107);
  });
});
