import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { levelsOf, withLevels } from "../../src/codebook/levels.js";
import { isUsageError } from "../../src/errors/usage-error.js";
import { withTicked } from "../../src/multi-select/with-ticked.js";
import { crosstab } from "../../src/tabulate/index.js";

const providers = () =>
  withLevels(
    table({
      collaborate_with: [["GPs / PCNs", "Participants"], ["Participants"], null, [], ["GPs / PCNs"]],
      scale: ["Local", "Regional", "Local", "Regional", "Regional"],
    }),
    {
      collaborate_with: ["GPs / PCNs", "Participants", "Commissioners and funders"],
      scale: ["Regional", "Local"],
    },
  );

describe("withTicked: a flag column per ticked option", () => {
  it("is true when ticked, false when answered without it, null when the question was not answered", () => {
    const t = withTicked(providers(), {
      with_gps: ["collaborate_with", "GPs / PCNs"],
      with_commissioners: ["collaborate_with", "Commissioners and funders"],
    });
    expect(t.array("with_gps")).toEqual([true, false, null, false, true]);
    // A recorded option nobody ticked is a flag of falses, not an error.
    expect(t.array("with_commissioners")).toEqual([false, false, null, false, false]);
    // The other columns keep their recorded levels (a tabulation's order depends on them).
    expect(levelsOf(t, "scale")).toEqual(["Regional", "Local"]);
  });

  it("reads as Yes/No in a cross-tab, the missing answer left out of the base", () => {
    const t = withTicked(providers(), { with_gps: ["collaborate_with", "GPs / PCNs"] });
    const x = crosstab(t, "scale", { by: "with_gps", suppress: false, test: false });
    expect(x.colLevels).toEqual(["No", "Yes"]);
    expect(x.cell("Local", "Yes").n).toBe(1);
    expect(x.cell("Regional", "Yes").n).toBe(1);
    expect(x.cell("Regional", "No").n).toBe(2);
    expect(x.cell("Local", "No").n).toBe(0);
    // Rows 0 and 4 ticked GPs, rows 1 and 3 answered without; row 2 did not answer and is in no base.
    expect(x.base).toBe(4);
  });

  it("names a mistyped option and the closest one, in one line", () => {
    let caught: unknown;
    try {
      withTicked(providers(), { x: ["collaborate_with", "GPs/PCNs"] });
    } catch (e) {
      caught = e;
    }
    expect(isUsageError(caught)).toBe(true);
    expect((caught as Error).message).toBe(
      'withTicked: no option of collaborate_with "GPs/PCNs"; did you mean "GPs / PCNs"?',
    );
  });

  it("names a mistyped question, and refuses to overwrite a column", () => {
    expect(() => withTicked(providers(), { x: ["colaborate_with", "GPs / PCNs"] })).toThrow(
      'withTicked: no column "colaborate_with"; did you mean "collaborate_with"?',
    );
    expect(() => withTicked(providers(), { scale: ["collaborate_with", "GPs / PCNs"] })).toThrow(
      'withTicked: the table already has a column "scale"',
    );
    expect(() => withTicked(providers(), { x: ["scale", "Local"] })).toThrow(
      'withTicked: column "scale" is not a tick-all-that-apply question; it holds "Local"; use crosstab or frequencies for one answer',
    );
  });
});
