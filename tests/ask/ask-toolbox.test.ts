import { readFileSync } from "node:fs";
import { join } from "node:path";
import { table } from "arquero";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { ask } from "../../src/ask/ask.js";
import {
  isNumericAnswer,
  isOptionAnswer,
  isOptionsAnswer,
  isPairsAnswer,
  isStrataAnswer,
} from "../../src/ask/answer.js";
import { withLevels } from "../../src/codebook/levels.js";
import { resetRunLedger } from "../../src/disclosure/ledger.js";
import { toCsv, toXlsx } from "../../src/export/report-table.js";
import { referralSample } from "../fixtures/referral-sample.js";
import { strataSample } from "../fixtures/strata-sample.js";
import { coOccurrence } from "../../src/multi-select/co-occurrence.js";
import { optionTests } from "../../src/multi-select/option-tests.js";
import { mantelHaenszel } from "../../src/stats/mantel-haenszel.js";
import { crosstab } from "../../src/tabulate/crosstab.js";

const ref = (file: string) => JSON.parse(readFileSync(join(__dirname, "../stats/reference", file), "utf8"));

/** Holm's step-down adjustment written out here, independently of src/stats/adjust-p.ts. */
function holm(ps: number[]): number[] {
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(ps.length);
  let running = 0;
  order.forEach(([p, i], k) => {
    running = Math.max(running, Math.min(1, (ps.length - k) * p));
    out[i] = running;
  });
  return out;
}

const given = { table: referralSample(), synthetic: false } as const;

describe("ask: a multi-select by a breakdown gives one test per option, adjusted as one family", () => {
  const a = ask("link-worker", "refer", { by: "trained", ...given });
  it("p-values as optionTests (Sports clubs: R chisq.test p = 0.25683925795785661), Holm-adjusted together", () => {
    if (!isOptionsAnswer(a)) throw new Error(`expected options, got ${a.kind}`);
    const raw = optionTests(referralSample(), "refer", "trained", { suppress: false }).tests;
    const sports = a.family.tests.find((r) => r.option === "Sports clubs")!;
    expect(sports.p!).toBeCloseTo(0.25683925795785661, 12);
    const tested = raw.filter((t) => t.p !== null);
    const expected = holm(tested.map((t) => t.p!));
    tested.forEach((t, k) => {
      const row = a.family.tests.find((r) => r.option === t.option)!;
      expect(row.p!).toBeCloseTo(t.p!, 12);
      expect(row.adjustedP!).toBeCloseTo(expected[k]!, 12);
    });
    expect(a.family.size).toBe(tested.length);
  });
  it("the table shows adjusted p and names the family; the chart title names the breakdown", () => {
    if (!isOptionsAnswer(a)) throw new Error("expected options");
    const md = a.table.toMarkdown();
    expect(md).toContain("p (Holm)");
    expect(md).toContain("Holm-adjusted across the 3 tests of each option of refer by trained");
    expect(a.figure.summary.title).toMatch(/by trained/);
    expect(a.testLine).toMatch(/^3 per-option tests of refer by trained, Holm-adjusted as one family/);
    expect(a.testLine).not.toMatch(/p = </);
  });
  it("a test whose table has a suppressed cell is not shown, but stays in the family", () => {
    if (!isOptionsAnswer(a)) throw new Error("expected options");
    const parks = a.family.tests.find((r) => r.option === "Parks")!; // 2 of 14 trained: a small cell
    expect(parks.shown).toBe(false);
    expect(parks.adjustedP).not.toBeNull();
    const line = a.table
      .toString()
      .split("\n")
      .find((l) => l.startsWith("Parks"))!;
    expect(line).toContain("[c]");
    expect(line).toMatch(/hidden\s+–\s+–$/);
    expect(a.testLine).toContain("1 test(s) not shown");
  });
});

