import { loadPlaywright, type Browser, type Page } from "./playwright-types.js";
import type { Figure } from "../figures/types.js";
import { findChromium } from "./chromium-path.js";
import { renderRemote, type RenderSpec } from "./render-service.js";

/** Flags that work for headless Debian Chromium here (see the toolchain notes). */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// The basic bundle (bar, scatter, pie) loads in about 1.6 s here and serves every builder but the box plot; the
// cartesian one (box, violin, histogram, heatmap too) in about 2.4 s; the full one in 5.4 s (quiet machine,
// 2026-12-02). Each page loads on the first figure that needs it; the warm-up loads only the basic one.
const BUNDLES = {
  basic: "plotly.js-basic-dist-min/plotly-basic.min.js",
  cartesian: "plotly.js-cartesian-dist-min/plotly-cartesian.min.js",
  full: "plotly.js-dist-min/plotly.min.js",
} as const;
const BUNDLE_TYPES: Record<Exclude<BundleName, "full">, ReadonlySet<string>> = {
  basic: new Set(["bar", "scatter", "pie"]),
  cartesian: new Set([
    "scatter",
    "bar",
    "box",
    "heatmap",
    "histogram",
    "histogram2d",
    "histogram2dcontour",
    "contour",
    "scatterternary",
    "violin",
    "image",
    "pie",
  ]),
};
export type BundleName = keyof typeof BUNDLES;

interface State {
  readonly browser: Browser;
  readonly pages: Map<BundleName, Promise<Page>>;
}

let starting: Promise<State | null> | null = null;
let failure = "";
let queue: Promise<unknown> = Promise.resolve();
let hooked = false;

/** The result of a render: base64 PNG, or null with the reason there is none. */
export interface RenderResult {
  readonly png: string | null;
  readonly reason: string;
}

/** Why the shared render service was given up on in this process ("" while it is used or absent). */
let serviceFailure = "";

/**
 * Renders a figure to a PNG (base64). With `SP_RENDER_URL` set (the notebook runner and `npm run jupyter` set
 * it), the shared warm renderer does it: one local HTTP request, no browser start in this kernel. Otherwise, or
 * once that service cannot be reached, the process's own headless Chromium does it, started on first use. With
 * no usable browser the result carries the reason instead.
 * @example
 * const { png } = await renderPng(fig); // "iVBORw0KGgo..." or null
 */
export function renderPng(figure: Figure, scale = 1): Promise<RenderResult> {
  const url = process.env.SP_RENDER_URL;
  if (url && !serviceFailure) {
    return renderRemote(url, figure, scale).catch((err: unknown) => {
      // The service is gone (its run ended or it crashed): this kernel renders in its own browser from now on.
      serviceFailure = firstLine(err);
      return renderInProcess(figure, scale);
    });
  }
  return renderInProcess(figure, scale);
}

/** Why this process stopped using the shared render service, or "" (for tests and diagnostics). */
export function renderServiceFailure(): string {
  return serviceFailure;
}

/**
 * Renders a figure to a PNG in this process's one headless Chromium, started on first use (and again after it
 * crashed). Renders run one at a time. The render service uses it; notebooks use {@link renderPng}.
 * @example
 * const { png } = await renderInProcess(fig, 1);
 */
export function renderInProcess(figure: RenderSpec, scale = 1): Promise<RenderResult> {
  const job = queue.then(() => renderNow(figure, scale));
  queue = job.catch(() => undefined);
  return job;
}

async function renderNow(figure: RenderSpec, scale: number): Promise<RenderResult> {
  const state = await browserState();
  if (!state) return { png: null, reason: failure };
  try {
    const page = await pageFor(state, bundleFor(figure));
    const url = await page.evaluate(
      async ({ spec, width, height, scale }) => {
        const plotly = (
          globalThis as unknown as { Plotly: { toImage: (...a: unknown[]) => Promise<string> } }
        ).Plotly;
        return plotly.toImage(spec, { format: "png", width, height, scale });
      },
      {
        spec: { data: figure.data, layout: figure.layout, config: figure.config },
        width: figure.width,
        height: figure.height,
        scale,
      },
    );
    return { png: url.replace(/^data:image\/png;base64,/, ""), reason: "" };
  } catch (err) {
    return { png: null, reason: `the browser failed to render: ${firstLine(err)}` };
  }
}

