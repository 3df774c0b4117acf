import * as fs from "node:fs";
import * as path from "node:path";

const NAMES = ["chromium", "chromium-browser", "google-chrome"];

/**
 * The Chromium executable for static images: env `SP_CHROMIUM` (a path, or "none" to switch images off),
 * else the first of chromium, chromium-browser, google-chrome on PATH; null when there is none.
 * @example
 * findChromium({ PATH: "/usr/bin" }); // "/usr/bin/chromium" on Debian with the chromium package
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.SP_CHROMIUM?.trim();
  if (explicit) {
    if (explicit.toLowerCase() === "none") return null;
    return isExecutable(explicit) ? explicit : null;
  }
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const name of NAMES) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
