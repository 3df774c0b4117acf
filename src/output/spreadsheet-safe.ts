// A cell starting with one of these is read by Excel, LibreOffice and Google Sheets as a formula (tab and carriage
// return because some importers strip them and then see the next character): OWASP's CSV-injection list.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain decimal number, signed or not ("-3", "+44", "1.5e3"): a spreadsheet reads it as a number, never a formula.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Neutralises a cell that a spreadsheet would run as a formula, as OWASP recommends for CSV injection: a value
 * starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading single quote, which spreadsheets show
 * as text and do not evaluate. Plain numbers ("-3", "+1.5") are left as they are, so numeric columns stay numeric.
 * Every CSV and XLSX cell the project writes goes through this one function.
 * @example
 * spreadsheetSafe('=HYPERLINK("http://x","click")'); // "'=HYPERLINK(\"http://x\",\"click\")"
 * spreadsheetSafe("-3"); // "-3"
 * spreadsheetSafe("Active Lancashire"); // "Active Lancashire"
 */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}
