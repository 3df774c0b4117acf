// A researcher opens a committed notebook in Jupyter Notebook (`npm run jupyter`), runs every cell and saves: git
// must then show nothing but execution counts. This drives the real thing: the project's notebook server, kernel,
// warm renderer and sp-plotly extension, in headless Chromium, on a copy of a committed notebook with figures.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/display/chromium-path.js";
import {
  hasJupyter,
  projectEnv,
  root,
  startNotebookServer,
  tempDir,
  type NotebookServer,
} from "./jupyter.js";

// Notebook 03: two figures whose y axes are `autorange: "reversed"`, which plotly.js rewrites on the object it
// draws (to true, adding range and type) unless it is given a copy.
const NOTEBOOK = "03-initial-contact.ipynb";
const chromium = findChromium();

interface Notebook {
  metadata: Record<string, unknown>;
  cells: {
    cell_type: string;
    execution_count?: number | null;
    outputs?: Record<string, unknown>[];
  }[];
}

/** The notebook with every execution count (cells and execute_result outputs) blanked. */
function withoutCounts(nb: Notebook): Notebook {
  const copy = structuredClone(nb);
  for (const cell of copy.cells) {
    if (cell.cell_type !== "code") continue;
    cell.execution_count = null;
    for (const out of cell.outputs ?? []) if ("execution_count" in out) out.execution_count = null;
  }
  return copy;
}

type JupyterWindow = {
  Jupyter: {
    notebook: {
      dirty: boolean;
      kernel: { is_connected(): boolean } | null;
      get_cells(): { cell_type: string; input_prompt_number?: number | string | null; get_text(): string }[];
    };
  };
};

describe.skipIf(!hasJupyter || !chromium)(
  "Run All then Save in Jupyter Notebook on a committed notebook",
  () => {
    const dir = tempDir("sp-run-and-save-");
    const file = path.join(dir, NOTEBOOK);
    const committed = fs.readFileSync(path.join(root, "notebooks", NOTEBOOK), "utf8");
    let browser: Browser;
    let stopRenderer: (() => Promise<void>) | undefined;
    let server: NotebookServer | undefined;
    let saved = "";

    beforeAll(async () => {
      fs.writeFileSync(file, committed);
      // What `npm run jupyter` (scripts/jupyter) starts: the project environment, one warm renderer, the server.
      const { startRenderer } = (await import(path.join(root, "scripts", "renderer.mjs") as string)) as {
        startRenderer(env: NodeJS.ProcessEnv): Promise<{ url: string; stop(): Promise<void> }>;
      };
      const env = await projectEnv({ TMPDIR: dir });
      const renderer = await startRenderer(env);
      stopRenderer = () => renderer.stop();
      server = await startNotebookServer(dir, { ...env, SP_RENDER_URL: renderer.url });
      const { chromium: launcher } = await import("playwright-core");
      browser = await launcher.launch({ executablePath: chromium!, args: ["--no-sandbox", "--disable-gpu"] });
      const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
      await page.goto(server.url(`notebooks/${NOTEBOOK}`), { timeout: 120_000 });
      await page.waitForFunction(
        () => (window as unknown as JupyterWindow).Jupyter?.notebook?.kernel?.is_connected() === true,
        null,
        { timeout: 120_000 },
      );
      await runAllThenSave(page);
      saved = fs.readFileSync(file, "utf8");
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await stopRenderer?.();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("saves a file that differs from the committed one only in execution counts", () => {
      const before = JSON.parse(committed) as Notebook;
      const after = JSON.parse(saved) as Notebook;
      // The run really happened: every non-empty code cell has a count from this session.
      const counts = after.cells.filter((c) => c.cell_type === "code").map((c) => c.execution_count);
      expect(counts.every((n) => typeof n === "number")).toBe(true);
      // Everything else, figures' plotly specs and images included, is as committed.
      expect(withoutCounts(after)).toEqual(withoutCounts(before));
    });

    it("writes the file in the committed layout (same JSON text once counts are blanked)", () => {
      const blank = (text: string) => text.replace(/"execution_count": \d+/g, '"execution_count": null');
      expect(blank(saved)).toBe(blank(committed));
    });

    it("leaves its checkpoint in .ipynb_checkpoints/, which git ignores beside the notebooks", () => {
      // Saving through the UI writes a checkpoint next to the notebook, as it would in notebooks/.
      const checkpoints = fs.readdirSync(path.join(dir, ".ipynb_checkpoints"));
      expect(checkpoints.length).toBeGreaterThan(0);
      for (const name of checkpoints) {
        const rel = path.join("notebooks", ".ipynb_checkpoints", name);
        const ignored = spawnSync("git", ["check-ignore", "--no-index", "-q", rel], { cwd: root });
        expect(ignored.status, `${rel} is not ignored by .gitignore`).toBe(0);
      }
    });
  },
);

/** Cell > Run All, wait until every cell has run and every figure is drawn, then File > Save and Checkpoint. */
async function runAllThenSave(page: Page): Promise<void> {
  await page.click("#celllink");
  await page.click("#run_all_cells > a");
  await page.waitForFunction(
    () =>
      (window as unknown as JupyterWindow).Jupyter.notebook
        .get_cells()
        .filter((c) => c.cell_type === "code" && c.get_text().trim() !== "")
        .every((c) => typeof c.input_prompt_number === "number"),
    null,
    { timeout: 420_000, polling: 500 },
  );
  const figures = await page.evaluate(() => document.querySelectorAll(".output_plotly").length);
  expect(figures).toBeGreaterThan(0);
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll(".output_plotly .js-plotly-plot")].filter((e) =>
        e.querySelector(".main-svg"),
      ).length === n,
    figures,
    { timeout: 60_000 },
  );
  await page.click("#filelink");
  await page.click("#save_checkpoint > a");
  await page.waitForFunction(
    () => (window as unknown as JupyterWindow).Jupyter.notebook.dirty === false,
    null,
    {
      timeout: 30_000,
    },
  );
  // The save is a PUT to the contents API: wait for the checkpoint it writes as well.
  await page.waitForTimeout(1000);
}
