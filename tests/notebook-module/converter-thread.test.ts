import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

// The kernel's TypeScript converters live in a worker thread (scripts/converter-thread.cjs). Each case runs in a
// fresh Node process, as the kernel does: the module replaces entries in that process's require cache.
const root = process.cwd();
const require = createRequire(path.join(root, "package.json"));
const { opensWithBlockComment } = require("./scripts/converter-thread.cjs") as {
  opensWithBlockComment: (src: string) => boolean;
};

interface Run {
  readonly out: Record<string, unknown>;
  readonly stderr: string;
}

const script = `
const { startConverterThread } = require(${JSON.stringify(path.join(root, "scripts", "converter-thread.cjs"))});
const thread = startConverterThread();
const { getCodeMetadata } = require("tslab/dist/metadata");
const { isCompleteCode } = require("tslab/dist/converter");
const ok = thread.convs.node.convert("", "const x: number = 1 + 1;\\nx");
const bad = thread.convs.node.convert(ok.declOutput, "const y: string = x;");
const out = {
  output: ok.output,
  declOutput: ok.declOutput,
  okDiagnostics: ok.diagnostics.length,
  badMessages: bad.diagnostics.map((d) => d.messageText),
  metadata: getCodeMetadata("/** @module helper */\\nexport const a = 1;"),
  plainMetadata: getCodeMetadata("const a = 1;"),
  incomplete: isCompleteCode("function f() {").completed,
  typescriptInMainThread: Object.keys(require.cache).some((f) => f.includes("typescript-for-tslab")),
};
thread.convs.close();
console.log(JSON.stringify(out));
`;

function run(env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, ["-e", script], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 240_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return { out: JSON.parse(r.stdout.trim().split("\n").pop()!) as Record<string, unknown>, stderr: r.stderr };
}

describe("tslab's converter in a worker thread", () => {
  it("compiles a cell, keeps its declarations, reports a type error, and keeps TypeScript out of the main thread", () => {
    const { out, stderr } = run();
    expect(out.okDiagnostics).toBe(0);
    expect(out.output).toContain("1 + 1");
    expect(out.declOutput).toContain("declare const x: number;");
    expect(out.badMessages).toEqual(["Type 'number' is not assignable to type 'string'."]);
    expect(out.metadata).toEqual({ module: "helper" });
    expect(out.plainMetadata).toEqual({});
    expect(out.incomplete).toBe(false);
    expect(out.typescriptInMainThread).toBe(false);
    expect(stderr).toBe("");
  }, 300_000);

  it("falls back to the main thread, with one line saying so, when the worker does not answer", () => {
    const { out, stderr } = run({ SP_CONVERTER_TIMEOUT_MS: "1" });
    expect(stderr).toMatch(
      /^sp-pathways: TypeScript runs in the kernel's main thread \(the converter worker failed: the converter worker did not answer convert in 0.001 s\)\n$/,
    );
    expect(out.okDiagnostics).toBe(0);
    expect(out.badMessages).toEqual(["Type 'number' is not assignable to type 'string'."]);
    expect(out.metadata).toEqual({ module: "helper" });
    expect(out.typescriptInMainThread).toBe(true);
  }, 300_000);

  it("opensWithBlockComment: only a cell opening with a block comment can carry tslab's JSDoc tags", () => {
    expect(opensWithBlockComment("/** @module x */\nexport const a = 1;")).toBe(true);
    expect(opensWithBlockComment("  // note\n  /* @browser */ x")).toBe(true);
    expect(opensWithBlockComment("#!/usr/bin/env node\n/** @node */")).toBe(true);
    expect(opensWithBlockComment('import { show } from "./dist/index"; /** @module x */')).toBe(false);
    expect(opensWithBlockComment("")).toBe(false);
  });
});
