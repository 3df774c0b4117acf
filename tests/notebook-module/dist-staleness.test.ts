import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../display/jupyter.js";

// scripts/build-dist.cjs decides whether dist/ is stale; these tests give it a small fake project (a src/ folder
// and a stamp as a build writes it) and move modification times, without running the compiler.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleReason, sourceFiles } = require(path.join(root, "scripts", "build-dist.cjs")) as {
  staleReason: (root: string) => string | null;
  sourceFiles: (root: string) => string[];
};

describe("dist/ staleness (scripts/build-dist.cjs)", () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), "sp-dist-"));
  const past = new Date(Date.now() - 60_000);
  const writeStamp = (startedMs: number) =>
    fs.writeFileSync(
      path.join(project, "dist", ".build.json"),
      JSON.stringify({ startedMs, files: sourceFiles(project), errors: false }),
    );

  beforeAll(() => {
    fs.mkdirSync(path.join(project, "src", "display"), { recursive: true });
    fs.mkdirSync(path.join(project, "dist"));
    for (const f of ["src/index.ts", "src/display/show.ts", "tsconfig.json"]) {
      fs.writeFileSync(path.join(project, f), "export {};\n");
      fs.utimesSync(path.join(project, f), past, past);
    }
  });
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it("is stale with no build yet", () => {
    expect(staleReason(project)).toBe("no build yet");
  });

  it("is current when every source file is older than the build's start", () => {
    writeStamp(Date.now() - 1000);
    expect(staleReason(project)).toBeNull();
  });

  it("is stale when a source file in a subfolder is edited after the build started", () => {
    writeStamp(Date.now() - 1000);
    fs.writeFileSync(path.join(project, "src", "display", "show.ts"), "export const edited = 1;\n");
    expect(staleReason(project)).toBe(`${path.join("src", "display", "show.ts")} is newer than the build`);
    fs.utimesSync(path.join(project, "src", "display", "show.ts"), past, past);
  });

  it("is stale when the compiler configuration changed", () => {
    writeStamp(Date.now() - 1000);
    fs.utimesSync(path.join(project, "tsconfig.json"), new Date(), new Date());
    expect(staleReason(project)).toBe("tsconfig.json is newer than the build");
    fs.utimesSync(path.join(project, "tsconfig.json"), past, past);
  });

  it("is stale when a source file is added or removed, even with an old modification time", () => {
    writeStamp(Date.now() - 1000);
    const added = path.join(project, "src", "display", "new.ts");
    fs.writeFileSync(added, "export {};\n");
    fs.utimesSync(added, past, past);
    expect(staleReason(project)).toBe(`source files changed (+${path.join("src", "display", "new.ts")})`);
    writeStamp(Date.now() - 1000);
    fs.rmSync(added);
    expect(staleReason(project)).toBe(`source files changed (-${path.join("src", "display", "new.ts")})`);
  });
});