describe("ask({ option }): one option as yes/no by the breakdown", () => {
  it("the option's test with its p adjusted across all options", () => {
    const a = ask("link-worker", "refer", { by: "trained", option: "Sports clubs", ...given });
    if (!isOptionAnswer(a)) throw new Error("expected option");
    expect(a.table.kind).toBe("crosstab");
    expect(a.test?.method).toBe("chisq");
    const raw = optionTests(referralSample(), "refer", "trained", { suppress: false }).tests.filter(
      (t) => t.p !== null,
    );
    const k = raw.findIndex((t) => t.option === "Sports clubs");
    expect(a.adjustedP!).toBeCloseTo(holm(raw.map((t) => t.p!))[k]!, 12);
    expect(a.testLine).toMatch(
      /^Chi-square test \(X² = [\d.]+, df = 1\): p = 0\.257, .* Holm-adjusted across the 3 options of refer: p = /,
    );
    expect(a.figure.summary.title).toContain("by trained");
    expect(a.table.toMarkdown()).toContain("Adjusted for the family");
  });
  it("a weighted option gets the design-based test: svychisq's p (R survey) for the 2x2 fixture", () => {
    const c = ref("survey-fixtures.json").raoScott[0] as {
      rowCodes: number[];
      colCodes: number[];
      weights: number[];
      pF: number;
    };
    const t = table({
      q: c.rowCodes.map((r) => (r === 0 ? ["A"] : ["B"])),
      g: c.colCodes.map((v) => `c${v}`),
      w: c.weights,
    });
    const a = ask("link-worker", "q", { by: "g", option: "A", weight: "w", table: t, suppress: 0 });
    if (!isOptionAnswer(a) || !a.test || a.test.method !== "rao-scott") throw new Error("expected Rao-Scott");
    expect(Math.abs(a.test.p - c.pF) / c.pF).toBeLessThan(1e-6);
    expect(a.testLine).toMatch(/^Rao-Scott F/);
  });
  it("an unknown option is one line with a suggestion", () => {
    expect(() => ask("link-worker", "refer", { option: "Sport clubs", ...given })).toThrow(
      /^ask: no option "Sport clubs" in refer; did you mean "Sports clubs"\?$/,
    );
  });
});

describe("ask({ pairs: true }): options ticked together", () => {
  // A run of its own: the asks above published this table to the run's ledger (optionTests by trained prints who
  // skipped trained, which the co-occurrence base would then give back), and this compares with a fresh table.
  resetRunLedger();
  const a = ask("link-worker", "refer", { pairs: true, ...given });
  it("counts every pair as coOccurrence does and charts the top pairs", () => {
    if (!isPairsAnswer(a)) throw new Error("expected pairs");
    // Counted here from the rows: Walking and Sports clubs together = every Sports clubs tick (9 + 5).
    expect(a.table.result.counts[0]![3]).toBe(14);
    expect(a.table.result).toEqual(coOccurrence(referralSample(), "refer"));
    expect(a.figure.summary.title).toMatch(/are ticked together most often/);
  });
  it("a small pair is '[c]' in the table, the chart and both exports", () => {
    if (!isPairsAnswer(a)) throw new Error("expected pairs");
    const small = a.table.result.pairs.find((p) => p.a !== p.b && p.status === "suppressed")!;
    expect(small).toBeDefined();
    const label = `${small.a} + ${small.b}`;
    const datum = a.figure.summary.rows.find((r) => r[0] === label);
    if (datum) expect(datum.join(" ")).toMatch(/suppressed/);
    const d = a.table.display();
    const row = d.body.find((r) => r[0] === small.a)!;
    expect(row[d.head.indexOf(small.b)]).toBe("[c]");
    const csvRow = toCsv(a.table)
      .split("\r\n")
      .find((l) => l.startsWith(`${small.a},`))!;
    expect(csvRow.split(",")[d.head.indexOf(small.b)]).toBe("[c]");
  });
});

// R's mantelhaen.test on invented strata (tests/stats/reference/mantelhaen.json, "invented 2x2x3").
const strataTable = (strata: Record<string, number[][]>) => strataSample(strata);

