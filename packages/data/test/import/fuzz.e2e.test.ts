/**
 * Fuzz: generated malformed files (encodings, quoting, types, sizes, truncation, column shuffles, binary formats)
 * fed through validateFile and importFile on ONE store copy. For every file: nothing throws but a
 * DataValidationError from the import (no crash, no "unexpected failure"); validate and import give the same
 * report; every issue has a code, what was expected and a message in both languages naming the file (and the row
 * when it has one); a rejected file leaves the store unchanged (checksum of every table); an accepted one is
 * imported whole. Seeded (mulberry32), so a failure names the case that reproduces it.
 *
 * Count and time are in bench/RESULTS.md (Import).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mulberry32 } from '@metrocoop/core';
import { importFile, validateFile } from '../../src/import/import.ts';
import type { Store } from '../../src/store/store.ts';
import { DataValidationError, type ValidationReport, validationCodes } from '../../src/validation/report.ts';
import { seededStore, storeChecksum } from './helpers.ts';

/**
 * Files per run: 50 in the suite (a validate + import of a small file costs 100–250 ms here: about 90 SQL
 * statements each), `METROCOOP_FUZZ_FILES=2000 npm test -- fuzz` for the full run.
 */
const files = Number(process.env.METROCOOP_FUZZ_FILES ?? 50);
const seed = 20261205;

type Random = () => number;
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const header = ['region', 'year', 'indicator', 'industry', 'classification', 'value', 'unit', 'source'];
const goodRows: readonly (readonly string[])[] = [
  ['CN-130100', '2019', 'gdp', '', '', '5809.9', '亿元', 'yb'],
  ['CN-130200', '2019', 'gdp', '', '', '7105.3', '亿元', 'yb'],
  ['石家庄市', '2018', 'employment_urban_units', 'C', 'GBT4754-2017', '20.5', '万人', 'yb'],
  ['US-36061', '2019', 'employees', '31-33', 'NAICS-2017', '(D)', 'persons', 'cbp'],
  ['US-36047', '2019', 'employees', '54', 'NAICS-2017', '1,234', 'persons', 'cbp'],
  ['CN-130000', '2017', 'population', '', '', '7519.5', '万人', 'yb'],
];
const badValues = ['abc', 'NaN', 'inf', '-inf', '1e400', '1e308', '-5', '1,2,3', '１２', '0x1F', '5.5.5', '约7105', '', ' ', '"', '—', 'true'];
const badYears = ['2019年', '99999', '', 'abc', '1850', '2035', '-1', '2019.5', '１９９９', '1900', '2100', '2101'];
const badRegions = ['CN-999999', '不存在市', '', 'US-', '130100', 'cn-130100', '🙂', 'x'.repeat(300)];
const badUnits = ['亿美元', '', 'kg', '万人', 'persons', '%', 'CNY'];
const badIndicators = ['gdp total', '', 'GDP', 'a/b', '指标'];

/** One malformed file: bytes, extension and what was done to it. */
interface Case {
  readonly bytes: Buffer;
  readonly ext: string;
  readonly how: string;
}

