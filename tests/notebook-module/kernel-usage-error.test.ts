import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { executeNotebook, hasJupyter, projectEnv, workDir } from "../display/jupyter.js";

// The kernel (scripts/kernel.cjs, with tslab's converter in a worker thread and ./dist/index preloaded) still
// prints a researcher's mistake as one line in the cell's output, with no stack.
describe.skipIf(!hasJupyter)("the project kernel and a UsageError", () => {
  it("prints the mistake in one line, naming the column and the closest valid name", async () => {
    const dir = workDir("kernel-usage-error");
    const input = path.join(dir, "mistake.ipynb");
    const output = path.join(dir, "mistake.out.ipynb");
    const source =
      'import { frequencies } from "./dist/index";\nfrequencies([{ pa_training: "Yes" }], "pa_trainig");';
    fs.writeFileSync(
      input,
      JSON.stringify({
        cells: [{ cell_type: "code", execution_count: null, id: "c0", metadata: {}, outputs: [], source }],
        metadata: {
          kernelspec: { display_name: "TypeScript (sp-pathways)", language: "typescript", name: "tslab" },
        },
        nbformat: 4,
        nbformat_minor: 5,
      }),
    );
    const run = await executeNotebook(input, output, await projectEnv({ SP_CHROMIUM: "none" }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('frequencies: no column "pa_trainig"; did you mean "pa_training"?\n');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 300_000);
});
