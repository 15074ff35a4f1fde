/**
 * Property: export → import is lossless for every export format and layout that claims it. A generated dataset
 * (vintages, withheld cells, flags, notes with commas, quotes, line breaks and Chinese text, values from 1e-9 to
 * 1e15 in units that convert) is imported as dataset `src`, exported (`observations --dataset src`) as canonical
 * CSV, extended CSV, Parquet, JSON and XLSX, and imported back as `back`: every column the importer sets is equal (value
 * in the canonical unit bit for bit; `value_original`/`unit_original` read back in the canonical unit, which is
 * what the export holds). The canonical CSV layout claims the numbers only (no vintages, flags or withheld cells),
 * so its datasets have one vintage and no withheld cell. fast-check with a fixed seed, few runs (each case is
 * three imports and an export).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { importFile } from '../../src/import/import.ts';
import { csvField } from '../../src/import/raw-csv.ts';
import { exportTable } from '../../src/store/export.ts';
import type { Store } from '../../src/store/store.ts';
import { propertyRuns } from '../support/property-runs.ts';
import { copiedStore } from '../support/store-template.ts';
import { naicsSectors, seededStore, testRegions } from './helpers.ts';

interface Row {
  region: string;
  year: number;
  indicator: string;
  industry: string | null;
  classification: string | null;
  value: number | null;
  unit: string;
  source: string;
  vintage: string;
  vintage_date: string | null;
  withheld: boolean;
  break_in_series: boolean;
  estimated: boolean;
  note: string | null;
}

const regions = testRegions.map(([id]) => id);
const noteArb = fc.option(
  fc.oneof(
    fc.constantFrom('revised after the 2020 census', '含 "外来" 人口, 估计值', 'line one\nline two', '注：口径调整；見直し'),
    fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '' && [...s].every((ch) => (ch.codePointAt(0) ?? 0) >= 32)),
  ),
  { nil: null },
);
const valueArb = fc.oneof(fc.double({ min: 1e-9, max: 1e15, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 10_000_000 }), fc.constant(0));

const rowArb = (full: boolean): fc.Arbitrary<Row> =>
  fc
    .record({
      region: fc.constantFrom(...regions),
      year: fc.integer({ min: 1990, max: 2022 }),
      kind: fc.constantFrom('gdp', 'employment', 'employees', 'share'),
      gbt: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRST'.split('')),
      naics: fc.constantFrom(...naicsSectors.filter((s) => s !== '99')),
      value: valueArb,
      unit: fc.integer({ min: 0, max: 2 }),
      source: fc.constantFrom('src-a', 'src-b'),
      vintage: full ? fc.constantFrom('single', 'first', 'revised', 'final') : fc.constant('single'),
      vintageDate: full ? fc.option(fc.constantFrom('2020-06-30', '2021-01-15'), { nil: null }) : fc.constant(null),
      withheld: full ? fc.boolean() : fc.constant(false),
      breakInSeries: full ? fc.boolean() : fc.constant(false),
      estimated: full ? fc.boolean() : fc.constant(false),
      note: full ? noteArb : fc.constant(null),
    })
    .map((r) => {
      const unit =
        r.kind === 'gdp' ? (['CNY', '亿元', '万元'][r.unit] as string) : r.kind === 'share' ? 'percent' : (['persons', '万人', '千人'][r.unit] as string);
      const sections = r.kind === 'employment' ? { industry: r.gbt, classification: 'GBT4754-2017' } : { industry: null, classification: null };
      const naics = r.kind === 'employees' ? { industry: r.naics, classification: 'NAICS-2017' } : sections;
      return {
        region: r.region,
        year: r.year,
        indicator: r.kind === 'employment' ? 'employment_urban_units' : r.kind === 'share' ? 'tertiary_share' : r.kind,
        ...naics,
        value: r.withheld ? null : r.kind === 'share' ? r.value / 1e13 - 50 : r.value,
        unit,
        source: r.source,
        vintage: r.vintage,
        vintage_date: r.vintageDate,
        withheld: r.withheld,
        break_in_series: r.breakInSeries,
        estimated: r.estimated,
        note: r.note,
      };
    });

const key = (r: Row) => [r.region, r.year, r.indicator, r.classification ?? '', r.industry ?? '', r.source, r.vintage].join('|');
const columns = ['vintage', 'vintage_date', 'withheld', 'break_in_series', 'estimated', 'note'] as const;

function writeSource(path: string, rows: readonly Row[]): void {
  const lines = [['region', 'year', 'indicator', 'industry', 'classification', 'value', 'unit', 'source', ...columns].join(',')];
  for (const r of rows) {
    const cells = [r.region, String(r.year), r.indicator, r.industry, r.classification, r.value === null ? null : String(r.value), r.unit, r.source];
    cells.push(r.vintage, r.vintage_date, String(r.withheld), String(r.break_in_series), String(r.estimated), r.note);
    lines.push(cells.map((c) => csvField(c)).join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Rows of `a` not in `b` and of `b` not in `a`, over the columns the importer sets. */
