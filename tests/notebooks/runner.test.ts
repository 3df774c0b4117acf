import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { hasJupyter } from "../display/jupyter.js";
import { runWatching } from "../helpers/run-watching.js";

// The notebook runner (scripts/run-notebooks.mjs): one Python process runs all the notebooks of a run
// (scripts/notebook.py's batch mode), and the summary keeps notebook order whatever order they ran in.
const root = process.cwd();

describe.skipIf(!hasJupyter)("the notebook runner", () => {
  it("checks several notebooks in one Python process and reports them in notebook order", async () => {
    const { code, out, seen } = await runWatching(
      ["scripts/run-notebooks.mjs", "--check", "00-", "02-"],
      path.join(root, "scripts", "notebook.py"),
      root,
      { ...process.env, SP_JOBS: "2" },
    );
    expect(code, out).toBe(0);
    expect(seen.size, out).toBe(1);
    const summary = out.slice(out.indexOf("Summary"));
    expect(summary.indexOf("00-introduction")).toBeGreaterThan(0);
    expect(summary.indexOf("02-overview")).toBeGreaterThan(summary.indexOf("00-introduction"));
    expect(summary).toMatch(/2 of 2 notebooks current/);
  }, 600_000);
});

// A stopped helper service must not leave a timer that keeps the runner's process alive (it kept every notebook
// run waiting 10 s after its summary).
describe("stopping a helper service (scripts/service.mjs)", () => {
  it("leaves no timer behind once the service has exited", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-service-"));
    const script = path.join(dir, "svc.cjs");
    fs.writeFileSync(
      script,
      `process.stdout.write(JSON.stringify({ url: "http://127.0.0.1:1" }) + "\\n");
       process.stdin.on("end", () => process.exit(0)); process.stdin.resume();`,
    );
    const probe = `
      const { startService } = await import(${JSON.stringify(path.join(root, "scripts", "service.mjs"))});
      const svc = await startService(${JSON.stringify(script)}, "a test service");
      await svc.stop();
      console.log(JSON.stringify(process.getActiveResourcesInfo().filter((r) => r === "Timeout")));`;
    try {
      const run = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout.trim())).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
