import { readFileSync } from "node:fs";
import { join } from "node:path";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { compareGroups, compareGroupsDisplay } from "../../src/numeric/compare-groups.js";

// Reference values: scipy (tests/stats/reference/rank-tests.json), on invented samples.
const ref = JSON.parse(
  readFileSync(join(process.cwd(), "tests", "stats", "reference", "rank-tests.json"), "utf8"),
) as {
  mannWhitney: { name: string; x: number[]; y: number[]; p: number; U: number }[];
  kruskalWallis: { name: string; groups: number[][]; statistic: number; p: number }[];
};
const long = (groups: number[][], names: string[]) =>
  table({
    g: groups.flatMap((xs, k) => xs.map(() => names[k]!)),
    v: groups.flat(),
  });

describe("compareGroups(table, column, by)", () => {
  it("two groups: Mann-Whitney as scipy", () => {
    const c = ref.mannWhitney.find((m) => m.name.startsWith("asymptotic, ties"))!;
    const r = compareGroups(long([c.x, c.y], ["a", "b"]), "v", "g");
    expect(r.test).toMatchObject({ method: "mann-whitney", statistic: c.U, status: "shown" });
    expect(r.test.p!).toBeCloseTo(c.p, 12);
  });
  it("three groups: Kruskal-Wallis as scipy", () => {
    const c = ref.kruskalWallis.find((k) => k.name.startsWith("three groups"))!;
    const r = compareGroups(long(c.groups, ["a", "b", "c"]), "v", "g");
    expect(r.test.method).toBe("kruskal-wallis");
    expect(r.test.statistic!).toBeCloseTo(c.statistic, 10);
    expect(r.test.p!).toBeCloseTo(c.p, 12);
  });
  it("a suppressed group hides the test and its summaries; the display marks it", () => {
    const r = compareGroups(
      long(
        [
          [1, 2, 3, 4, 5, 6],
          [7, 8],
          [9, 10, 11, 12, 13, 14],
        ],
        ["a", "b", "c"],
      ),
      "v",
      "g",
    );
    expect(r.test.status).toBe("hidden");
    const d = compareGroupsDisplay(r);
    expect(d.body[1]).toEqual(["b", "[c]", "–", "–", "–", "–", "–"]);
    expect(d.notes.join(" ")).toContain("not shown: a group is suppressed");
  });
  it("ordinal breakdown: Spearman against the level order", () => {
    const r = compareGroups(
      long(
        [
          [1, 2, 3, 4, 5],
          [3, 4, 5, 6, 7],
          [6, 7, 8, 9, 10],
        ],
        ["1", "2", "3"],
      ),
      "v",
      "g",
      { ordinal: true },
    );
    expect(r.test.method).toBe("spearman");
    // scipy.stats.spearmanr(values, [1]*5 + [2]*5 + [3]*5): rho 0.825767456304674, p 0.0001492126421589421
    expect(r.test.statistic!).toBeCloseTo(0.825767456304674, 12);
    expect(r.test.p!).toBeCloseTo(0.0001492126421589421, 12);
  });
});
