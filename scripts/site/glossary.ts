import { readFileSync } from "node:fs";
import path from "node:path";
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

/** The glossary as a definition list; each term has the id `term-<slug>` for links. */
export function glossaryHtml(
  entries: GlossaryEntry[],
  file: string,
  ctx: Omit<LinkContext, "sourceDir">,
): string {
  const items = entries.map(
    (e) =>
      `<dt id="term-${slug(e.term)}">${escapeHtml(e.term)}</dt>` +
      `<dd>${renderMarkdown(e.definition, { ...ctx, sourceDir: path.dirname(path.resolve(file)) })}</dd>`,
  );
  return `<dl class="glossary">\n${items.join("\n")}\n</dl>`;
}
