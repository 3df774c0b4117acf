import type { Figure } from "../../src/figures/types.js";

/** A figure's spec as stable JSON for file snapshots: numbers rounded to 3 decimals. */
export function specJSON(figure: Figure): string {
  const round = (_key: string, value: unknown) =>
    typeof value === "number" && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
  return (
    JSON.stringify(
      { data: figure.data, layout: figure.layout, width: figure.width, height: figure.height },
      round,
      2,
    ) + "\n"
  );
}