/**
 * The smallest plotly bundle that has every trace type of the figure (plotly's default type is scatter).
 * @example
 * bundleFor({ data: [{ type: "box", y: [1, 2] }] }); // "cartesian"
 */
export function bundleFor(figure: { readonly data: readonly { readonly type?: unknown }[] }): BundleName {
  const types = figure.data.map((t) => String(t.type ?? "scatter"));
  if (types.every((t) => BUNDLE_TYPES.basic.has(t))) return "basic";
  return types.every((t) => BUNDLE_TYPES.cartesian.has(t)) ? "cartesian" : "full";
}

function firstLine(err: unknown): string {
  return String(err instanceof Error ? err.message : err).split("\n")[0] ?? "";
}

function browserState(): Promise<State | null> {
  if (!starting) starting = launch();
  return starting;
}

async function launch(): Promise<State | null> {
  const executablePath = findChromium();
  if (!executablePath) {
    failure = "no Chromium found: install the chromium package or set SP_CHROMIUM to a browser";
    return null;
  }
  try {
    const { chromium } = loadPlaywright();
    // Playwright gives the browser a fresh profile under os.tmpdir() and removes it on close. Its own signal
    // handlers would exit the process, so a Jupyter interrupt (SIGINT) would kill the kernel: turn them off.
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: FLAGS,
      chromiumSandbox: false,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    browser.on("disconnected", () => {
      starting = null;
      unhook();
    });
    hook();
    return { browser, pages: new Map() };
  } catch (err) {
    failure = `Chromium (${executablePath}) did not start: ${firstLine(err)}`;
    return null;
  }
}

function pageFor(state: State, bundle: BundleName): Promise<Page> {
  let page = state.pages.get(bundle);
  if (!page) {
    page = openPage(state.browser, bundle);
    state.pages.set(bundle, page);
  }
  return page;
}

async function openPage(browser: Browser, bundle: BundleName): Promise<Page> {
  // Offline: the page has everything it needs inline, and a figure must never reach the network.
  const context = await browser.newContext({
    offline: true,
    deviceScaleFactor: 1,
    viewport: { width: 1200, height: 900 },
  });
  const page = await context.newPage();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ path: require.resolve(BUNDLES[bundle]) });
  return page;
}

/**
 * Starts the browser and loads plotly in the background, so that the first figure does not wait for them.
 * Optional: without it the browser starts at the first figure. Resolves to whether a browser is ready.
 * @example
 * void warmUp(); // in the import cell of a notebook with figures
 */
export function warmUp(): Promise<boolean> {
  return browserState()
    .then((state) => (state ? pageFor(state, "basic").then(() => true) : false))
    .catch(() => false);
}

/**
 * Closes the headless browser if one is open, so the kernel's event loop can empty and the kernel exit.
 * Safe to call at any time; the next render starts a new browser.
 * @example
 * await closeBrowser();
 */
export async function closeBrowser(): Promise<void> {
  const pending = starting;
  starting = null;
  unhook();
  const state = pending ? await pending.catch(() => null) : null;
  if (state) await state.browser.close().catch(() => undefined);
}

/** Whether a browser is open or starting (for tests and diagnostics). */
export function browserOpen(): boolean {
  return starting !== null;
}

function onShutdown(): void {
  void closeBrowser();
}

// A kernel killed by SIGTERM/SIGHUP would skip Node's "exit" event, where playwright kills its browser: turn
// the signal into an exit while a browser is open.
function onSignal(signal: NodeJS.Signals): void {
  process.exit(signal === "SIGHUP" ? 129 : 143);
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on("sp-pathways:shutdown" as "exit", onShutdown);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
}

function unhook(): void {
  if (!hooked) return;
  hooked = false;
  process.off("sp-pathways:shutdown" as "exit", onShutdown);
  process.off("SIGTERM", onSignal);
  process.off("SIGHUP", onSignal);
}
