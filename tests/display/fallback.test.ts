import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cellOutputs,
  executeNotebook,
  hasJupyter,
  pathWithoutChromium,
  projectEnv,
  root,
  tempDir,
  textOf,
  mimeText,
  workDir,
  type NotebookRun,
  type Output,
} from "./jupyter.js";

// Issue 2: "Removing Chromium from PATH: notebooks still execute; the figure falls back to interactive-only plus
// a data table, with one clear warning line". Two ways in: no browser on PATH, and the SP_CHROMIUM=none switch.
const FIXTURE = path.join(root, "tests", "fixtures", "notebooks", "figures.ipynb");
const PLOTLY = "application/vnd.plotly.v1+json";
const WARNING =
  /^sp-pathways: figures have no static image \(.+\); showing interactive plotly plus a data table instead\.$/;
const isFigure = (o: Output) =>
  (o.metadata?.["sp-pathways"] as { kind?: string } | undefined)?.kind === "figure";

describe.skipIf(!hasJupyter)("a notebook with figures, executed without a browser", () => {
  const dir = workDir("without-chromium");
  const tmp = tempDir("sp-nb-nochromium-");
  const runs: Record<string, { run: NotebookRun; out: string }> = {};

  beforeAll(async () => {
    const base = await projectEnv();
    delete base.SP_CHROMIUM;
    const noPath = { ...base, PATH: pathWithoutChromium(tmp) };
    const switchedOff = { ...base, SP_CHROMIUM: "none" };
    const go = async (name: string, env: NodeJS.ProcessEnv) => {
      const out = path.join(dir, `${name}.ipynb`);
      runs[name] = { run: await executeNotebook(FIXTURE, out, env), out };
    };
    await Promise.all([go("no-chromium-on-path", noPath), go("sp-chromium-none", switchedOff)]);
  }, 300_000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const name of ["no-chromium-on-path", "sp-chromium-none"]) {
    describe(name, () => {
      it("still executes, counting three figures", () => {
        const { run } = runs[name]!;
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        expect(JSON.parse(run.stdout.trim().split("\n").pop()!)).toMatchObject({ figures: 3 });
      });

      it("falls back to plotly JSON, an HTML table of the values and text, one output per figure", () => {
        const figureCells = cellOutputs(runs[name]!.out).filter((outs) => outs.some(isFigure));
        expect(figureCells).toHaveLength(3);
        for (const outs of figureCells) {
          const figures = outs.filter(isFigure);
          expect(figures).toHaveLength(1);
          const data = figures[0]!.data!;
          expect(Object.keys(data).sort()).toEqual([PLOTLY, "text/html", "text/plain"].sort());
          expect(mimeText(data["text/html"])).toMatch(/^<table>\n<caption>/);
        }
        const html = mimeText(figureCells[0]!.find(isFigure)!.data!["text/html"]);
        expect(html).toContain(
          '<th scope="row">GP practice</th><td align="right">89%</td><td align="right">84–93%</td>',
        );
      });

      it("warns once, in one line on stderr, for the whole notebook", () => {
        const streams = cellOutputs(runs[name]!.out)
          .flat()
          .filter((o) => o.output_type === "stream");
        expect(streams.map((o) => o.name)).toEqual(["stderr"]);
        const lines = textOf(streams[0]!).trimEnd().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(WARNING);
      });
    });
  }

  it("names the reason in the warning: no Chromium found", () => {
    const streams = cellOutputs(runs["no-chromium-on-path"]!.out)
      .flat()
      .filter((o) => o.output_type === "stream");
    expect(textOf(streams[0]!)).toContain("no Chromium found");
  });
});
