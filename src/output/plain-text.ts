// Plotly reads pseudo-HTML in every text it draws (labels, hover text, titles): <a href> becomes a live link and
// <span style> restyles. Builders use only line breaks and simple emphasis; any other tag is shown as text.
const KEPT_TAGS = /^<\/?(?:br|b|i|em|sup|sub)\s*\/?>$/i;
const TAG_START = /<(?=[A-Za-z/!?])[^<>]*>?/g;
// Builder-written templates hold Plotly's own markup (<extra></extra>) and %{...} placeholders, not data.
const TEMPLATE_KEYS = new Set(["hovertemplate", "texttemplate"]);

/**
 * Makes a string safe for Plotly text: a tag other than <br>, <b>, <i>, <em>, <sup>, <sub> has its "<" and ">"
 * written as entities, which Plotly shows literally ("&lt;a href=...&gt;" reads as <a href=...>). "<5" and
 * "a < b" are not tags and stay as they are.
 * @example
 * plainText('<a href="http://x">click</a>'); // '&lt;a href="http://x"&gt;click&lt;/a&gt;'
 * plainText("Yes<br>(n = 12)"); // "Yes<br>(n = 12)"
 */
export function plainText(text: string): string {
  return text.replace(TAG_START, (tag) =>
    KEPT_TAGS.test(tag) ? tag : tag.replace(/</g, "&lt;").replace(/>/g, "&gt;"),
  );
}

/**
 * Applies plainText to every string inside a Plotly figure part (traces or layout), except the builders' own
 * hover and text templates; returns a copy.
 * @example
 * plainTextDeep([{ type: "bar", x: ["<a href='x'>y</a>"] }])[0].x[0]; // "&lt;a href='x'&gt;y&lt;/a&gt;"
 */
export function plainTextDeep<T>(value: T): T {
  if (typeof value === "string") return plainText(value) as T;
  if (Array.isArray(value)) return value.map((v) => plainTextDeep(v)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      out[k] = TEMPLATE_KEYS.has(k) ? v : plainTextDeep(v);
    return out as T;
  }
  return value;
}
