/**
 * Checks of China's part of the embedded dataset as built by scripts/build/cn.ts (packages/data/dataset/<table>/cn.csv
 * and geometries/cn.geojson): shape, schema validity, keys, references, unit conversions, the IO accounting identity,
 * and the paper's checkable figures (provenance: cn/paper_cited_facts.csv of the project's statistics, which no builder
 * reads and packages/data/raw leaves out, and the spot checks of packages/data/raw/cn/SOURCES.md — Beijing 2019
 * per-capita GDP 164,220 元 in CSMAR; tertiary share 83.5 % published in CSMAR and NBS, and 29,542.53 / 35,371.28 亿元
 * = 83.52 %; Tianjin 2018 GDP 18,809.64 亿元 first published and 13,362.9 revised). A rebuild from packages/data/raw
 * into a temporary folder must give byte-identical files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildChina } from '../scripts/build/cn.ts';
import { csvHeader, toSnakeCase } from '../scripts/build/csv-writer.ts';
import { type CsvTableName, readPartCsv } from '../scripts/build/shared.ts';
import {
  geometrySchema,
  industrySchema,
  ioCellSchema,
  ioTableSchema,
  type Observation,
  observationSchema,
  regionSchema,
  sourceSchema,
  travelTimeSchema,
} from '../src/model/schemas.ts';
import { assertRebuildsIdentically, assertRegionsDefined, assertSourcesDefinedAndUsed, datasetDir, readPartGeometries } from './dataset-part.ts';
import { assertClose } from './support/assert.ts';

/** One table of the cn part, rows converted and checked by its schema (readPartCsv throws on any bad row). */
const readTable = <T extends CsvTableName>(table: T) => readPartCsv(datasetDir, table, 'cn');

const sources = readTable('sources');
const regions = readTable('regions');
const industries = readTable('industries');
const observations = readTable('observations');
const ioTables = readTable('io_tables');
const ioCells = readTable('io_cells');
const travel = readTable('travel_times');
const firmMoves = readTable('firm_relocations');
const geo = readPartGeometries('cn');

function assertUniqueSorted<T>(name: string, rows: readonly T[], key: (r: T) => string[]): void {
  const seen = new Set<string>();
  let prev: string[] | null = null;
  for (const r of rows) {
    const k = key(r);
    const joined = k.join('\u0000');
    assert.ok(!seen.has(joined), `${name}: duplicate key ${k.join(' | ')}`);
    seen.add(joined);
    if (prev !== null) {
      let order = 0;
      for (let i = 0; i < k.length && order === 0; i++) order = (prev[i] as string) < (k[i] as string) ? -1 : (prev[i] as string) > (k[i] as string) ? 1 : 0;
      assert.ok(order < 0, `${name}: rows not sorted by key at ${k.join(' | ')}`);
    }
    prev = k;
  }
}

const obsKey = (o: Observation) => [o.region, String(o.year), o.indicator, o.classification ?? '', o.industry ?? '', o.source];
const find = (pred: (o: Observation) => boolean) => observations.rows.filter(pred);

