/**
 * Golden validation reports: one broken file per validation code (fixtures/import/in/<case>.<ext>) and its
 * expected report (fixtures/import/out/<case>.json, with a `provenance` note saying where each expected issue
 * comes from). Regenerate on purpose only: `METROCOOP_REGENERATE=1 node scripts/test.mjs golden.test` — then
 * review the diff. The figures in the fixtures are synthetic test values, not statistics.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type ImportOptions, validateFile } from '../../src/import/import.ts';
import type { Store } from '../../src/store/store.ts';
import { type ValidationReport, validationCodes } from '../../src/validation/report.ts';
import { seededStore } from './helpers.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');

interface GoldenCase {
  readonly name: string;
  readonly file: string;
  readonly options?: ImportOptions;
  /** Where each expected issue comes from. */
  readonly provenance: string;
}

const cases: readonly GoldenCase[] = [
  { name: 'file-not-readable', file: 'in/does-not-exist.csv', provenance: 'FILE_NOT_READABLE: the path does not exist (no such fixture on purpose).' },
  {
    name: 'unknown-encoding',
    file: 'in/unknown-encoding.csv',
    provenance: 'UNKNOWN_ENCODING: row 2 starts with the bytes FF FE FF, invalid in UTF-8 and in GB18030 (0xFF is never a lead byte).',
  },
  {
    name: 'parse-error',
    file: 'in/parse-error.csv',
    provenance:
      'PARSE_ERROR: row 2 opens a quote ("5809.9,…) in column value that is never closed (found by the structure scan, csv-structure.ts, before DuckDB reads the file).',
  },
  {
    name: 'missing-column',
    file: 'in/missing-column.csv',
    provenance: 'MISSING_COLUMN ×2: the header has no unit and no source column and no --unit/--source option is given.',
  },
  { name: 'missing-field', file: 'in/missing-field.csv', provenance: 'MISSING_FIELD: row 2 has an empty region, row 3 an empty unit.' },
  { name: 'invalid-year', file: 'in/invalid-year.csv', provenance: 'INVALID_YEAR: row 2 "2019年" is not an integer; row 3 1850 is before 1900.' },
  { name: 'invalid-id', file: 'in/invalid-id.csv', provenance: 'INVALID_ID: row 2 indicator "gdp total" and row 3 source "year book" contain spaces.' },
  {
    name: 'invalid-value',
    file: 'in/invalid-value.csv',
    provenance: 'INVALID_VALUE: row 2 vintage "latest" (not first/revised/final/single); row 3 withheld "yes" (not true/false).',
  },
  {
    name: 'unknown-region',
    file: 'in/unknown-region.csv',
    provenance: "UNKNOWN_REGION: CN-139900 (row 2) and 保定市 (row 3) are not among the test store's regions (helpers.ts).",
  },
  {
    name: 'skipped-region',
    file: 'in/unknown-regions-skip.csv',
    options: { skipUnknownRegions: true },
    provenance:
      'SKIPPED_REGION (warnings, --skip-unknown-regions): CN-999901 (rows 3, 5, 7) and Atlantis (row 6) are not in the test store; one issue per region.',
  },
  {
    name: 'unknown-classification',
    file: 'in/unknown-classification.csv',
    provenance: 'UNKNOWN_CLASSIFICATION: GBT4754-2011 is not in the test store (only GBT4754-2017, THREE-SECTOR, NAICS-2017).',
  },
  {
    name: 'unknown-industry',
    file: 'in/unknown-industry.csv',
    provenance: 'UNKNOWN_INDUSTRY: row 3 section Z is not a GB/T 4754-2017 section; row 4 NAICS "31" is published as "31-33".',
  },
  {
    name: 'classification-mismatch',
    file: 'in/classification-mismatch.csv',
    options: { classification: 'GBT4754-2017' },
    provenance:
      'CLASSIFICATION_MISMATCH: row 3 has a classification but no industry (totals have neither); row 4 is THREE-SECTOR while --classification GBT4754-2017 was stated. Row 2 (industry C, empty classification) is not an issue: the stated classification fills it.',
  },
  {
    name: 'duplicate-key',
    file: 'in/duplicate-key.csv',
    provenance: 'DUPLICATE_KEY: row 4 (石家庄市 resolves to CN-130100 by name) repeats the key of row 2.',
  },
  { name: 'non-numeric', file: 'in/non-numeric.csv', provenance: 'NON_NUMERIC: row 3 "约7105" and row 4 "NaN" are not finite numbers nor withheld markers.' },
  {
    name: 'negative-value',
    file: 'in/negative-value.csv',
    provenance: 'NEGATIVE_VALUE: row 2 gdp −5809.9; row 3 −1.2 percent is allowed (percent may be negative).',
  },
  { name: 'unknown-unit', file: 'in/unknown-unit.csv', provenance: 'UNKNOWN_UNIT: 亿美元 is not in units.ts.' },
  {
    name: 'unit-mismatch',
    file: 'in/unit-mismatch.csv',
    provenance: 'UNIT_MISMATCH: row 2 gdp in 万人 (persons); gdp may only be CNY, JPY or USD (units.ts indicatorUnits).',
  },
  {
    name: 'mixed-units',
    file: 'in/mixed-units.csv',
    provenance: 'UNIT_MISMATCH + MIXED_UNITS: row 3 land_area in persons (km2 expected), and the series CN-130100 land_area is km2 from row 2 on.',
  },
  {
    name: 'sum-mismatch',
    file: 'in/sum-mismatch.csv',
    provenance: 'SUM_MISMATCH: CN-130100 three sectors 462.4 + 1844.6 + 3402.9 = 5709.9 ≠ total 5809.9 (1.7% > 0.5%); CN-130200 adds up exactly.',
  },
  { name: 'no-rows', file: 'in/no-rows.csv', provenance: 'NO_ROWS: the file is a header only; an import of it never replaces a dataset.' },
  {
    name: 'out-of-range',
    file: 'in/out-of-range.csv',
    provenance: 'OUT_OF_RANGE: row 2 1e308 亿元 is finite as written but 1e316 CNY after ×1e8 is not (a double ends near 1.8e308).',
  },
  {
    name: 'implausible-year',
    file: 'in/implausible-year.csv',
    provenance:
      'IMPLAUSIBLE_YEAR (warnings): row 2 2099 is after the current year; row 3 1920 is before 1949 for a Chinese region; row 4 1920 for a US county is not warned.',
  },
  { name: 'withheld', file: 'in/withheld.csv', provenance: 'WITHHELD (warnings): rows 3–5 carry the markers (D), S and …; imported withheld, no error.' },
  {
    name: 'missing-year',
    file: 'in/missing-year.csv',
    provenance: 'MISSING_YEAR (warnings): the CN-130100 gdp series has 2015, 2016, 2019 — 2017 and 2018 are missing.',
  },
];

