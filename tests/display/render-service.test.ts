import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/display/chromium-path.js";
import { renderRemote } from "../../src/display/render-service.js";
import { closeBrowser, renderPng, renderServiceFailure } from "../../src/display/renderer.js";
import { barChart } from "../../src/figures/bar.js";
import * as S from "../figures/samples.js";
import { processesMentioning, root, tempDir } from "./jupyter.js";

// The shared warm renderer as the notebook runner starts it (scripts/renderer.mjs). Its Chromium profile lives
// under the TMPDIR given here, so the test can find (and kill) exactly its browser processes.
interface Renderer {
  url: string;
  pid: number;
  exited: Promise<unknown>;
  stop(): Promise<void>;
}
const start = async (tmp: string): Promise<Renderer> => {
  const spec = path.join(root, "scripts", "renderer.mjs");
  const mod = (await import(spec as string)) as {
    startRenderer: (env: NodeJS.ProcessEnv) => Promise<Renderer>;
  };
  return mod.startRenderer({ ...process.env, TMPDIR: tmp });
};
const fig = barChart(S.referralSources, {
  title: "Most Link Workers receive referrals from GPs",
  base: S.base,
});
const isPng = (png: string | null) =>
  png !== null && Buffer.from(png, "base64").subarray(1, 4).toString() === "PNG";
const chromiumOf = (tmp: string) => processesMentioning(tmp).filter((l) => /chrom/i.test(l));
const waitFor = async (ok: () => boolean, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!ok() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
};

describe.skipIf(!findChromium())("the shared warm renderer (scripts/renderer.mjs)", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("renders PNGs for clients, starts a new browser after a crash, and leaves no Chromium when stopped", async () => {
    const tmp = tempDir("sp-renderer-");
    dirs.push(tmp);
    const renderer = await start(tmp);
    try {
      const first = await renderRemote(renderer.url, fig, 1);
      expect(first.reason).toBe("");
      expect(isPng(first.png)).toBe(true);
      // Same figure, same bytes, whichever client asks.
      expect((await renderRemote(renderer.url, fig, 1)).png).toBe(first.png);

      // Crash the browser: the next figure gets a new one.
      const pids = chromiumOf(tmp).map((l) => Number(l.trim().split(/\s+/)[0]));
      expect(pids.length).toBeGreaterThan(0);
      spawnSync("kill", ["-KILL", ...pids.map(String)]);
      await waitFor(() => chromiumOf(tmp).length === 0);
      await new Promise((r) => setTimeout(r, 500));
      const after = await renderRemote(renderer.url, fig, 1);
      expect(after.reason).toBe("");
      expect(after.png).toBe(first.png);
    } finally {
      await renderer.stop();
    }
    await waitFor(() => chromiumOf(tmp).length === 0);
    expect(chromiumOf(tmp)).toEqual([]);
  }, 180_000);

  it("takes its browser with it when the renderer process is killed outright", async () => {
    const tmp = tempDir("sp-renderer-kill-");
    dirs.push(tmp);
    const renderer = await start(tmp);
    expect(isPng((await renderRemote(renderer.url, fig, 1)).png)).toBe(true);
    expect(chromiumOf(tmp).length).toBeGreaterThan(0);
    process.kill(renderer.pid, "SIGKILL");
    await renderer.exited;
    await waitFor(() => chromiumOf(tmp).length === 0);
    expect(chromiumOf(tmp)).toEqual([]);
  }, 180_000);

  it("a kernel whose renderer is gone renders in its own browser instead, and says why", async () => {
    const saved = process.env.SP_RENDER_URL;
    process.env.SP_RENDER_URL = "http://127.0.0.1:9/not-running";
    try {
      const { png, reason } = await renderPng(fig);
      expect(reason).toBe("");
      expect(isPng(png)).toBe(true);
      expect(renderServiceFailure()).toMatch(/ECONNREFUSED/);
    } finally {
      if (saved === undefined) delete process.env.SP_RENDER_URL;
      else process.env.SP_RENDER_URL = saved;
      await closeBrowser();
    }
  }, 120_000);
});
