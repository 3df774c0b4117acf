// How the project's tslab kernel prints a failed cell. tslab hands the thrown value to console.error, which
// prints its whole stack (compiled .js paths included). An expected mistake (src/errors/usage-error.ts: the
// message already names the function, the bad value and the closest valid names) and an interrupt are
// printed as one line; any other error is a bug and keeps its stack.
"use strict";

/** True for an error thrown by a Jupyter interrupt (synchronous SIGINT or tslab's asynchronous interrupt). */
function isInterrupt(value) {
  return (
    value instanceof Error &&
    (value.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED" || value.message === "Interrupted asynchronously")
  );
}

/** True for an expected mistake: src/errors' UsageError (matched by name: the kernel loads src through tslab). */
function isUsageError(value) {
  return value instanceof Error && value.name === "UsageError";
}

/**
 * The arguments console.error should print for a cell's error: one line for expected errors and interrupts,
 * unchanged otherwise.
 * @example
 * kernelErrorArgs([new UsageError("crosstab", 'no column "x"')]); // ['crosstab: no column "x"']
 */
function kernelErrorArgs(args) {
  if (args.length !== 1) return args;
  const [value] = args;
  if (isInterrupt(value)) return ["Interrupted."];
  if (isUsageError(value)) return [value.message];
  return args;
}

/** Wraps console.error so that tslab (which captures it at start-up) prints errors as above. */
function installKernelErrors(target = console) {
  const original = target.error;
  target.error = function kernelError(...args) {
    return original.apply(this, kernelErrorArgs(args));
  };
}

module.exports = { kernelErrorArgs, installKernelErrors, isInterrupt, isUsageError };
