import { parse, type HTMLElement } from "node-html-parser";

/**
 * True when a table cell holds a number as the tables print them: "241 (80.3%, 75.5–84.4)", "89% [88.5, 89.5)",
 * "<5", "[c]", "300", "–". Cells with words ("ranked: GPs 89.0% ...", "pass") are text.
 * @example
 * isNumericCell("18.0% (54)"); // true
 * isNumericCell("supported by these data"); // false
 */
export function isNumericCell(text: string): boolean {
  const t = text
    .replace(/&lt;/g, "<")
    .replace(/&nbsp;/g, " ")
    .trim();
  if (t === "") return false;
  if (!/[\d–—-]|\[c\]/.test(t)) return false;
  // What is left once numbers, their punctuation and the suppression markers are taken out must be (almost) nothing.
  const rest = t
    .replace(/\[c\]/g, "")
    .replace(/\bn\s*=/g, "")
    .replace(/[\d\s.,%()[\]<>≤≥=+\-−–—±~×/:;*p]/g, "");
  return rest.length === 0;
}

/**
 * Prepares an output's HTML tables for the site: each number cell gets class "num" (right-aligned, tabular
 * figures) and each text cell "text", replacing the generators' `align` attributes; footnote rows (one cell spanning
 * the table in <tfoot>) get class "note"; every table is wrapped in a scrolling box so that a wide table scrolls
 * on a phone instead of widening the page. A header above a column of numbers is right-aligned with them.
 * @example
 * prepareTables('<table><tr><td align="right">ok</td><td>12</td></tr></table>');
 * // '<div class="table-block"><div class="table-wrap"><table><tr><td class="text">ok</td><td class="num">12</td></tr></table></div></div>'
 */
export function prepareTables(html: string, idPrefix = "table"): string {
  if (!/<table[\s>]/i.test(html)) return html;
  const root = parse(html, { comment: false });
  root.querySelectorAll("table").forEach((table, n) => {
    const width = Math.max(
      1,
      ...table
        .querySelectorAll("tr")
        .map((tr) =>
          tr.querySelectorAll("td, th").reduce((n, c) => n + Number(c.getAttribute("colspan") ?? 1), 0),
        ),
    );
    for (const cell of table.querySelectorAll("td")) {
      cell.removeAttribute("align");
      const spans = Number(cell.getAttribute("colspan") ?? 1);
      const inFoot = cell.closest("tfoot") !== null;
      if (inFoot && width > 1 && spans >= width) cell.setAttribute("class", "note");
      else cell.setAttribute("class", isNumericCell(cell.text) ? "num" : "text");
    }
    alignHeaders(table);
    // The caption goes above the scrolling box, so that it wraps at the page's width, not the table's.
    const caption = table.querySelector("caption");
    let above = "";
    if (caption) {
      const id = `${idPrefix}-${n + 1}-caption`;
      above = `<p class="table-caption" id="${id}">${caption.innerHTML}</p>`;
      table.setAttribute("aria-labelledby", id);
      caption.remove();
    }
    const wrapper = parse(`<div class="table-block">${above}<div class="table-wrap"></div></div>`)
      .firstChild as HTMLElement;
    table.replaceWith(wrapper);
    wrapper.querySelector(".table-wrap")!.appendChild(table);
  });
  return root.toString();
}

/** Marks the header cells (last header row) of columns whose body cells are all numbers. */
function alignHeaders(table: HTMLElement): void {
  const numeric = new Map<number, boolean>();
  for (const row of table.querySelectorAll("tbody tr")) {
    let col = 0;
    for (const cell of row.querySelectorAll("td, th")) {
      if (cell.tagName === "TD" && cell.text.trim() !== "") {
        numeric.set(col, (numeric.get(col) ?? true) && cell.getAttribute("class") === "num");
      }
      col += Number(cell.getAttribute("colspan") ?? 1);
    }
  }
  const header = table.querySelectorAll("thead tr").pop();
  if (!header) return;
  let col = 0;
  for (const cell of header.querySelectorAll("th, td")) {
    if (numeric.get(col)) cell.setAttribute("class", "num");
    col += Number(cell.getAttribute("colspan") ?? 1);
  }
}
