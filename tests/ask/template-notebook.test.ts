import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { cellOutputs, executeNotebook, hasJupyter, projectEnv, root, textOf } from "../display/jupyter.js";

// Notebook 10 is a template: it must run as committed (npm test checks that) AND after an advisor edits its
// parameters cell. This copies it, swaps in another survey, a multi-select question, a breakdown and an area, and
// executes the copy with the project kernel.
const TEMPLATE = path.join(root, "notebooks", "10-new-question.ipynb");

interface Cell {
  cell_type: string;
  metadata: { tags?: string[] };
  source: string | string[];
  outputs?: unknown[];
}

describe.skipIf(!hasJupyter)("notebook 10 with a changed parameters cell", () => {
  it("runs for the provider survey, a multi-select question by scale, in one area", async () => {
    const nb = JSON.parse(fs.readFileSync(TEMPLATE, "utf8")) as { cells: Cell[] };
    const params = nb.cells.filter((c) => c.metadata.tags?.includes("parameters"));
    expect(params).toHaveLength(1);
    params[0]!.source = [
      'const survey = "provider";\n',
      'const question = "challenges";\n',
      'const breakdown = "scale";\n',
      'const area = "Cumbria";\n',
    ];
    for (const c of nb.cells) if (c.cell_type === "code") c.outputs = [];
    const dir = path.join(root, "build", "test-area");
    fs.mkdirSync(dir, { recursive: true });
    const input = path.join(dir, "10-changed-parameters.ipynb");
    const output = path.join(dir, "10-changed-parameters.out.ipynb");
    fs.writeFileSync(input, JSON.stringify(nb, null, 1));
    const run = await executeNotebook(input, output, await projectEnv({ SP_DATA: "bundled" }));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const text = cellOutputs(output)
      .flat()
      .map((o) => textOf(o) + JSON.stringify(o.data?.["text/plain"] ?? ""))
      .join("\n");
    expect(text).toContain("Which challenges have you observed amongst your participants");
    expect(text).toContain("Active Cumbria");
    expect(text).toContain("per-option tests of challenges by scale, Holm-adjusted as one family");
    expect(text).toContain("with 5 or more respondents");
  }, 300_000);
});
