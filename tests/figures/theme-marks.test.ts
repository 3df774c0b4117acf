import { describe, expect, it } from "vitest";
import { MUTED, seriesLegend, suppressedMark } from "../../src/figures/theme.js";

describe("seriesLegend() and suppressedMark(n): theme marks shared by the builders", () => {
  it("seriesLegend() shows the legend in one row above the plot, in trace order", () => {
    expect(seriesLegend()).toEqual({
      showlegend: true,
      legend: { orientation: "h", x: 0, y: 1.0, yanchor: "bottom", traceorder: "normal" },
    });
  });
  it("suppressedMark(n) is the muted open cross with the word 'suppressed' beside each of the n points", () => {
    expect(suppressedMark(2)).toEqual({
      marker: { symbol: "x-thin-open", size: 9, color: MUTED, line: { width: 2, color: MUTED } },
      text: ["suppressed", "suppressed"],
      textposition: "middle right",
      textfont: { size: 11, color: MUTED },
    });
    expect(suppressedMark(0).text).toEqual([]);
  });
  it("each call is a fresh object, so changing one figure's layout leaves the next figure alone", () => {
    const a = seriesLegend();
    (a.legend as { x: number }).x = 0.5;
    expect(seriesLegend().legend).toMatchObject({ x: 0 });
    expect(suppressedMark(1).marker).not.toBe(suppressedMark(1).marker);
  });
});
