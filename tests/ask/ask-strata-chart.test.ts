import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { isStrataAnswer, isWeightedStrataAnswer } from "../../src/ask/answer.js";
import { ask } from "../../src/ask/ask.js";
import { shareFromSums } from "../../src/stats/survey-share.js";
import { wilson } from "../../src/stats/wilson.js";
import { strataSample } from "../fixtures/strata-sample.js";

// The chart of a { strata } answer: one series per breakdown group, one bar per stratum, the bar the share
// answering "Yes" with its interval. Invented counts (not survey data).
// A bar as drawn: its value and its interval's ends (the whiskers are offsets from the value).
const bar = (fig: { data: readonly unknown[] }, series: number, stratum: string) => {
  const t = fig.data[series] as {
    x: (number | null)[];
    y: string[];
    error_x?: { array: (number | null)[]; arrayminus: (number | null)[] };
  };
  const k = t.y.indexOf(stratum);
  const x = t.x[k] ?? null;
  const plus = t.error_x?.array[k] ?? null;
  const minus = t.error_x?.arrayminus[k] ?? null;
  return {
    value: x,
    lower: x === null || minus === null ? null : x - minus,
    upper: x === null || plus === null ? null : x + plus,
  };
};

describe("ask({ by, strata }) charts each group's share within each stratum", () => {
  it("unweighted: the Wilson share of the group's row in the stratum; a group with no answers has no bar", () => {
    const a = ask("link-worker", "knows", {
      by: "trained",
      strata: "area",
      table: strataSample({
        A: [
          [12, 8],
          [5, 15],
        ],
        B: [
          [9, 11],
          [0, 0],
        ],
      }),
      suppress: 0,
    });
    if (!isStrataAnswer(a)) throw new Error("expected a strata answer");
    const ci = wilson(12, 20);
    const a0 = bar(a.figure, 0, "A");
    expect(a0.value).toBeCloseTo(60, 2);
    expect(a0.lower).toBeCloseTo(ci.lower * 100, 1);
    expect(a0.upper).toBeCloseTo(ci.upper * 100, 1);
    expect(bar(a.figure, 1, "A").value).toBeCloseTo(25, 2);
    expect(bar(a.figure, 0, "B").value).toBeCloseTo(45, 2);
    // Trained "No" has nobody in B: no bar, no interval, n = 0.
    expect(bar(a.figure, 1, "B")).toEqual({ value: null, lower: null, upper: null });
    const b1 = a.figure.summary.rows.find((r) => r[0] === "B")![2]!;
    expect(b1).toContain("n=0");
    expect(b1).not.toMatch(/%/);
  });

  it("weighted: the weighted share with the design-based interval of the stratum", () => {
    // Two strata, two groups, weights 1 and 3 (invented respondents).
    const y: string[] = [];
    const by: string[] = [];
    const s: string[] = [];
    const w: number[] = [];
    const add = (stratum: string, group: string, answer: string, weight: number, times: number) => {
      for (let i = 0; i < times; i++) {
        y.push(answer);
        by.push(group);
        s.push(stratum);
        w.push(weight);
      }
    };
    for (const stratum of ["S1", "S2"])
      for (const group of ["g1", "g2"]) {
        add(stratum, group, "Yes", 1, stratum === "S1" ? 10 : 6);
        add(stratum, group, "Yes", 3, group === "g1" ? 4 : 2);
        add(stratum, group, "No", 1, 8);
        add(stratum, group, "No", 3, group === "g1" ? 3 : 6);
      }
    const a = ask("link-worker", "y", {
      by: "by",
      strata: "s",
      weight: "w",
      table: table({ y, by, s, w }),
      suppress: 0,
    });
    if (!isWeightedStrataAnswer(a)) throw new Error("expected a weighted strata answer");
    // S1, g1: yes weight 10 + 12 = 22, no weight 8 + 9 = 17; 25 respondents in the group, 25 + 26 in the stratum.
    const ci = shareFromSums({
      yesWeight: 22,
      noWeight: 17,
      yesSquares: 10 + 4 * 9,
      noSquares: 8 + 3 * 9,
      domainN: 25,
      designN: 51,
    });
    const s1 = bar(a.figure, 0, "S1");
    expect(s1.value).toBeCloseTo((100 * 22) / 39, 2);
    expect(s1.lower).toBeCloseTo(ci.lower * 100, 1);
    expect(s1.upper).toBeCloseTo(ci.upper * 100, 1);
    expect(a.figure.summary.rows.find((r) => r[0] === "S1")![1]).toContain("n=25");
  });
});
