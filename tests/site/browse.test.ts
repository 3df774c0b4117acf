// The reading edition checked as a reader would: built from the committed notebooks (never re-executed), opened in
// headless Chromium, navigated from the index through every page. Screenshots go to build/site-screenshots/.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/codebook/project-root.js";
import { findChromium } from "../../src/display/chromium-path.js";
import { buildSite, type BuildResult } from "../../scripts/site/build-site.js";

const root = projectRoot();
const outDir = path.join(root, "build", "test-site");
const shots = path.join(root, "build", "site-screenshots");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)("the reading edition in headless Chromium", () => {
  let site: BuildResult;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    site = buildSite({ root, notebooksDir: path.join(root, "notebooks"), outDir });
    mkdirSync(shots, { recursive: true });
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      headless: true,
      chromiumSandbox: false,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page that records console errors, failed requests and script errors into `problems`. */
  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, offline: true });
    const page = await context.newPage();
    const where = () => path.basename(new URL(page.url()).pathname);
    page.on(
      "console",
      (m) => m.type() === "error" && problems.push(`${where()}: console error: ${m.text()}`),
    );
    page.on("pageerror", (e) => problems.push(`${where()}: script error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`${where()}: failed to load ${r.url()}`));
    return page;
  }

  const url = (file: string) => pathToFileURL(path.join(outDir, file)).href;

  /** Every link of the page that stays on this machine must reach a file, and an anchor its id. */
  async function brokenLinks(page: Page): Promise<string[]> {
    const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const broken: string[] = [];
    for (const href of hrefs) {
      if (!href.startsWith("file:")) continue;
      const target = new URL(href);
      const file = fileURLToPath(target);
      if (!existsSync(file)) broken.push(href);
      else if (target.hash && file.endsWith(".html")) {
        const id = decodeURIComponent(target.hash.slice(1));
        if (!readFileSync(file, "utf8").includes(`id="${id}"`)) broken.push(href);
      }
    }
    return broken;
  }

  /** Waits until every figure is drawn by plotly, or shows its image; returns the figures that show neither. */
  async function figuresShown(
    page: Page,
    interactive: boolean,
  ): Promise<{ total: number; missing: string[] }> {
    if (interactive) {
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll("figure.figure")].every((f) => f.classList.contains("interactive")),
        null,
        { timeout: 60_000 },
      );
    }
    return page.$$eval("figure.figure", (figs) => ({
      total: figs.length,
      missing: figs
        .filter((f) => {
          const img = f.querySelector("img.static") as HTMLImageElement | null;
          const imageShown =
            img && img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().height > 0;
          const plotShown =
            f.classList.contains("interactive") && f.querySelector(".plot svg.main-svg") !== null;
          return !(imageShown || plotShown);
        })
        .map((f) => f.id),
    }));
  }

  it("follows the navigation from the index through every page, in order, with every figure shown", async () => {
    const page = await open(DESKTOP);
    await page.goto(url("index.html"));
    expect(await page.locator("ol.sections > li").count()).toBe(site.pages.length);
    expect(await page.locator("dl.glossary dt").count()).toBeGreaterThanOrEqual(13);
    expect(await brokenLinks(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, "index-desktop.png"), fullPage: true });

    const visited: string[] = [];
    await page.click("nav.pager.top a.next");
    for (;;) {
      const file = path.basename(new URL(page.url()).pathname);
      visited.push(file);
      const expected = site.pages.find((p) => p.file === file)!;
      expect(await brokenLinks(page), file).toEqual([]);
      const figures = await figuresShown(page, true);
      expect({ file, total: figures.total, missing: figures.missing }).toEqual({
        file,
        total: expected.figures,
        missing: [],
      });
      expect(await page.locator(".data-banner").first().textContent()).toMatch(/Synthetic data/);
      const next = page.locator("nav.pager.top a.next");
      if ((await next.count()) === 0) break;
      await next.click();
    }
    expect(visited).toEqual(site.pages.map((p) => p.file));
    // Back to the contents from the last page.
    await page.click('nav.pager.bottom .home a[href="index.html"]');
    expect(path.basename(new URL(page.url()).pathname)).toBe("index.html");
    expect(problems).toEqual([]);
  }, 300_000);

  it("keeps code folded until asked, and shows a figure's values on hover", async () => {
    const page = await open(DESKTOP);
    const withFigures = site.pages.find((p) => p.figures > 0 && p.file.startsWith("03"))!;
    await page.goto(url(withFigures.file));
    const first = page.locator("details.source").first();
    expect(await page.locator("pre.code:visible").count()).toBe(0);
    await first.locator("summary").click();
    expect(await first.getAttribute("open")).not.toBeNull();
    await expect.poll(() => first.locator("pre.code").isVisible()).toBe(true);
    expect(await first.locator(".hide-label").isVisible()).toBe(true);

    await figuresShown(page, true);
    const bar = page
      .locator("figure.figure.interactive .point path, figure.figure.interactive .points path")
      .first();
    await bar.scrollIntoViewIfNeeded();
    // Move the mouse as a reader would: plotly's drag layer, not the bar, receives the pointer.
    const box = (await bar.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await expect
      .poll(() => page.locator(".hoverlayer .hovertext").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await page.locator(".hoverlayer .hovertext").first().textContent()).toMatch(/%/);
    await page.screenshot({
      path: path.join(shots, `${withFigures.file.replace(".html", "")}-hover-desktop.png`),
    });
    expect(problems).toEqual([]);
  }, 120_000);

  it("reads on a phone: no sideways scrolling, figures as images; and prints without controls", async () => {
    const names = ["index.html", site.pages.find((p) => p.file.startsWith("03"))!.file];
    names.push(site.pages.find((p) => p.file.startsWith("05"))!.file);
    for (const file of names.slice(1)) {
      const page = await open(DESKTOP);
      await page.goto(url(file));
      await figuresShown(page, true);
      await page.screenshot({
        path: path.join(shots, `${file.replace(".html", "")}-desktop.png`),
        fullPage: true,
      });
      await page.emulateMedia({ media: "print" });
      expect(
        await page.locator("details.source:visible, nav.pager:visible, .plot:visible").count(),
        file,
      ).toBe(0);
      const images = await page.$$eval("figure.figure img.static", (imgs) =>
        imgs.map((i) => i.getBoundingClientRect().height > 0),
      );
      expect(images.every(Boolean), `${file}: every figure prints as its image`).toBe(true);
    }
    for (const file of names) {
      const page = await open(PHONE);
      await page.goto(url(file));
      const figures = await figuresShown(page, false);
      expect(figures.missing, file).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${file} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: path.join(shots, `${file.replace(".html", "")}-phone.png`),
        fullPage: true,
      });
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
