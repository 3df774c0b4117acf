import { existsSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { dataPath } from "../codebook/project-root.js";

/** Where a command writes, and the directory relative paths are resolved against. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The user's working directory (the bin script changes into the project folder to find data/). */
  cwd: string;
  /** Writes a whole file (default: fs.writeFileSync); tests inject failures such as a full disk here. */
  writeFile?: (path: string, data: string) => void;
}

/**
 * Io on the process's stdout and stderr.
 * @example
 * const io = processIo(process.cwd()); io.out("hello");
 */
export function processIo(cwd: string): Io {
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    cwd,
  };
}

/**
 * A file the CLI will not write: it exists and --force was not given, it is the command's own input, it is
 * project data or a notebook, or the file system refused. The CLI prints the message as one line and exits 2.
 */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

/** Bundled folders no command may write into, even with --force: the analysis and its checks read them. */
export const PROTECTED_DATA = ["synthetic", "codebook", "published", "reference"] as const;

// The real path of `path`, or of its nearest existing ancestor with the rest appended (the file may not exist
// yet), so a symlink or "../" cannot dodge the checks.
function realish(path: string): string {
  let dir = resolve(path);
  const rest: string[] = [];
  while (!existsSync(dir)) {
    const parent = dirname(dir);
    if (parent === dir) break;
    rest.unshift(basename(dir));
    dir = parent;
  }
  const real = existsSync(dir) ? realpathSync(dir) : dir;
  return rest.length ? join(real, ...rest) : real;
}

const inside = (child: string, parent: string): boolean => {
  const r = relative(parent, child);
  return r === "" || (!r.startsWith("..") && !r.startsWith(sep) && r !== "..");
};

const sameFile = (a: string, b: string): boolean => {
  if (a === b) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino; // hard links
  } catch {
    return false;
  }
};

/**
 * Checks that `out` may be written, then writes `data` to it through a temporary file in the same folder and a
 * rename, so a full disk or a crash never leaves a half-written file in place of an old one. Refuses (throws
 * OutputError, one line) to write over: any of `inputs`; data/synthetic, data/codebook, data/published or
 * data/reference; a notebook (.ipynb); anything that is not a regular file (a folder, a device); and an existing
 * file unless `force` is true.
 * @example
 * writeOutput(io, "clean.csv", csv, { force: false, inputs: ["export.csv"] });
 */
export function writeOutput(
  io: Io,
  out: string,
  data: string,
  options: { force: boolean; inputs: readonly string[] },
): void {
  const target = realish(resolve(io.cwd, out));
  const say = (what: string): never => {
    throw new OutputError(`--out ${out}: ${what}`);
  };
  for (const input of options.inputs) {
    if (sameFile(target, realish(resolve(io.cwd, input))))
      say("this is the command's own input; refusing to write over it, even with --force");
  }
  for (const folder of PROTECTED_DATA) {
    const dir = realish(dataPath(folder));
    if (inside(target, dir))
      say(`inside the project's bundled data (data/${folder}/); refusing to write there, even with --force`);
  }
  if (extname(target).toLowerCase() === ".ipynb")
    say("this is a notebook; refusing to write a CSV over it, even with --force");
  if (existsSync(target)) {
    const stat = statSync(target);
    if (stat.isDirectory()) say("this is a folder; give a file name such as clean.csv");
    if (!stat.isFile()) say("this is not a regular file; refusing to write over it, even with --force");
    if (!options.force) say("the file already exists; add --force to replace it");
  }
  const folder = dirname(target);
  if (!existsSync(folder)) say(`the folder ${dirname(out)} does not exist`);
  const temp = join(folder, `.${basename(target)}.${process.pid}.tmp`);
  try {
    (io.writeFile ?? ((p: string, d: string) => writeFileSync(p, d)))(temp, data);
    renameSync(temp, target);
  } catch (error) {
    try {
      if (existsSync(temp)) unlinkSync(temp);
    } catch {
      // The temporary file could not be removed either; the message below is the error that matters.
    }
    const e = error as NodeJS.ErrnoException;
    const why: Record<string, string> = {
      ENOSPC: "the disk is full",
      EDQUOT: "the disk quota is exceeded",
      EACCES: "permission denied",
      EPERM: "permission denied",
      EROFS: "the file system is read-only",
      EISDIR: "this is a folder",
      ENOENT: "the folder does not exist",
    };
    say(
      `cannot write (${(e.code && why[e.code]) ?? e.code ?? e.message})${existsSync(target) ? "; the existing file is unchanged" : ""}`,
    );
  }
}
