import type { FigureSummary } from "../figures/types.js";

/**
 * The figure as plain text: title, base, source note, then one line per row. It is the figure's alt text.
 * @example
 * figureText(fig.summary); // "Most Link Workers receive referrals from GPs\nn = 214 Link Workers\n..."
 */
export function figureText(summary: FigureSummary): string {
  const lines = [summary.title, summary.base, summary.note, ""];
  const head = summary.columns.slice(1);
  for (const row of summary.rows) {
    const cells = row
      .slice(1)
      .map((c, i) => (c && head[i] ? `${head[i]} ${c}` : c))
      .filter((c) => c !== "");
    lines.push(`- ${row[0] ?? ""}: ${cells.join("; ")}`);
  }
  if (summary.rows.length === 0) lines.push("(no valid responses to show)");
  if (summary.footnotes.length) lines.push("", ...summary.footnotes);
  return lines.join("\n");
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The figure's values as a plain HTML table (no scripts or styles, which GitHub strips): the fallback shown
 * where no static image could be rendered.
 * @example
 * figureHTMLTable(fig.summary); // "<table>\n<caption>..."
 */
export function figureHTMLTable(summary: FigureSummary): string {
  const head = "<tr>" + summary.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join("") + "</tr>";
  const body = summary.rows
    .map(
      (r) =>
        "<tr>" +
        r
          .map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td align="right">${esc(c)}</td>`))
          .join("") +
        "</tr>",
    )
    .join("");
  const notes = [summary.base, ...summary.footnotes, summary.note]
    .map((n) => `<tr><td colspan="${summary.columns.length}">${esc(n)}</td></tr>`)
    .join("");
  return [
    "<table>",
    `<caption>${esc(summary.title)}</caption>`,
    `<thead>${head}</thead>`,
    `<tbody>${body}</tbody>`,
    `<tfoot>${notes}</tfoot>`,
    "</table>",
  ].join("\n");
}