describe('China dataset files', () => {
  it('have the schema header (snake_case keys in schema order)', () => {
    for (const [t, schema] of [
      [sources, sourceSchema],
      [regions, regionSchema],
      [industries, industrySchema],
      [observations, observationSchema],
      [ioTables, ioTableSchema],
      [ioCells, ioCellSchema],
      [travel, travelTimeSchema],
    ] as const) {
      assert.deepEqual(t.header, csvHeader(schema));
      assert.deepEqual(t.header, Object.keys(schema.shape).map(toSnakeCase));
    }
  });

  it('have the expected row counts', () => {
    // observations = every data row of cn/indicators.csv (9,969), provinces (673), census (2,216),
    // cities_by_section (306) and employment.csv (63): nothing dropped, nothing added.
    assert.equal(observations.rows.length, 9969 + 673 + 2216 + 306 + 63);
    // CN, 31 province-level units (Beijing, Tianjin, Shanghai, Chongqing also serve as cities), 333 prefecture-level
    // units (the 51 JJJ/YRD cities among them) and 2,844 counties of the GB/T 2260 list of 2020.
    assert.equal(regions.rows.length, 1 + 31 + 333 + 2844);
    assert.equal(industries.rows.length, 42);
    assert.equal(ioTables.rows.length, 2);
    assert.equal(ioCells.rows.length, 2 * 4423);
    assert.equal(travel.rows.length, 54 * 53);
    assert.equal(geo.features.length, 54);
    // + the GB/T 2260 list; + the firm panel and the Shenzhen list (names) of firm_relocations
    assert.equal(sources.rows.length, 43 + 1 + 2);
    assert.equal(firmMoves.rows.length, 176);
  });

  it('have unique keys and are sorted by them', () => {
    assertUniqueSorted('sources', sources.rows, (s) => [s.id]);
    assertUniqueSorted('regions', regions.rows, (r) => [r.id]);
    assertUniqueSorted('industries', industries.rows, (i) => [i.classification, i.code]);
    assertUniqueSorted('observations', observations.rows, obsKey);
    assertUniqueSorted('io_tables', ioTables.rows, (t) => [t.id]);
    assertUniqueSorted('io_cells', ioCells.rows, (c) => [c.table, c.rowKind, c.row, c.colKind, c.col]);
    assertUniqueSorted('travel_times', travel.rows, (t) => [t.origin, t.destination, t.mode, t.source]);
    assertUniqueSorted('firm_relocations', firmMoves.rows, (m) => [m.firmId, String(m.yearFrom)]);
  });

  it('name only defined sources and regions', () => {
    assertSourcesDefinedAndUsed(sources.rows, [
      ...observations.rows.map((o) => o.source),
      ...regions.rows.map((r) => r.source),
      ...ioTables.rows.map((t) => t.source),
      ...travel.rows.map((t) => t.source),
      ...geo.features.map((f) => String(f.properties.source)),
      ...firmMoves.rows.map((m) => m.source),
      // the source of each firm's name, named in the note (`name: SZSE_ALIST_2025 as of …`)
      ...firmMoves.rows.map((m) => /name: ([A-Z0-9_]+)/.exec(m.note ?? '')?.[1] ?? null),
    ]);
    assertRegionsDefined(regions.rows, [
      ...observations.rows.map((o) => o.region),
      ...travel.rows.flatMap((t) => [t.origin, t.destination]),
      ...firmMoves.rows.flatMap((m) => [m.origin, m.destination]),
    ]);
  });
});

describe('China regions', () => {
  it('makes Beijing, Tianjin and Shanghai one province-level region each and hangs cities under provinces', () => {
    const byId = new Map(regions.rows.map((r) => [r.id, r]));
    for (const id of ['CN-110000', 'CN-120000', 'CN-310000']) {
      assert.equal(byId.get(id)?.level, 'province');
      assert.equal(byId.get(id)?.parent, 'CN');
    }
    assert.equal(byId.get('CN-130100')?.parent, 'CN-130000');
    assert.equal(byId.get('CN-341800')?.parent, 'CN-340000');
    assert.equal(regions.rows.filter((r) => r.level === 'city' && r.source === 'CN_REGIONS_GBT2260').length, 51);
    assert.equal(regions.rows.filter((r) => r.level === 'city').length, 333);
    assert.equal(byId.get('CN-110000')?.areaKm2, 16410);
    assert.equal(byId.get('CN-320000')?.areaKm2, null); // no province land area found: a gap
  });
});

