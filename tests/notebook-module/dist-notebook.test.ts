import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { cellOutputs, executeNotebook, hasJupyter, projectEnv, textOf, workDir } from "../display/jupyter.js";

// Notebooks import the prebuilt "./dist/index": tslab then type-checks cells against its declaration files
// instead of compiling src/. A type error in a cell must still stop the notebook with TypeScript's message.
const notebook = (sources: string[]) => ({
  cells: sources.map((source, i) => ({
    cell_type: "code",
    execution_count: null,
    id: `cell-${i}`,
    metadata: {},
    outputs: [],
    source,
  })),
  metadata: {
    kernelspec: { display_name: "TypeScript (sp-pathways)", language: "typescript", name: "tslab" },
  },
  nbformat: 4,
  nbformat_minor: 5,
});

describe.skipIf(!hasJupyter)("a notebook importing ./dist/index", () => {
  it("runs with the declarations' types, and reports a type error in a cell", async () => {
    const dir = workDir("dist-import");
    const good = path.join(dir, "good.ipynb");
    const bad = path.join(dir, "bad.ipynb");
    fs.writeFileSync(
      good,
      JSON.stringify(
        notebook([
          'import { publishedFigures } from "./dist/index";\nconst n: number = publishedFigures().length;\nconsole.log(`${n > 0}`);',
        ]),
      ),
    );
    fs.writeFileSync(
      bad,
      JSON.stringify(
        notebook([
          'import { publishedFigures } from "./dist/index";\nconst wrong: string = publishedFigures();',
        ]),
      ),
    );
    const env = await projectEnv({ SP_CHROMIUM: "none" });
    const [ok, failed] = await Promise.all([
      executeNotebook(good, path.join(dir, "good.out.ipynb"), env),
      executeNotebook(bad, path.join(dir, "bad.out.ipynb"), env),
    ]);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(cellOutputs(path.join(dir, "good.out.ipynb"))[0]!.map(textOf).join("")).toBe("true\n");
    expect(failed.status).toBe(1);
    // TS2322, with the declared return type read from dist/: the check still knows the module's types.
    expect(failed.stderr).toMatch(/Type '.*\[\]' is not assignable to type 'string'/);
  }, 300_000);
});
