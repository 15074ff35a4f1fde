/**
 * Checks on the built US part of the embedded dataset (packages/data/dataset/<table>/us.csv and
 * geometries/us.geojson): counts, schema validity, keys, references, withheld cells (never 0), units and spot
 * figures from packages/data/raw/us/SOURCES.md, us/gdp_by_industry/SOURCES.md and transport/SOURCES.md. A rebuild
 * into a temporary folder must give byte-identical files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvHeader } from '../scripts/build/csv-writer.ts';
import { type CsvTableName, observationKey, readPartCsv } from '../scripts/build/shared.ts';
import { buildUnitedStates } from '../scripts/build/us.ts';
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

const read = <T extends CsvTableName>(table: T) => readPartCsv(datasetDir, table, 'us').rows;
const sources = read('sources');
const regions = read('regions');
const observations = read('observations');
const industries = read('industries');
const crosswalks = read('crosswalks');
const ioTables = read('io_tables');
const ioCells = read('io_cells');
const travel = read('travel_times');
const geo = readPartGeometries('us');
const usTables = ['sources', 'regions', 'observations', 'industries', 'crosswalks', 'io_tables', 'io_cells', 'travel_times'] as const;

const { find, one } = observationFinder(observations);

describe('dataset us part: files and schemas', () => {
  it('has the expected row counts', () => {
    assert.equal(sources.length, 15 + 1); // + the FIPS list
    // US, 50 states + DC + Puerto Rico, the 5 MSAs, 3,142 counties and 78 Puerto Rico municipios (the 73 corridor
    // counties and Dutchess and Orange among them).
    assert.equal(regions.length, 1 + 52 + 5 + 3220);
    assert.equal(observations.length, 14267);
    assert.equal(industries.length, 71 + 2 + 33);
    assert.equal(crosswalks.length, 66 + 21);
    assert.equal(ioTables.length, 3);
    assert.equal(ioCells.length, 14852 + 5328);
    assert.equal(travel.length, 20);
    assert.equal(geo.features.length, 73);
  });

  it('writes each header as the schema keys in snake_case', () => {
    for (const table of usTables) assert.deepEqual(readPartCsv(datasetDir, table, 'us').header, csvHeader(tables[table]), table);
  });

  it('has no duplicate keys', () => {
    assert.deepEqual(duplicates(observations.map((o) => observationKey(o).join('|'))), []);
    assert.deepEqual(duplicates(regions.map((r) => r.id)), []);
    assert.deepEqual(duplicates(industries.map((r) => `${r.classification}|${r.code}`)), []);
    assert.deepEqual(duplicates(ioCells.map((c) => `${c.table}|${c.row}|${c.col}`)), []);
    assert.deepEqual(duplicates(travel.map((t) => `${t.origin}|${t.destination}|${t.mode}`)), []);
  });

  it('defines every source id it uses, and uses every source it defines', () => {
    assertSourcesDefinedAndUsed(sources, [
      ...observations.map((o) => o.source),
      ...regions.map((r) => r.source),
      ...crosswalks.map((c) => c.source),
      ...ioTables.map((t) => t.source),
      ...travel.map((t) => t.source),
      ...geo.features.map((f) => f.properties.source),
    ]);
  });

  it('references only regions, parents and BEA codes it defines', () => {
    assertRegionsDefined(regions, [
      ...observations.map((o) => o.region),
      ...travel.flatMap((t) => [t.origin, t.destination]),
      ...geo.features.map((f) => f.properties.region),
    ]);
    const own = new Set(industries.map((r) => `${r.classification}|${r.code}`));
    const lines = observations.filter((o) => o.classification === 'US-BEA-GDP-LINE' && !own.has(`US-BEA-GDP-LINE|${o.industry}`));
    assert.equal(lines.length, 0);
    const io = ioCells.flatMap((c) => [...(c.rowKind === 'sector' ? [c.row] : []), ...(c.colKind === 'sector' ? [c.col] : [])]);
    assert.deepEqual([...new Set(io.filter((code) => !own.has(`US-BEA-SUMMARY|${code}`)))], []);
    assert.deepEqual(
      crosswalks.filter((c) => !own.has(`${c.fromClassification}|${c.fromCode}`)),
      [],
    );
  });
});

describe('dataset us part: regions', () => {
  it('puts the 73 counties under their MSA and the 23 of New York under US-CBSA-35620', () => {
    const counties = regions.filter((r) => r.level === 'county' && r.parent?.startsWith('US-CBSA-'));
    assert.equal(counties.length, 73);
    assert.equal(counties.filter((c) => c.parent === 'US-CBSA-35620').length, 23);
    assert.deepEqual(
      regions.filter((r) => r.level === 'msa').map((r) => r.id),
      ['US-CBSA-12580', 'US-CBSA-14460', 'US-CBSA-35620', 'US-CBSA-37980', 'US-CBSA-47900'],
    );
    assert.equal(regions.find((r) => r.id === 'US-36')?.nameEn, 'New York');
    assert.equal(regions.find((r) => r.id === 'US-36061')?.areaKm2, 58.69);
  });
});

describe('dataset us part: observations', () => {
  it('flags the 405 withheld ABS cells and 494 (D) GDP cells with an empty value, never 0', () => {
    const withheld = observations.filter((o) => o.withheld);
    assert.equal(withheld.length, 405 + 494);
    assert.equal(withheld.filter((o) => o.source === 'us_census_abs2017_county').length, 405);
    assert.equal(withheld.filter((o) => o.indicator === 'value_added' || o.indicator === 'gdp').length, 494);
    assert.ok(withheld.every((o) => o.value === null && o.valueOriginal === null));
    assert.ok(observations.every((o) => o.withheld || o.value !== null));
    assert.equal(find({ source: 'us_census_abs2017_county', value: 0 }).length, 0);
    const manufacturingPutnam = one({
      region: 'US-36079',
      year: 2017,
      indicator: 'employees',
      industry: '31-33',
      source: 'us_census_abs2017_county',
    });
    assert.equal(manufacturingPutnam.withheld, true);
  });

  it('keeps each employment programme with its own source and NAICS total as null industry', () => {
    assert.equal(
      one({
        region: 'US-36061',
        year: 2017,
        indicator: 'employees',
        industry: null,
        source: 'us_census_abs2017_county',
      }).value,
      2468952,
    );
    assert.equal(one({ region: 'US-36061', year: 2017, indicator: 'employees', industry: null, source: 'us_nysdol_qcew' }).value, 2461223);
    const cbp = find({ indicator: 'employees', source: 'us_census_cbp2019_cbsa' });
    assert.equal(cbp.length, 105);
    assert.ok(cbp.every((o) => o.region.startsWith('US-CBSA-') && o.year === 2019));
    const qcew = one({ region: 'US-36061', year: 2010, indicator: 'employees_private' });
    const gov = one({ region: 'US-36061', year: 2010, indicator: 'employees_government' });
    assert.equal((qcew.value as number) + (gov.value as number), 1835231 + 444990);
    assert.ok(observations.filter((o) => o.indicator === 'employees').every((o) => o.industry !== '00'));
  });

  it('holds ACS population: New York County 1,628,706 (2019 1-year) and 1,632,480 (2014–18 5-year)', () => {
    const acs1 = one({ region: 'US-36061', year: 2019, indicator: 'population' });
    assert.equal(acs1.value, 1628706);
    assert.match(acs1.note ?? '', /1-year/);
    const acs5 = one({ region: 'US-36061', year: 2018, indicator: 'population' });
    assert.equal(acs5.value, 1632480);
    assert.match(acs5.note ?? '', /5-year/);
    assert.equal(one({ region: 'US-36047', year: 2019, indicator: 'population' }).value, 2559903);
  });

  it('converts thousand and million USD to USD: New York County 2019 GDP 774,969,197 thousand = private + government', () => {
    const gdp = one({ region: 'US-36061', year: 2019, indicator: 'gdp' });
    assert.equal(gdp.value, 774969197e3);
    assert.equal(gdp.unitOriginal, 'thousand USD');
    const privateVa = one({ region: 'US-36061', year: 2019, indicator: 'value_added', industry: '2' });
    const government = one({ region: 'US-36061', year: 2019, indicator: 'value_added', industry: '83' });
    assert.equal((privateVa.value as number) + (government.value as number), gdp.value);
    const usd = observations.filter((o) => o.unit === 'USD' && o.value !== null);
    assert.ok(usd.every((o) => o.value === (o.valueOriginal as number) * (o.unitOriginal === 'thousand USD' ? 1e3 : 1e6)));
    assert.ok(find({ region: 'US', indicator: 'gdp' }).every((o) => o.unitOriginal === 'million USD'));
  });

  it('keeps both vintages of New York State GDP as separate rows', () => {
    const rows = find({ region: 'US-36', year: 2019, indicator: 'gdp' });
    assert.deepEqual(rows.map((o) => o.source).sort(), ['us_bea_cagdp2_2021-12_ny', 'us_bea_sagdp2n_2023-03']);
    assert.ok(rows.every((o) => o.vintage === 'revised' && o.vintageDate !== null));
    assert.equal(one({ region: 'US-36', year: 2020, indicator: 'gdp', source: 'us_bea_cagdp2_2021-12_ny' }).vintage, 'first');
  });
});

describe('dataset us part: input–output tables, rail times, crosswalks', () => {
  it('reproduces 2019 total value added = GDP = 21,539,980 million USD', () => {
    const va = ioCells.filter((c) => c.table === 'US-BEA-USE-2019' && c.rowKind === 'value_added' && c.colKind === 'sector').reduce((s, c) => s + c.value, 0);
    assert.ok(Math.abs(va - 21539980) < 1e-6, `value added ${va}`);
    const gdpCell = ioCells.find((c) => c.table === 'US-BEA-USE-2019' && c.row === 'Total Value Added' && c.col === 'Total Final Uses (GDP)');
    assert.equal(gdpCell?.value, 21539980);
    assert.deepEqual(
      ioTables.map((t) => t.id),
      ['US-BEA-MAKE-2019', 'US-BEA-USE-2012', 'US-BEA-USE-2019'],
    );
  });

  it('has Amtrak times between MSAs: NY→Philadelphia 68 min (52 trains), Washington→Baltimore 28 min', () => {
    const nyPhl = travel.find((t) => t.origin === 'US-CBSA-35620' && t.destination === 'US-CBSA-37980');
    assert.equal(nyPhl?.minutes, 68);
    assert.equal(nyPhl?.trainsPerDay, 52);
    assert.equal(nyPhl?.mode, 'rail');
    assert.equal(nyPhl?.timetableDate, '2025-01-15');
    assert.equal(travel.find((t) => t.origin === 'US-CBSA-47900' && t.destination === 'US-CBSA-12580')?.minutes, 28);
  });

  it('maps BEA summary industries and GDP lines to NAICS sectors, government excluded', () => {
    assert.equal(crosswalks.filter((c) => c.fromClassification === 'US-BEA-SUMMARY').length, 66);
    assert.ok(crosswalks.every((c) => c.toClassification === 'NAICS-2017' && c.kind === 'main' && c.weight === null));
    assert.equal(crosswalks.filter((c) => c.fromCode.startsWith('G')).length, 0);
    assert.equal(crosswalks.find((c) => c.fromCode === '5415')?.toCode, '54');
  });
});

describe('buildUnitedStates', () => {
  it('rebuilds byte-identical files', async () => {
    const counts = await assertRebuildsIdentically(buildUnitedStates, 'us', usTables);
    assert.equal(counts.observations, observations.length);
  });
});
