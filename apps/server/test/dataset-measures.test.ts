/**
 * GET /api/datasets/{id}/measures in process, over a copy of the embedded store plus a small uploaded dataset whose
 * numbers are written here (invented; US counties and NAICS sectors the store knows): the document equals POST
 * /api/measures on the same numbers; the choices when a parameter is missing or has no data; one source per region;
 * the vintage rule; gaps refused (422) or dropped and reported in the notes, never read as 0.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ErrorJson, json, type TestApp, testApp } from './support/app.ts';

// biome-ignore lint/suspicious/noExplicitAny: a test's view of a response body it only reads.
type Json = any;

const header = 'region,year,indicator,industry,classification,value,unit,source,vintage,vintage_date,withheld,break_in_series,estimated,note';
const census = 'us_census_abs2017_county';
const qcew = 'us_nysdol_qcew';
/** One canonical CSV row of employees by NAICS sector (`null` = withheld). */
const row = (region: string, year: number, industry: string, value: number | null, source = census, vintage = 'single') =>
  `${region},${year},employees,${industry},NAICS-2017,${value ?? ''},persons,${source},${vintage},,${value === null},false,false,`;

/**
 * 2019: three counties × three sectors; US-25025 twice (first and revised vintages: the revised one counts).
 * 2018: US-25009 × 52 withheld, US-25025 × 72 not published at all (two gaps).
 * 2017: US-25009 from two sources (ambiguous without `source`).
 */
const csv = `${[
  header,
  row('US-25009', 2019, '42', 100),
  row('US-25009', 2019, '52', 50),
  row('US-25009', 2019, '72', 30),
  row('US-25017', 2019, '42', 20),
  row('US-25017', 2019, '52', 80),
  row('US-25017', 2019, '72', 10),
  row('US-25025', 2019, '42', 61, census, 'first'),
  row('US-25025', 2019, '52', 41, census, 'first'),
  row('US-25025', 2019, '72', 91, census, 'first'),
  row('US-25025', 2019, '42', 60, census, 'revised'),
  row('US-25025', 2019, '52', 40, census, 'revised'),
  row('US-25025', 2019, '72', 90, census, 'revised'),
  row('US-25009', 2018, '42', 10),
  row('US-25009', 2018, '52', null),
  row('US-25009', 2018, '72', 5),
  row('US-25017', 2018, '42', 8),
  row('US-25017', 2018, '52', 9),
  row('US-25017', 2018, '72', 7),
  row('US-25025', 2018, '42', 3),
  row('US-25025', 2018, '52', 4),
  row('US-25009', 2017, '42', 1),
  row('US-25009', 2017, '52', 2),
  row('US-25009', 2017, '72', 3),
  row('US-25009', 2017, '42', 4, qcew),
  row('US-25009', 2017, '52', 5, qcew),
  row('US-25009', 2017, '72', 6, qcew),
  row('US-25017', 2017, '42', 7),
  row('US-25017', 2017, '52', 8),
  row('US-25017', 2017, '72', 9),
].join('\n')}\n`;

/** The 2019 matrix as the route must read it (US-25025 from its revised vintage), in long form. */
const data2019 = {
  regions: ['US-25009', 'US-25009', 'US-25009', 'US-25017', 'US-25017', 'US-25017', 'US-25025', 'US-25025', 'US-25025'],
  industries: ['42', '52', '72', '42', '52', '72', '42', '52', '72'],
  values: [100, 50, 30, 20, 80, 10, 60, 40, 90],
};
const measures = 'lq,presence,krugmanSpecialization,hooverLocalization,entropy,structuralSimilarity,proximity,density';

let t: TestApp;
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
const postJson = (path: string, body: unknown) =>
  t.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const close = (a: unknown, b: number) => assert.ok(typeof a === 'number' && Math.abs(a - b) < 1e-12, `${String(a)} ≠ ${b}`);

before(async () => {
  t = await testApp();
  const res = await t.app.request('/api/datasets?name=test-employees.csv', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv });
  assert.equal(res.status, 201, await res.clone().text());
});
after(() => t.cleanup());

