import { createRequire } from "node:module";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors/usage-error.js";
import { frequencies } from "../../src/tabulate/index.js";

// Resolved from the project root (vitest's working directory): the kernel loads this CommonJS file as is.
const require = createRequire(path.join(process.cwd(), "package.json"));
const { kernelErrorArgs, installKernelErrors } = require("./scripts/kernel-errors.cjs") as {
  kernelErrorArgs: (args: unknown[]) => unknown[];
  installKernelErrors: (target: { error: (...args: unknown[]) => void }) => void;
};

describe("the kernel prints a researcher's mistake as one line and keeps a bug's stack", () => {
  it("a UsageError from a tabulation becomes its one-line message, without a stack", () => {
    let thrown: unknown;
    try {
      frequencies([{ pa_training: "Yes" }], "pa_trainig");
    } catch (e) {
      thrown = e;
    }
    expect(kernelErrorArgs([thrown])).toEqual([
      'frequencies: no column "pa_trainig"; did you mean "pa_training"?',
    ]);
  });

  it("an interrupt prints 'Interrupted.' (synchronous SIGINT and tslab's asynchronous interrupt)", () => {
    const sync = Object.assign(new Error("Script execution was interrupted by `SIGINT`"), {
      code: "ERR_SCRIPT_EXECUTION_INTERRUPTED",
    });
    expect(kernelErrorArgs([sync])).toEqual(["Interrupted."]);
    expect(kernelErrorArgs([new Error("Interrupted asynchronously")])).toEqual(["Interrupted."]);
  });

  it("any other error, and any other console.error call, passes through unchanged", () => {
    const bug = new TypeError("cannot read properties of undefined");
    expect(kernelErrorArgs([bug])).toEqual([bug]);
    expect(kernelErrorArgs(["%s", "x"])).toEqual(["%s", "x"]);
  });

  it("installKernelErrors wraps console.error", () => {
    const printed: unknown[][] = [];
    const target = { error: (...args: unknown[]) => void printed.push(args) };
    installKernelErrors(target);
    target.error(new UsageError("crosstab", 'no column "x"'));
    expect(printed).toEqual([['crosstab: no column "x"']]);
  });
});
