import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { figureBundle, PLOTLY_MIME } from "../../src/display/bundle.js";
import { findChromium } from "../../src/display/chromium-path.js";
import { show } from "../../src/display/show.js";
import { showTable, tableBundle } from "../../src/display/show-table.js";
import { figureHTMLTable, figureText } from "../../src/display/summary-text.js";
import { resetWarning } from "../../src/display/warn.js";
import { barChart } from "../../src/figures/bar.js";
import * as S from "../figures/samples.js";

const fig = () =>
  barChart(S.referralSources, { title: "Most Link Workers receive referrals from GPs", base: S.base });

describe("figureBundle(figure)", () => {
  it("without an image is the fallback: plotly JSON, HTML table, text, marked as a figure", () => {
    const b = figureBundle(fig());
    expect(Object.keys(b.data)).toEqual([PLOTLY_MIME, "text/html", "text/plain"]);
    expect(b.metadata["sp-pathways"]).toMatchObject({ kind: "figure", image: "none" });
    const plotly = b.data[PLOTLY_MIME] as { data: unknown[]; layout: Record<string, unknown> };
    expect(plotly.data).toHaveLength(2);
    expect(Object.keys(plotly).sort()).toEqual(["config", "data", "layout"]);
  });
  it("with a PNG carries plotly JSON, the PNG and text, and the image's CSS size", () => {
    const b = figureBundle(fig(), "iVBORw0KGgo=");
    expect(Object.keys(b.data)).toEqual([PLOTLY_MIME, "image/png", "text/plain"]);
    expect(b.metadata["image/png"]).toEqual({ width: 900, height: 398 });
  });
  it("is deterministic: the same figure gives the same bytes", () => {
    expect(JSON.stringify(figureBundle(fig()))).toBe(JSON.stringify(figureBundle(fig())));
  });
});

describe("figureText(summary), the alt text", () => {
  it("gives title, base, note and one line per value with interval and n", () => {
    const text = figureText(fig().summary).split("\n");
    expect(text.slice(0, 3)).toEqual([
      "Most Link Workers receive referrals from GPs",
      "n = 214 Link Workers",
      "Synthetic data calibrated to the published report",
    ]);
    expect(text).toContain("- GP practice: Percent 89%; 95% CI 84–93%; n 214");
  });
  it("lists missing and suppressed values as such", () => {
    const text = figureText(fig().summary);
    expect(text).toContain("- Police: Percent suppressed\n"); // "suppressed" and nothing more: no n
    expect(text).toContain("- Fire service: Percent –; n 0");
  });
  it("says when there are no valid responses", () => {
    const empty = barChart([], { title: "Nothing", base: "n = 0" });
    expect(figureText(empty.summary)).toContain("(no valid responses to show)");
  });
});

describe("figureHTMLTable(summary)", () => {
  it("escapes labels such as '<5'", () => {
    const f = barChart([{ label: "<5 & more", value: 3 }], { title: "T", base: "n = 9" });
    expect(figureHTMLTable(f.summary)).toContain('<th scope="row">&lt;5 &amp; more</th>');
  });
});

describe("findChromium(env)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-find-"));
  const fake = path.join(dir, "chromium");
  fs.writeFileSync(fake, "#!/bin/sh\n", { mode: 0o755 });
  it("finds chromium on PATH", () => {
    expect(findChromium({ PATH: `/nonexistent${path.delimiter}${dir}` })).toBe(fake);
  });
  it("returns null when PATH has no browser", () => {
    expect(findChromium({ PATH: "/nonexistent" })).toBeNull();
  });
  it("SP_CHROMIUM=none switches images off even with a browser on PATH", () => {
    expect(findChromium({ PATH: dir, SP_CHROMIUM: "none" })).toBeNull();
  });
  it("SP_CHROMIUM names the browser; a missing path gives null", () => {
    expect(findChromium({ PATH: "", SP_CHROMIUM: fake })).toBe(fake);
    expect(findChromium({ PATH: dir, SP_CHROMIUM: "/no/such/chrome" })).toBeNull();
  });
});

describe("show(figure) outside a kernel", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    resetWarning();
  });
  it("returns the bundle, starts no browser and warns nothing", async () => {
    const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const b = await show(fig());
    expect(b && Object.keys(b.data)).toEqual([PLOTLY_MIME, "text/html", "text/plain"]);
    expect(spy).not.toHaveBeenCalled();
  });
  it("asked for an image without a browser, falls back and warns once in one line", async () => {
    vi.stubEnv("SP_CHROMIUM", "none");
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation(
      (s: string | Uint8Array) => (lines.push(String(s)), true),
    );
    await show(fig(), { image: "png" });
    const b = await show(fig(), { image: "png" });
    expect(b && Object.keys(b.data)).toEqual([PLOTLY_MIME, "text/html", "text/plain"]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^sp-pathways: figures have no static image \(no Chromium found.*\); showing interactive plotly plus a data table instead\.\n$/,
    );
  });
});

describe("showTable(result)", () => {
  const result = {
    toHTML: () => "<table><caption>Trained</caption></table>",
    toMarkdown: () => "**Trained**",
    toString: () => "Trained",
  };
  it("returns one bundle with HTML, markdown and text, marked as a table", () => {
    const b = showTable(result)!;
    expect(b.data).toEqual({
      "text/html": "<table><caption>Trained</caption></table>",
      "text/markdown": "**Trained**",
      "text/plain": "Trained",
    });
    expect(b.metadata).toEqual({ "sp-pathways": { kind: "table" } });
  });
  it("rejects something that is not a tabulation result", () => {
    expect(() => tableBundle({} as typeof result)).toThrow("showTable: expected a tabulation result");
  });
});
