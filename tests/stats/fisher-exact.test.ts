import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isUsageError } from "../../src/errors/usage-error.js";
import { FisherTooLarge } from "../../src/stats/fisher-exact.js";
import { networkNodes } from "../../src/stats/fisher-size.js";
import { fisherExact } from "../../src/stats/index.js";

// Reference values: R's fisher.test documentation (printed to 4 significant digits), exact hypergeometric
// sums for 2 x 2 tables and brute-force enumeration of every table with the observed margins for r x c
// (tests/stats/reference/derive.py; output in derive.out). Tolerance 1e-9 for 2 x 2, 1e-6 for r x c.
const close = (actual: number, expected: number, tol: number) =>
  expect(Math.abs(actual - expected)).toBeLessThan(tol);

// The documented values are exact: pin the mode so that a loaded machine cannot turn them into simulations.
const exact = (t: number[][]) => fisherExact(t, { mode: "exact" });

describe("fisherExact", () => {
  it("fisherExact matches R's TeaTasting example (p-value = 0.4857 = 17/35)", () => {
    // Hypergeometric probabilities of x = 0..4: 1/70, 8/35, 18/35, 8/35, 1/70; observed x = 3 (8/35):
    // p = 1/70 + 8/35 + 8/35 + 1/70 = 17/35.
    const { p } = exact([
      [3, 1],
      [1, 3],
    ]);
    close(p, 17 / 35, 1e-9);
    expect(p.toPrecision(4)).toBe("0.4857");
  });

  it("fisherExact matches R's Convictions example (p-value = 0.0005367 = 3571/6653325)", () => {
    // matrix(c(2, 10, 15, 3), nrow = 2) is [[2, 15], [10, 3]]; the tail sum is 3571/6653325.
    const { p } = exact([
      [2, 15],
      [10, 3],
    ]);
    close(p, 3571 / 6653325, 1e-9);
    expect(p.toPrecision(4)).toBe("0.0005367");
  });

  it("fisherExact matches exact two-sided 2 x 2 sums (scipy.stats.fisher_exact semantics)", () => {
    // [[6, 2], [1, 4]]: probabilities 7, 70, 175, 140, 35, 2 (/429) for x = 2..7, observed 35/429:
    // p = (7 + 35 + 2) / 429 = 4/39.
    close(
      exact([
        [6, 2],
        [1, 4],
      ]).p,
      4 / 39,
      1e-9,
    );
    // [[8, 2], [1, 5]]: observed 27/1144; smaller or equal: 3/286, 27/1144, 1/1144 -> 5/143.
    close(
      exact([
        [8, 2],
        [1, 5],
      ]).p,
      5 / 143,
      1e-9,
    );
    // [[0, 5], [5, 0]]: the two extreme tables, 1/252 each -> 1/126.
    close(
      exact([
        [0, 5],
        [5, 0],
      ]).p,
      1 / 126,
      1e-9,
    );
  });

  it("fisherExact matches R's Job satisfaction 4 x 4 example (p-value = 0.7827)", () => {
    // Brute force over all 90,208,550 tables with these margins: 0.7826849389663724.
    const { p } = exact([
      [1, 3, 10, 6],
      [2, 3, 10, 7],
      [1, 6, 14, 12],
      [0, 1, 9, 11],
    ]);
    close(p, 0.7826849389663724, 1e-6);
    expect(p.toPrecision(4)).toBe("0.7827");
  });

  it("fisherExact matches brute-force enumeration on survey-shaped 2 x 5, 3 x 4 and 3 x 3 tables", () => {
    close(
      exact([
        [12, 5, 9, 3, 7],
        [4, 10, 6, 8, 2],
      ]).p,
      0.030474136127876028,
      1e-6,
    );
    close(
      exact([
        [8, 3, 5, 2],
        [4, 9, 1, 6],
        [2, 5, 7, 3],
      ]).p,
      0.03548416853511872,
      1e-6,
    );
    close(
      exact([
        [3, 0, 1],
        [0, 4, 0],
        [1, 0, 3],
      ]).p,
      0.008484848484848454,
      1e-6,
    );
  });

  it("fisherExact gives the same p for a table, its transpose and permuted rows", () => {
    const t = [
      [12, 5, 9, 3, 7],
      [4, 10, 6, 8, 2],
    ];
    const transposed = t[0]!.map((_, j) => t.map((row) => row[j]!));
    close(exact(transposed).p, 0.030474136127876028, 1e-6);
    close(exact([t[1]!, t[0]!]).p, 0.030474136127876028, 1e-6);
  });

  it("fisherExact handles a 2 x 5 table with n = 400 quickly", () => {
    const start = performance.now();
    const { p } = exact([
      [40, 35, 30, 45, 50],
      [38, 42, 20, 55, 45],
    ]);
    expect(performance.now() - start).toBeLessThan(5000);
    // Large-sample check: Pearson's chi-square (no correction) on this table gives p ~ 0.41; the exact p
    // must be a probability close to it.
    expect(p).toBeGreaterThan(0.35);
    expect(p).toBeLessThan(0.47);
  });

  it("fisherExact leaves out a level with no answers (p unchanged)", () => {
    close(
      exact([
        [3, 0, 1],
        [0, 0, 0],
        [1, 0, 3],
      ]).p,
      17 / 35,
      1e-9,
    );
  });

  it("fisherExact returns p = 1 when only one table has the margins (one non-empty row or column)", () => {
    expect(exact([[3, 4, 5]]).p).toBe(1);
    expect(
      exact([
        [3, 0],
        [4, 0],
      ]).p,
    ).toBe(1);
  });

  it("fisherExact rejects tables with no valid responses, missing or non-integer cells, naming the cell", () => {
    expect(() =>
      exact([
        [0, 0],
        [0, 0],
      ]),
    ).toThrow("fisherExact: the table has no counts");
    expect(() =>
      exact([
        [1, 2],
        [null as unknown as number, 3],
      ]),
    ).toThrow("fisherExact: counts[1][0] is null");
    expect(() =>
      exact([
        [1, 2.5],
        [3, 4],
      ]),
    ).toThrow("fisherExact: counts[0][1] is 2.5; this test needs whole (unweighted) counts");
  });

  it("fisherExact({ mode: 'exact' }) refuses a table too large to enumerate from its estimated network size, before any search", () => {
    // The estimate from the margins: row totals 500 each; column totals 410, 390, 390, 400, 410, filled
    // the largest first, then ascending.
    const nodes = networkNodes([500, 500, 500, 500], [410, 390, 390, 400, 410]);
    expect(nodes).toBeGreaterThan(1e8);
    let error: unknown;
    try {
      fisherExact(big, { mode: "exact" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FisherTooLarge);
    expect(isUsageError(error)).toBe(true);
    expect((error as FisherTooLarge).nodes).toBe(nodes);
    expect((error as Error).message).toBe(
      `fisherExact: the 4 x 5 table with n = 2000 is too large for the exact test: its network has about ` +
        `${nodes.toPrecision(2)} nodes (estimated from the margins before any search; the exact search takes up ` +
        `to 35000); use mode "auto" (exact when it fits, else a seeded Monte Carlo p) or "simulate"`,
    );
  });

  it("fisherExact({ mode: 'exact' }) refuses the survey tables beyond R's exact algorithm from the estimate (they used to exhaust the step budget after 10-20 s)", () => {
    for (const t of fixtures.tables.filter((t) => t.p === null)) {
      const error = (() => {
        try {
          fisherExact(t.counts, { mode: "exact" });
        } catch (e) {
          return e;
        }
      })();
      expect(error, t.name).toBeInstanceOf(FisherTooLarge);
      // Refused from the margins: the estimate it names is above the limit (no search ran out of steps).
      expect((error as FisherTooLarge).nodes, t.name).toBeGreaterThan(35000);
      expect((error as Error).message, t.name).toMatch(/estimated from the margins before any search/);
    }
  });

  it("fisherExact (auto) answers a table too large to enumerate within the time limit, by simulation, saying so", () => {
    const t0 = performance.now();
    const r = fisherExact(big, { B: 20000 });
    expect(performance.now() - t0).toBeLessThan(2500);
    expect(r.exact).toBe(false);
    expect(r.method).toMatch(
      /^Fisher's test, Monte Carlo p \(B = \d+.*Patefield's algorithm, seed 1; MC SE /,
    );
    expect(r.p).toBeGreaterThan(0);
    expect(r.se).toBeGreaterThan(0);
  });

  it("fisherExact rejects bad options, naming them", () => {
    expect(() =>
      fisherExact(
        [
          [1, 2],
          [3, 4],
        ],
        { mode: "fast" as "auto" },
      ),
    ).toThrow(/mode must be .* got fast/);
    expect(() =>
      fisherExact(
        [
          [1, 2],
          [3, 4],
        ],
        { B: 0.5 },
      ),
    ).toThrow(/B must be a whole number >= 1, got 0.5/);
  });
});

const big = [
  [120, 80, 100, 90, 110],
  [100, 120, 90, 80, 110],
  [80, 100, 120, 110, 90],
  [110, 90, 80, 120, 100],
];

// Survey-sized synthetic tables with R's fisher.test p (tests/stats/reference/make-fisher-fixtures.R).
const fixtures = JSON.parse(readFileSync(join(__dirname, "reference/fisher-fixtures.json"), "utf8")) as {
  tables: { name: string; counts: number[][]; p: number | null }[];
};

describe("fisherExact on survey-sized tables agrees with R's fisher.test", () => {
  // Every fixture R answered, including 4 x 4 n = 150 and 3 x 4 n = 300, which R only answers with its
  // workspace raised tenfold (a few seconds here on a loaded machine, hence the timeout).
  for (const t of fixtures.tables.filter((t) => t.p !== null)) {
    it(`${t.name}: exact p within 1e-9 relative of R`, { timeout: 60000 }, () => {
      const r = fisherExact(t.counts, { mode: "exact" });
      expect(r.exact).toBe(true);
      expect(r.method).toBe("Fisher's exact test");
      expect(Math.abs(r.p - t.p!) / t.p!).toBeLessThan(1e-9);
    });
  }
  for (const t of fixtures.tables.filter((t) => t.p === null)) {
    it(`${t.name} (beyond R's exact algorithm): auto answers by simulation within 2 s, saying so`, () => {
      const t0 = performance.now();
      const r = fisherExact(t.counts);
      expect(performance.now() - t0).toBeLessThan(2500);
      expect(r.exact).toBe(false);
      expect(r.method).toMatch(/^Fisher's test, Monte Carlo p \(B = \d+.*; MC SE /);
      expect(r.B).toBeGreaterThanOrEqual(1000);
      // p = (1 + tables as extreme) / (B + 1): never 0, and its SE is 0 only when no table was as extreme.
      expect(r.p).toBeGreaterThanOrEqual(1 / (r.B + 1));
      expect(r.se > 0 || r.method.includes("no simulated table as extreme")).toBe(true);
    });
  }
  for (const t of fixtures.tables.filter((t) => t.p !== null)) {
    it(`${t.name}: simulated p (B = 20000, seeded) within 4 Monte Carlo SE of R's exact p, reproducibly`, () => {
      const r = fisherExact(t.counts, { mode: "simulate", B: 20000, seed: 7 });
      expect(Math.abs(r.p - t.p!)).toBeLessThan(4 * Math.max(r.se, 1 / 20000));
      expect(fisherExact(t.counts, { mode: "simulate", B: 20000, seed: 7 }).p).toBe(r.p);
    });
  }
});

// Every table with the margins of `counts`, by recursion over cells: the definition the network must match.
function bruteForceP(counts: number[][]): number {
  const rows = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const cols = counts[0]!.map((_, j) => counts.reduce((a, row) => a + row[j]!, 0));
  const n = rows.reduce((a, b) => a + b, 0);
  const lf = [0];
  for (let k = 1; k <= n; k++) lf.push(lf[k - 1]! + Math.log(k));
  const logK = rows.reduce((a, v) => a + lf[v]!, 0) + cols.reduce((a, v) => a + lf[v]!, 0) - lf[n]!;
  const sObs = counts.flat().reduce((a, v) => a + lf[v]!, 0);
  const r = rows.length;
  const c = cols.length;
  const rowLeft = [...rows];
  const colLeft = [...cols];
  let p = 0;
  const cell = (k: number, s: number): void => {
    const i = Math.floor(k / c);
    const j = k % c;
    if (i === r - 1) {
      // The last row is forced by the column remainders.
      let last = s;
      for (let jj = 0; jj < c; jj++) last += lf[colLeft[jj]!]!;
      if (last >= sObs - 1e-7) p += Math.exp(logK - last);
      return;
    }
    const top = j === c - 1 ? rowLeft[i]! : Math.min(rowLeft[i]!, colLeft[j]!);
    const bottom = j === c - 1 ? rowLeft[i]! : 0;
    for (let v = bottom; v <= top; v++) {
      if (v > colLeft[j]!) return;
      rowLeft[i]! -= v;
      colLeft[j]! -= v;
      cell(k + 1, s + lf[v]!);
      rowLeft[i]! += v;
      colLeft[j]! += v;
    }
  };
  cell(0, 0);
  return Math.min(1, p);
}

describe("fisherExact's network (its bounds and merged past values) against brute-force enumeration", () => {
  it("agrees to 1e-9 relative on 60 random tables from 2 x 2 to 4 x 5 (synthetic, seeded)", () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let checked = 0;
    for (let k = 0; k < 60; k++) {
      const r = 2 + Math.floor(rand() * 3);
      const c = 2 + Math.floor(rand() * 4);
      // Uneven cell weights, as in survey tables, and a few zeros.
      const weights = Array.from({ length: r * c }, () => (rand() < 0.15 ? 0 : rand() ** 2));
      const n = 8 + Math.floor(rand() * (r * c > 12 ? 14 : 24));
      const cells = Array.from({ length: r * c }, () => 0);
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      for (let m = 0; m < n; m++) {
        let u = rand() * total;
        let q = 0;
        while (q < cells.length - 1 && u >= weights[q]!) u -= weights[q++]!;
        cells[q]!++;
      }
      const table = Array.from({ length: r }, (_, i) => cells.slice(i * c, i * c + c));
      const nonEmpty = table.filter((row) => row.some((v) => v > 0));
      const keptCols = table[0]!.map((_, j) => j).filter((j) => table.some((row) => row[j]! > 0));
      if (nonEmpty.length < 2 || keptCols.length < 2) continue;
      const reduced = nonEmpty.map((row) => keptCols.map((j) => row[j]!));
      const expected = bruteForceP(reduced);
      const got = fisherExact(table, { mode: "exact" }).p;
      expect(Math.abs(got - expected) / expected, JSON.stringify(table)).toBeLessThan(1e-9);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
