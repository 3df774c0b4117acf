import { htmlparser2 } from "../lazy/lazy-require.js";
import type { ChildNode, Element } from "domhandler";

/**
 * The pieces of one output a reader sees together: a line of text, a table row read as "header: value; ...",
 * one plotly point's labels, a title. A count and its base are read within one segment, never across two.
 */
export type Segments = string[];

const PLOTLY = "application/vnd.plotly.v1+json";

/**
 * The segments of one MIME representation of an output. Image data is skipped (its alt text, where an HTML
 * output has one, is read from the HTML); unknown text types are read as plain text.
 * @example
 * outputSegments("text/plain", "a\nb"); // ["a", "b"]
 */
export function outputSegments(mime: string, data: unknown): Segments {
  if (mime === PLOTLY) return plotlySegments(data);
  if (mime.startsWith("image/") && mime !== "image/svg+xml") return [];
  const text = Array.isArray(data) ? data.join("") : typeof data === "string" ? data : JSON.stringify(data);
  if (mime === "text/html" || mime === "image/svg+xml") return htmlSegments(text);
  if (mime === "text/markdown") return textSegments(text, markdownTable);
  return textSegments(text, plainTable);
}

/** The text of an output as one string, for whole-output checks (hidden marks, p-values). */
export function outputText(mime: string, data: unknown): string {
  return outputSegments(mime, data).join("\n");
}

// ---- plain text and markdown ----------------------------------------------------------------------------

type TableReader = (lines: string[], at: number) => { rows: string[]; next: number } | null;

function textSegments(text: string, table: TableReader): Segments {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    const t = table(lines, i);
    if (t) {
      out.push(...t.rows);
      i = t.next;
    } else {
      if (lines[i]!.trim()) out.push(lines[i]!);
      i++;
    }
  }
  return out;
}

// In a frequency table the column "n" holds each row's count and "%" its share of the table's base (the Total row
// and the footnote), so a row is read as "count: 5; %: 20.0%", not as a share of a base of 5; a small count there
// is still a count.
const keyOf = (head: readonly string[], j: number) =>
  head[j] === "n" && head.includes("%") ? "count" : head[j];
const join = (head: readonly string[], cells: readonly string[]) =>
  cells.map((c, j) => (head[j] ? `${keyOf(head, j)}: ${c}` : c)).join("; ");

const MD_SEP = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const mdCells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());

// A markdown table: a header row, a separator row, then rows until a line without "|".
const markdownTable: TableReader = (lines, at) => {
  if (!lines[at]?.includes("|") || !MD_SEP.test(lines[at + 1] ?? "")) return null;
  const head = mdCells(lines[at]!);
  const rows: string[] = [];
  let i = at + 2;
  for (; i < lines.length && lines[i]!.includes("|"); ++i) rows.push(join(head, mdCells(lines[i]!)));
  return { rows: [head.join("; "), ...rows], next: i };
};

const DASHES = /^\s*-{2,}(\s{2,}-{2,})*\s*$/;

// A fixed-width text table: a header line over a line of dashes whose runs give the columns; rows run to the
// first blank line, and further dash lines (before a total) are skipped.
const plainTable: TableReader = (lines, at) => {
  const dash = lines[at + 1];
  if (!lines[at]?.trim() || dash === undefined || !DASHES.test(dash)) return null;
  const spans = [...dash.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  // Cells are cut at the gaps between dash runs (a cell may overflow its run, but not into the next gap).
  const cut = (line: string) =>
    spans.map(([s], j) => line.slice(j === 0 ? 0 : s, spans[j + 1]?.[0] ?? line.length).trim());
  const head = cut(lines[at]!);
  const rows: string[] = [];
  let i = at + 2;
  for (; i < lines.length && lines[i]!.trim(); ++i)
    if (!DASHES.test(lines[i]!)) rows.push(join(head, cut(lines[i]!)));
  return { rows: [head.join("; "), ...rows], next: i };
};

// ---- HTML ---------------------------------------------------------------------------------------------------

const BLOCK = new Set([
  "p",
  "div",
  "br",
  "li",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "caption",
  "pre",
  "table",
]);

function htmlSegments(html: string): Segments {
  const doc = htmlparser2().parseDocument(html, { decodeEntities: true });
  const out: string[] = [];
  let line = "";
  const flush = () => {
    for (const l of line.split("\n")) if (l.trim()) out.push(l.replace(/\s+/g, " ").trim());
    line = "";
  };
  const walk = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === "text") line += (node as unknown as { data: string }).data;
      else if (node.type === "tag" || node.type === "script" || node.type === "style") {
        const el = node as Element;
        if (el.name === "script" || el.name === "style") continue;
        if (el.name === "table") {
          flush();
          out.push(...htmlTable(el));
          continue;
        }
        if (el.name === "img" && el.attribs.alt) line += ` ${el.attribs.alt} `;
        if (el.attribs["aria-label"]) line += ` ${el.attribs["aria-label"]} `;
        if (el.attribs.title) line += ` ${el.attribs.title} `;
        if (BLOCK.has(el.name)) flush();
        walk(el.children);
        if (BLOCK.has(el.name)) flush();
      }
    }
  };
  walk(doc.children);
  flush();
  return out;
}