async function differences(store: Store, a: string, b: string, full: boolean): Promise<Record<string, unknown>[]> {
  const cols = `region, year, indicator, classification, industry, value, unit, source${full ? `, ${columns.join(', ')}` : ''}`;
  return store.rows(
    `(SELECT '${a}' AS side, ${cols} FROM observations WHERE dataset = '${a}' EXCEPT ALL SELECT '${a}', ${cols} FROM observations WHERE dataset = '${b}')
     UNION ALL (SELECT '${b}', ${cols} FROM observations WHERE dataset = '${b}' EXCEPT ALL SELECT '${b}', ${cols} FROM observations WHERE dataset = '${a}')
     LIMIT 5`,
  );
}

const layouts = [
  { name: 'canonical CSV', format: 'csv', layout: 'canonical', ext: 'csv', full: false },
  { name: 'extended CSV', format: 'csv', layout: 'extended', ext: 'csv', full: true },
  { name: 'Parquet', format: 'parquet', layout: 'canonical', ext: 'parquet', full: true },
  { name: 'JSON', format: 'json', layout: 'canonical', ext: 'json', full: true },
  { name: 'XLSX', format: 'xlsx', layout: 'canonical', ext: 'xlsx', full: true },
] as const;

describe('export → import round trip (property)', () => {
  let dir = '';
  let store: Store;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-export-roundtrip-'));
    store = await seededStore();
  });
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [k, l] of layouts.entries()) {
    it(`${l.name}: every observation reads back unchanged (fast-check, seed ${20261205 + k})`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(rowArb(l.full), { minLength: 1, maxLength: 40, selector: key }), async (rows) => {
          const source = join(dir, 'source.csv');
          writeSource(source, rows);
          const imported = await importFile(store, source, { dataset: 'src', replace: true });
          assert.equal(imported.imported, rows.length);
          const out = join(dir, `export.${l.ext}`);
          await exportTable(store, 'observations', l.format, out, { dataset: 'src', layout: l.layout });
          const back = await importFile(store, out, { dataset: 'back', replace: true });
          assert.equal(back.report.errorCount, 0);
          assert.equal(back.imported, rows.length);
          assert.deepEqual(await differences(store, 'src', 'back', l.full), []);
        }),
        { seed: 20261205 + k, numRuns: propertyRuns.duckdb },
      );
    });
  }
});

describe('export → import of the embedded data (issue 9: metro:jjj failed with 54 SUM_MISMATCH errors)', () => {
  it('metro:jjj in every format and layout validates without errors and imports every row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-export-jjj-'));
    const store = await copiedStore('embedded');
    try {
      for (const l of layouts) {
        const out = join(dir, `jjj-${l.layout}.${l.ext}`);
        const exported = await exportTable(store, 'metro:jjj', l.format, out, { layout: l.layout, dataset: 'default' });
        const result = await importFile(store, out, { dataset: `jjj-${l.format}-${l.layout}` });
        assert.equal(result.report.errorCount, 0, `${l.name}: ${JSON.stringify(result.report.issues.slice(0, 2))}`);
        assert.equal(result.imported, exported.rows - (l.full ? 0 : result.report.skippedRows), l.name);
      }
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
