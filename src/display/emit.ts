import type { DisplayBundle } from "./bundle.js";

type Writer = (
  data: { data: Record<string, unknown>; metadata: Record<string, unknown> },
  update: boolean,
) => void;

/**
 * The display writer of the cell now executing, or null outside a tslab kernel. tslab's public `display`
 * sends one MIME type per call; a multi-MIME bundle needs its internal writer (tslab is pinned for this).
 * Taken when show() starts, because tslab swaps it at the start of every execute request.
 */
export function currentWriter(): Writer | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: Writer | null };
    return typeof jupyter.lastWriteDisplayData === "function" ? jupyter.lastWriteDisplayData : null;
  } catch {
    return null;
  }
}

/** Sends one bundle to the notebook through a writer taken earlier. */
export function emit(writer: Writer, bundle: DisplayBundle): void {
  writer({ data: bundle.data, metadata: bundle.metadata }, false);
}
