/**
 * The staging file of the importers that parse in JS (the yearbook XLSX): rows of text fields written to a
 * temporary UTF-8 CSV (RFC 4180 quoting) in 1 MB blocks, which DuckDB's CSV reader then loads. No array of all
 * rows is ever built.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** The raw (text) fields every importer stages, in this order after `_row` and `_col`. */
export const rawFields = [
  'region',
  'year',
  'indicator',
  'classification',
  'industry',
  'value',
  'unit',
  'source',
  'vintage',
  'vintage_date',
  'withheld',
  'break_in_series',
  'estimated',
  'note',
] as const;

export type RawField = (typeof rawFields)[number];

const needsQuote = /[",\r\n]/;

/** Quote one CSV field (RFC 4180); `null` → empty. */
export function csvField(value: string | null): string {
  if (value === null || value === '') return '';
  return needsQuote.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Streams rows to a CSV file. */
export class RawCsvWriter {
  readonly #fd: number;
  #buffer = '';
  #rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.#fd = openSync(path, 'w');
    this.#buffer = `${header.map(csvField).join(',')}\n`;
  }

  /** Rows written so far (without the header). */
  get rows(): number {
    return this.#rows;
  }

  write(fields: readonly (string | null)[]): void {
    let line = '';
    for (let k = 0; k < fields.length; k++) {
      if (k > 0) line += ',';
      line += csvField(fields[k] ?? null);
    }
    this.#buffer += `${line}\n`;
    this.#rows++;
    if (this.#buffer.length > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.#buffer.length > 0) writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}
