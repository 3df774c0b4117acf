import { describe, expect, it } from "vitest";
import { MUTED, seriesLegend, suppressedCross } from "../../src/figures/theme.js";

describe("seriesLegend() and suppressedCross(): theme marks shared by the builders", () => {
  it("seriesLegend() shows the legend in one row above the plot, in trace order", () => {
    expect(seriesLegend()).toEqual({
      showlegend: true,
      legend: { orientation: "h", x: 0, y: 1.0, yanchor: "bottom", traceorder: "normal" },
    });
  });
  it("suppressedCross() is the muted open cross", () => {
    expect(suppressedCross()).toEqual({
      symbol: "x-thin-open",
      size: 9,
      color: MUTED,
      line: { width: 2, color: MUTED },
    });
  });
  it("each call is a fresh object, so changing one figure's layout leaves the next figure alone", () => {
    const a = seriesLegend();
    (a.legend as { x: number }).x = 0.5;
    expect(seriesLegend().legend).toMatchObject({ x: 0 });
    expect(suppressedCross()).not.toBe(suppressedCross());
  });
});
