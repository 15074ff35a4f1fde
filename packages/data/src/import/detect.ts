/**
 * Format detection: by extension (`.xlsx`, `.parquet`, `.json`/`.ndjson`/`.jsonl`), and for text files by the
 * header line — CBP (`fipstate`, `fipscty`, `naics`), QCEW (`area_fips`, `own_code`, `industry_code`), the
 * canonical long CSV (`region`, `value` and no industry-like columns beyond the canonical ones), otherwise wide.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeHead, utf16Bom } from './encoding.ts';
import type { ImportFormat } from './stage.ts';

/** Column names of the canonical long layout (and of the store's observations export). */
export const canonicalColumns: ReadonlySet<string> = new Set([
  'region',
  'year',
  'indicator',
  'industry',
  'classification',
  'value',
  'unit',
  'source',
  'vintage',
  'vintage_date',
  'withheld',
  'break_in_series',
  'estimated',
  'note',
  'value_original',
  'unit_original',
  'dataset',
  'region_id',
  'region_code',
  'industry_code',
  'source_id',
]);

/** The header names of a text file's first line (UTF-8 or GBK). */
export function sniffHeader(path: string): string[] {
  const fd = openSync(path, 'r');
  const buffer = new Uint8Array(64 * 1024);
  let n: number;
  try {
    n = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = buffer.subarray(0, n);
  let text: string;
  const bom = utf16Bom(bytes);
  if (bom !== null) text = decodeHead(bytes, bom);
  else
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    } catch {
      text = decodeHead(bytes, 'gb18030');
    }
  const line = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)[0] ?? '';
  const delimiter = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
  // Quotes a spreadsheet may have added around a name (`"""fipstate"""`, `'fipstate'`, `="fipstate"`) are not part of it.
  return line.split(delimiter).map((h) => h.replace(/^[=\s"']+|[\s"']+$/g, '').toLowerCase());
}

/** The format of a file. */
export function detectFormat(path: string): ImportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx-yearbook';
  if (ext === '.parquet' || ext === '.pq') return 'parquet';
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return 'json';
  const header = new Set(sniffHeader(path));
  if (header.has('fipstate') && header.has('fipscty') && header.has('naics')) return 'cbp-county';
  if (header.has('area_fips') && header.has('own_code') && header.has('industry_code')) return 'qcew-csv';
  const canonical = header.has('value') && [...header].every((h) => canonicalColumns.has(h));
  return canonical ? 'canonical-csv' : 'wide-csv';
}
