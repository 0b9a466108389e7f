/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is taken by Excel, LibreOffice and Google Sheets as a formula, so a citizen's name or an
 * officer's note such as `=HYPERLINK("http://…")` would run on the supervisor's PC when the export is opened.
 * OWASP's rule: prefix such a cell with a single quote, which the spreadsheet reads as "this is text".
 *
 * The one exception is a value that is only a number or a phone number (`+84 912 345 678`, `-5`, `+84-912`):
 * digits, spaces and `+ - . , ( )` cannot name a function, a cell or another sheet, so such a cell can at
 * worst be shown as a number; keeping it as it is lets a phone survive the round trip through our own import.
 */
const trigger = /^[=+\-@\t\r]/;
const numberOnly = /^[+-]?[\d(][\d\s.,()+-]*$/;

export function neutraliseFormula(cell: string): string {
  if (!trigger.test(cell) || numberOnly.test(cell)) return cell;
  return `'${cell}`;
}