const quote = (field: string) => (/[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

function table(r: Random): { head: string[]; rows: string[][] } {
  const n = int(r, 0, 5);
  const rows: string[][] = [];
  for (let k = 0; k < n; k++) rows.push([...pick(r, goodRows)]);
  return { head: [...header], rows };
}

function mutateTable(r: Random, t: { head: string[]; rows: string[][] }, how: string[]): void {
  const col = (name: string) => t.head.indexOf(name);
  const setCell = (name: string, value: string) => {
    const row = t.rows.length === 0 ? undefined : pick(r, t.rows);
    const c = col(name);
    if (row !== undefined && c >= 0) row[c] = value;
  };
  switch (int(r, 0, 11)) {
    case 0:
      setCell('value', pick(r, badValues));
      how.push('value');
      break;
    case 1:
      setCell('year', pick(r, badYears));
      how.push('year');
      break;
    case 2:
      setCell('region', pick(r, badRegions));
      how.push('region');
      break;
    case 3:
      setCell('unit', pick(r, badUnits));
      how.push('unit');
      break;
    case 4:
      setCell('indicator', pick(r, badIndicators));
      how.push('indicator');
      break;
    case 5: {
      // column shuffle: the header and every row permuted alike
      const order = t.head.map((_, k) => k).sort(() => r() - 0.5);
      t.head = order.map((k) => t.head[k] as string);
      t.rows = t.rows.map((row) => order.map((k) => row[k] ?? ''));
      how.push('shuffle');
      break;
    }
    case 6: {
      const k = int(r, 0, t.head.length - 1);
      t.head.splice(k, 1);
      t.rows.forEach((row) => void row.splice(k, 1));
      how.push('drop-column');
      break;
    }
    case 7:
      t.head[int(r, 0, t.head.length - 1)] = pick(r, [...header, 'Region', ' value ', '', 'extra', '地区']);
      how.push('rename-column');
      break;
    case 8:
      if (t.rows.length > 0) (pick(r, t.rows) as string[]).splice(int(r, 0, 8), int(r, 0, 3), ...Array.from({ length: int(r, 0, 3) }, () => 'x'));
      how.push('ragged-row');
      break;
    case 9:
      if (t.rows.length > 0) t.rows.push([...(t.rows[0] as string[])]);
      how.push('duplicate-row');
      break;
    case 10:
      setCell(pick(r, ['industry', 'classification']), pick(r, ['Z', 'GBT4754-2011', '31', 'C', '', 'THREE-SECTOR']));
      how.push('industry');
      break;
    default:
      setCell(pick(r, ['note', 'source', 'vintage']), pick(r, ['a,b', 'say "hi"', 'line\nbreak', 'latest', 'x y']));
      how.push('text-field');
  }
}

function textOf(r: Random, t: { head: string[]; rows: string[][] }, how: string[]): string {
  const delim = r() < 0.1 ? pick(r, [';', '\t', '|']) : ',';
  if (delim !== ',') how.push(`delim ${JSON.stringify(delim)}`);
  const eol = r() < 0.15 ? pick(r, ['\r\n', '\r']) : '\n';
  let text = [t.head, ...t.rows].map((row) => row.map(quote).join(delim)).join(eol) + (r() < 0.8 ? eol : '');
  if (r() < 0.2) {
    // quoting: an unclosed quote, a quote inside a bare field, smart quotes, an escaped quote left open
    const at = int(r, 0, text.length);
    const bad = pick(r, ['"', 'a"b', '“', '""', '"x', '\\"']);
    text = text.slice(0, at) + bad + text.slice(at);
    how.push(`quote ${JSON.stringify(bad)}@${at}`);
  }
  if (r() < 0.05) {
    text = text.replace(/\n/, `\n${'9'.repeat(int(r, 1000, 20000))},`);
    how.push('long-field');
  }
  if (r() < 0.03) {
    text = `${Array.from({ length: 200 }, (_, k) => `c${k}`).join(',')}\n${text}`;
    how.push('wide-header');
  }
  return text;
}

function encode(r: Random, text: string, how: string[]): Buffer {
  const u = r();
  let bytes: Buffer;
  if (u < 0.65) bytes = Buffer.from(text, 'utf8');
  else if (u < 0.72) {
    bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    how.push('utf-8 BOM');
  } else if (u < 0.8) {
    bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
    how.push('utf-16le BOM');
  } else if (u < 0.84) {
    bytes = Buffer.from(text, 'utf16le');
    how.push('utf-16le without BOM');
  } else if (u < 0.88) {
    bytes = Buffer.from(text, 'latin1');
    how.push('latin1');
  } else {
    bytes = Buffer.from(text, 'utf8');
    const at = int(r, 0, bytes.length);
    const junk = Buffer.from(pick(r, [[0xff], [0xfe, 0xff], [0x00], [0xc3], [0x80, 0x80], [0xe4, 0xb8]]));
    bytes = Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
    how.push(`bytes ${junk.toString('hex')}@${at}`);
  }
  if (r() < 0.15) {
    const cut = int(r, 0, bytes.length);
    bytes = bytes.subarray(0, cut);
    how.push(`truncated@${cut}`);
  }
  return bytes;
}

function generate(r: Random): Case {
  const how: string[] = [];
  const kind = r();
  if (kind < 0.04) {
    how.push('tiny');
    return { bytes: Buffer.from(pick(r, ['', '\n', ',', '"', '\uFEFF', 'region', 'region,value\n'])), ext: 'csv', how: how.join(', ') };
  }
  if (kind < 0.1) {
    // JSON in the canonical layout, mutated as text
    const t = table(r);
    mutateTable(r, t, how);
    const records = t.rows.map((row) => Object.fromEntries(t.head.map((h, k) => [h, row[k] ?? null])));
    let text = JSON.stringify(r() < 0.5 ? records : (records[0] ?? {}));
    if (r() < 0.5) {
      text = text.slice(0, int(r, 0, text.length));
      how.push('json truncated');
    }
    return { bytes: Buffer.from(text), ext: 'json', how: `json, ${how.join(', ')}` };
  }
  if (kind < 0.13) {
    const bytes = Buffer.from(Array.from({ length: int(r, 0, 300) }, () => int(r, 0, 255)));
    const ext = pick(r, ['parquet', 'xlsx', 'json']);
    return { bytes, ext, how: `random bytes as .${ext}` };
  }
  const t = table(r);
  for (let k = int(r, 1, 3); k > 0; k--) mutateTable(r, t, how);
  return { bytes: encode(r, textOf(r, t, how), how), ext: pick(r, ['csv', 'csv', 'csv', 'txt']), how: how.join(', ') };
}

function checkReport(report: ValidationReport, file: string, how: string): void {
  const where = `${how}: ${JSON.stringify(report.issues.slice(0, 3))}`;
  assert.equal(report.file, file, where);
  for (const issue of report.issues) {
    assert.ok(Object.hasOwn(validationCodes, issue.code), where);
    assert.ok(issue.expected !== null && issue.expected !== '', `an expected text: ${where}`);
    assert.ok(issue.message.en.includes(file) && issue.message.zh.includes(file), `the file is named: ${where}`);
    if (issue.row !== null) assert.ok(issue.message.en.includes(`row ${issue.row}`) && issue.message.zh.includes(`第 ${issue.row} 行`), where);
    assert.doesNotMatch(issue.message.en, /unexpected failure|TransactionContext|Binder Error|INTERNAL/i, where);
  }
  if (report.errorCount > 0)
    assert.ok(
      report.issues.some((i) => i.severity === 'error'),
      `an error is listed: ${where}`,
    );
}

describe('fuzz: malformed files through validate and import', () => {
  let dir = '';
  let store: Store;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-fuzz-'));
    store = await seededStore();
  });
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${files} generated files (seed ${seed}): no crash, same report from validate and import, store unchanged when rejected`, {
    timeout: 600_000,
  }, async () => {
    const random = mulberry32(seed);
    let checksum = await storeChecksum(store);
    const tally = { rejected: 0, accepted: 0 };
    const started = performance.now();
    const failures: string[] = [];
    for (let n = 0; n < files && failures.length < 20; n++) {
      const c = generate(random);
      const file = join(dir, `f${n}.${c.ext}`);
      writeFileSync(file, c.bytes);
      const how = `case ${n} (${c.how}) ${JSON.stringify(c.bytes.toString('utf8').slice(0, 200))}`;
      try {
        let validated: ValidationReport;
        try {
          validated = await validateFile(store, file, { maxIssuesPerCode: 5 });
        } catch (error) {
          throw new Error(`validate threw: ${error instanceof Error ? error.stack : String(error)}`);
        }
        checkReport(validated, file, how);
        try {
          const result = await importFile(store, file, { dataset: 'fuzz', replace: true, maxIssuesPerCode: 5 });
          assert.equal(validated.errorCount, 0, 'validate found errors but import accepted');
          assert.equal(result.imported, validated.observations);
          assert.equal(await store.count('observations', 'fuzz'), result.imported);
          checksum = await storeChecksum(store);
          tally.accepted++;
        } catch (error) {
          if (!(error instanceof DataValidationError)) throw new Error(`import threw: ${error instanceof Error ? error.stack : String(error)}`);
          assert.deepEqual(error.report, validated, 'import and validate report alike');
          assert.ok(error.report.errorCount > 0);
          assert.equal(await storeChecksum(store), checksum, 'store unchanged');
          tally.rejected++;
        }
      } catch (error) {
        failures.push(`${how}: ${error instanceof Error ? error.message : String(error)}`);
      }
      rmSync(file, { force: true });
    }
    assert.deepEqual(failures, []);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`# fuzz: ${files} files, ${tally.rejected} rejected, ${tally.accepted} accepted, ${seconds.toFixed(1)} s\n`);
    assert.ok(tally.rejected > files / 2, `most generated files are malformed (${JSON.stringify(tally)})`);
  });
});
