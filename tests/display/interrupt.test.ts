import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/display/chromium-path.js";
import { hasJupyter, processesMentioning, projectEnv, python, root, tempDir } from "./jupyter.js";

interface Step {
  status: string;
  outputs: { mimes?: string[]; stream?: string; text?: string }[];
  interrupted: boolean;
}
interface Result {
  first: Step;
  long: Step;
  alive_after_interrupt: boolean;
  second: Step;
}

describe.skipIf(!hasJupyter || !findChromium())("a Jupyter interrupt with the figure browser open", () => {
  const tmp = tempDir("sp-interrupt-");
  let result: Result;
  let stderr = "";

  beforeAll(async () => {
    const env = await projectEnv({ TMPDIR: tmp });
    const child = spawn(python, [path.join(root, "tests", "display", "interrupt_check.py"), root], {
      cwd: root,
      env,
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    await new Promise((r) => child.once("close", r));
    result = JSON.parse(stdout.trim().split("\n").pop() || "null") as Result;
  }, 240_000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("interrupts the running cell without killing the kernel", () => {
    expect(result, stderr.slice(-2000)).not.toBeNull();
    expect(result.first.outputs.map((o) => o.mimes)).toEqual([
      ["application/vnd.plotly.v1+json", "image/png", "text/plain"],
    ]);
    expect(result.long.interrupted).toBe(true);
    expect(result.long.status).toBe("error");
    expect(result.alive_after_interrupt).toBe(true);
  });

  it("keeps the browser: the next figure still gets its PNG", () => {
    expect(result.second.status).toBe("ok");
    expect(result.second.outputs.map((o) => o.mimes)).toEqual([
      ["application/vnd.plotly.v1+json", "image/png", "text/plain"],
    ]);
  });

  it("leaves no Chromium process after the kernel shuts down", async () => {
    await new Promise((r) => setTimeout(r, 1000));
    expect(processesMentioning(tmp)).toEqual([]);
  });
});
