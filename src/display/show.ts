import type { Figure } from "../figures/types.js";
import { figureBundle, type DisplayBundle } from "./bundle.js";
import { currentWriter, emit } from "./emit.js";
import { renderPng } from "./renderer.js";
import { warnOnce } from "./warn.js";

/** Options of {@link show}. */
export interface ShowOptions {
  /**
   * "auto" (default): a PNG inside a kernel, none elsewhere (so scripts and tests never start a browser by
   * accident); "png": always try; "none": never.
   */
  readonly image?: "auto" | "png" | "none";
  /** Device-pixel scale of the PNG (default 1; the image metadata keeps the CSS size). */
  readonly scale?: number;
}

function inKernel(): boolean {
  return process.env.SP_PATHWAYS_KERNEL === "1" || currentWriter() !== null;
}

/**
 * Displays a figure as ONE Jupyter output: plotly JSON (interactive where a renderer exists), a PNG from headless
 * Chromium (for GitHub, nbviewer, nbconvert) and the values as text. Without a browser the PNG is replaced by an
 * HTML table and one warning line goes to stderr, once per kernel. Inside a kernel it resolves to undefined
 * (so nothing is echoed); elsewhere it emits nothing and resolves to the bundle.
 * @example
 * await show(barChart(data, { title: "Most referrals come from GPs", base: { n: 214, unit: "Link Workers" } }));
 */
export async function show(figure: Figure, options: ShowOptions = {}): Promise<DisplayBundle | undefined> {
  const writer = currentWriter();
  const mode = options.image ?? "auto";
  let png: string | null = null;
  if (mode === "png" || (mode === "auto" && inKernel())) {
    const result = await renderPng(figure, options.scale ?? 1);
    png = result.png;
    if (!png) {
      warnOnce(
        `sp-pathways: figures have no static image (${result.reason}); showing interactive plotly plus a data table instead.`,
      );
    }
  }
  const bundle = figureBundle(figure, png);
  if (!writer) return bundle;
  emit(writer, bundle);
  return undefined;
}
