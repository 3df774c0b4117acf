import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../display/jupyter.js";

// bin/sp-pathways.cjs runs the compiled dist/ when it is current and src/ through tsx when src/ is newer. A small
// fake project (the real launcher and staleness check, a dist/ and a src/ CLI that each say which they are) shows
// which one ran, without building anything.
describe("the CLI launcher picks dist/ or src/", () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), "sp-cli-choice-"));
  const past = new Date(Date.now() - 60_000);
  const cli = (from: string) =>
    `exports.main = async () => { process.stdout.write(${JSON.stringify(from)}); return 0; };\n` +
    `exports.processIo = () => ({});\n`;
  const run = () =>
    spawnSync(process.execPath, [path.join(project, "bin", "sp-pathways.cjs"), "--help"], {
      encoding: "utf8",
    });

  beforeAll(() => {
    for (const dir of ["bin", "scripts", "src/cli", "dist/cli"])
      fs.mkdirSync(path.join(project, dir), { recursive: true });
    fs.copyFileSync(path.join(root, "bin", "sp-pathways.cjs"), path.join(project, "bin", "sp-pathways.cjs"));
    fs.copyFileSync(
      path.join(root, "scripts", "build-dist.cjs"),
      path.join(project, "scripts", "build-dist.cjs"),
    );
    fs.symlinkSync(path.join(root, "node_modules"), path.join(project, "node_modules"));
    fs.writeFileSync(path.join(project, "src", "cli", "main.ts"), cli("src"));
    fs.writeFileSync(path.join(project, "src", "cli", "io.ts"), "export const processIo = () => ({});\n");
    fs.writeFileSync(path.join(project, "dist", "cli", "main.js"), cli("dist"));
    fs.writeFileSync(path.join(project, "dist", "cli", "io.js"), "exports.processIo = () => ({});\n");
    for (const f of ["src/cli/main.ts", "src/cli/io.ts"]) fs.utimesSync(path.join(project, f), past, past);
  });
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  const stamp = () =>
    fs.writeFileSync(
      path.join(project, "dist", ".build.json"),
      JSON.stringify({ startedMs: Date.now() - 1000, files: ["src/cli/io.ts", "src/cli/main.ts"] }),
    );

  it("runs src/ through tsx when there is no build", () => {
    fs.rmSync(path.join(project, "dist", ".build.json"), { force: true });
    expect(run().stdout).toBe("src");
  });

  it("runs dist/ when the build is current", () => {
    stamp();
    expect(run().stdout).toBe("dist");
  });

  it("runs src/ again once a source file is edited after the build", () => {
    stamp();
    fs.utimesSync(path.join(project, "src", "cli", "main.ts"), new Date(), new Date());
    expect(run().stdout).toBe("src");
    fs.utimesSync(path.join(project, "src", "cli", "main.ts"), past, past);
  });
});
