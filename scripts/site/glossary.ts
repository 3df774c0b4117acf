import { readFileSync } from "node:fs";
import path from "node:path";
import { githubAnchor } from "./glossary-terms.js";
import type { LinkContext } from "./markdown.js";
import { renderMarkdown, slug } from "./markdown.js";
import { escapeHtml } from "./render-notebook.js";

export interface GlossaryEntry {
  term: string;
  /** The definition as markdown. */
  definition: string;
}

/**
 * Reads docs/glossary.md: each `## Term` heading and the markdown under it, in file order; text before the first
 * term is the file's own introduction and is skipped.
 * @example
 * readGlossary("docs/glossary.md")[0]; // { term: "Active Partnership", definition: "One of the local ..." }
 */
export function readGlossary(file: string): GlossaryEntry[] {
  const text = readFileSync(file, "utf8");
  const entries = text
    .split(/^## /m)
    .slice(1)
    .map((chunk) => {
      const [first = "", ...rest] = chunk.split("\n");
      return { term: first.trim(), definition: rest.join("\n").trim() };
    });
  const empty = entries.find((e) => !e.term || !e.definition);
  if (empty) throw new Error(`${file}: the glossary term "${empty.term}" has no definition`);
  return entries;
}

/**
 * For links from notebooks: each term's GitHub anchor (what `../docs/glossary.md#...` links use) to the id its
 * entry has in the site's glossary.
 * @example
 * glossaryIds([{ term: "Cramér's V", definition: "..." }]).get("cramérs-v"); // "term-cramer-s-v"
 */
export function glossaryIds(entries: GlossaryEntry[]): Map<string, string> {
  return new Map(entries.map((e) => [githubAnchor(e.term), termId(e.term)]));
}

function termId(term: string): string {
  return `term-${slug(term)}`;
}

/** The glossary as a definition list; each term has the id `term-<slug>` for links. */
export function glossaryHtml(
  entries: GlossaryEntry[],
  file: string,
  ctx: Omit<LinkContext, "sourceDir">,
): string {
  const items = entries.map(
    (e) =>
      `<dt id="${termId(e.term)}">${escapeHtml(e.term)}</dt>` +
      `<dd>${renderMarkdown(e.definition, { ...ctx, sourceDir: path.dirname(path.resolve(file)) })}</dd>`,
  );
  return `<dl class="glossary">\n${items.join("\n")}\n</dl>`;
}