describe('GET /api/datasets/{id}/measures', () => {
  it('answers the same document as POST /api/measures on the same numbers (best vintage of each region)', async () => {
    const res = await get(`/api/datasets/test-employees/measures?year=2019&measures=${measures}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const doc = (await json(res)) as Json;
    const posted = await postJson(`/api/measures?measures=${measures}`, data2019);
    assert.equal(posted.status, 200);
    assert.deepEqual(doc, (await json(posted)) as Json);
    assert.deepEqual(doc.regions, ['US-25009', 'US-25017', 'US-25025']);
    assert.deepEqual(doc.industries, ['42', '52', '72']);
    // LQ(US-25025, 42) = (60 / 190) / (180 / 480) from the revised vintage (the first one would give 61 / 192 …).
    close(doc.measures.lq[2][0], 60 / 190 / (180 / 480));
    assert.equal(doc.notes, undefined);
  });

  it('reads a unit set of the embedded dataset (its indicator and classification), equal to posting its observations', async () => {
    const res = await get('/api/datasets/default/measures?metro=JJJ&unitSet=provinces&year=2019&measures=lq,hooverGini,entropy');
    assert.equal(res.status, 200);
    const doc = (await json(res)) as Json;
    assert.deepEqual(doc.regions, ['CN-110000', 'CN-120000', 'CN-130000']);
    const obs = (await json(await get('/api/observations?metro=jjj&unitSet=provinces&year=2019&limit=1000'))) as Json;
    const cells = (obs.observations as { region: string; industry: string | null; value: number | null; dataset: string }[]).filter(
      (o) => o.industry !== null && o.dataset === 'default',
    );
    assert.ok(cells.length > 0 && cells.every((o) => o.value !== null));
    assert.equal(new Set(cells.map((o) => `${o.region}|${o.industry}`)).size, cells.length, 'one value per cell in that year');
    const posted = await postJson('/api/measures?measures=lq,hooverGini,entropy', {
      regions: cells.map((o) => o.region),
      industries: cells.map((o) => o.industry),
      values: cells.map((o) => o.value),
    });
    assert.deepEqual(doc, (await json(posted)) as Json);
  });

  it('is cached by its parameters until the data change', async () => {
    const path = '/api/datasets/test-employees/measures?year=2019&measures=lq';
    const first = await (await get(path)).text();
    const size = t.deps.cache.size;
    assert.equal(await (await get(path)).text(), first);
    assert.equal(t.deps.cache.size, size, 'the second request is a cache hit');
  });

  it('answers 404 for an unknown dataset, listing the datasets', async () => {
    const res = await get('/api/datasets/atlantis/measures?year=2019');
    assert.equal(res.status, 404);
    const body = (await json(res)) as ErrorJson;
    assert.equal(body.error.code, 'UNKNOWN_DATASET');
    assert.match(body.error.message, /default, test-employees/);
  });

  it('answers 400 with the choices when a parameter is left out and the data have several values', async () => {
    const res = await get('/api/datasets/test-employees/measures?measures=lq');
    assert.equal(res.status, 400);
    const body = (await json(res)) as Json;
    assert.equal(body.error.code, 'AMBIGUOUS_SELECTION');
    assert.deepEqual(body.error.issues, [
      { path: 'year', code: 'ambiguous', choices: [2017, 2018, 2019], message: 'The data have several values of year; choose one: 2017, 2018, 2019.' },
    ]);
    // Every ambiguous parameter at once, over the whole embedded dataset, in Chinese on request.
    const zh = await get('/api/datasets/default/measures', { 'Accept-Language': 'zh' });
    assert.equal(zh.status, 400);
    const all = (await json(zh)) as Json;
    assert.deepEqual(
      all.error.issues.map((i: { path: string }) => i.path),
      ['indicator', 'classification', 'year', 'level', 'regionLevel'],
    );
    assert.ok(all.error.issues.find((i: { path: string }) => i.path === 'level').choices.includes('section'));
    assert.match(all.error.message, /请各选一个/);
  });

  it('answers 400 with the choices for a value the data do not have', async () => {
    const res = await get('/api/datasets/test-employees/measures?indicator=gdp&year=2030');
    assert.equal(res.status, 400);
    const body = (await json(res)) as Json;
    assert.equal(body.error.code, 'NO_MATCHING_DATA');
    assert.deepEqual(
      body.error.issues.map((i: { path: string; value: unknown; choices: unknown[] }) => [i.path, i.value, i.choices]),
      [
        ['indicator', 'gdp', ['employees']],
        ['year', 2030, [2017, 2018, 2019]],
      ],
    );
    const level = await get('/api/datasets/test-employees/measures?year=2019&level=subsector');
    assert.equal(((await json(level)) as Json).error.issues[0].choices[0], 'sector');
    const source = (await json(await get('/api/datasets/test-employees/measures?year=2019&source=nope'))) as Json;
    assert.equal(source.error.code, 'NO_MATCHING_DATA');
    assert.deepEqual(source.error.issues[0].choices, [census, qcew]);
  });

  it('answers 400 when a region has values from several sources, and takes the one source asked for', async () => {
    const res = await get('/api/datasets/test-employees/measures?year=2017&measures=lq');
    assert.equal(res.status, 400);
    const body = (await json(res)) as Json;
    assert.equal(body.error.code, 'AMBIGUOUS_SELECTION');
    assert.deepEqual(
      body.error.issues.map((i: { region: string; choices: string[] }) => [i.region, i.choices]),
      [['US-25009', [census, qcew]]],
    );
    const one = (await json(await get(`/api/datasets/test-employees/measures?year=2017&source=${qcew}&measures=lq`))) as Json;
    assert.deepEqual(one.regions, ['US-25009']);
  });

  it('refuses gaps with 422 listing every withheld or missing cell (never read as 0)', async () => {
    const res = await get('/api/datasets/test-employees/measures?year=2018&measures=lq');
    assert.equal(res.status, 422);
    const body = (await json(res)) as Json;
    assert.equal(body.error.code, 'GAPS_IN_MATRIX');
    assert.deepEqual(
      body.error.issues.map((i: { region: string; industry: string; code: string }) => [i.region, i.industry, i.code]),
      [
        ['US-25009', '52', 'withheld'],
        ['US-25025', '72', 'missing'],
      ],
    );
    assert.match(body.error.message, /gaps=drop-regions/);
  });

  it('drops the regions or industries with gaps when asked, and says so in the notes of each measure', async () => {
    const regions = (await json(await get('/api/datasets/test-employees/measures?year=2018&gaps=drop-regions&measures=lq,entropy'))) as Json;
    assert.deepEqual(regions.regions, ['US-25017']);
    assert.deepEqual(
      regions.notes.map((n: { measure: string; axis: string; label: string; code: string }) => [n.measure, n.axis, n.label, n.code]),
      [
        ['lq', 'region', 'US-25009', 'GAP_DROPPED_REGION'],
        ['lq', 'region', 'US-25025', 'GAP_DROPPED_REGION'],
        ['entropy', 'region', 'US-25009', 'GAP_DROPPED_REGION'],
        ['entropy', 'region', 'US-25025', 'GAP_DROPPED_REGION'],
      ],
    );
    const industries = (await json(await get('/api/datasets/test-employees/measures?year=2018&gaps=drop-industries&measures=lq'))) as Json;
    assert.deepEqual(industries.regions, ['US-25009', 'US-25017', 'US-25025']);
    assert.deepEqual(industries.industries, ['42']);
    assert.deepEqual(
      industries.notes.map((n: { label: string; code: string }) => [n.label, n.code]),
      [
        ['52', 'GAP_DROPPED_INDUSTRY'],
        ['72', 'GAP_DROPPED_INDUSTRY'],
      ],
    );
  });

  it('answers 400 for a bad option, an unknown measure, a year that is not an integer, and a unit set without its metro', async () => {
    const cases: [string, string][] = [
      ['year=2019&option=threshold=-1', 'INVALID_OPTION'],
      ['year=2019&option=colour=blue', 'INVALID_OPTION'],
      ['year=2019&measures=magic', 'UNKNOWN_MEASURE'],
      ['year=twenty', 'INVALID_YEAR'],
      ['year=2019&unitSet=provinces', 'INVALID_REQUEST'],
      ['year=2019&gaps=zero', 'INVALID_REQUEST'],
    ];
    for (const [query, code] of cases) {
      const res = await get(`/api/datasets/test-employees/measures?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(((await json(res)) as ErrorJson).error.code, code, query);
    }
    const unitSet = await get('/api/datasets/default/measures?metro=jjj&unitSet=galaxies');
    assert.equal(unitSet.status, 404);
    assert.equal(((await json(unitSet)) as ErrorJson).error.code, 'UNKNOWN_UNIT_SET');
  });

  it('is declared in the OpenAPI document with its parameters', async () => {
    const doc = (await json(await get('/openapi.json'))) as Json;
    const op = doc.paths['/api/datasets/{id}/measures']?.get;
    assert.ok(op);
    const names = (op.parameters as { name: string }[]).map((p) => p.name);
    for (const name of [
      'id',
      'indicator',
      'classification',
      'year',
      'level',
      'regionLevel',
      'metro',
      'unitSet',
      'source',
      'gaps',
      'measures',
      'option',
      'zeroTotals',
    ])
      assert.ok(names.includes(name), name);
    assert.ok(op.responses['422']);
  });
});
