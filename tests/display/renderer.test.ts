import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/display/chromium-path.js";
import { browserOpen, closeBrowser, renderPng } from "../../src/display/renderer.js";
import { show } from "../../src/display/show.js";
import { barChart } from "../../src/figures/bar.js";
import { hexMap } from "../../src/figures/hex-map.js";
import * as S from "../figures/samples.js";

const fig = barChart(S.referralSources, {
  title: "Most Link Workers receive referrals from GPs",
  base: S.base,
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
