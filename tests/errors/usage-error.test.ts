import { describe, expect, it } from "vitest";
import {
  badOption,
  closestNames,
  isUsageError,
  unknownName,
  UsageError,
} from "../../src/errors/usage-error.js";

describe("UsageError: one line naming the function, the bad value and the closest valid names", () => {
  const columns = ["pa_training", "trained", "role_length", "knows_guideline", "knows_moderate", "ap_area"];

  it("closestNames finds typos, case slips and prefixes, best first", () => {
    expect(closestNames("pa_trainig", columns)).toEqual(["pa_training"]);
    expect(closestNames("AP_AREA", columns)).toEqual(["ap_area"]);
    expect(closestNames("knows", columns)).toEqual(["knows_moderate", "knows_guideline"]); // fewer edits first
    expect(closestNames("zzz", columns)).toEqual([]);
    expect(closestNames("x", [])).toEqual([]);
  });

  it("unknownName suggests, else lists a short list, else counts a long one", () => {
    expect(unknownName("crosstab", "column", "pa_trainig", columns).message).toBe(
      'crosstab: no column "pa_trainig"; did you mean "pa_training"?',
    );
    // A one-letter name is never "close" to another one-letter name: that would be a guess, not a typo.
    expect(unknownName("f", "level", "Q", ["A", "B"], "q").message).toBe(
      'f: no level "Q" in q; valid: "A", "B"',
    );
    const many = Array.from({ length: 30 }, (_, i) => `col_${i}`);
    expect(unknownName("f", "column", "zzzzzzzz", many).message).toBe(
      'f: no column "zzzzzzzz"; none of the 30 is close',
    );
  });

  it("badOption lists the allowed values and the closest one; isUsageError tells expected errors apart", () => {
    const e = badOption("crosstab", "percent", "rows", ["row", "column", "total"]);
    expect(e.message).toBe(
      'crosstab: option percent must be "row", "column" or "total", got "rows"; did you mean "row"?',
    );
    expect(e).toBeInstanceOf(UsageError);
    expect(isUsageError(e)).toBe(true);
    expect(isUsageError(new TypeError("x"))).toBe(false);
    expect(e.message.includes("\n")).toBe(false);
  });
});
