import type { DisplayBundle } from "./bundle.js";
import { currentWriter, emit } from "./emit.js";

/** What showTable accepts: any tabulation result (they all render themselves). */
export interface RenderableTable {
  toHTML(): string;
  toMarkdown(): string;
  toString(): string;
}

/**
 * The display bundle of a tabulation result: HTML (GitHub renders HTML tables), markdown and plain text, each
 * carrying the result's caption, base n, suppression footnote and test line as the result renders them.
 * @example
 * tableBundle(crosstab(lw, "trained", "knows_guideline")).data["text/markdown"];
 */
export function tableBundle(result: RenderableTable): DisplayBundle {
  if (!result || typeof result.toHTML !== "function" || typeof result.toMarkdown !== "function") {
    throw new Error(
      "showTable: expected a tabulation result with toHTML() and toMarkdown(), got " + typeof result,
    );
  }
  return {
    data: {
      "text/html": result.toHTML(),
      "text/markdown": result.toMarkdown(),
      "text/plain": result.toString(),
    },
    metadata: { "sp-pathways": { kind: "table" } },
  };
}

/**
 * Displays a tabulation result as one output (HTML, markdown, text). Inside a kernel it resolves to undefined;
 * elsewhere it emits nothing and returns the bundle.
 * @example
 * showTable(crosstab(lw, "trained", "knows_guideline"));
 */
export function showTable(result: RenderableTable): DisplayBundle | undefined {
  const writer = currentWriter();
  const bundle = tableBundle(result);
  if (!writer) return bundle;
  emit(writer, bundle);
  return undefined;
}
