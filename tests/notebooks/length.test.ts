// Notebooks read as the analysis, not as plumbing (issue 14): the longest has at most 150 lines of code. A line
// is counted as a reader meets it once the project's formatter has run: each code cell is formatted by prettier
// with the project's options (print width 110) and every non-blank line counts, comments included, so neither
// long lines nor moving code into comments shortens a notebook.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/codebook/project-root.js";

const LIMIT = 150;
const dir = path.join(projectRoot(), "notebooks");
const notebooks = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

/** Non-blank lines of a notebook's code cells, each cell formatted as prettier would format it in a .ts file. */
export async function codeLines(file: string): Promise<number> {
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  // The project's options, wherever the notebook lies (a cell is formatted as a .ts file in notebooks/ would be).
  const config = await prettier.resolveConfig(path.join(dir, "cell.ts"));
  const options = { ...config, parser: "typescript" as const };
  let lines = 0;
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const formatted = await prettier.format(source, options);
    lines += formatted.split("\n").filter((l) => l.trim() !== "").length;
  }
  return lines;
}

describe("notebook length: code lines after prettier at the project's print width", () => {
  it("counts a long call as the lines prettier breaks it into", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sp-length-"));
    const file = path.join(tmp, "x.ipynb");
    const call = `show(chart(frequencies(s.lw, "pa_training", { caption: "${"x".repeat(60)}", notes: [s.note] })));`;
    fs.writeFileSync(file, JSON.stringify({ cells: [{ cell_type: "code", source: [call, "\n", "\n", "// why"] }] }));
    try {
      // The one 120-character line becomes a call with its options object split over several lines.
      expect(await codeLines(file)).toBeGreaterThan(3);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it.each(notebooks)(`%s has at most ${LIMIT} lines of code`, async (name) => {
    const lines = await codeLines(path.join(dir, name));
    expect(lines, `${name}: ${lines} lines of code`).toBeLessThanOrEqual(LIMIT);
  });
});
