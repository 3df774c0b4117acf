import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { FONT, GRID, MUTED, PALETTE, TEXT } from "../../src/figures/theme.js";
import type { DataLabel } from "./data-label.js";
import { dataLabel } from "./data-label.js";
import { glossaryHtml, glossaryIds, readGlossary } from "./glossary.js";
import { page } from "./layout.js";
import { renderInline, renderMarkdown } from "./markdown.js";
import type { Notebook } from "./notebook-json.js";
import { readNotebook } from "./notebook-json.js";
import { escapeHtml, renderNotebook } from "./render-notebook.js";
import type { NotebookSummary } from "./summary.js";
import { notebookSummary } from "./summary.js";

export interface BuildOptions {
  /** The project root (site/, docs/glossary.md and node_modules/ are found from it). */
  root: string;
  /** The folder of executed notebooks: notebooks/ for the bundled data, build/notebooks/ for other data. */
  notebooksDir: string;
  /** Where to write the site; default build/site, or build/site-<data> when the notebooks ran on other data. */
  outDir?: string;
}

export interface SitePage {
  /** The page's file name in the site ("03-initial-contact.html"). */
  file: string;
  notebook: string;
  summary: NotebookSummary;
  figures: number;
  data: DataLabel;
}

export interface BuildResult {
  outDir: string;
  pages: SitePage[];
  /** The plotly bundle the site ships (basic when every trace is a bar, scatter or pie). */
  bundle: "basic" | "full";
  /** Things a reader would miss, e.g. a notebook that declares no question. */
  warnings: string[];
}

const BASIC_TYPES = new Set(["bar", "scatter", "pie"]);
const MARKER = ".sp-site";

/**
 * Writes the reading edition: index.html (site/index.md with the sections and the glossary filled in) and one
 * page per notebook, in file-name order, with previous / contents / next navigation, the assets from site/ and
 * the plotly bundle from node_modules. Reads executed notebooks only; never runs them.
 * @example
 * buildSite({ root: ".", notebooksDir: "notebooks" }).outDir; // "<root>/build/site"
 */
