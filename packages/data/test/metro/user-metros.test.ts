/**
 * User-defined metros (issue 9, points 1–2): the definition file's schema (a valid file; each kind of problem with
 * its JSON path or CSV row and column, in both languages), add and remove in one transaction (a failing add leaves
 * the store's checksum unchanged; add then remove restores it), embedded metros protected, and a metro of regions new
 * to the store with travel times and imported data analysed end to end — which survives a reload of the embedded
 * dataset. The figures in the files written here are synthetic test values.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeMetroFromStore } from '../../src/analysis/run-analysis.ts';
import { importFile } from '../../src/import/import.ts';
import { metroDefinitionJsonSchemaText } from '../../src/metro/definition-schema.ts';
import { checkMetroDefinition } from '../../src/metro/read-definition.ts';
import { addMetro, listMetroOrigins, MetroDefinitionError, removeMetro } from '../../src/metro/user-metros.ts';
import { tableNames } from '../../src/store/ddl.ts';
import { loadDataset } from '../../src/store/load-default.ts';
import { showMetro } from '../../src/store/queries.ts';
import type { Store } from '../../src/store/store.ts';
import { copiedStore, fixtureDatasetDir } from '../support/store-template.ts';

const schemaFile = fileURLToPath(new URL('../../schemas/metro-definition.schema.json', import.meta.url));
const bostonFile = fileURLToPath(new URL('../../../../docs/examples/boston-msa.json', import.meta.url));

/** A checksum of every table of the store (model tables and the datasets registry). */
async function checksum(store: Store, tables: readonly string[] = [...tableNames, 'datasets']): Promise<string> {
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await store.rows(`SELECT count(*)::INTEGER AS n, coalesce(sum(hash(CAST(x AS VARCHAR)))::VARCHAR, '0') AS h FROM "${t}" x`);
    parts.push(`${t}:${String(rows[0]?.n)}:${String(rows[0]?.h)}`);
  }
  return parts.join('|');
}

/** A metro of three regions new to the store (invented ids), with travel times. */
const testville = {
  id: 'Testville',
  names: { en: 'Testville metro', zh: '测试都市圈' },
  country: 'CN',
  members: [
    { id: 'CN-990101', ring: 'core', names: { en: 'Testville', zh: '测试市' }, point: { lon: 116.0, lat: 39.0 }, level: 'city' },
    {
      id: 'CN-990102',
      ring: 'inner',
      names: { en: 'North Test', zh: '北测市' },
      boundary: {
        type: 'Polygon',
        coordinates: [
          [
            [116.0, 39.5],
            [116.2, 39.5],
            [116.2, 39.7],
            [116.0, 39.7],
            [116.0, 39.5],
          ],
        ],
      },
    },
    { id: 'CN-990103', ring: 'outer', names: { en: 'East Test' }, point: { lon: 117.0, lat: 39.1 } },
  ],
  unitSets: [{ id: 'cities', names: { en: 'Cities by section', zh: '各市分门类' }, indicator: 'employment_urban_units', classification: 'GBT4754-2017' }],
  travelTimes: { file: 'testville-times.csv' },
};

const travelCsv = 'from,to,minutes,mode,source\nCN-990101,CN-990102,35,rail,test-timetable\nCN-990101,CN-990103,,rail,test-timetable\n';

/** Employment by GB/T 4754 section for the three regions (synthetic), population for two, no GDP. */
function dataCsv(): string {
  const lines = ['region,year,indicator,industry,classification,value,unit,source'];
  const sections: [string, number[]][] = [
    ['C', [20, 50, 40]],
    ['F', [10, 15, 12]],
    ['G', [18, 9, 7]],
    ['I', [12, 3, 1]],
    ['J', [15, 4, 2]],
    ['K', [14, 3, 2]],
    ['M', [11, 4, 3]],
    ['P', [9, 8, 7]],
  ];
  const regions = ['CN-990101', 'CN-990102', 'CN-990103'];
  for (const [code, values] of sections)
    regions.forEach((r, k) => lines.push(`${r},2019,employment_urban_units,${code},GBT4754-2017,${values[k]},万人,test-yb`));
  lines.push('CN-990101,2019,population,,,500,万人,test-yb', 'CN-990102,2019,population,,,300,万人,test-yb');
  return `${lines.join('\n')}\n`;
}

