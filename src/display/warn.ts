let warned = false;

/** Writes one line to stderr the first time it is called in this process; later calls do nothing. */
export function warnOnce(message: string): void {
  if (warned) return;
  warned = true;
  process.stderr.write(`${message}\n`);
}

/** Forgets that the warning was given (tests only). */
export function resetWarning(): void {
  warned = false;
}
