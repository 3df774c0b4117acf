import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/display/chromium-path.js";
import {
  browserOpen,
  bundleFor,
  closeBrowser,
  renderInProcess,
  renderPng,
} from "../../src/display/renderer.js";
import { show } from "../../src/display/show.js";
import { barChart } from "../../src/figures/bar.js";
import { hexMap } from "../../src/figures/hex-map.js";
import type { Trace } from "../../src/figures/types.js";
import * as S from "../figures/samples.js";

const fig = barChart(S.referralSources, {
  title: "Most Link Workers receive referrals from GPs",
  base: S.base,
});

describe("bundleFor: the smallest plotly bundle with every trace type of a figure", () => {
  it("is the basic bundle for bar, scatter (also plotly's default) and pie, cartesian for box, full otherwise", () => {
    expect(bundleFor({ data: [{ type: "bar" }, { type: "scatter" }, {}] })).toBe("basic");
    expect(bundleFor({ data: [{ type: "bar" }, { type: "box" }] })).toBe("cartesian");
    expect(bundleFor({ data: [{ type: "violin" }] })).toBe("cartesian");
    expect(bundleFor({ data: [{ type: "box" }, { type: "sankey" }] })).toBe("full");
  });
});

describe.skipIf(!findChromium())("renderPng(figure) in headless Chromium", () => {
  afterAll(async () => {
    await closeBrowser();
  });

  it("gives a PNG of the figure's fixed size", async () => {
    const { png, reason } = await renderPng(fig);
    expect(reason).toBe("");
    const bytes = Buffer.from(png!, "base64");
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    // IHDR width and height (big-endian at bytes 16 and 20).
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([fig.width, fig.height]);
  }, 60_000);

  it("is deterministic: rendering twice gives the same bytes", async () => {
    const a = await renderPng(fig);
    const b = await renderPng(fig);
    expect(a.png).toBe(b.png);
  }, 60_000);

  it("renders figures concurrently requested one at a time, all of them", async () => {
    const map = hexMap(S.areaValues, { title: "Map", base: S.base });
    const results = await Promise.all([renderPng(fig), renderPng(map), renderPng(fig)]);
    expect(results.map((r) => r.png !== null)).toEqual([true, true, true]);
    expect(results[0]!.png).toBe(results[2]!.png);
  }, 60_000);

  it("draws a box plot (a trace type the basic bundle lacks) from the cartesian bundle", async () => {
    const spec = (data: Trace[]) => ({
      data,
      layout: { title: { text: "Weekly minutes" }, showlegend: false },
      config: {},
      width: 480,
      height: 320,
    });
    const y = [30, 60, 90, 150, 150, 300, 420];
    const box = await renderInProcess(spec([{ type: "box", y }]));
    // A bundle without box traces draws an unknown type as plotly's default, a scatter of the same values.
    const fallback = await renderInProcess(spec([{ type: "scatter", y }]));
    expect(box.reason).toBe("");
    expect(box.png).not.toBe(fallback.png);
  }, 90_000);

  it("show(figure, { image: 'png' }) puts the PNG in the bundle", async () => {
    const b = await show(fig, { image: "png" });
    expect(Object.keys(b!.data)).toEqual(["application/vnd.plotly.v1+json", "image/png", "text/plain"]);
  }, 60_000);

  it("closes on the kernel's shutdown event", async () => {
    await renderPng(fig);
    expect(browserOpen()).toBe(true);
    process.emit("sp-pathways:shutdown" as "exit", 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(browserOpen()).toBe(false);
  }, 60_000);
});
