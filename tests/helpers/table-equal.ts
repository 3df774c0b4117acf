import type { ColumnTable } from "arquero";
import { expect } from "vitest";

/**
 * Asserts that an arquero table has exactly the expected columns, in order, with the expected values.
 * Numbers are compared to `digits` decimal places (default: exactly); everything else with toEqual.
 * @example
 * tableEqual(result.toTable(), { level: ["No", "Yes"], n: [3, 7] });
 */
export function tableEqual(actual: ColumnTable, expected: Record<string, unknown[]>, digits?: number): void {
  expect(actual.columnNames()).toEqual(Object.keys(expected));
  for (const [name, values] of Object.entries(expected)) {
    const got = actual.array(name) as unknown[];
    expect(got.length, `rows of column "${name}"`).toBe(values.length);
    values.forEach((want, i) => {
      const have = got[i];
      const where = `column "${name}", row ${i}`;
      if (digits !== undefined && typeof want === "number" && typeof have === "number") {
        expect(have, where).toBeCloseTo(want, digits);
      } else {
        expect(have, where).toEqual(want);
      }
    });
  }
}
