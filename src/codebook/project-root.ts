import * as fs from "node:fs";
import * as path from "node:path";

const PACKAGE_NAME = "sp-pathways";
let cached: string | undefined;

function isProjectRoot(dir: string): boolean {
  const manifest = path.join(dir, "package.json");
  if (!fs.existsSync(manifest)) return false;
  try {
    return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

function findRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (isProjectRoot(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `projectRoot: no package.json with name "${PACKAGE_NAME}" in ${path.resolve(start)} or any parent folder`,
      );
    }
    dir = parent;
  }
}

/**
 * The sp-pathways project folder, found by walking up from the working directory to the package.json named
 * "sp-pathways". Used instead of `__dirname`, which differs between vitest, tsx and the tslab kernel.
 * @example
 * projectRoot(); // "/work/main" from the repo, from notebooks/ or from tests/
 */
export function projectRoot(from: string = process.cwd()): string {
  if (from !== process.cwd()) return findRoot(from);
  if (cached === undefined || !isProjectRoot(cached)) cached = findRoot(from);
  return cached;
}

/**
 * An absolute path under the project's data/ folder.
 * @example
 * dataPath("codebook", "link-worker.json"); // "<root>/data/codebook/link-worker.json"
 */
export function dataPath(...parts: string[]): string {
  return path.join(projectRoot(), "data", ...parts);
}
