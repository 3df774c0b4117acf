import type { Figure } from "../figures/types.js";
import { figureHTMLTable, figureText } from "./summary-text.js";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** A Jupyter display bundle: MIME data and per-MIME metadata, as `display_data` carries them. */
export interface DisplayBundle {
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/** The plotly MIME payload: the spec only, so that renderers (JupyterLab, VS Code, nteract) draw it as is. */
export function plotlyPayload(figure: Figure): { data: unknown; layout: unknown; config: unknown } {
  return { data: figure.data, layout: figure.layout, config: figure.config };
}

/**
 * The display bundle of a figure. With `png` (base64): plotly JSON, the PNG and text. Without: the
 * no-browser fallback, plotly JSON, an HTML table of the values and text. Pure and deterministic.
 * @example
 * const bundle = figureBundle(fig); // fallback form, no browser involved
 * Object.keys(bundle.data); // ["application/vnd.plotly.v1+json", "text/html", "text/plain"]
 */
export function figureBundle(figure: Figure, png?: string | null): DisplayBundle {
  const text = figureText(figure.summary);
  const meta = { kind: "figure", title: figure.summary.title, image: png ? "png" : "none" };
  if (png) {
    return {
      data: { [PLOTLY_MIME]: plotlyPayload(figure), "image/png": png, "text/plain": text },
      metadata: { "sp-pathways": meta, "image/png": { width: figure.width, height: figure.height } },
    };
  }
  return {
    data: {
      [PLOTLY_MIME]: plotlyPayload(figure),
      "text/html": figureHTMLTable(figure.summary),
      "text/plain": text,
    },
    metadata: { "sp-pathways": meta },
  };
}
