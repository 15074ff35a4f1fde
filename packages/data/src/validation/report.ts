/**
 * Validation reports: every problem an import finds, collected before anything is written (Evidence's
 * validators). An issue names the file, the row as a user sees it (CSV: line of the record, header = row 1;
 * XLSX: sheet row; JSON / Parquet: record number from 1), the source column, the offending value and what was
 * expected, in English and Chinese. Errors stop an import; warnings do not.
 */
import { type LocalizedText, MetroError } from '@metrocoop/core';
import { importMessages } from '../import/messages.ts';

/** How bad an issue is: an `error` stops the import, a `warning` does not. */
export type Severity = 'error' | 'warning';

/** One problem in an imported file. */
export interface ValidationIssue {
  /** Stable code, e.g. `UNKNOWN_REGION` (see {@link validationCodes}). */
  readonly code: ValidationCode;
  readonly severity: Severity;
  /** The file as given by the user. */
  readonly file: string;
  /** Row as a user sees it in the source (see the module comment); `null` for file- or series-level issues. */
  readonly row: number | null;
  /** Column of the source file (its header text); `null` when the issue concerns the whole row or file. */
  readonly column: string | null;
  /** The offending value as text; `null` when there is none (a missing column). */
  readonly value: string | null;
  /** What was expected, in words (English). */
  readonly expected: string | null;
  readonly message: LocalizedText;
}

/** The report of one file. */
export interface ValidationReport {
  readonly file: string;
  /** The format the file was read as (see `importFormats`). */
  readonly format: string;
  /** The text encoding of a text file (`utf-8` or `gb18030`), `null` for binary formats. */
  readonly encoding: string | null;
  /** Data records read (after the format's own filters, e.g. CBP sector rows). */
  readonly rows: number;
  /** Observations that pass the row rules and would be (or were) imported; gaps (empty cells) are not counted. */
  readonly observations: number;
  /** Records that carried no value (empty cells: gaps stay absent) or that the format skips (finer NAICS levels…). */
  readonly skippedRows: number;
  /** Issues, sorted by row, then code; at most `maxIssuesPerCode` per code (counts below include the rest). */
  readonly issues: readonly ValidationIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** Issues counted but not listed, per code (only codes that hit the cap). */
  readonly omitted: Readonly<Record<string, number>>;
}

/** Every validation code with its severity. */
export const validationCodes = {
  /** The file cannot be read (missing, not a file). */
  FILE_NOT_READABLE: 'error',
  /** The text is neither UTF-8 nor GBK/GB18030. */
  UNKNOWN_ENCODING: 'error',
  /** The format could not be recognised, or the file is malformed for its format (CSV quoting, JSON syntax…). */
  PARSE_ERROR: 'error',
  /** A column the format needs is absent and no option supplies it. */
  MISSING_COLUMN: 'error',
  /** The file has no observation to import (a header-only file, or only empty cells): never replaces a dataset. */
  NO_ROWS: 'error',
  /** A required field is empty in a row (region, year, indicator, unit, source). */
  MISSING_FIELD: 'error',
  /** A year that is not an integer between 1900 and 2100. */
  INVALID_YEAR: 'error',
  /** An id (indicator, source, classification) with spaces or other characters ids cannot have. */
  INVALID_ID: 'error',
  /** A value of a flag column (vintage, withheld, estimated, break_in_series) outside its allowed set. */
  INVALID_VALUE: 'error',
  /** A region that is not in the store's regions (after resolving codes and names). */
  UNKNOWN_REGION: 'error',
  /** Rows of a region the store does not know, left out on request (`skipUnknownRegions`): one per region, with its rows. */
  SKIPPED_REGION: 'warning',
  /** A classification id the store does not know. */
  UNKNOWN_CLASSIFICATION: 'error',
  /** An industry code the store does not know for the row's classification. */
  UNKNOWN_INDUSTRY: 'error',
  /** Industry without classification (or the reverse), or a classification other than the one stated. */
  CLASSIFICATION_MISMATCH: 'error',
  /** Two rows with the same key (region, year, indicator, classification, industry, source). */
  DUPLICATE_KEY: 'error',
  /** A value that is not a finite number and not a withheld-cell marker. */
  NON_NUMERIC: 'error',
  /** A number that is finite as written but not after conversion to the canonical unit (`1e308` 亿元). */
  OUT_OF_RANGE: 'error',
  /** A negative count or amount (percentages may be negative). */
  NEGATIVE_VALUE: 'error',
  /** A unit metrocoop does not know. */
  UNKNOWN_UNIT: 'error',
  /** A unit the indicator cannot have (persons for gdp…). */
  UNIT_MISMATCH: 'error',
  /** One series (region, indicator, classification, industry) in more than one canonical unit. */
  MIXED_UNITS: 'error',
  /** Sections that do not add up to the stated total within the tolerance. */
  SUM_MISMATCH: 'error',
  /** A withheld (suppressed) cell: imported as `withheld = true` with no value, never 0. */
  WITHHELD: 'warning',
  /** A year after the current one, or before 1949 for a Chinese region (before `earliestYear` when given). */
  IMPLAUSIBLE_YEAR: 'warning',
  /** A year missing inside a series (between its first and last year). */
  MISSING_YEAR: 'warning',
} as const satisfies Record<string, Severity>;

