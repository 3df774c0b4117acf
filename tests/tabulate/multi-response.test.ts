import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { multiResponse } from "../../src/tabulate/index.js";
import { wilson } from "../../src/stats/index.js";
import { tableEqual } from "../helpers/table-equal.js";

// Seven synthetic respondents; "Dance" is offered but nobody chose it, row 4 skipped the question and row 7
// has no organisation size.
const activities = () =>
  withLevels(
    table({
      acts: [
        ["Walking", "Gym"],
        ["Walking"],
        [],
        null,
        ["Gym", "Swimming"],
        ["Walking", "Gym", "Swimming"],
        ["Walking"],
      ],
      size: ["Small", "Small", "Small", "Small", "Large", "Large", null],
    }),
    { acts: ["Walking", "Swimming", "Gym", "Dance"], size: ["Small", "Large"] },
  );

describe("multiResponse", () => {
  it("multiResponse(table, q) gives percentages of respondents who answered, which can sum past 100%", () => {
    const m = multiResponse(activities(), "acts", { suppress: false });
    expect(m.rowLevels).toEqual(["Walking", "Swimming", "Gym", "Dance"]);
    expect(m.colLevels).toEqual(["All"]);
    // Answered: rows 1, 2, 3, 5, 6, 7 = 6 ([] counts as answered); Walking 4, Swimming 2, Gym 3, Dance 0.
    expect(m.counts).toEqual([[4], [2], [3], [0]]);
    expect(m.respondents).toEqual([6]);
    expect(m.percents.map((r) => r[0])).toEqual([(100 * 4) / 6, (100 * 2) / 6, (100 * 3) / 6, 0]);
    expect(m.missing).toEqual({ question: 1, by: 0 });
    const w = wilson(4, 6);
    expect(m.intervals!.lower[0]![0]).toBeCloseTo(100 * w.lower, 12);
  });

  it("multiResponse base: 'responses' gives percentages of all options chosen, summing to 100%, no intervals", () => {
    const m = multiResponse(activities(), "acts", { base: "responses", suppress: false });
    expect(m.responses).toEqual([9]);
    expect(m.percents.map((r) => r[0])).toEqual([(100 * 4) / 9, (100 * 2) / 9, (100 * 3) / 9, 0]);
    expect(m.intervals).toBeNull();
  });

  it("multiResponse with by gives shares of respondents within each group plus an All column", () => {
    const m = multiResponse(activities(), "acts", { by: "size", suppress: false });
    expect(m.colLevels).toEqual(["Small", "Large", "All"]);
    // Small answered: rows 1, 2, 3; Large: rows 5, 6; row 7 (no size) is reported, not grouped.
    expect(m.respondents).toEqual([3, 2, 5]);
    expect(m.counts).toEqual([
      [2, 1, 3],
      [0, 2, 2],
      [1, 2, 3],
      [0, 0, 0],
    ]);
    expect(m.percents[1]).toEqual([0, 100, 40]);
    expect(m.missing).toEqual({ question: 1, by: 1 });
    tableEqual(
      m.toTable().filter((d: { row: string }) => d.row === "Gym"),
      {
        row: ["Gym", "Gym", "Gym"],
        column: ["Small", "Large", "All"],
        n: [1, 2, 3],
        n_unweighted: [1, 2, 3],
        base: [3, 2, 5],
        percent: [100 / 3, 100, 60],
        ci_lower: [100 * wilson(1, 3).lower, 100 * wilson(2, 2).lower, 100 * wilson(3, 5).lower],
        ci_upper: [100 * wilson(1, 3).upper, 100 * wilson(2, 2).upper, 100 * wilson(3, 5).upper],
        status: ["shown", "shown", "shown"],
        suppressed: [false, false, false],
      },
      9,
    );
  });

  it("multiResponse weights selections and respondents, keeping unweighted bases", () => {
    const t = table({ acts: [["a"], ["a", "b"], [], ["b"]], w: [2, 0, 1, 3] });
    const m = multiResponse(t, "acts", { weight: "w", suppress: false });
    expect(m.counts).toEqual([[2], [3]]);
    expect(m.unweighted).toEqual([[2], [2]]);
    expect(m.respondents).toEqual([6]);
    expect(m.respondentsUnweighted).toEqual([4]);
    expect(m.percents).toEqual([[(100 * 2) / 6], [(100 * 3) / 6]]);
  });

  it("multiResponse with no valid responses: all unanswered gives zero bases and undefined percentages", () => {
    const t = withLevels(table({ acts: [null, null] }), { acts: ["a", "b"] });
    const m = multiResponse(t, "acts");
    expect(m.counts).toEqual([[0], [0]]);
    expect(m.percents).toEqual([[null], [null]]);
    expect(m.missing.question).toBe(2);
  });

  it("multiResponse of an empty table counts nothing", () => {
    const m = multiResponse(table({ acts: [] as string[][] }), "acts");
    expect(m.rowLevels).toEqual([]);
    expect(m.respondents).toEqual([0]);
  });

  it("multiResponse rejects a non-array answer and an unknown option, naming column, row and value", () => {
    expect(() => multiResponse(table({ acts: [["a"], "a;b"] }), "acts")).toThrow(
      'multiResponse: column "acts" is not a multi-select column: row 1 holds "a;b", expected string[] or null',
    );
    const t = withLevels(table({ acts: [["a"], ["z"]] }), { acts: ["a", "b"] });
    expect(() => multiResponse(t, "acts")).toThrow(
      'multiResponse: column "acts" has option "z" at row 1 that is not one of its recorded levels (a, b)',
    );
  });

  it("multiResponse suppresses small counts and, with an All column, a complement in the same row", () => {
    const acts = [...Array(12).fill(["a"]), ...Array(3).fill(["b"]), ...Array(9).fill(["b"])] as string[][];
    const size = [...Array(6).fill("S"), ...Array(6).fill("L"), ...Array(3).fill("S"), ...Array(9).fill("L")];
    // a: S 6, L 6, All 12; b: S 3, L 9, All 12. "b/S = 3" is primary; row b then needs a complement: L (9).
    const m = multiResponse(table({ acts, size }), "acts", { by: "size" });
    expect(m.colLevels).toEqual(["L", "S", "All"]);
    expect(m.suppression.cells).toEqual([
      ["shown", "shown", "shown"],
      // L's complement in its row (All - L = the small S) is small too: hidden by the complement rule.
      ["primary", "primary", "shown"],
    ]);
    const md = m.toMarkdown();
    expect(md).toContain("| b | [c] | [c] | 12 (50.0%, ");
    expect(md).toContain("| Respondents (base) | 15 | 9 | 24 |");
  });

  it("multiResponse renders as text with the percent-of-respondents note", () => {
    const m = multiResponse(activities(), "acts", { suppress: false, ci: false });
    expect(m.toString()).toBe(
      [
        "acts",
        "acts                      All",
        "------------------  ---------",
        "Walking             4 (66.7%)",
        "Swimming            2 (33.3%)",
        "Gym                 3 (50.0%)",
        "Dance                0 (0.0%)",
        "------------------  ---------",
        "Respondents (base)          6",
        "",
        "Cells: count (percentage of respondents who answered); respondents could choose several options, so percentages can sum past 100%.",
        "Not tabulated: 1 did not answer the question.",
        "Disclosure control: off for this table (option suppress: false).",
      ].join("\n"),
    );
  });
});
