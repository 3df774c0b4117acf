import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/display/chromium-path.js";
import {
  cellOutputs,
  executeNotebook,
  hasJupyter,
  mimeText,
  processesMentioning,
  projectEnv,
  root,
  tempDir,
  startNotebookServer,
  workDir,
  type NotebookRun,
  type Output,
} from "./jupyter.js";

const FIXTURE = path.join(root, "tests", "fixtures", "notebooks", "figures.ipynb");
const PLOTLY = "application/vnd.plotly.v1+json";
const chromium = findChromium();
const isFigure = (o: Output) =>
  (o.metadata?.["sp-pathways"] as { kind?: string } | undefined)?.kind === "figure";

describe.skipIf(!hasJupyter || !chromium)("a notebook with figures, executed with Chromium", () => {
  const dir = workDir("with-chromium");
  const out = path.join(dir, "figures.ipynb");
  const html = path.join(dir, "html");
  const kernelTmp = tempDir("sp-nb-chromium-");
  let run: NotebookRun;
  let browser: Browser;

  beforeAll(async () => {
    run = await executeNotebook(FIXTURE, out, await projectEnv({ TMPDIR: kernelTmp }), html);
    const { chromium: launcher } = await import("playwright-core");
    browser = await launcher.launch({ executablePath: chromium!, args: ["--no-sandbox", "--disable-gpu"] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(kernelTmp, { recursive: true, force: true });
  });

  it("executes, counting three figures", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim().split("\n").pop()!)).toMatchObject({ figures: 3 });
  });

  it("gives each show() cell one output with plotly JSON, a PNG and text, and no warning", () => {
    const cells = cellOutputs(out);
    const figureCells = cells.filter((outs) => outs.some(isFigure));
    expect(figureCells).toHaveLength(3);
    for (const outs of figureCells) {
      expect(outs).toHaveLength(1);
      const [o] = outs as [Output];
      expect(o.output_type).toBe("display_data");
      expect(Object.keys(o.data!).sort()).toEqual([PLOTLY, "image/png", "text/plain"].sort());
      expect(mimeText(o.data!["image/png"]).startsWith("iVBORw0KGgo")).toBe(true);
      expect(mimeText(o.data!["text/plain"])).toContain("n = 214 Link Workers");
    }
    expect(cells.flat().filter((o) => o.output_type === "stream")).toEqual([]);
  });

  it("gives showTable() one output with HTML, markdown and text, marked as a table", () => {
    const tables = cellOutputs(out)
      .flat()
      .filter((o) => (o.metadata?.["sp-pathways"] as { kind?: string })?.kind === "table");
    expect(tables).toHaveLength(1);
    expect(Object.keys(tables[0]!.data!).sort()).toEqual(["text/html", "text/markdown", "text/plain"]);
  });

  it("lets the kernel exit without leaving a Chromium process", async () => {
    await new Promise((r) => setTimeout(r, 1000));
    expect(processesMentioning(kernelTmp)).toEqual([]);
    // The kernel's browser profile lived under its TMPDIR and was removed when the browser closed.
    expect(fs.readdirSync(kernelTmp).filter((f) => f.startsWith("playwright"))).toEqual([]);
  });

  it("renders to nbconvert HTML whose screenshot shows the three images", async () => {
    const file = path.join(html, "figures.html");
    const body = fs.readFileSync(file, "utf8");
    expect(body.match(/<img src="data:image\/png;base64,/g)).toHaveLength(3);
    const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`file://${file}`);
    const sizes = await page.$$eval('img[src^="data:image/png"]', (imgs) =>
      imgs.map((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]),
    );
    expect(sizes).toHaveLength(3);
    for (const [w, h] of sizes) expect(w! * h!).toBeGreaterThan(100_000);
    await page.screenshot({ path: path.join(dir, "figures-html.png"), fullPage: true });
    await context.close();
  }, 60_000);

  it("draws the figures live in the classic notebook with the sp-plotly extension (hover shows values)", async () => {
    const server = await startNotebookServer(dir, await projectEnv());
    try {
      const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
      const page = await context.newPage();
      await page.goto(server.url("notebooks/figures.ipynb"));
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll(".output_plotly .js-plotly-plot")].filter((e) =>
            e.querySelector(".main-svg"),
          ).length === 3,
        null,
        { timeout: 90_000 },
      );
      // Drawing changed nothing in the notebook, so autosave has nothing to rewrite.
      expect(
        await page.evaluate(
          () => (window as unknown as { Jupyter: { notebook: { dirty: boolean } } }).Jupyter.notebook.dirty,
        ),
      ).toBe(false);
      // The live plot replaced the image: no PNG is shown in any figure output.
      expect(await page.locator(".output_png img").count()).toBe(0);
      const bar = page
        .locator(".output_plotly .js-plotly-plot")
        .first()
        .locator(".trace.bars .point path")
        .first();
      await bar.scrollIntoViewIfNeeded();
      const box = (await bar.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
      const hover = page.locator(".output_plotly .js-plotly-plot .hoverlayer .hovertext").first();
      await hover.waitFor({ timeout: 10_000 });
      expect(await hover.textContent()).toContain("GP practice: 89% (95% CI 84–93%), n = 214");
      await page.screenshot({ path: path.join(dir, "classic-notebook.png") });
      await context.close();
    } finally {
      await server.stop();
    }
  }, 180_000);
});
