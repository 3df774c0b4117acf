#!/usr/bin/env node
// Starts the shared warm renderer (scripts/renderer.cjs) for a notebook run or an interactive session.
//   import { startRenderer } from "./renderer.mjs"    the notebook runner: { url, stop() }
//   node scripts/renderer.mjs -- CMD [ARGS...]          runs CMD with SP_RENDER_URL set, stops the renderer after
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startService, wrapCommand } from "./service.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts the renderer process and resolves once it listens. Kernels given `SP_RENDER_URL: url` in their
 * environment render through it. The process has its own process group (a Ctrl-C at the terminal does not stop
 * it mid-run) and stops when `stop()` is called or this process exits, since its stdin is a pipe from here.
 */
export function startRenderer(env = process.env) {
  return startService(path.join(here, "renderer.cjs"), "the renderer", env);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await wrapCommand("node scripts/renderer.mjs", () => startRenderer(), "SP_RENDER_URL");
}
