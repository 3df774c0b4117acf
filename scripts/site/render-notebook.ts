import type { Notebook, NotebookCell, NotebookOutput } from "./notebook-json.js";
import { joinText } from "./notebook-json.js";
import type { LinkContext } from "./markdown.js";
import { renderMarkdown } from "./markdown.js";
import { prepareTables } from "./tables.js";

const PLOTLY = "application/vnd.plotly.v1+json";

export interface RenderContext extends LinkContext {
  /** The page's file stem ("03-initial-contact"), used to name its image files. */
  stem: string;
  /** Writes one image file of the page and returns its href from the page. */
  writeImage(name: string, bytes: Buffer): string;
}

export interface RenderedNotebook {
  /** The page's main content: prose, folded code, outputs. */
  html: string;
  /** Figures on the page (plotly specs, each with its static image when the run had one). */
  figures: number;
  /** The plotly trace types the page draws, to choose the plotly bundle the site ships. */
  traceTypes: Set<string>;
}

/**
 * A notebook as a page body: markdown in full, every code cell folded behind a "Show code" control with its
 * execution count, outputs in full (tables with aligned numbers and their footnotes, figures as an interactive
 * plotly mount over their PNG), cells tagged `remove-cell` left out.
 * @example
 * renderNotebook(readNotebook("notebooks/03-initial-contact.ipynb"), ctx).figures; // 2
 */
export function renderNotebook(nb: Notebook, ctx: RenderContext): RenderedNotebook {
  const state = { figures: 0, traceTypes: new Set<string>(), images: 0, outputs: 0 };
  const parts: string[] = [];
  for (const cell of nb.cells) {
    const tags = (cell.metadata?.tags as string[] | undefined) ?? [];
    if (tags.includes("remove-cell")) continue;
    if (cell.cell_type === "markdown") {
      parts.push(`<div class="cell markdown">${renderMarkdown(joinText(cell.source), ctx)}</div>`);
    } else if (cell.cell_type === "code") {
      parts.push(codeCell(cell, ctx, state));
    }
  }
  return { html: parts.join("\n"), figures: state.figures, traceTypes: state.traceTypes };
}

type State = { figures: number; traceTypes: Set<string>; images: number; outputs: number };

function codeCell(cell: NotebookCell, ctx: RenderContext, state: State): string {
  const source = joinText(cell.source);
  const outputs = (cell.outputs ?? []).map((out) => output(out, ctx, state)).join("\n");
  const count = cell.execution_count ?? null;
  // A notebook run before the executor numbered its cells has no counts: no empty "In [ ]" then.
  const prompt = count ? ` <span class="prompt">In [${count}]</span>` : "";
  const code = source.trim()
    ? `<details class="source"><summary><span class="show-label">Show code</span><span class="hide-label">Hide code</span>${prompt}</summary>` +
      `<pre class="code"><code class="language-typescript">${escapeHtml(source)}</code></pre></details>`
    : "";
  return `<div class="cell code"${count ? ` data-execution-count="${count}"` : ""}>${code}${outputs ? `<div class="outputs">${outputs}</div>` : ""}</div>`;
}

function output(out: NotebookOutput, ctx: RenderContext, state: State): string {
  if (out.output_type === "stream") {
    const text = joinText(out.text);
    return text.trim()
      ? `<pre class="stream ${out.name === "stderr" ? "stderr" : "stdout"}">${escapeHtml(text)}</pre>`
      : "";
  }
  if (out.output_type === "error") {
    // eslint-disable-next-line no-control-regex -- kernels colour their tracebacks with ANSI escape codes
    const trace = (out.traceback ?? []).join("\n").replace(/\x1b\[[0-9;]*m/g, "");
    return `<pre class="error">${escapeHtml(trace || `${out.ename}: ${out.evalue}`)}</pre>`;
  }
  const data = out.data ?? {};
  state.outputs += 1;
  const tablePrefix = `output-${state.outputs}-table`;
  if (data[PLOTLY]) return figure(out, ctx, state);
  if (typeof data["text/html"] === "string" || Array.isArray(data["text/html"])) {
    return `<div class="output-html">${prepareTables(joinText(data["text/html"]), tablePrefix)}</div>`;
  }
  const image = staticImage(out, ctx, state, "");
  if (image) return `<div class="output-image">${image}</div>`;
  if (data["text/markdown"])
    return `<div class="output-markdown">${prepareTables(renderMarkdown(joinText(data["text/markdown"]), ctx), tablePrefix)}</div>`;
  if (data["text/plain"]) return `<pre class="output-text">${escapeHtml(joinText(data["text/plain"]))}</pre>`;
  return "";
}

function figure(out: NotebookOutput, ctx: RenderContext, state: State): string {
  const data = out.data!;
  const spec = data[PLOTLY] as {
    data?: { type?: string }[];
    layout?: Record<string, unknown>;
    config?: unknown;
  };
  for (const trace of spec.data ?? []) state.traceTypes.add(trace.type ?? "scatter");
  state.figures += 1;
  const id = `figure-${state.figures}`;
  const meta = (out.metadata?.["sp-pathways"] ?? {}) as { title?: string };
  const text = joinText(data["text/plain"]);
  const alt = meta.title ?? text.split("\n")[0] ?? "Figure";
  const image = staticImage(out, ctx, state, alt);
  const json = JSON.stringify({
    data: spec.data ?? [],
    layout: spec.layout ?? {},
    config: spec.config ?? {},
  });
  return (
    `<figure class="figure${image ? "" : " no-image"}" id="${id}">` +
    `<div class="plot"></div>` +
    (image ||
      `<noscript><p class="missing">This figure needs JavaScript: the run that made it had no static image.</p></noscript>`) +
    `<script type="application/json" class="figure-spec">${json.replace(/</g, "\\u003c")}</script>` +
    (text
      ? `<details class="figure-text"><summary>Figure as text</summary><pre>${escapeHtml(text)}</pre></details>`
      : "") +
    `</figure>`
  );
}

function staticImage(out: NotebookOutput, ctx: RenderContext, state: State, alt: string): string {
  const data = out.data ?? {};
  const types: [string, string][] = [
    ["image/png", "png"],
    ["image/jpeg", "jpg"],
    ["image/svg+xml", "svg"],
  ];
  for (const [mime, ext] of types) {
    const value = data[mime];
    if (!value) continue;
    state.images += 1;
    const bytes =
      mime === "image/svg+xml"
        ? Buffer.from(joinText(value), "utf8")
        : Buffer.from(joinText(value), "base64");
    const href = ctx.writeImage(`${ctx.stem}-${state.images}.${ext}`, bytes);
    const size = (out.metadata?.[mime] ?? {}) as { width?: number; height?: number };
    const dims = size.width && size.height ? ` width="${size.width}" height="${size.height}"` : "";
    // The image links to itself: on a phone, where it is scaled to the screen, a tap opens it full size.
    return `<a class="enlarge" href="${href}"><img class="static" src="${href}"${dims} alt="${escapeHtml(alt)}"></a>`;
  }
  return "";
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
