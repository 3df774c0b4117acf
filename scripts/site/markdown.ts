import path from "node:path";
import MarkdownIt from "markdown-it";
import { glossaryAnchorOf } from "./glossary-terms.js";

/** Where a rendered page sits and where relative links in its markdown were written from. */
export interface LinkContext {
  /** The folder the markdown's relative links start from (a notebook's own folder). */
  sourceDir: string;
  /** The folder of the page being written. */
  pageDir: string;
  /** Notebook file names that have a page in the site: links to them go to the page. */
  pages: ReadonlySet<string>;
  /**
   * The site's glossary: links to docs/glossary.md#<GitHub anchor> go to `index.html#<id>`, the term's entry in
   * the index page (the map takes GitHub's anchor of each term to the id the site gives it).
   */
  glossary?: ReadonlyMap<string, string>;
}

/**
 * Markdown to HTML for the site (markdown-it, CommonMark with tables; raw HTML allowed, as in Jupyter): relative
 * links to a notebook with a page go to that page, other relative links are rewritten to point at the same file
 * from the page's folder; headings get ids for anchors.
 * @example
 * renderMarkdown("See [03](03-initial-contact.ipynb).", ctx); // '<p>See <a href="03-initial-contact.html">03</a>.</p>\n'
 */
export function renderMarkdown(markdown: string, ctx: LinkContext): string {
  return markdownIt(ctx).render(markdown);
}

/** One line of markdown without its paragraph: for the index's questions and headlines. */
export function renderInline(markdown: string, ctx: LinkContext): string {
  return markdownIt(ctx).renderInline(markdown);
}

function markdownIt(ctx: LinkContext): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  const rewrite = (href: string) => rewriteLink(href, ctx);
  md.core.ruler.push("sp_links_and_ids", (state) => {
    const used = new Map<string, number>();
    state.tokens.forEach((token, i) => {
      if (token.type === "heading_open") {
        const text = state.tokens[i + 1]?.content ?? "";
        const base = slug(text) || "section";
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        token.attrSet("id", n ? `${base}-${n + 1}` : base);
      }
      for (const child of token.children ?? []) {
        if (child.type === "link_open") child.attrSet("href", rewrite(child.attrGet("href") ?? ""));
        if (child.type === "image") child.attrSet("src", rewrite(child.attrGet("src") ?? ""));
      }
    });
  });
  return md;
}

/**
 * A relative link as seen from the page: `x.ipynb` with a page becomes `x.html`; a glossary link goes to the
 * term in the site's glossary (every page sits beside index.html); any other relative path is re-based from the
 * notebook's folder to the page's folder. Absolute URLs and anchors are left alone.
 * @example
 * rewriteLink("../data/README.md", { sourceDir: "/r/notebooks", pageDir: "/r/build/site", pages: new Set() });
 * // "../../data/README.md"
 */
export function rewriteLink(href: string, ctx: LinkContext): string {
  if (!href || /^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) return href;
  const term = ctx.glossary ? glossaryAnchorOf(href) : undefined;
  if (term !== undefined) return `index.html#${ctx.glossary?.get(term) ?? "glossary"}`;
  const [file = "", hash = ""] = href.split(/(?=#)/);
  const name = path.basename(file);
  if (name.endsWith(".ipynb") && ctx.pages.has(name) && path.dirname(file) === ".") {
    return name.replace(/\.ipynb$/, ".html") + hash;
  }
  const target = path.resolve(ctx.sourceDir, decodeURI(file));
  return encodeURI(path.relative(ctx.pageDir, target).split(path.sep).join("/")) + hash;
}

/** "## How precise are these shares?" -> "how-precise-are-these-shares" */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