export function buildSite(options: BuildOptions): BuildResult {
  const root = path.resolve(options.root);
  const notebooksDir = path.resolve(options.notebooksDir);
  const files = readdirSync(notebooksDir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort();
  if (files.length === 0) throw new Error(`${notebooksDir}: no notebooks (*.ipynb) to build a site from`);
  const notebooks = files.map((f) => ({ file: f, nb: readNotebook(path.join(notebooksDir, f)) }));
  const labels = notebooks.map(({ nb }) => dataLabel(nb.metadata.sp_pathways));
  const outDir = path.resolve(
    options.outDir ?? path.join(root, "build", labels[0]!.slug ? `site-${labels[0]!.slug}` : "site"),
  );
  clearSiteDir(outDir);
  mkdirSync(path.join(outDir, "assets"), { recursive: true });
  mkdirSync(path.join(outDir, "img"), { recursive: true });
  writeFileSync(
    path.join(outDir, MARKER),
    "written by scripts/build-site.ts; the whole folder is rewritten\n",
  );

  const pages: SitePage[] = notebooks.map(({ file, nb }, i) => ({
    file: file.replace(/\.ipynb$/, ".html"),
    notebook: path.relative(root, path.join(notebooksDir, file)),
    summary: notebookSummary(nb, file),
    figures: 0,
    data: labels[i]!,
  }));
  const index = readIndexSource(root);
  const pageNames = new Set(files);
  const glossaryFile = path.join(root, "docs", "glossary.md");
  const glossaryEntries = readGlossary(glossaryFile);
  const glossary = glossaryIds(glossaryEntries);
  const traceTypes = new Set<string>();
  const warnings: string[] = [];
  const label = (p: SitePage) => `${p.summary.number} ${shortTitle(p.summary.title)}`.trim();

  notebooks.forEach(({ nb }, i) => {
    const p = pages[i]!;
    const rendered = renderNotebook(nb as Notebook, {
      sourceDir: notebooksDir,
      pageDir: outDir,
      pages: pageNames,
      glossary,
      stem: p.file.replace(/\.html$/, ""),
      writeImage: (name, bytes) => {
        writeFileSync(path.join(outDir, "img", name), bytes);
        return `img/${name}`;
      },
    });
    p.figures = rendered.figures;
    rendered.traceTypes.forEach((t) => traceTypes.add(t));
    if (!p.summary.question)
      warnings.push(`${p.notebook}: no **Question.** paragraph in its first markdown cell`);
    if (p.summary.headlineFrom === "none")
      warnings.push(`${p.notebook}: no headline (see docs/reading-edition.md)`);
    const prev = pages[i - 1];
    const next = pages[i + 1];
    const html = page({
      title: `${p.summary.number} ${p.summary.title}`.trim(),
      siteTitle: index.title,
      data: [p.data],
      prev: prev ? { href: prev.file, label: label(prev) } : null,
      next: next ? { href: next.file, label: label(next) } : null,
      body: `<article class="notebook">\n${rendered.html}\n</article>`,
      source: `Rendered from ${p.notebook}. Code is folded: "Show code" opens it.`,
      figures: rendered.figures > 0,
    });
    writeFileSync(path.join(outDir, p.file), html);
  });

  const ctx = { sourceDir: path.join(root, "site"), pageDir: outDir, pages: pageNames, glossary };
  const sections =
    `<ol class="sections">\n` +
    pages
      .map((p) => {
        const nbCtx = { ...ctx, sourceDir: notebooksDir };
        const inline = (md: string) => renderInline(md, nbCtx);
        return (
          `<li><span class="number">${escapeHtml(p.summary.number)}</span>` +
          `<a class="section-title" href="${p.file}">${escapeHtml(p.summary.title)}</a>` +
          (p.summary.question
            ? `<div class="question">${renderMarkdown(`**Question.** ${p.summary.question}`, nbCtx)}</div>`
            : "") +
          (p.summary.headline
            ? `<p class="headline"><span class="lead">Headline.</span> ${inline(p.summary.headline)}</p>`
            : "") +
          `</li>`
        );
      })
      .join("\n") +
    `\n</ol>`;
  const glossaryList = glossaryHtml(glossaryEntries, glossaryFile, ctx);
  const distinct = [...new Map(labels.map((l) => [l.text, l])).values()];
  const body = renderMarkdown(index.markdown, ctx)
    .replace(/<!--\s*sections\s*-->/, sections)
    .replace(/<!--\s*glossary\s*-->/, glossaryList);
  writeFileSync(
    path.join(outDir, "index.html"),
    page({
      title: index.title,
      siteTitle: index.title,
      data: distinct,
      next: pages[0] ? { href: pages[0].file, label: label(pages[0]) } : null,
      isIndex: true,
      body: `<article class="index-page">\n${body}\n</article>`,
      source: `Built from ${path.relative(root, notebooksDir) || "."}/ by scripts/build-site.ts; the text of this page is site/index.md, the glossary docs/glossary.md.`,
    }),
  );

  const bundle = [...traceTypes].every((t) => BASIC_TYPES.has(t)) ? "basic" : "full";
  const require = createRequire(path.join(root, "package.json"));
  const plotly = require.resolve(
    bundle === "basic" ? "plotly.js-basic-dist-min/plotly-basic.min.js" : "plotly.js-dist-min/plotly.min.js",
  );
  copyFileSync(plotly, path.join(outDir, "assets", "plotly.min.js"));
  writeFileSync(path.join(outDir, "assets", "theme.css"), themeCss());
  for (const asset of ["site.css", "site.js"]) {
    copyFileSync(path.join(root, "site", asset), path.join(outDir, "assets", asset));
  }
  return { outDir, pages, bundle, warnings };
}

/** The figures' theme as CSS custom properties, so that a change of theme.ts reaches the pages too. */
export function themeCss(): string {
  return `:root {
  --font: ${FONT};
  --text: ${TEXT};
  --muted: ${MUTED};
  --grid: ${GRID};
  --accent: ${PALETTE[0]};
  --warn: ${PALETTE[1]};
  --warn-bg: ${PALETTE[1]}1f;
}
`;
}

/** site/index.md: its first `#` heading is the site's title; `<!-- sections -->` and `<!-- glossary -->` mark where they go. */
function readIndexSource(root: string): { title: string; markdown: string } {
  const file = path.join(root, "site", "index.md");
  const markdown = readFileSync(file, "utf8");
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
  if (!title) throw new Error(`${file}: needs a "# Title" heading (the site's title)`);
  for (const mark of ["sections", "glossary"]) {
    if (!new RegExp(`<!--\\s*${mark}\\s*-->`).test(markdown)) {
      throw new Error(`${file}: needs a "<!-- ${mark} -->" line where the ${mark} go`);
    }
  }
  return { title, markdown };
}

/** The navigation label: the title up to its colon ("Initial contact"), the whole title if it has none. */
function shortTitle(title: string): string {
  return title.split(":")[0]!.trim();
}

/** Empties a site folder before writing, but only one this builder wrote (or an empty or missing one). */
function clearSiteDir(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (entries.length && !entries.includes(MARKER)) {
    throw new Error(`${dir}: not a folder this site builder wrote (no ${MARKER}); refusing to empty it`);
  }
  rmSync(dir, { recursive: true, force: true });
}
