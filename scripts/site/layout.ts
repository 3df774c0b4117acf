import type { DataLabel } from "./data-label.js";
import { escapeHtml } from "./render-notebook.js";

export interface NavLink {
  href: string;
  label: string;
}

export interface PageOptions {
  /** The page's own title; the site title follows it in the browser tab. */
  title: string;
  siteTitle: string;
  /** Data labels of what the page shows (the index of a mixed run shows several). */
  data: DataLabel[];
  prev?: NavLink | null;
  next?: NavLink | null;
  isIndex?: boolean;
  body: string;
  /** A line for the footer: where the page came from. */
  source: string;
  /** Whether the page draws figures; only those pages load the plotly bundle (several MB with the full one). */
  figures?: boolean;
}

/**
 * The page shell every page shares: head with the stylesheet, plotly bundle and figure script (all local, no
 * network), the site title, the data banner, previous / index / next navigation above and below the content.
 * @example
 * page({ title: "Overview", siteTitle: "Report", data: [label], body: "<p>…</p>", source: "notebooks/02.ipynb" });
 */
export function page(o: PageOptions): string {
  const nav = (where: string) =>
    `<nav class="pager ${where}" aria-label="Sections (${where})">` +
    (o.prev
      ? `<a class="prev" rel="prev" href="${o.prev.href}"><span aria-hidden="true">← </span>${escapeHtml(o.prev.label)}</a>`
      : `<span class="prev"></span>`) +
    `<span class="home">${o.isIndex ? "Contents" : `<a href="index.html">Contents</a>`} · <a href="index.html#glossary">Glossary</a></span>` +
    (o.next
      ? `<a class="next" rel="next" href="${o.next.href}">${escapeHtml(o.next.label)}<span aria-hidden="true"> →</span></a>`
      : `<span class="next"></span>`) +
    `</nav>`;
  const banners = o.data
    .map(
      (d) =>
        `<p class="data-banner ${d.synthetic ? "synthetic" : "real"}"><strong>Data.</strong> ${escapeHtml(d.text)}</p>`,
    )
    .join("");
  const title = o.isIndex ? o.siteTitle : `${o.title} · ${o.siteTitle}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="assets/site.css">
${o.figures ? '<script defer src="assets/plotly.min.js"></script>\n' : ""}<script defer src="assets/site.js"></script>
</head>
<body${o.isIndex ? ' class="index"' : ""}>
<header class="masthead">
<a class="site-title" href="index.html">${escapeHtml(o.siteTitle)}</a>
${banners}
</header>
${nav("top")}
<main>
${o.body}
</main>
${nav("bottom")}
<footer class="colophon"><p>${escapeHtml(o.source)}</p></footer>
</body>
</html>
`;
}