describe('China observations', () => {
  it('convert units exactly by the published unit', () => {
    const factor: Record<string, [string, number]> = {
      亿元: ['CNY', 1e8],
      万元: ['CNY', 1e4],
      万人: ['persons', 1e4],
      人: ['persons', 1],
      '%': ['percent', 1],
      km2: ['km2', 1],
    };
    for (const o of observations.rows) {
      assert.equal(o.withheld, false);
      assert.ok(o.value !== null && o.valueOriginal !== null, 'no gaps are written as rows');
      if (o.unitOriginal === '元') {
        assert.ok(o.unit === 'CNY/person', `${obsKey(o).join('|')}: 元 → CNY/person`);
        assert.equal(o.value, o.valueOriginal);
        continue;
      }
      const f = factor[o.unitOriginal];
      assert.ok(f !== undefined, `unexpected unit ${o.unitOriginal}`);
      assert.equal(o.unit, f[0]);
      assertClose(o.value as number, (o.valueOriginal as number) * f[1], Math.abs(o.value as number) * 1e-12, obsKey(o).join('|'));
    }
  });

  it('holds Beijing 2019 GDP per capita 164,220 yuan (CSMAR; the paper rounds to 164,000)', () => {
    const rows = find((o) => o.region === 'CN-110000' && o.year === 2019 && o.indicator === 'gdp_per_capita' && o.source === 'CSMAR_CRE_GDPCT');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.value, 164220);
    assert.equal(rows[0]?.unit, 'CNY/person');
    assert.equal(rows[0]?.vintage, 'first');
  });

  it('holds Beijing 2019 tertiary share 83.5 % as published and as value added / GDP', () => {
    const shares = find((o) => o.region === 'CN-110000' && o.year === 2019 && o.indicator === 'value_added_share' && o.industry === 'III');
    assert.deepEqual(shares.map((o) => o.source).sort(), ['CSMAR_CRE_GDPCT', 'NBS_FSND_GDP_CUDAV', 'PG_BJ_COMMUNIQUE_ABAGENT']);
    for (const o of shares) assert.equal(o.value, 83.5);
    const one = (indicator: string, industry: string | null) =>
      find((o) => o.region === 'CN-110000' && o.year === 2019 && o.indicator === indicator && o.industry === industry && o.source === 'CSMAR_CRE_GDPCT')[0];
    const tertiary = one('value_added', 'III');
    const gdp = one('gdp', null);
    assert.equal(tertiary?.value, 2954253000000);
    assert.equal(gdp?.value, 3537128000000);
    assertClose((100 * (tertiary?.value as number)) / (gdp?.value as number), 83.5, 0.05, 'tertiary / GDP');
  });

  it('keeps Tianjin 2018 GDP as first published (18,809.64 亿元) and revised (13,362.9 亿元) in separate rows', () => {
    const rows = find((o) => o.region === 'CN-120000' && o.year === 2018 && o.indicator === 'gdp');
    const first = rows.find((o) => o.source === 'NBS_FSND_GDP_CUDAV');
    const revised = rows.find((o) => o.source === 'NBS_REVISED_CUDAV');
    assert.equal(first?.vintage, 'first');
    assert.equal(first?.valueOriginal, 18809.64);
    assert.equal(first?.unitOriginal, '亿元');
    assert.equal(first?.value, 1880964000000);
    assert.equal(revised?.vintage, 'revised');
    assert.equal(revised?.valueOriginal, 13362.9);
    assert.equal(revised?.value, 1336290000000);
  });

  it('loads the 19 GB/T sections of urban-unit employment for the 7 provinces and marks the 2013 break', () => {
    const y2019 = find((o) => o.year === 2019 && o.indicator === 'employment_urban_units' && o.source === 'NBS_PROV_URBAN_UNIT_EMP' && o.industry !== null);
    assert.equal(y2019.length, 7 * 19);
    assert.ok(y2019.every((o) => o.classification === 'GBT4754-2017'));
    const beijing = find(
      (o) => o.region === 'CN-110000' && o.year === 2019 && o.indicator === 'employment_urban_units' && o.source === 'NBS_PROV_URBAN_UNIT_EMP',
    );
    const total = beijing.find((o) => o.industry === null)?.value as number;
    const sum = beijing.filter((o) => o.industry !== null).reduce((s, o) => s + (o.value as number), 0);
    assertClose(sum, total, 0.2e4, 'Beijing 2019 sections vs total (published rounding ±0.2 万人)');
    const breaks = find((o) => o.breakInSeries && o.source === 'NBS_PROV_URBAN_UNIT_EMP');
    assert.ok(breaks.length > 0 && breaks.every((o) => o.year === 2013));
  });

  it('marks the national research estimate as estimated, region CN', () => {
    const rows = find((o) => o.indicator === 'employment_total');
    assert.equal(rows.length, 63);
    assert.ok(rows.every((o) => o.region === 'CN' && o.estimated));
  });

  it('writes no interpolated years: the CSMAR per-capita GDP gap of Hebei cities 2010–2018 stays a gap', () => {
    const hebei = find((o) => o.region.startsWith('CN-13') && o.region !== 'CN-130000' && o.indicator === 'gdp_per_capita' && o.source === 'CSMAR_CRE_GDPCT');
    assert.ok(hebei.every((o) => o.year === 2019));
    assert.equal(find((o) => o.region === 'CN-120000' && o.year === 2019 && o.indicator === 'gdp_per_capita').length, 0);
  });
});

