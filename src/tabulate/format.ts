/** Formats a count: integers as digits with thousands commas, weighted counts to one decimal. */
export function formatCount(value: number): string {
  const digits = Number.isInteger(value) ? 0 : 1;
  const [whole, fraction] = Math.abs(value).toFixed(digits).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (value < 0 ? "-" : "") + grouped + (fraction ? `.${fraction}` : "");
}

/** Formats a percentage (already on the 0-100 scale) to one decimal, or an en dash when undefined. */
export function formatPercent(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "–" : `${value.toFixed(1)}%`;
}

/** Formats an interval on the 0-100 scale as "lower–upper". */
export function formatInterval(lower: number | null, upper: number | null): string {
  if (lower === null || upper === null) return "–";
  return `${lower.toFixed(1)}–${upper.toFixed(1)}`;
}

/** Formats a p-value the way journals do: three decimals, "<0.001" below that. */
export function formatP(p: number): string {
  return p < 0.001 ? "<0.001" : p.toFixed(3);
}
