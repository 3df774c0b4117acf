// scripts/notebook.py's numbering of executed cells and its keeping of committed images, called in Debian's Python
// on notebooks built in memory (no kernel needed).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/codebook/project-root.js";

const root = projectRoot();
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const hasNbformat = spawnSync(python, ["-c", "import nbformat, nbclient"]).status === 0;

/** Runs Python with scripts/notebook.py imported as `nbpy` and nbformat's v4 helpers as `v4`; returns its JSON. */
function py(body: string): unknown {
  const code = [
    "import importlib.util, json, sys",
    "from nbformat import v4",
    `spec = importlib.util.spec_from_file_location("nbpy", ${JSON.stringify(path.join(root, "scripts", "notebook.py"))})`,
    "nbpy = importlib.util.module_from_spec(spec); spec.loader.exec_module(nbpy)",
    "def fig(spec, png):",
    "    return v4.new_output('display_data', data={'application/vnd.plotly.v1+json': spec, 'image/png': png, 'text/plain': 't'})",
    body,
  ].join("\n");
  const r = spawnSync(python, ["-c", code], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe.skipIf(!hasNbformat)("scripts/notebook.py", () => {
  it("normalise(nb) numbers executed code cells 1, 2, ... in order; empty cells and markdown get none", () => {
    const counts = py(`
nb = v4.new_notebook(cells=[v4.new_markdown_cell("# t"), v4.new_code_cell("a"), v4.new_code_cell("  "),
    v4.new_code_cell("b", outputs=[v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=None)])])
nbpy.normalise(nb)
print(json.dumps([c.get("execution_count") for c in nb.cells] + [nb.cells[3].outputs[0]["execution_count"]]))`);
    expect(counts).toEqual([null, 1, null, 2, 2]);
  });

  it("is deterministic, and the check sees a committed notebook without counts as stale", () => {
    const r = py(`
def make():
    return v4.new_notebook(cells=[v4.new_code_cell("a", id="c1"), v4.new_code_cell("b", id="c2")])
fresh1, fresh2 = nbpy.normalise(make()), nbpy.normalise(make())
committed = nbpy.normalise(make(), number=False)
print(json.dumps([nbpy.comparable(fresh1) == nbpy.comparable(fresh2), nbpy.comparable(committed) == nbpy.comparable(fresh1)]))`);
    expect(r).toEqual([true, false]);
  });

  it("keep_committed_images keeps the committed PNG of a figure whose spec is unchanged, wherever it moved", () => {
    const r = py(`
same, changed = {"data": [{"type": "bar", "x": [1]}]}, {"data": [{"type": "bar", "x": [2]}]}
previous = v4.new_notebook(cells=[v4.new_code_cell("x", outputs=[fig(same, "OLD1"), fig(changed, "OLD2")])])
fresh = v4.new_notebook(cells=[v4.new_code_cell("new cell"),
    v4.new_code_cell("x", outputs=[fig(same, "NEW1")]),
    v4.new_code_cell("y", outputs=[fig({"data": [{"type": "bar", "x": [3]}]}, "NEW2")])])
kept = nbpy.keep_committed_images(fresh, previous)
print(json.dumps([kept, fresh.cells[1].outputs[0]["data"]["image/png"], fresh.cells[2].outputs[0]["data"]["image/png"]]))`);
    expect(r).toEqual([1, "OLD1", "NEW2"]);
  });

  it("refuses committed outputs from an area run or local data, and accepts the bundled synthetic data", () => {
    const r = py(`
print(json.dumps([nbpy.committable({"data": "bundled-synthetic", "area": None}),
    nbpy.committable({"data": "bundled-synthetic", "area": "Lancashire"}), nbpy.committable({"data": "local"})]))`);
    expect(r).toEqual([true, false, false]);
  });
});
