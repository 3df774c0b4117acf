import { readFileSync } from "node:fs";

/** One output of a code cell, as nbformat 4 stores it. */
export interface NotebookOutput {
  output_type: "stream" | "display_data" | "execute_result" | "error";
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface NotebookCell {
  cell_type: "markdown" | "code" | "raw";
  source: string | string[];
  metadata?: Record<string, unknown>;
  outputs?: NotebookOutput[];
  execution_count?: number | null;
}

/** Which data a run used, as scripts/notebook.py records it in the notebook's metadata. */
export interface Provenance {
  data?: "bundled-synthetic" | "local" | "custom" | string;
  area?: string | null;
  data_dir?: string | null;
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: { sp_pathways?: Provenance } & Record<string, unknown>;
}

/**
 * Reads an .ipynb file, checking only what the site needs: a list of cells with a type each.
 * @example
 * readNotebook("notebooks/03-initial-contact.ipynb").cells.length; // 12
 */
export function readNotebook(file: string): Notebook {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file}: not a notebook (${(err as Error).message})`, { cause: err });
  }
  const nb = parsed as Partial<Notebook>;
  if (!nb || !Array.isArray(nb.cells)) throw new Error(`${file}: not a notebook (no "cells" list)`);
  nb.cells.forEach((cell, i) => {
    if (!["markdown", "code", "raw"].includes(cell?.cell_type)) {
      throw new Error(`${file}: cell ${i} has cell_type ${JSON.stringify(cell?.cell_type)}`);
    }
  });
  return { cells: nb.cells, metadata: nb.metadata ?? {} };
}

/**
 * nbformat stores multi-line strings as a list of lines or as one string: either way, one string.
 * @example
 * joinText(["a\n", "b"]); // "a\nb"
 */
export function joinText(value: unknown): string {
  if (Array.isArray(value)) return value.join("");
  return typeof value === "string" ? value : "";
}
