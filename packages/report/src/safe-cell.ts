/**
 * Cell safety for spreadsheets (CSV injection, OWASP "CSV Injection"): a text cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return may be run as a formula when a spreadsheet opens the file (`=HYPERLINK(…)`,
 * `@SUM(…)`, `-2+3`). Such a cell gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
 * A plain number written as text (`-12.5`, `+3`, `-1e-3`) is left alone: it is a value, not a formula, and a
 * negative number must stay a number. Leading apostrophes count as part of the prefix (`'=x` becomes `''=x`, shown
 * as `'=x`), so the mark is reversible. Reference: https://owasp.org/www-community/attacks/CSV_Injection
 *
 * The same rule is applied by the data package's `data export` (packages/data/src/store/safe-cell.ts, with its
 * inverse for the importer and SQL forms for DuckDB's CSV writer), which may not import this package.
 */

/** The first characters (after any apostrophes) that make a spreadsheet read a cell as a formula. */
export const formulaTriggerPattern = /^'*[=+\-@\t\r]/;

/** A plain decimal number (optional sign, digits, optional fraction and exponent) — never neutralised. */
export const plainNumberPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The text of a spreadsheet cell, made safe to open: a leading `'` when it starts (after any apostrophes) with `=`,
 * `+`, `-`, `@`, tab or carriage return and is not a plain number; otherwise unchanged.
 *
 * @example neutraliseCell('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 * @example neutraliseCell('-12.5') // '-12.5'
 * @example neutraliseCell('北京') // '北京'
 */
export function neutraliseCell(text: string): string {
  return formulaTriggerPattern.test(text) && !plainNumberPattern.test(text.replace(/^'+/, '')) ? `'${text}` : text;
}
