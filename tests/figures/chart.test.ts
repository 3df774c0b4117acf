import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { chart } from "../../src/figures/chart.js";
import { crosstab, frequencies, likertSummary, multiResponse } from "../../src/tabulate/index.js";
import { rep } from "../tabulate/fixtures.js";

const rows = withLevels(
  table({
    q: rep<string>(["Yes", 12], ["No", 8], ["Yes", 3], ["No", 17]),
    g: rep<string>(["A", 20], ["B", 20]),
    m: rep<string[]>([["GP"], 30], [["GP", "Police"], 2], [[], 8]),
  }),
  { q: ["No", "Yes"] },
);

const traceTypes = (fig: { data: readonly { type: string; orientation?: unknown }[] }) =>
  fig.data.map((t) => t.type);

describe("chart(result, options) picks the builder and carries bases, intervals and suppression", () => {
  it("a one-way table becomes bars in level order with intervals and its base", () => {
    const fig = chart(frequencies(rows, "q"), { title: "Most say no", unit: "providers answering" });
    expect(fig.summary.title).toBe("Most say no");
    expect(fig.summary.base).toBe("n = 40 providers answering");
    expect(fig.summary.rows.map((r) => r[0])).toEqual(["No", "Yes"]);
    expect(fig.summary.rows[0]!.join(" ")).toMatch(/63%.*47–76%/);
    expect(traceTypes(fig)).toContain("bar");
  });

  it("a breakdown becomes grouped bars, one series per group, named with its n", () => {
    const fig = chart(crosstab(rows, "q", { by: "g" }));
    expect(fig.summary.title).toBe("q by g");
    expect(fig.summary.columns).toEqual(["", "A (n = 20)", "B (n = 20)"]);
  });

  it("type 'stacked' draws 100% stacked bars; a Likert summary draws diverging bars", () => {
    const stacked = chart(crosstab(rows, "g", { by: "q" }), { type: "stacked", title: "t" });
    expect(stacked.summary.columns.slice(1, 3)).toEqual(["No", "Yes"]);
    const l = likertSummary(
      withLevels(table({ s__a: rep(["Lo", 10], ["Hi", 10]) }), { s__a: ["Lo", "Hi"] }),
      "s",
    );
    const fig = chart(l, { title: "t" });
    expect(fig.data.length).toBe(2);
    expect(() => chart(frequencies(rows, "q"), { type: "likert" })).toThrow(/chart: option type must be/);
  });

  it("a suppressed cell reaches the figure as suppressed, with no value", () => {
    const m = multiResponse(rows, "m");
    const fig = chart(m, { title: "GP referrals dominate" });
    const police = fig.summary.rows.find((r) => r[0] === "Police")!;
    expect(police.join(" ")).toMatch(/suppressed/i);
    expect(police.join(" ")).not.toMatch(/6%/);
  });

  it("an unknown type is an error with a suggestion", () => {
    expect(() => chart(frequencies(rows, "q"), { type: "bars" as never })).toThrow(
      'chart: option type must be "bar", "grouped", "stacked" or "likert", got "bars"; did you mean "bar"?',
    );
  });
});