describe('user-defined metros', () => {
  let store: Store;
  let dir = '';
  const write = (name: string, value: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
    return file;
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-metro-'));
    store = await copiedStore('embedded');
  });
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the committed JSON Schema is the one generated from the zod schema', () => {
    assert.equal(readFileSync(schemaFile, 'utf8'), metroDefinitionJsonSchemaText());
  });

  it('the shipped Boston example is valid', async () => {
    const checked = await checkMetroDefinition(store, bostonFile);
    assert.deepEqual(checked.issues, []);
    assert.deepEqual(checked.newRegions, []);
    assert.equal(checked.definition?.members.length, 7);
  });

  it('reports every schema problem with its JSON path, in English and Chinese', async () => {
    const file = write('bad-schema.json', {
      id: 'bad id',
      names: { en: 'Bad' },
      country: 'cn',
      members: [
        { id: 'CN-990201', ring: 'middle', point: { lon: 10, lat: 10 }, colour: 'red' },
        { id: 'CN-990202', ring: 'core', point: { lon: 200, lat: 10 } },
        { id: 'CN-990203', ring: 'core', boundary: { type: 'Circle', radius: 3 } },
      ],
      unitSets: [{ id: 'x', names: { en: 'X' }, members: [] }],
    });
    const checked = await checkMetroDefinition(store, file);
    const paths = checked.issues.map((i) => `${i.path} ${i.code}`).sort();
    assert.deepEqual(paths, [
      '$.country SCHEMA_INVALID_FORMAT',
      '$.id SCHEMA_INVALID_FORMAT',
      '$.members[0] SCHEMA_UNRECOGNIZED_KEYS',
      '$.members[0].ring SCHEMA_INVALID_VALUE',
      '$.members[1].point.lon SCHEMA_TOO_BIG',
      '$.members[2].boundary.type SCHEMA_INVALID_UNION',
      '$.unitSets[0].members SCHEMA_TOO_SMALL',
    ]);
    for (const issue of checked.issues) {
      assert.equal(issue.file, file);
      assert.doesNotMatch(issue.message.en, /[\u4e00-\u9fff]/);
      assert.match(issue.message.zh, /[\u4e00-\u9fff]/);
    }
    assert.match(checked.issues.find((i) => i.path === '$.members[0].ring')?.message.en ?? '', /"core", "inner", "outer".*"middle"/);
  });

  it('reports an unreadable or non-JSON file at $', async () => {
    const notJson = await checkMetroDefinition(store, write('not.json', '{ "id": "x", '));
    assert.deepEqual(
      notJson.issues.map((i) => [i.path, i.code]),
      [['$', 'NOT_JSON']],
    );
    const missing = await checkMetroDefinition(store, join(dir, 'nowhere.json'));
    assert.deepEqual(
      missing.issues.map((i) => [i.path, i.code]),
      [['$', 'FILE_UNREADABLE']],
    );
  });

  it('reports the problems only the store, the members and the travel-time file reveal, each with its path', async () => {
    write(
      'bad-times.csv',
      'from,to,minutes,mode,source\nCN-990101,CN-000000,30,rail,t\nCN-990101,CN-110000,-5,rail,t\nCN-990101,CN-110000,20,rail,t\nCN-990101,CN-110000,25,rail,t\n',
    );
    const file = write('bad-store.json', {
      id: 'JJJ',
      names: { en: 'Clash' },
      country: 'CN',
      members: [
        { id: 'CN-990101', ring: 'core', names: { en: 'T' }, point: { lon: 116, lat: 39 } },
        { id: 'CN-110000', ring: 'inner' },
        { id: 'CN-110000', ring: 'outer' },
        { id: 'US-990104', ring: 'outer' },
        {
          id: 'CN-990105',
          ring: 'outer',
          names: { en: 'Open' },
          parent: 'CN-999999',
          boundary: {
            type: 'Polygon',
            coordinates: [
              [
                [1, 1],
                [2, 1],
                [2, 2],
                [1, 2],
              ],
            ],
          },
        },
      ],
      unitSets: [
        { id: 's', names: { en: 'S' }, members: ['CN-990101', 'CN-120000'], default: true },
        { id: 's', names: { en: 'S again' }, default: true },
      ],
      travelTimes: { file: 'bad-times.csv' },
    });
    const checked = await checkMetroDefinition(store, file);
    const got = checked.issues.map((i) => `${i.file === file ? '' : 'csv '}${i.path} ${i.code}`);
    assert.deepEqual(got, [
      '$.id EMBEDDED_METRO',
      '$.members[2].id DUPLICATE_MEMBER',
      '$.members[3].names NEW_REGION_NAMES',
      '$.members[3] NEW_REGION_PLACE',
      '$.members[3].id NEW_REGION_PREFIX',
      '$.members[4].parent UNKNOWN_PARENT',
      '$.members[4].boundary.coordinates[0] RING_NOT_CLOSED',
      '$.unitSets[0].members[1] UNIT_SET_MEMBER',
      '$.unitSets[1].id DUPLICATE_UNIT_SET',
      '$.unitSets[1].default SEVERAL_DEFAULTS',
      'csv row 2, column to TRAVEL_UNKNOWN_REGION',
      'csv row 3, column minutes TRAVEL_BAD_MINUTES',
      'csv row 5, column from TRAVEL_DUPLICATE',
    ]);
    assert.ok(checked.issues.some((i) => i.file.endsWith('bad-times.csv')));
  });

  it('a failing add writes nothing: the definition is refused whole, and a failure inside the transaction rolls back', async () => {
    const before = await checksum(store);
    write('testville-times.csv', travelCsv);
    const bad = write('bad-add.json', { ...testville, members: [...testville.members, { id: 'CN-990109', ring: 'outer' }] });
    await assert.rejects(
      addMetro(store, bad),
      (e: unknown) => e instanceof MetroDefinitionError && e.code === 'INVALID_METRO_DEFINITION' && e.issues.length === 2,
    );
    assert.equal(await checksum(store), before);
    // A valid file whose last insert fails (the geometries table is away): everything before it is rolled back.
    const good = write('testville.json', testville);
    await store.run('ALTER TABLE geometries RENAME TO geometries_away');
    const others = [...tableNames.filter((t) => t !== 'geometries'), 'datasets'];
    const partial = await checksum(store, others);
    await assert.rejects(addMetro(store, good));
    assert.equal(await checksum(store, others), partial);
    await store.run('ALTER TABLE geometries_away RENAME TO geometries');
    assert.equal(await checksum(store), before);
  });

  it('add then remove leaves the store as it was; embedded metros cannot be removed', async () => {
    const before = await checksum(store);
    const added = await addMetro(store, bostonFile);
    assert.deepEqual([added.id, added.dataset, added.members, added.defaultUnitSet], ['boston', 'metro:boston', 7, 'counties']);
    assert.equal((await listMetroOrigins(store)).find((m) => m.id === 'boston')?.origin, 'user');
    await assert.rejects(addMetro(store, bostonFile), (e: unknown) => e instanceof MetroDefinitionError && e.issues[0]?.code === 'METRO_EXISTS');
    const removed = await removeMetro(store, 'Boston');
    assert.equal(removed.id, 'boston');
    assert.equal(await checksum(store), before);
    await assert.rejects(removeMetro(store, 'jjj'), (e: unknown) => (e as { code?: string }).code === 'EMBEDDED_METRO');
    await assert.rejects(removeMetro(store, 'nowhere'), (e: unknown) => (e as { code?: string }).code === 'UNKNOWN_METRO');
  });

  it('a metro of new regions: added, its data imported, analysed with what exists, kept when the embedded dataset reloads', async () => {
    write('testville-times.csv', travelCsv);
    const added = await addMetro(store, write('testville.json', testville));
    assert.deepEqual(added.newRegions, ['CN-990101', 'CN-990102', 'CN-990103']);
    assert.equal(added.travelTimes, 2);
    assert.equal(added.boundaries, 1);
    const north = await store.rows(`SELECT lon, lat, dataset FROM regions WHERE id = 'CN-990102'`);
    assert.deepEqual(north, [{ lon: 116.1, lat: 39.6, dataset: 'metro:testville' }]);
    const beforeData = await showMetro(store, 'testville');
    assert.deepEqual(beforeData.unitSets[0]?.years, []);
    await assert.rejects(analyzeMetroFromStore(store, 'testville', { compare: [] }), (e: unknown) => (e as { code?: string }).code === 'NO_DATA_FOR_YEAR');

    const imported = await importFile(store, write('testville-data.csv', dataCsv()), { dataset: 'testville-data' });
    assert.equal(imported.imported, 26);
    assert.deepEqual((await showMetro(store, 'testville')).unitSets[0]?.years, [2019]);
    const result = await analyzeMetroFromStore(store, 'testville', { compare: [] });
    assert.deepEqual(
      result.units.map((u) => [u.id, u.ring]),
      [
        ['CN-990101', 'core'],
        ['CN-990102', 'inner'],
        ['CN-990103', 'outer'],
      ],
    );
    assert.equal(result.industries.length, 8);
    assert.equal(result.typology.pairs.type.length, 3);
    // Missing GDP: gravity is computed without it and says so; the CN input–output table is there.
    assert.match(result.linkage.absent.map((a) => a.reason.en).join(' '), /GDP is missing/);
    assert.ok(result.complementarity !== null);

    // Reloading the embedded dataset (here the fixture one) keeps the user's metro, regions and travel times.
    await loadDataset(store, { dir: fixtureDatasetDir, force: true });
    const kept = await showMetro(store, 'testville');
    assert.deepEqual(
      kept.members.map((m) => [m.region, m.nameEn]),
      [
        ['CN-990101', 'Testville'],
        ['CN-990102', 'North Test'],
        ['CN-990103', 'East Test'],
      ],
    );
    assert.equal((await store.rows(`SELECT count(*)::INTEGER AS n FROM travel_times WHERE dataset = 'metro:testville'`))[0]?.n, 2);
  });
});