/** The report with the fixture folder replaced by a stable relative path. */
function normalised(report: ValidationReport): unknown {
  // The current year moves: IMPLAUSIBLE_YEAR's "no later than 2026" is compared as "no later than <current year>".
  return JSON.parse(
    JSON.stringify(report)
      .replaceAll(`${fixtures}/`, '')
      .replaceAll(`no later than ${new Date().getUTCFullYear()} (the current year)`, 'no later than <current year> (the current year)'),
  );
}

describe('validateFile golden reports', () => {
  // validateFile writes nothing (its transaction always rolls back), so every case may validate against one store.
  let store: Store;
  before(async () => {
    store = await seededStore();
  });
  after(() => store.close());

  it('has a broken fixture for every validation code', () => {
    const covered = new Set<string>();
    for (const c of cases) {
      const out = join(fixtures, 'out', `${c.name}.json`);
      if (!existsSync(out)) continue;
      for (const issue of (JSON.parse(readFileSync(out, 'utf8')) as { report: ValidationReport }).report.issues) covered.add(issue.code);
    }
    assert.deepEqual([...covered].sort(), Object.keys(validationCodes).sort());
  });

  for (const c of cases) {
    it(`reports ${c.name} as in out/${c.name}.json`, async () => {
      const report = normalised(await validateFile(store, join(fixtures, c.file), c.options ?? {}));
      const out = join(fixtures, 'out', `${c.name}.json`);
      if (process.env.METROCOOP_REGENERATE === '1') {
        writeFileSync(out, `${JSON.stringify({ provenance: c.provenance, options: c.options ?? {}, report }, null, 2)}\n`);
      }
      const golden = JSON.parse(readFileSync(out, 'utf8')) as { report: unknown };
      assert.deepEqual(report, golden.report);
    });
  }

  it('leaves the shared store as it was: no observations, sources or datasets written', async () => {
    for (const table of ['observations', 'sources', 'datasets']) assert.equal(await store.count(table), 0, table);
  });
});
