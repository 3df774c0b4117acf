import { describe, expect, it } from "vitest";
import { barChart } from "../../src/figures/bar.js";
import {
  fromFrequencies,
  fromMultiResponse,
  groupsFromCrosstab,
  groupsFromMultiResponse,
  likertFromSummary,
  stackedFromCrosstab,
} from "../../src/figures/from-tabulation.js";
import { crosstab, frequencies, likertSummary, multiResponse } from "../../src/tabulate/index.js";

const rep = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);
const opts = { title: "T", base: "n = 20" };

describe("fromFrequencies(result)", () => {
  // 10 A, 6 B, 2 C, 2 missing: A = 10/18 = 55.56%, C (2 < 5) is suppressed.
  const rows = [...rep("A", 10), ...rep("B", 6), ...rep("C", 2), null, null].map((role) => ({ role }));
  it("maps levels to data with percentages of the valid base and n", () => {
    const data = fromFrequencies(frequencies(rows, "role"));
    expect(data.map((d) => d.label)).toEqual(["A", "B", "C"]);
    expect(data[0]!.value).toBeCloseTo(55.56, 2);
    expect(data[0]!.n).toBe(18);
    expect(data[0]!.lower! < 55.56 && data[0]!.upper! > 55.56).toBe(true);
  });
  it("carries suppression over: the hidden count becomes a suppressed datum without a value", () => {
    const c = fromFrequencies(frequencies(rows, "role")).find((d) => d.label === "C")!;
    expect(c).toMatchObject({ value: null, lower: null, upper: null, suppressed: true });
  });
  it("with no valid responses gives a figure that says so", () => {
    const data = fromFrequencies(frequencies([{ role: null }, { role: null }], "role"));
    const fig = barChart(data, opts);
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toContain(
      "No valid responses to show",
    );
  });
});

describe("groupsFromCrosstab(result) and stackedFromCrosstab(result)", () => {
  // trained x knows: Yes/Yes 8, Yes/No 6, No/Yes 10, No/No 20. Row %: Yes row 8/14 = 57.14%, No row 10/30 = 33.33%.
  const rows = [
    ...rep({ trained: "Yes", knows: "Yes" }, 8),
    ...rep({ trained: "Yes", knows: "No" }, 6),
    ...rep({ trained: "No", knows: "Yes" }, 10),
    ...rep({ trained: "No", knows: "No" }, 20),
    { trained: null, knows: "Yes" },
  ];
  it("gives one series per row level on row percentages, with the row base as n", () => {
    const groups = groupsFromCrosstab(crosstab(rows, "trained", { by: "knows", percent: "row" }));
    const yes = groups.find((g) => g.name === "Yes")!;
    const knowsYes = yes.data.find((d) => d.label === "Yes")!;
    expect(knowsYes.value).toBeCloseTo(57.14, 2);
    expect(knowsYes.n).toBe(14);
    expect(groups.find((g) => g.name === "No")!.data.find((d) => d.label === "Yes")!.value).toBeCloseTo(
      33.33,
      2,
    );
  });
  it("gives one series per column level on column percentages", () => {
    // Column "Yes": 8 trained of 18 = 44.44%.
    const groups = groupsFromCrosstab(crosstab(rows, "trained", { by: "knows", percent: "column" }));
    const knowsYes = groups.find((g) => g.name === "Yes")!;
    expect(knowsYes.data.find((d) => d.label === "Yes")!.value).toBeCloseTo(44.44, 2);
  });
  it("passes counts to the stacked rows, leaving the missing row out", () => {
    const t = crosstab(rows, "trained", { by: "knows" });
    const stacked = stackedFromCrosstab(t);
    expect(stacked.map((r) => r.label)).toEqual(t.rowLevels);
    expect(stacked.find((r) => r.label === "No")!.counts).toEqual(
      t.colLevels.map((c) => (c === "Yes" ? 10 : 20)),
    );
  });
});

describe("fromMultiResponse(result)", () => {
  // 20 answered: GP chosen 14 times (70%), Landlord 6 (30%), Police 1 (suppressed), 5 chose none; one
  // unanswered. (A share whose complement is 1-4, such as 9 of 10, is hidden too.)
  const rows = [
    ...rep({ src: ["GP", "Landlord"] }, 6),
    ...rep({ src: ["GP"] }, 8),
    { src: ["Police"] },
    ...rep({ src: [] as string[] }, 5),
    { src: null },
  ];
  it("gives each option's share of respondents with the respondents as base", () => {
    const data = fromMultiResponse(multiResponse(rows, "src"));
    const gp = data.find((d) => d.label === "GP")!;
    expect(gp.value).toBeCloseTo(70, 5);
    expect(gp.n).toBe(20);
    expect(data.find((d) => d.label === "Landlord")!.value).toBeCloseTo(30, 5);
    expect(data.find((d) => d.label === "Police")!.suppressed).toBe(true);
  });
  it("rejects an unknown group, naming it", () => {
    expect(() => fromMultiResponse(multiResponse(rows, "src"), "Borough")).toThrow(
      'fromMultiResponse: no group "Borough"; valid: "All"',
    );
  });
  it("gives one series per group", () => {
    expect(groupsFromMultiResponse(multiResponse(rows, "src")).map((g) => g.name)).toEqual(["All"]);
  });
});

describe("likertFromSummary(result)", () => {
  const rows = [
    ...rep({ q__a: "1 Low", q__b: "3 High" }, 6),
    ...rep({ q__a: "2 Mid", q__b: "3 High" }, 6),
    ...rep({ q__a: "3 High", q__b: "2 Mid" }, 8),
    { q__a: null, q__b: "1 Low" },
  ];
  it("passes counts per scale level, hidden cells as null", () => {
    const l = likertSummary(rows, "q");
    const items = likertFromSummary(l);
    expect(l.colLevels).toEqual(["1 Low", "2 Mid", "3 High"]);
    expect(items[0]!.counts).toEqual([6, 6, 8]);
    // Item b: 1 Low once, a count below 5, is hidden.
    expect(items[1]!.counts[0]).toBeNull();
  });
});