export type ValidationCode = keyof typeof validationCodes;

/** Thrown by an import whose report has errors; the store is left as it was. */
export class DataValidationError extends MetroError {
  /** The full report. */
  readonly report: ValidationReport;
  constructor(report: ValidationReport) {
    super('DATA_VALIDATION', importMessages.reportFailed('importFile', report.file, report.errorCount, report.warningCount), {
      file: report.file,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
    });
    this.report = report;
  }
}

/** Default number of issues listed per code. */
export const defaultMaxIssuesPerCode = 100;

/** Collects issues, capping the listed ones per code while counting them all. */
export class ReportBuilder {
  readonly #file: string;
  readonly #max: number;
  readonly #issues: ValidationIssue[] = [];
  readonly #listed = new Map<string, number>();
  readonly #omitted = new Map<string, number>();
  #errors = 0;
  #warnings = 0;

  constructor(file: string, maxIssuesPerCode = defaultMaxIssuesPerCode) {
    this.#file = file;
    this.#max = maxIssuesPerCode;
  }

  /** Issues listed per code at most. */
  get cap(): number {
    return this.#max;
  }

  /** Whether another issue of this code would still be listed. */
  wants(code: ValidationCode): boolean {
    return (this.#listed.get(code) ?? 0) < this.#max;
  }

  /** Add one issue (`message` is built from the code's catalogue entry). */
  add(code: ValidationCode, row: number | null, column: string | null, value: string | null, expected: string | null): void {
    this.count(code, 1);
    const listed = this.#listed.get(code) ?? 0;
    if (listed >= this.#max) {
      this.#omitted.set(code, (this.#omitted.get(code) ?? 0) + 1);
      return;
    }
    this.#listed.set(code, listed + 1);
    const severity = validationCodes[code];
    const message = importMessages.issue(code, this.#file, row, column, value, expected);
    this.#issues.push({ code, severity, file: this.#file, row, column, value, expected, message });
  }

  /** Count `n` issues of a code that are not listed individually (beyond what {@link add} listed). */
  countOmitted(code: ValidationCode, n: number): void {
    if (n <= 0) return;
    this.count(code, n);
    this.#omitted.set(code, (this.#omitted.get(code) ?? 0) + n);
  }

  private count(code: ValidationCode, n: number): void {
    if (validationCodes[code] === 'error') this.#errors += n;
    else this.#warnings += n;
  }

  get errorCount(): number {
    return this.#errors;
  }

  /** The finished report. */
  build(info: { format: string; encoding: string | null; rows: number; observations: number; skippedRows: number }): ValidationReport {
    const issues = [...this.#issues].sort(
      (a, b) =>
        (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER) ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
        compareText(a.column, b.column) ||
        compareText(a.value, b.value),
    );
    return {
      file: this.#file,
      format: info.format,
      encoding: info.encoding,
      rows: info.rows,
      observations: info.observations,
      skippedRows: info.skippedRows,
      issues,
      errorCount: this.#errors,
      warningCount: this.#warnings,
      omitted: Object.fromEntries([...this.#omitted].sort(([a], [b]) => (a < b ? -1 : 1))),
    };
  }
}

function compareText(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
