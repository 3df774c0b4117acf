import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { numericBox } from "../../src/figures/numeric-box.js";
import { numericSummary } from "../../src/numeric/numeric-summary.js";
import { specJSON } from "./spec-snapshot.js";

// Invented minutes: area B has 2 answers (suppressed).
const t = table({
  area: [...Array(8).fill("A"), "B", "B", ...Array(6).fill("C")],
  minutes: [30, 60, 90, 120, 150, 150, 200, 300, 45, 60, 0, 20, 40, 60, 80, 400],
});

describe("numericBox(groups)", () => {
  const s = numericSummary(t, "minutes", { by: "area", suppress: 3 });
  const groups = s.groups.map((g) => ({
    label: g.group,
    n: g.n,
    q1: g.q1,
    median: g.median,
    q3: g.q3,
    mean: g.mean,
    suppressed: g.status !== "shown",
  }));
  const fig = numericBox(groups, {
    title: "Minutes by area",
    base: { n: s.all.n, unit: "Link Workers" },
    axisTitle: "Minutes a week",
  });
  it("draws boxes from quartiles (no whiskers, no points), the n in each label, markers for hidden groups (spec)", async () => {
    const boxes = fig.data.filter((d) => d.type === "box");
    // B has 2 answers; C is hidden too, or the overall n would reveal B's n by subtraction.
    expect(boxes.map((b) => b.y)).toEqual([["A (n = 8)"]]);
    expect(boxes[0]).toMatchObject({
      q1: [82.5],
      median: [135],
      q3: [162.5],
      lowerfence: [82.5],
      boxpoints: false,
    });
    const marker = fig.data.find((d) => d.type === "scatter")!;
    expect(marker.y).toEqual(["B", "C"]);
    expect(marker.text).toEqual(["suppressed", "suppressed"]);
    expect(fig.summary.rows[1]).toEqual(["B", "suppressed", "–", "–", "–", "–"]);
    await expect(specJSON(fig)).toMatchFileSnapshot("__snapshots__/numeric-box.json");
  });
  it("refuses duplicate labels", () => {
    expect(() => numericBox([...groups, groups[0]!], { title: "x", base: "n = 1" })).toThrow(
      'numericBox: label "A" appears twice',
    );
  });
});