describe("ask({ strata }): one table per stratum and the Cochran-Mantel-Haenszel test", () => {
  const cmh = (
    ref("mantelhaen.json") as {
      name: string;
      tables: number[][][];
      p: number;
      oddsRatio: number;
      lower: number;
      upper: number;
    }[]
  ).find((c) => c.name === "invented 2x2x3")!;
  const three = { A: cmh.tables[0]!, B: cmh.tables[1]!, C: cmh.tables[2]! };
  it("pooled test and common odds ratio as R", () => {
    const a = ask("link-worker", "knows", {
      by: "trained",
      strata: "area",
      table: strataTable(three),
      suppress: 0,
    });
    if (!isStrataAnswer(a) || !a.test || a.test.form !== "2x2xK") throw new Error("expected a 2x2xK test");
    expect(a.test.p).toBeCloseTo(cmh.p, 12);
    expect(a.test.oddsRatio).toBeCloseTo(cmh.oddsRatio, 10);
    expect(a.test.lower).toBeCloseTo(cmh.lower, 10);
    expect(a.testLine).toMatch(
      /^Cochran-Mantel-Haenszel test \(X² = 6\.48, df = 1\): p = 0\.011, common odds ratio 2\.52 \(95% CI 1\.28–4\.95/,
    );
    expect(a.table.toString()).not.toContain("p = <");
  });
  it("suppression holds in every stratum: hidden strata show markers everywhere and enter the test only combined", () => {
    const data = {
      ...three,
      D: [
        [3, 6],
        [5, 8],
      ],
      E: [
        [6, 2],
        [4, 9],
      ],
    };
    // Threshold 4: A (smallest count 4) is shown in full, D and E are hidden.
    const a = ask("link-worker", "knows", {
      by: "trained",
      strata: "area",
      table: strataTable(data),
      suppress: 4,
    });
    if (!isStrataAnswer(a) || !a.test) throw new Error("expected a test");
    const combined = [
      [9, 8],
      [9, 17],
    ];
    expect(a.test.statistic).toBeCloseTo(mantelHaenszel([...Object.values(three), combined]).statistic, 12);
    expect(a.test.merged).toEqual(["D", "E"]);
    // The title keeps the verdict only: the table hides D and E, so no p-value is cited.
    expect(a.figure.summary.title).toMatch(/\(CMH, 5% level\)$/);
    expect(a.figure.summary.title).not.toContain(a.test.p.toFixed(3));
    for (const out of [a.table.toString(), toCsv(a.table)]) {
      const dRows = out.split(/\r?\n/).filter((l) => l.startsWith("D ·") || l.startsWith("E ·"));
      expect(dRows).toHaveLength(4);
      for (const l of dRows) expect(l.replace(/\[c\]/g, "")).not.toMatch(/\d/); // no count of D or E is printed
    }
    const hiddenBars = a.figure.summary.rows.filter((r) => r[0] === "D" || r[0] === "E");
    expect(hiddenBars.length).toBeGreaterThan(0);
    for (const r of hiddenBars) expect(r.slice(1).join(" ")).toMatch(/suppressed/);
  });
  it("needs a breakdown, and a weight column of numbers", () => {
    expect(() => ask("link-worker", "knows", { strata: "area", table: strataTable(three) })).toThrow(
      'ask: strata "area" needs a breakdown',
    );
    // Weighted strata are answered (tests/ask/ask-weighted-strata.test.ts); a text column as weight is named.
    expect(() =>
      ask("link-worker", "knows", {
        by: "trained",
        strata: "area",
        weight: "area",
        table: strataTable(three),
      }),
    ).toThrow('weight column "area" has invalid weight "A" at row 0');
  });
});

describe("ask on a numeric question: summaries, box chart and the rank test scipy gives", () => {
  const ranks = ref("rank-tests.json");
  const long = (groups: number[][], names: string[]) =>
    table({
      minutes: groups.flat(),
      group: groups.flatMap((g, k) => g.map(() => names[k]!)),
    });
  it("three groups: Kruskal-Wallis as scipy.stats.kruskal", () => {
    const c = ranks.kruskalWallis.find(
      (x: { name: string }) => x.name === "three groups of minutes with ties",
    );
    const a = ask("link-worker", "minutes", { by: "group", table: long(c.groups, ["a", "b", "c"]) });
    if (!isNumericAnswer(a) || !a.test) throw new Error("expected numeric");
    expect(a.test.method).toBe("kruskal-wallis");
    expect(a.test.statistic!).toBeCloseTo(c.statistic, 10);
    expect(a.test.p!).toBeCloseTo(c.p, 12);
    expect(a.figure.data[0]!.type).toBe("box");
    expect(a.figure.summary.rows.map((r) => r[0])).toEqual(["a", "b", "c"]);
    expect(a.table.toString()).toMatch(/^a\s+40\s/m);
  });
  it("two groups: Mann-Whitney as scipy.stats.mannwhitneyu", () => {
    const c = ranks.mannWhitney.find(
      (x: { name: string }) => x.name === "asymptotic, ties (minutes rounded to 15)",
    );
    const a = ask("link-worker", "minutes", { by: "group", table: long([c.x, c.y], ["a", "b"]) });
    if (!isNumericAnswer(a) || !a.test) throw new Error("expected numeric");
    expect(a.test.method).toBe("mann-whitney");
    expect(a.test.p!).toBeCloseTo(c.p, 12);
    expect(a.testLine).toMatch(/^Mann-Whitney U test .*: U = [\d.]+, p = 0\.\d{3}\.$/);
  });
  it("an ordered breakdown: Spearman as scipy.stats.spearmanr", () => {
    const c = ranks.spearman.find((x: { name: string }) => x.name === "minutes vs a 1-5 score (ties)");
    const t = table({ minutes: c.x, score: c.y.map((v: number) => String(v)) });
    const a = ask("link-worker", "minutes", { by: "score", ordinal: true, table: t, suppress: 0 });
    if (!isNumericAnswer(a) || !a.test) throw new Error("expected numeric");
    expect(a.test.statistic!).toBeCloseTo(c.rho, 12);
    expect(a.test.p!).toBeCloseTo(c.p, 12);
  });
  it("a small group is suppressed in table, chart and export, and the test is neither shown nor cited", () => {
    const t = long(
      [
        [10, 20, 30, 40, 50, 60],
        [15, 25, 35, 45, 55, 65, 75],
        [5, 500],
      ],
      ["a", "b", "c"],
    );
    const a = ask("link-worker", "minutes", { by: "group", table: t });
    if (!isNumericAnswer(a)) throw new Error("expected numeric");
    expect(a.table.toString()).toMatch(/^c\s+\[c\]/m);
    expect(toCsv(a.table)).not.toContain("500");
    expect(a.figure.summary.rows.find((r) => r[0] === "c")!.join(" ")).toContain("suppressed");
    expect(a.testLine).toBe("Test not shown: a group is suppressed, and the test could reveal it.");
    expect(a.figure.summary.title).not.toMatch(/p [=<]/);
  });
});

describe("ask({ weight }): weighted tables everywhere ask tabulates", () => {
  const c = ref("survey-fixtures.json").raoScott[2] as {
    rowCodes: number[];
    colCodes: number[];
    weights: number[];
    pF: number;
  };
  const t = table({ q: c.rowCodes.map((r) => `r${r}`), g: c.colCodes.map((v) => `c${v}`), w: c.weights });
  it("a weighted cross-tab: Rao-Scott p as svychisq, named in the test line and the table", () => {
    const a = ask("link-worker", "q", { by: "g", weight: "w", table: t, suppress: 0 });
    if (a.kind !== "crosstab" || !a.test || a.test.method !== "rao-scott")
      throw new Error("expected Rao-Scott");
    expect(Math.abs(a.test.p - c.pF) / c.pF).toBeLessThan(1e-6);
    expect(a.testLine).toMatch(/^Rao-Scott F \(second-order\)/);
    expect(a.table.weight).toBe("w");
    expect(a.figure.summary.base).toContain("weighted by w");
  });
  it("a weighted frequency table sums the weights", () => {
    const a = ask("link-worker", "q", { weight: "w", table: t, suppress: 0 });
    if (a.kind !== "frequencies") throw new Error("expected frequencies");
    const sum = c.weights.filter((_, i) => c.rowCodes[i] === 0).reduce((x, y) => x + y, 0);
    expect(a.table.cell("r0").n).toBeCloseTo(sum, 9);
  });
  it("a weighted numeric question: svymean / svyquantile per group and svyranktest's p (R survey)", () => {
    const n = JSON.parse(
      readFileSync(join(__dirname, "../numeric/reference/weighted-numeric.json"), "utf8"),
    )[2] as {
      y: (number | null)[];
      group: string[];
      w: number[];
      mean: number[];
      median: number[];
      p: number;
    };
    const nt = table({ y: n.y, g: n.group, w: n.w });
    const a = ask("link-worker", "y", { by: "g", weight: "w", table: nt, suppress: 0 });
    if (!isNumericAnswer(a) || !a.test) throw new Error("expected numeric");
    expect(a.test.method).toBe("survey-rank");
    expect(Math.abs(a.test.p! - n.p) / n.p).toBeLessThan(1e-6);
    const groups = a.table.result.summary.groups;
    expect(groups.map((g) => g.median)).toEqual(n.median);
    groups.forEach((g, k) => expect(g.mean).toBeCloseTo(n.mean[k]!, 9));
    expect(a.testLine).toMatch(
      /^Design-based Kruskal-Wallis test weighted by w .*: F = [\d.]+, df = 2, \d+, p = /,
    );
    expect(a.figure.summary.base).toContain("weighted by w");
    expect(() => ask("link-worker", "y", { by: "g", weight: "w", table: nt, ordinal: true })).toThrow(
      /weighted Spearman is not implemented/,
    );
  });
  it("an unknown weight column is one line", () => {
    expect(() => ask("link-worker", "q", { weight: "wt", table: t })).toThrow('ask: no weight column "wt"');
  });
});

describe("ask({ compare: 'columns' }): column-proportion letters", () => {
  const c = ref("survey-fixtures.json").columnProportions[1] as {
    counts: number[][];
    pairs: { row: number; a: number; b: number; p: number }[];
  };
  const rows: { q: string; g: string }[] = [];
  c.counts.forEach((r, i) =>
    r.forEach((n, j) => {
      for (let k = 0; k < n; k++) rows.push({ q: `r${i}`, g: `c${j}` });
    }),
  );
  const t = table({ q: rows.map((r) => r.q), g: rows.map((r) => r.g) });
  it("z-test p as R's prop.test, letters from Holm within each row, in HTML, markdown and text", () => {
    const a = ask("link-worker", "q", { by: "g", compare: "columns", table: t, suppress: 0 });
    if (a.kind !== "crosstab" || !a.table.comparisons) throw new Error("expected comparisons");
    for (const r of c.pairs) {
      const mine = a.table.comparisons.pairs.find((p) => p.row === r.row && p.a === r.a && p.b === r.b)!;
      expect(mine.p).toBeCloseTo(r.p, 9);
    }
    // Row 0 (counts 6, 39, 5, 4 of bases 67, 61, 42, 20): column B's share is highest.
    const expectedLetters = c.counts.map((_, i) => {
      const ps = c.pairs.filter((p) => p.row === i);
      const adj = holm(ps.map((p) => p.p));
      return ps.filter((_, k) => adj[k]! < 0.05);
    });
    expect(a.table.comparisons.pairs.filter((p) => p.significant).length).toBe(expectedLetters.flat().length);
    const text = a.table.toString();
    expect(text).toContain("c0 (A)");
    expect(a.table.toHTML()).toContain("c1 (B)");
    expect(a.table.comparisons.marks[0]![1]).toBe("ACD");
    expect(text).toMatch(/39 \(63\.9%, [\d.–]+\) ACD/);
    expect(a.table.toMarkdown()).toMatch(/Letters mark columns .* Holm-adjusted/);
  });
  it("suppressed cells carry no letter and take no part", () => {
    const a = ask("link-worker", "q", { by: "g", compare: "columns", adjust: "bonferroni", table: t });
    if (a.kind !== "crosstab" || !a.table.comparisons) throw new Error("expected comparisons");
    // Row 0, column D holds 4: hidden, so no pair with it in row 0 is tested.
    expect(a.table.comparisons.pairs.some((p) => p.row === 0 && (p.a === 3 || p.b === 3))).toBe(false);
    expect(a.table.toString()).toMatch(/Cells hidden by disclosure control are not compared/);
    expect(a.table.toMarkdown()).toMatch(/Bonferroni-adjusted/);
  });
});

describe("exports of every answer keep caption, footnotes and markers, spreadsheet-safe", () => {
  const hostile = withLevels(
    table({
      q: [...Array(12).fill(["=HYPERLINK(1)", "Walk"]), ...Array(3).fill(["Walk"])],
      g: [...Array(8).fill("a"), ...Array(7).fill("b")],
    }),
    { q: ["=HYPERLINK(1)", "Walk"] },
  );
  const answers = [
    ask("link-worker", "q", { table: hostile }),
    ask("link-worker", "q", { by: "g", table: hostile }),
    ask("link-worker", "q", { by: "g", option: "Walk", table: hostile }),
    ask("link-worker", "q", { pairs: true, table: hostile }),
  ];
  it.each(answers.map((a) => [a.kind, a] as const))("%s: CSV and XLSX", (_, a) => {
    const csv = toCsv(a.table);
    expect(csv.split("\r\n")[0]).toContain(a.table.caption.slice(0, 20));
    expect(csv).toContain("Computed from the table passed to ask().");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const book = XLSX.read(toXlsx(a.table), { type: "array" });
    const cells = Object.values(book.Sheets[book.SheetNames[0]!]!).filter(
      (x) => x && typeof x === "object" && "v" in x,
    ) as XLSX.CellObject[];
    expect(cells.some((x) => x.t === "s" && String(x.v).startsWith("=HYPERLINK"))).toBe(false);
    expect(cells.some((x) => "f" in x && x.f)).toBe(false);
  });
});

describe("ask never cites a test its table hides", () => {
  // Invented: group b has 3 "Yes", a small cell, so the table hides cells and the test's figures.
  const t = table({
    q: [...Array(20).fill("Yes"), ...Array(20).fill("No"), ...Array(3).fill("Yes"), ...Array(30).fill("No")],
    g: [...Array(40).fill("a"), ...Array(33).fill("b")],
  });
  it("the title keeps the verdict without figures; the test line hides statistic and p", () => {
    const a = ask("link-worker", "q", { by: "g", table: t });
    if (a.kind !== "crosstab") throw new Error("expected crosstab");
    expect(a.table.suppression.any).toBe(true);
    expect(a.figure.summary.title).toMatch(/by g \(test figures hidden: small cells\)$/);
    expect(a.figure.summary.title).not.toMatch(/p [=<]/);
    expect(a.testLine).toMatch(/statistic and p-value hidden/);
    expect(a.testLine).not.toMatch(/p = \d|X²|V = /); // the verdict may say "p < 0.05", never the p-value
  });
  it("column letters need column percentages and a single-choice question", () => {
    expect(() => crosstab(t, "q", { by: "g", percent: "row", compare: "columns" })).toThrow(
      'crosstab: compare: "columns" marks differences between column percentages; use percent: "column" (got "row")',
    );
    expect(() => ask("link-worker", "refer", { by: "trained", compare: "columns", ...given })).toThrow(
      'ask: compare: "columns" needs a single-choice question and a breakdown (by)',
    );
  });
});
