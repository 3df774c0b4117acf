import type { DisplayBundle } from "./bundle.js";
import { currentWriter, emit } from "./emit.js";
import { displayToHTML, displayToMarkdown, displayToText, type Display } from "../tabulate/display.js";

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
export function tableBundle(input: RenderableTable | Display): DisplayBundle {
  const result = isDisplay(input) ? renderDisplay(input) : input;
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

// A Display (the rows optionTestsDisplay, stratifiedDisplay and compareGroupsDisplay return) renders itself here,
// so a notebook shows it with one call instead of wrapping it.
function isDisplay(x: unknown): x is Display {
  const d = x as Display | null;
  return (
    !!d &&
    typeof (d as Partial<RenderableTable>).toHTML !== "function" &&
    Array.isArray(d.head) &&
    Array.isArray(d.body)
  );
}

function renderDisplay(d: Display): RenderableTable {
  return {
    toHTML: () => displayToHTML(d),
    toMarkdown: () => displayToMarkdown(d),
    toString: () => displayToText(d),
  };
}

/**
 * Displays a tabulation result, or a `Display` (e.g. from optionTestsDisplay), as one output (HTML, markdown, text). Inside a kernel it resolves to undefined;
 * elsewhere it emits nothing and returns the bundle.
 * @example
 * showTable(crosstab(lw, "trained", "knows_guideline"));
 * showTable(optionTestsDisplay(optionTests(lw, "refer_to", "trained"), undefined, { adjust: "holm" }));
 */
export function showTable(result: RenderableTable | Display): DisplayBundle | undefined {
  const writer = currentWriter();
  const bundle = tableBundle(result);
  if (!writer) return bundle;
  emit(writer, bundle);
  return undefined;
}
