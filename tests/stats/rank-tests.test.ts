import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kruskalWallis } from "../../src/stats/kruskal-wallis.js";
import { mannWhitney, type MannWhitneyOptions } from "../../src/stats/mann-whitney.js";
import { spearman } from "../../src/stats/spearman.js";

// Reference values: scipy (Debian python3-scipy), written by tests/stats/reference/rank-tests.py.
const ref = JSON.parse(
  readFileSync(join(process.cwd(), "tests", "stats", "reference", "rank-tests.json"), "utf8"),
) as {
  mannWhitney: {
    name: string;
    x: number[];
    y: number[];
    options: Record<string, unknown>;
    U: number;
    p: number;
  }[];
  kruskalWallis: { name: string; groups: number[][]; statistic: number; p: number }[];
  spearman: { name: string; x: number[]; y: number[]; rho: number; p: number }[];
};
const rel = (a: number, b: number, tol = 1e-9) =>
  expect(Math.abs(a - b) / Math.max(1e-300, Math.abs(b))).toBeLessThan(tol);

describe("mannWhitney(x, y) matches scipy.stats.mannwhitneyu (two-sided)", () => {
  for (const c of ref.mannWhitney) {
    it(c.name, () => {
      const options: MannWhitneyOptions = {};
      if (c.options.method) options.method = c.options.method as MannWhitneyOptions["method"];
      if (c.options.use_continuity === false) options.continuity = false;
      const r = mannWhitney(c.x, c.y, options);
      expect(r.U).toBe(c.U);
      rel(r.p, c.p);
    });
  }
  it("chooses the exact test only without ties and with a group of at most 8 (scipy's 'auto')", () => {
    expect(mannWhitney([1, 4, 2, 7], [3, 9, 8, 10, 6]).method).toBe("exact");
    expect(mannWhitney([1, 4, 2, 7], [3, 9, 8, 10, 4]).method).toBe("asymptotic");
    const nine = (k: number) => Array.from({ length: 9 }, (_, i) => i * 2 + k);
    expect(mannWhitney(nine(0), nine(1)).method).toBe("asymptotic");
  });
  it("leaves missing values out and counts what it used", () => {
    const r = mannWhitney([1, null, 4, NaN, 2, 7], [3, 9, 8, 10, 6]);
    expect([r.n1, r.n2, r.U]).toEqual([4, 5, 3]);
  });
  it("defences: empty group, a non-number naming its position, exact with ties", () => {
    expect(() => mannWhitney([null], [1, 2])).toThrow(
      "mannWhitney: each group needs at least one value (got 0 and 2",
    );
    expect(() => mannWhitney([1, "2" as unknown as number], [3])).toThrow(
      'mannWhitney: x[1] is "2"; expected a finite number',
    );
    expect(() => mannWhitney([1, 2], [2, 3], { method: "exact" })).toThrow(
      "the exact test needs untied values",
    );
  });
});

describe("kruskalWallis(groups) matches scipy.stats.kruskal", () => {
  for (const c of ref.kruskalWallis) {
    it(c.name, () => {
      const r = kruskalWallis(c.groups);
      rel(r.statistic, c.statistic);
      rel(r.p, c.p);
      expect(r.df).toBe(c.groups.length - 1);
    });
  }
  it("drops empty groups, leaves out missing values, and refuses fewer than two groups or all ties", () => {
    const [a, b] = ref.kruskalWallis[2]!.groups as [number[], number[]];
    const r = kruskalWallis([a, [null, NaN], [...b, null]]);
    rel(r.statistic, ref.kruskalWallis[2]!.statistic);
    expect(r.df).toBe(1);
    expect(r.n).toEqual([a.length, 0, b.length]);
    expect(() => kruskalWallis([[1, 2], []])).toThrow(
      "kruskalWallis: needs at least two groups with values, got 1",
    );
    expect(() => kruskalWallis([[3, 3], [3]])).toThrow("kruskalWallis: every value is the same (3)");
  });
});

describe("spearman(x, y) matches scipy.stats.spearmanr", () => {
  for (const c of ref.spearman) {
    it(c.name, () => {
      const r = spearman(c.x, c.y);
      rel(r.rho, c.rho, 1e-12);
      rel(r.p, c.p, 1e-8);
      expect(r.n).toBe(c.x.length);
    });
  }
  it("drops incomplete pairs; a constant variable gives NaN (as scipy); fewer than 3 pairs is an error", () => {
    expect(spearman([1, 2, null, 3, 4, 5], [5, 6, 9, 7, 8, 7]).n).toBe(5);
    expect(spearman([1, 1, 1], [1, 2, 3]).rho).toBeNaN();
    expect(() => spearman([1, 2], [1, 2])).toThrow("spearman: needs at least 3 complete pairs, got 2");
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow("spearman: x has 3 values but y has 2");
  });
});
