/** A rendered table before it becomes text, Markdown or HTML: plain strings only. */
export interface Display {
  readonly caption: string;
  /** Column headers; the first heads the row-label column. */
  readonly head: readonly string[];
  readonly body: readonly (readonly string[])[];
  /** Margin rows (totals, bases), rendered after the body. */
  readonly foot: readonly (readonly string[])[];
  readonly notes: readonly string[];
}

/** Renders a Display as a GitHub-flavoured Markdown table, caption in bold above, notes below. */
export function displayToMarkdown(d: Display): string {
  // Markdown renderers pass raw HTML through: a "<" that opens a tag is escaped, so an answer such as
  // "<script>" shows as text ("<5" is not a tag and stays).
  const cell = (s: string) =>
    s
      .replace(/<(?=[A-Za-z/!?])/g, "&lt;")
      .replace(/\|/g, "\\|")
      .replace(/\n/g, " ");
  const row = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `|${d.head.map((_, i) => (i === 0 ? " :--- " : " ---: ")).join("|")}|`;
  const lines = [`**${cell(d.caption)}**`, "", row(d.head), rule, ...d.body.map(row), ...d.foot.map(row)];
  if (d.notes.length) lines.push("", ...d.notes.map((n) => `${cell(n)}  `));
  return lines.join("\n").replace(/ {2}$/, "");
}

/**
 * Renders a Display as a plain HTML table (no scripts, no inline styles, which GitHub strips): caption, thead,
 * tbody, margin rows in tfoot, notes as a footnote row spanning the table.
 */
export function displayToHTML(d: Display): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const tr = (cells: readonly string[], tag: "td" | "th") =>
    "<tr>" +
    cells
      .map((c, i) =>
        i === 0 ? `<th scope="row">${esc(c)}</th>` : `<${tag} align="right">${esc(c)}</${tag}>`,
      )
      .join("") +
    "</tr>";
  const head = "<tr>" + d.head.map((c) => `<th scope="col">${esc(c)}</th>`).join("") + "</tr>";
  const out = [
    "<table>",
    `<caption>${esc(d.caption)}</caption>`,
    `<thead>${head}</thead>`,
    `<tbody>${d.body.map((r) => tr(r, "td")).join("")}</tbody>`,
  ];
  const notes = d.notes.map((n) => `<tr><td colspan="${d.head.length}">${esc(n)}</td></tr>`);
  const foot = d.foot.map((r) => tr(r, "td"));
  if (foot.length || notes.length) out.push(`<tfoot>${[...foot, ...notes].join("")}</tfoot>`);
  out.push("</table>");
  return out.join("\n");
}

/** Renders a Display as monospaced text: caption, aligned columns (labels left, numbers right), notes. */
export function displayToText(d: Display): string {
  const rows = [d.head, ...d.body, ...d.foot];
  const widths = d.head.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? "").length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [d.caption, line(d.head), rule, ...d.body.map(line)];
  if (d.foot.length) out.push(rule, ...d.foot.map(line));
  if (d.notes.length) out.push("", ...d.notes);
  return out.join("\n");
}