const cellText = (el: Element) => htmlparser2().DomUtils.textContent(el).replace(/\s+/g, " ").trim();

// Each row as "header: value; ..." (header from the first row of th cells); captions and notes as lines.
function htmlTable(table: Element): Segments {
  const out: string[] = [];
  const caption = htmlparser2().DomUtils.findOne((e) => e.name === "caption", table.children, true);
  if (caption) out.push(cellText(caption));
  const rows = htmlparser2().DomUtils.findAll((e) => e.name === "tr", table.children);
  let head: string[] = [];
  for (const tr of rows) {
    const cells = tr.children.filter(
      (c): c is Element => c.type === "tag" && (c.name === "td" || c.name === "th"),
    );
    const texts = cells.map(cellText);
    if (!head.length && cells.length > 1 && cells.every((c) => c.name === "th")) {
      head = texts;
      out.push(texts.join("; "));
    } else if (cells.length === head.length) out.push(join(head, texts));
    else out.push(texts.join("; "));
  }
  return out;
}

// ---- plotly ---------------------------------------------------------------------------------------------------

const TEMPLATE = /%\{([a-z]+)(?:\[(\d+)\])?(?::[^}]*)?\}/gi;
const POINT_FIELDS = ["text", "customdata", "hovertext"] as const;

// Each point's labels, with its hovertemplate filled in (so a raw value shown as "%{x}%" is read as a share),
// then every other string of the trace and of the layout (titles, axis titles, annotations, tick labels).
function plotlySegments(data: unknown): Segments {
  const fig = (typeof data === "string" ? JSON.parse(data) : data) as {
    data?: Record<string, unknown>[];
    layout?: unknown;
  };
  const out: string[] = [];
  for (const trace of fig.data ?? []) {
    const arrays = Object.fromEntries(
      ["x", "y", "z", ...POINT_FIELDS].map((k) => [
        k,
        Array.isArray(trace[k]) ? (trace[k] as unknown[]) : null,
      ]),
    );
    const points = Math.max(0, ...Object.values(arrays).map((a) => a?.length ?? 0));
    const template = typeof trace.hovertemplate === "string" ? trace.hovertemplate : null;
    const texttemplate = typeof trace.texttemplate === "string" ? trace.texttemplate : null;
    for (let i = 0; i < points; ++i) {
      const value = (k: string, j?: number) => {
        const a = arrays[k];
        const v = a ? a[i] : trace[k];
        if (j !== undefined && Array.isArray(v)) return v[j];
        return v;
      };
      const fill = (t: string) =>
        t.replace(TEMPLATE, (_m, k: string, j?: string) =>
          flat(value(k, j === undefined ? undefined : Number(j))),
        );
      const parts = POINT_FIELDS.map((k) => (arrays[k] ? flat(value(k)) : "")).filter((s) => s !== "");
      if (template) parts.push(fill(template));
      if (texttemplate) parts.push(fill(texttemplate));
      const seg = parts.join("; ");
      if (seg.trim()) out.push(plain(seg));
    }
    for (const [k, v] of Object.entries(trace)) {
      if (k in arrays && arrays[k]) continue;
      if (k === "hovertemplate" && points) continue;
      out.push(...strings(v));
    }
  }
  out.push(...strings(fig.layout));
  return out.filter((s) => s.trim() !== "");
}

const flat = (v: unknown): string =>
  v === null || v === undefined ? "" : Array.isArray(v) ? v.map(flat).join("; ") : String(v);

// Plotly labels are HTML-ish: "<br>" breaks a label, but the pieces are still read together.
const plain = (s: string) =>
  s
    .replace(/<extra>.*?<\/extra>/gi, "")
    .replace(/<br\s*\/?>/gi, "; ")
    .replace(/<\/?(?:b|i|em|strong|sup|sub|span)[^>]*>/gi, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const NOT_TEXT = new Set(["color", "fillcolor", "bgcolor", "bordercolor", "family", "path", "type", "mode"]);

function strings(v: unknown, key = ""): string[] {
  if (NOT_TEXT.has(key)) return [];
  if (typeof v === "string") return /\d/.test(v) ? [plain(v)] : [];
  if (Array.isArray(v)) return v.flatMap((x) => strings(x, key));
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => strings(x, k));
  return [];
}
