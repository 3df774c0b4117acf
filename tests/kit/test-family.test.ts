import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { testFamily } from "../../src/kit/test-family.js";
import { adjustP } from "../../src/stats/index.js";
import { crosstab } from "../../src/tabulate/index.js";
import { hasTest } from "../../src/tabulate/format.js";
import { rep } from "../tabulate/fixtures.js";

const twoByTwo = (yesA: number, yesB: number) =>
  table({
    y: rep(["Yes", yesA], ["No", 40 - yesA], ["Yes", yesB], ["No", 40 - yesB]),
    g: rep(["Yes", 40], ["No", 40]),
  });

describe("testFamily: the tests of several tabulations adjusted together, each beside its result", () => {
  it("Holm-adjusts the raw p-values in order and keeps each result object with its adjusted p", () => {
    const strong = crosstab(twoByTwo(30, 12), "y", { by: "g" });
    const weak = crosstab(twoByTwo(24, 18), "y", { by: "g" });
    const f = testFamily("two associations", [strong, weak]);
    const raw = [strong, weak].map((t) => (hasTest(t.test) ? t.test.p : null));
    expect(raw.every((p) => p !== null && p > 0 && p < 1)).toBe(true);
    expect(f.tests.map((t) => t.adjustedP)).toEqual(adjustP(raw, "holm"));
    expect(f.tests[0]!.result).toBe(strong);
    expect(f.tests[1]!.result).toBe(weak);
    expect(f.size).toBe(2);
    expect(f.note).toBe("p-values Holm-adjusted across the 2 tests of two associations.");
  });

  it("keeps a result without a test in the list (p null) but out of the family's size", () => {
    const tested = crosstab(twoByTwo(30, 12), "y", { by: "g" });
    const untested = crosstab(twoByTwo(24, 18), "y", { by: "g", test: false });
    const f = testFamily("one test and one table", [tested, untested], "bonferroni");
    expect(f.size).toBe(1);
    expect(f.tests[1]!.p).toBeNull();
    expect(f.tests[1]!.adjustedP).toBeNull();
    expect(f.tests[0]!.adjustedP).toBe(f.tests[0]!.p);
  });

  it("names the family or refuses", () => {
    expect(() => testFamily(" ", [])).toThrow(/name the family/);
  });
});
