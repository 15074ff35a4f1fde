/**
 * Cell safety for the CSV and XLSX exports (CSV injection, OWASP "CSV Injection"): a text cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return may be run as a formula when a spreadsheet opens the file
 * (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`). Such a cell gets a leading apostrophe, which spreadsheets show as text and
 * never evaluate; a plain number written as text (`-12.5`) is left alone. The same rule as the report's
 * `neutraliseCell` (packages/report/src/safe-cell.ts), which this package may not import.
 *
 * Leading apostrophes count as part of the prefix (`'=x` becomes `''=x`, shown as `'=x`), which makes the rule
 * reversible: {@link restoreCell} removes exactly the apostrophe {@link neutraliseCell} added, so export → import
 * gives back every text as stored. Reference: https://owasp.org/www-community/attacks/CSV_Injection
 */

/** A text that a spreadsheet would run as a formula, after any leading apostrophes (RE2 and JS syntax). */
const trigger = "^'*[=+\\-@\\t\\r]";
/** A plain decimal number: optional sign, digits, fraction, exponent (RE2 and JS syntax). */
const plainNumber = '^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?$';
const triggerPattern = new RegExp(trigger);
const plainNumberPattern = new RegExp(plainNumber);

/** A SQL string literal. */
const lit = (text: string): string => `'${text.replace(/'/g, "''")}'`;

const needsApostrophe = (text: string): boolean => triggerPattern.test(text) && !plainNumberPattern.test(text.replace(/^'+/, ''));

/**
 * A text cell made safe to open in a spreadsheet: a leading `'` when it starts (after any apostrophes) with `=`,
 * `+`, `-`, `@`, tab or carriage return and is not a plain number; otherwise unchanged.
 *
 * @example neutraliseCell('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`; neutraliseCell('-3') // '-3'
 */
export function neutraliseCell(text: string): string {
  return needsApostrophe(text) ? `'${text}` : text;
}

/**
 * The inverse of {@link neutraliseCell}, for an importer reading an exported file: the leading `'` removed when
 * the rest is a text that {@link neutraliseCell} would have marked; otherwise unchanged.
 *
 * @example restoreCell(`'=1+1`) // '=1+1'; restoreCell(`'-3`) // `'-3`; restoreCell(`'abc`) // `'abc`
 */
export function restoreCell(text: string): string {
  return text.startsWith("'") && needsApostrophe(text.slice(1)) ? text.slice(1) : text;
}

/** {@link neutraliseCell} in DuckDB SQL, for a VARCHAR expression (NULL stays NULL). */
export function neutraliseCellSql(expression: string): string {
  const x = `(${expression})`;
  return `CASE WHEN regexp_matches(${x}, ${lit(trigger)}) AND NOT regexp_matches(ltrim(${x}, ''''), ${lit(plainNumber)}) THEN '''' || ${x} ELSE ${x} END`;
}

/** {@link restoreCell} in DuckDB SQL, for a VARCHAR expression (NULL stays NULL). */
export function restoreCellSql(expression: string): string {
  const x = `(${expression})`;
  const rest = `substr(${x}, 2)`;
  return `CASE WHEN starts_with(${x}, '''') AND regexp_matches(${rest}, ${lit(trigger)}) AND NOT regexp_matches(ltrim(${rest}, ''''), ${lit(plainNumber)}) THEN ${rest} ELSE ${x} END`;
}
