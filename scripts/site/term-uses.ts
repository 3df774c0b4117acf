import MarkdownIt from "markdown-it";
import { glossaryAnchorOf, termPattern } from "./glossary-terms.js";

/** The first use of a glossary term in a notebook's markdown, as a reader meets it. */
export interface TermUse {
  term: string;
  /** Index of the markdown cell among the notebook's cells. */
  cell: number;
  /** The words as written. */
  text: string;
  /** The glossary anchor the use links to, if it sits inside a link to docs/glossary.md. */
  linkedAnchor?: string;
  /** A few words around it, for messages. */
  context: string;
}

/** A link to docs/glossary.md found in a notebook's markdown. */
export interface GlossaryLink {
  cell: number;
  anchor: string;
  text: string;
}

interface Span {
  start: number;
  end: number;
  /** The link the text sits in: its href, or null outside links. */
  href: string | null;
  /** Which link of the run (counted from 0), so that a link's words in several tokens stay one link. */
  link: number;
}

/** One paragraph, list item or table cell of running text, flattened: what a reader reads, with its links. */
interface Run {
  cell: number;
  text: string;
  spans: Span[];
}

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * Running text of the markdown cells, in reading order: headings, code, raw HTML and link destinations left
 * out; soft line breaks read as spaces. Each run records which parts sit inside which link.
 */
function runs(cells: ReadonlyArray<{ index: number; markdown: string }>): Run[] {
  const out: Run[] = [];
  for (const { index, markdown } of cells) {
    const tokens = md.parse(markdown, {});
    tokens.forEach((token, i) => {
      if (token.type !== "inline" || tokens[i - 1]?.type === "heading_open") return;
      out.push(flatten(token.children ?? [], index));
    });
  }
  return out;
}

type Token = ReturnType<MarkdownIt["parse"]>[number];

function flatten(children: Token[], cell: number): Run {
  let text = "";
  const spans: Span[] = [];
  let open: { href: string; link: number } | null = null;
  let links = 0;
  const push = (s: string) => {
    spans.push({
      start: text.length,
      end: text.length + s.length,
      href: open?.href ?? null,
      link: open?.link ?? -1,
    });
    text += s;
  };
  for (const child of children) {
    if (child.type === "link_open") open = { href: child.attrGet("href") ?? "", link: links++ };
    else if (child.type === "link_close") open = null;
    else if (child.type === "text") push(child.content);
    else if (child.type === "softbreak" || child.type === "hardbreak") push(" ");
    // Code and raw HTML are not prose: keep their length apart so words on either side do not join.
    else if (child.type === "code_inline" || child.type === "html_inline") push("\uE000");
  }
  return { cell, text, spans };
}

function hrefAt(run: Run, pos: number): string | null {
  return run.spans.find((s) => pos >= s.start && pos < s.end)?.href ?? null;
}

/**
 * For each term, its first use in the notebook's markdown cells (in cell order), as a reader meets it: in running
 * text, not in a heading, in code or inside a link to somewhere other than the glossary (a link's words cannot
 * carry a second link). Terms the notebook never uses are left out.
 * @example
 * firstTermUses([{ index: 0, markdown: "Two [PCNs](../docs/glossary.md#pcn)." }], ["PCN"])[0]?.linkedAnchor; // "pcn"
 */
export function firstTermUses(
  cells: ReadonlyArray<{ index: number; markdown: string }>,
  terms: readonly string[],
): TermUse[] {
  const all = runs(cells);
  const found: TermUse[] = [];
  for (const term of terms) {
    const pattern = termPattern(term);
    search: for (const run of all) {
      for (const m of run.text.matchAll(pattern)) {
        const href = hrefAt(run, m.index);
        const anchor = href === null ? undefined : glossaryAnchorOf(href);
        if (href !== null && anchor === undefined) continue;
        found.push({
          term,
          cell: run.cell,
          text: m[0],
          linkedAnchor: anchor,
          context: run.text
            .slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)
            .replace(/\uE000/g, "`…`"),
        });
        break search;
      }
    }
  }
  return found;
}

/**
 * Every link to docs/glossary.md in the markdown cells, with the anchor it points at.
 * @example
 * glossaryLinks([{ index: 2, markdown: "[ICB](../docs/glossary.md#icb)" }]); // [{ cell: 2, anchor: "icb", text: "ICB" }]
 */
export function glossaryLinks(cells: ReadonlyArray<{ index: number; markdown: string }>): GlossaryLink[] {
  const links: GlossaryLink[] = [];
  for (const run of runs(cells)) {
    const byLink = new Map<number, GlossaryLink>();
    for (const span of run.spans) {
      const anchor = span.href === null ? undefined : glossaryAnchorOf(span.href);
      if (anchor === undefined) continue;
      const words = run.text.slice(span.start, span.end);
      // A link's words may come in several text tokens (bold inside a link): one link, one entry.
      const seen = byLink.get(span.link);
      if (seen) seen.text += words;
      else {
        const link = { cell: run.cell, anchor, text: words };
        byLink.set(span.link, link);
        links.push(link);
      }
    }
  }
  return links;
}
