/**
 * Neutralises a value that a spreadsheet would run as a formula (CSV/formula injection, OWASP): a value
 * starting with =, +, -, @, a tab or a carriage return gets a leading single quote, unless it is a plain
 * number ("-3", "+1.5", "-1e3"), which spreadsheets read as a number anyway.
 * @example
 * spreadsheetSafe("=HYPERLINK(\"http://x\")"); // "'=HYPERLINK(\"http://x\")"
 * spreadsheetSafe("-12.5"); // "-12.5"
 */
export function spreadsheetSafe(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value)) return value;
  return `'${value}`;
}