describe('China input–output tables', () => {
  it('satisfy intermediate inputs (sector + import rows) + total value added = total input per column', () => {
    for (const t of ioTables.rows) {
      const n = 42;
      const z = new Float64Array(n);
      const tva = new Float64Array(n);
      const ti = new Float64Array(n);
      for (const c of ioCells.rows) {
        if (c.table !== t.id || c.colKind !== 'sector') continue;
        const j = Number(c.col) - 1;
        if (c.rowKind === 'sector' || c.rowKind === 'import') z[j] = (z[j] as number) + c.value;
        else if (c.row === 'TVA') tva[j] = c.value;
        else if (c.row === 'TI') ti[j] = c.value;
      }
      let total = 0;
      for (let j = 0; j < n; j++) {
        assertClose((z[j] as number) + (tva[j] as number), ti[j] as number, 1e-4, `${t.id} column ${j + 1}`);
        total += tva[j] as number;
      }
      // SOURCES.md: total value added 823,215.7 (2017) and 922,057.2 (2018) 亿元 = ×1e4 万元.
      assertClose(total / 1e4, t.year === 2017 ? 823215.7 : 922057.2, 0.1, `${t.id} total value added`);
    }
  });

  it('describe the unit and the 42 sectors', () => {
    for (const t of ioTables.rows) assert.equal(t.unit, '10k CNY');
    assert.deepEqual(
      industries.rows.map((i) => i.code),
      Array.from({ length: 42 }, (_, k) => String(k + 1).padStart(2, '0')),
    );
    assert.ok(industries.rows.every((i) => i.classification === 'CN-IO42' && i.nameZh !== null && i.nameEn !== null));
  });
});

describe('China rail travel times', () => {
  it('keep pairs of cities not in the source as gaps with a note', () => {
    const gaps = travel.rows.filter((t) => t.note?.startsWith('city_not_in_source'));
    assert.equal(gaps.length, 1870);
    assert.ok(gaps.every((t) => t.minutes === null && t.trainsPerDay === null));
    const timed = travel.rows.filter((t) => t.minutes !== null);
    assert.equal(timed.length, 660);
    assert.ok(timed.every((t) => (t.trainsPerDay as number) > 0));
    const bjTj = travel.rows.find((t) => t.origin === 'CN-110000' && t.destination === 'CN-120000');
    assert.equal(bjTj?.minutes, 30); // SOURCES spot check: C2001 06:43–07:13
    const bjSh = travel.rows.find((t) => t.origin === 'CN-110000' && t.destination === 'CN-310000');
    assert.equal(bjSh?.minutes, 258); // G17 19:00–23:18
  });
});

describe('China geometries', () => {
  it('are one valid polygon feature per city with properties {region, source} and 5-decimal coordinates', () => {
    assert.equal(geo.type, 'FeatureCollection');
    const cities = new Set(
      regions.rows
        .filter((r) => r.source === 'CN_REGIONS_GBT2260' && (r.level === 'city' || ['CN-110000', 'CN-120000', 'CN-310000'].includes(r.id)))
        .map((r) => r.id),
    );
    const seen = new Set<string>();
    for (const f of geo.features) {
      assert.deepEqual(Object.keys(f.properties).sort(), ['region', 'source']);
      const region = String(f.properties.region);
      assert.ok(cities.has(region), `feature for ${region}`);
      seen.add(region);
      assert.ok(geometrySchema.safeParse({ region, geometry: f.geometry, source: f.properties.source }).success);
      const coords = JSON.stringify(f.geometry.coordinates);
      assert.ok(!/\d\.\d{6,}/.test(coords), `${region}: coordinates rounded to 5 decimals`);
    }
    assert.equal(seen.size, 54);
  });
});

describe('buildChina', () => {
  it('rebuilds byte-identical files from packages/data/raw', async () => {
    const tableNames = ['sources', 'regions', 'industries', 'observations', 'io_tables', 'io_cells', 'travel_times', 'firm_relocations'];
    const counts = await assertRebuildsIdentically(buildChina, 'cn', tableNames, ({ summary }) => {
      // The firms part prints what it could not judge (raw/firms/SOURCES.md repeats these figures).
      const text = summary.join('\n');
      assert.match(text, /42,192 firm-years of 5,068 firms, 2011–2023; 42,153 placed in a region \(143 of them by name/);
      assert.match(text, /27 × no prefecture code \(outside_mainland_or_missing\)/);
      assert.match(text, /12 × no prefecture code \(unmatched\)/);
      assert.match(text, /30 not judged; 4 of those .*CN-002287 2014→2015 林芝地区→林芝市/);
      assert.match(text, /176 moves of 165 firms/);
    });
    assert.equal(counts.observations, observations.rows.length);
  });
});
