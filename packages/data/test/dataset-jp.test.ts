/**
 * Checks on the built Japanese part of the embedded dataset (packages/data/dataset/<table>/jp.csv and
 * geometries/jp.geojson): counts, schema validity, keys, references, units and spot figures from
 * packages/data/raw/jp/SOURCES.md and employment_by_industry/SOURCES.md. A rebuild into a temporary folder must give
 * byte-identical files (determinism and freshness of the committed files).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InvalidInputError } from '@metrocoop/core';
import { csvHeader } from '../scripts/build/csv-writer.ts';
import { buildJapan } from '../scripts/build/jp.ts';
import { type CsvTableName, observationKey, readPartCsv } from '../scripts/build/shared.ts';
import { tables } from '../src/model/schemas.ts';
import {
  assertRebuildsIdentically,
  assertRegionsDefined,
  assertSourcesDefinedAndUsed,
  datasetDir,
  duplicates,
  observationFinder,
  readPartGeometries,
} from './dataset-part.ts';

const read = <T extends CsvTableName>(table: T) => readPartCsv(datasetDir, table, 'jp').rows;
const sources = read('sources');
const regions = read('regions');
const observations = read('observations');
const industries = read('industries');
const crosswalks = read('crosswalks');
const ioTables = read('io_tables');
const ioCells = read('io_cells');
const geo = readPartGeometries('jp');

const { one } = observationFinder(observations);

describe('dataset jp part: files and schemas', () => {
  it('has the expected row counts', () => {
    assert.equal(sources.length, 11 + 1); // + the JIS X 0402 list
    // JP, 47 prefectures, 1,741 municipalities (the 343 of the Tokyo area among them), 175 designated-city wards.
    assert.equal(regions.length, 1 + 47 + 1741 + 175);
    assert.equal(observations.length, 15450);
    assert.equal(industries.length, 16 + 37);
    assert.equal(crosswalks.length, 65);
    assert.equal(ioTables.length, 1);
    assert.equal(ioCells.length, 2035);
    assert.equal(geo.features.length, 8 + 62);
  });

  it('writes each header as the schema keys in snake_case', () => {
    for (const table of ['sources', 'regions', 'observations', 'industries', 'crosswalks', 'io_tables', 'io_cells'] as const) {
      assert.deepEqual(readPartCsv(datasetDir, table, 'jp').header, csvHeader(tables[table]), table);
    }
  });

  it('reader rejects a row that breaks its schema (the validity check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-jp-'));
    try {
      const text = readFileSync(join(datasetDir, 'regions', 'jp.csv'), 'utf8').replace(',prefecture,', ',planet,');
      const path = join(dir, 'regions', 'jp.csv');
      mkdirSync(join(dir, 'regions'), { recursive: true });
      writeFileSync(path, text);
      assert.throws(() => readPartCsv(dir, 'regions', 'jp'), InvalidInputError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no duplicate keys', () => {
    assert.deepEqual(duplicates(observations.map((o) => observationKey(o).join('|'))), []);
    assert.deepEqual(duplicates(regions.map((r) => r.id)), []);
    assert.deepEqual(duplicates(sources.map((s) => s.id)), []);
    assert.deepEqual(duplicates(industries.map((r) => `${r.classification}|${r.code}`)), []);
    assert.deepEqual(duplicates(crosswalks.map((c) => `${c.fromClassification}|${c.fromCode}|${c.toClassification}|${c.toCode}`)), []);
    assert.deepEqual(duplicates(ioCells.map((c) => `${c.table}|${c.row}|${c.col}`)), []);
  });

  it('defines every source id it uses, and uses every source it defines', () => {
    assertSourcesDefinedAndUsed(sources, [
      ...observations.map((o) => o.source),
      ...regions.map((r) => r.source),
      ...crosswalks.map((c) => c.source),
      ...ioTables.map((t) => t.source),
      ...geo.features.map((f) => f.properties.source),
    ]);
  });

  it('references only regions, parents and industries it defines', () => {
    assertRegionsDefined(regions, [...observations.map((o) => o.region), ...geo.features.map((f) => f.properties.region)]);
    const own = new Set(industries.map((r) => `${r.classification}|${r.code}`));
    const missing = observations.filter((o) => o.classification === 'JSNA-2015-ACTIVITY').filter((o) => !own.has(`${o.classification}|${o.industry}`));
    assert.equal(missing.length, 0);
    const ioSectors = ioCells.filter((c) => c.rowKind === 'sector').map((c) => `JP-IO37|${c.row}`);
    assert.deepEqual([...new Set(ioSectors.filter((k) => !own.has(k)))], []);
  });
});

describe('dataset jp part: regions', () => {
  it('keeps municipalities under their prefecture and drops the ring column', () => {
    const municipalities = regions.filter((r) => r.level === 'municipality');
    assert.equal(municipalities.length, 1741);
    assert.equal(municipalities.filter((m) => m.source !== 'jp_mic_jisx0402_2019').length, 343);
    assert.ok(municipalities.every((m) => m.parent === `JP-${m.id.slice(3, 5)}`));
    assert.equal(municipalities.filter((m) => m.parent === 'JP-13').length, 62);
    assert.ok(!readPartCsv(datasetDir, 'regions', 'jp').header.includes('ring'));
    const tokyo = regions.find((r) => r.id === 'JP-13');
    assert.equal(tokyo?.nameEn, 'Tokyo');
    assert.equal(tokyo?.areaKm2, 2194.03);
  });
});

describe('dataset jp part: observations', () => {
  it('holds the 2020 census population of Tokyo (14,047,594) and Kanagawa (9,237,337)', () => {
    assert.equal(one({ region: 'JP-13', year: 2020, indicator: 'population' }).value, 14047594);
    assert.equal(one({ region: 'JP-14', year: 2020, indicator: 'population' }).value, 9237337);
  });

  it('converts million JPY to JPY and keeps the original', () => {
    const gdp = one({ region: 'JP-14', year: 2021, indicator: 'gdp' });
    assert.equal(gdp.valueOriginal, 35354745);
    assert.equal(gdp.unitOriginal, 'million JPY');
    assert.equal(gdp.value, 35354745e6);
    assert.equal(gdp.unit, 'JPY');
    const manufacturing = one({ region: 'JP-13', year: 2021, indicator: 'value_added', industry: 'A03' });
    assert.equal(manufacturing.value, 8243369e6);
    const yen = observations.filter((o) => o.unit === 'JPY');
    assert.ok(yen.length > 0);
    assert.ok(yen.every((o) => o.value === (o.valueOriginal as number) * 1e6 && o.unitOriginal === 'million JPY'));
  });

  it('marks fiscal-year nominal figures in the note and FY2022 as the first-published vintage', () => {
    const va = observations.filter((o) => o.indicator === 'value_added' || o.indicator === 'gdp');
    assert.equal(va.length, 96 * 4 + 1536);
    assert.ok(va.every((o) => o.note?.includes('fiscal year') && o.note.includes('nominal')));
    assert.ok(va.every((o) => o.vintage === (o.year === 2022 ? 'first' : 'revised')));
  });

  it('keeps Tokyo 2021 persons engaged from the TMG summary and from SSDSE-E (9,592,059), and the lower sum of municipalities apart', () => {
    assert.equal(
      one({
        region: 'JP-13',
        year: 2021,
        indicator: 'persons_engaged_private',
        industry: null,
        source: 'jp_tmg_ecensus2021_summary',
      }).value,
      9592059,
    );
    assert.equal(
      one({
        region: 'JP-13',
        year: 2021,
        indicator: 'persons_engaged_private',
        industry: null,
        source: 'jp_ssdse_e_2026',
      }).value,
      9592059,
    );
    assert.equal(one({ region: 'JP-13', year: 2021, indicator: 'persons_engaged_private_sum_of_municipalities', industry: null }).value, 9579434);
    assert.equal(one({ region: 'JP', year: 2021, indicator: 'persons_engaged_private', industry: null }).value, 57949915);
  });

  it('sums Tokyo municipality totals to the published sum of municipalities', () => {
    for (const year of [2016, 2021]) {
      const sum = observations
        .filter(
          (o) => o.indicator === 'persons_engaged_private' && o.year === year && o.industry === null && o.region.startsWith('JP-13') && o.region.length === 8,
        )
        .reduce((s, o) => s + (o.value as number), 0);
      assert.equal(sum, one({ region: 'JP-13', year, indicator: 'persons_engaged_private_sum_of_municipalities', industry: null }).value);
    }
  });

  it('writes A–R totals with null industry and has no public-sector division (known gap)', () => {
    const census = observations.filter((o) => o.indicator.startsWith('persons_engaged_private'));
    assert.ok(census.every((o) => (o.industry === null) === (o.classification === null)));
    assert.ok(census.every((o) => o.industry === null || /^[A-R]$/.test(o.industry)));
    assert.equal(census.filter((o) => o.industry === 'S').length, 0);
    assert.equal(one({ region: 'JP-13101', year: 2021, indicator: 'persons_engaged_private', industry: null }).value, 1111656);
  });

  it('has no withheld or estimated figures and no empty values', () => {
    assert.ok(observations.every((o) => !o.withheld && !o.estimated && o.value !== null));
  });
});

describe('dataset jp part: input–output table and crosswalks', () => {
  it('reproduces the 2015 domestic production (1,017,818 billion JPY) and gross value added (548,239)', () => {
    const output = ioCells.filter((c) => c.rowKind === 'total' && c.colKind === 'sector').reduce((s, c) => s + c.value, 0);
    assert.ok(Math.abs(output - 1017818.388) < 1e-6, `total output ${output}`);
    const agriculture = ioCells.find((c) => c.row === 'Total' && c.col === '01');
    assert.equal(agriculture?.value, 12887.622);
    const va = ioCells.filter((c) => c.rowKind === 'value_added' && c.colKind === 'sector').reduce((s, c) => s + c.value, 0);
    assert.ok(Math.abs(va - 548238.714) < 1e-6, `value added ${va}`);
    assert.equal(ioTables[0]?.unit, 'billion JPY');
  });

  it('maps JSNA activities and IO sectors to JSIC divisions without weights', () => {
    assert.ok(crosswalks.every((c) => c.weight === null && c.toClassification === 'JSIC-13' && /^[A-T]$/.test(c.toCode)));
    const a01 = crosswalks.filter((c) => c.fromClassification === 'JSNA-2015-ACTIVITY' && c.fromCode === 'A01');
    assert.deepEqual(
      a01.map((c) => [c.toCode, c.kind]),
      [
        ['A', 'main'],
        ['B', 'partial'],
      ],
    );
    assert.equal(crosswalks.filter((c) => c.fromCode === '68' && c.fromClassification === 'JP-IO37').length, 0);
  });
});

describe('buildJapan', () => {
  it('rebuilds byte-identical files', async () => {
    const tableNames = ['sources', 'regions', 'observations', 'industries', 'crosswalks', 'io_tables', 'io_cells'];
    const counts = await assertRebuildsIdentically(buildJapan, 'jp', tableNames);
    assert.equal(counts.observations, observations.length);
  });
});
