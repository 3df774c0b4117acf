import type { Notebook } from "./notebook-json.js";
import { joinText } from "./notebook-json.js";

/** What the index says about one notebook. Question and headline are markdown or null; a question may end in a list. */
export interface NotebookSummary {
  /** The number the file name starts with ("03"), or "" for none. */
  number: string;
  /** The first `#` heading without its number: "Initial contact: why and from whom Link Workers receive referrals". */
  title: string;
  question: string | null;
  headline: string | null;
  /** Where the headline came from, so a build can say which notebooks have not declared one. */
  headlineFrom: "declared" | "what-this-means" | "first-figure" | "none";
}

// A paragraph that opens with a bold lead such as **Question.**, **Questions.** or **Questions (the report's ...).**
const LEAD = /^\*\*([A-Za-z]+)\b[^*]*\*\*\s*/;

/**
 * The index entry of a notebook, read from the notebook itself (docs/reading-edition.md describes the convention):
 * - title: the first `#` heading;
 * - question: the paragraph of the first markdown cell that opens with **Question...**;
 * - headline: a paragraph opening with **Headline.** in any markdown cell; else the first sentence under a
 *   "What this means" heading; else the title of the notebook's first figure.
 * @example
 * notebookSummary(readNotebook("notebooks/03-initial-contact.ipynb"), "03-initial-contact.ipynb").question;
 * // "Are inactive people being reached at the start of the social-prescribing pathway? ..."
 */
export function notebookSummary(nb: Notebook, fileName: string): NotebookSummary {
  const markdown = nb.cells.filter((c) => c.cell_type === "markdown").map((c) => joinText(c.source));
  const number = /^(\d+)/.exec(fileName)?.[1] ?? "";
  const heading =
    markdown
      .join("\n\n")
      .match(/^#\s+(.+)$/m)?.[1]
      ?.trim() ?? fileName.replace(/\.ipynb$/, "");
  const title = number && heading.startsWith(number) ? heading.slice(number.length).trim() : heading;

  const question = leadParagraph(paragraphs(markdown[0] ?? ""), /^questions?$/i);
  const declared = leadParagraph(markdown.flatMap(paragraphs), /^headline$/i);
  if (declared) return { number, title, question, headline: declared, headlineFrom: "declared" };
  const meaning = whatThisMeans(markdown);
  if (meaning) return { number, title, question, headline: meaning, headlineFrom: "what-this-means" };
  const figure = firstFigureTitle(nb);
  if (figure) return { number, title, question, headline: figure, headlineFrom: "first-figure" };
  return { number, title, question, headline: null, headlineFrom: "none" };
}

function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function leadParagraph(paras: string[], word: RegExp): string | null {
  for (const [i, p] of paras.entries()) {
    const m = LEAD.exec(p);
    if (!m || !word.test(m[1]!)) continue;
    const text = oneLine(p.slice(m[0].length));
    // "... asks questions at each:" followed by a list: the list is part of the question.
    const next = paras[i + 1];
    if (text.endsWith(":") && next && /^([-*+]|\d+[.)])\s/.test(next)) return `${text}\n\n${next}`;
    return text || null;
  }
  return null;
}

function whatThisMeans(cells: string[]): string | null {
  for (const cell of cells) {
    const paras = paragraphs(cell);
    const at = paras.findIndex((p) => /^#{1,6}\s+what this means\s*$/i.test(p.split("\n")[0]!));
    if (at < 0) continue;
    // The heading may share a paragraph with its first lines of text.
    const rest = [paras[at]!.split("\n").slice(1).join("\n"), ...paras.slice(at + 1)].find((p) => p.trim());
    if (rest && !rest.startsWith("#")) return firstSentence(oneLine(rest));
  }
  return null;
}

/** The first sentence: up to the first ". ", "? " or "! " followed by a capital, not after "e.g." and the like. */
export function firstSentence(text: string): string {
  const re = /[.!?](?=\s+[A-Z"“(])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index + 1);
    if (/\b(e\.g|i\.e|etc|vs|cf|approx|no)\.$/i.test(before)) continue;
    return before;
  }
  return text;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function firstFigureTitle(nb: Notebook): string | null {
  for (const cell of nb.cells) {
    for (const out of cell.outputs ?? []) {
      const meta = out.metadata?.["sp-pathways"] as { kind?: string; title?: string } | undefined;
      if (meta?.kind === "figure" && meta.title) return meta.title;
    }
  }
  return null;
}
