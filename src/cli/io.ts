/** Where a command writes, and the directory relative paths are resolved against. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The user's working directory (the bin script changes into the project folder to find data/). */
  cwd: string;
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
