import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BenchmarkBasis, MetroAnalysis } from '@metrocoop/core';
import { loadMetroAnalysisInput } from '../../src/analysis/load-input.ts';
import { metroAnalysisJsonSchemaText } from '../../src/analysis/result-schema.ts';
import { analyzeMetroFromStore } from '../../src/analysis/run-analysis.ts';
import type { Store } from '../../src/store/store.ts';
import { openStoreTemplate } from '../support/store-template.ts';
import { assertNotJudgeable, keyFigureTests } from './key-figures.ts';

let store: Store;
const results = new Map<string, MetroAnalysis>();
/**
 * The default unit set of every embedded metro, and JJJ's cities on three sectors: the key figures of each are
 * snapshot (./key-figures/<metro>-<units>.json). The other unit sets are in unit-sets.e2e.test.ts.
 */
const unitSets = [
  ['jjj', 'provinces'],
  ['jjj', 'cities'],
  ['yrd', 'provinces'],
  ['tokyo', 'prefectures'],
  ['nyc', 'counties'],
  ['boswash', 'msas'],
] as const;
const byUnitSet = new Map<string, MetroAnalysis>();
const benchmarkCache = new Map<string, BenchmarkBasis>();
let cacheAfterJjj: string[] = [];
let cachedTokyo: BenchmarkBasis | undefined;

describe('the analysis of the embedded metros', () => {
  before(async () => {
    // The analysis only reads: the embedded template, opened read-only, is the store `metrocoop start` would load.
    store = await openStoreTemplate('embedded');
    // With the like-for-like benchmark (the default compare: Tokyo and New York), sharing one cache of bases as
    // `metrocoop start` does; the cache test below checks what it held after each metro.
    results.set('jjj', await analyzeMetroFromStore(store, 'jjj', { benchmarkCache }));
    cacheAfterJjj = [...benchmarkCache.keys()];
    cachedTokyo = benchmarkCache.get('tokyo@2016');
    results.set('yrd', await analyzeMetroFromStore(store, 'yrd', { benchmarkCache }));
    for (const [m, units] of unitSets) byUnitSet.set(`${m}-${units}`, await analyzeMetroFromStore(store, m, { units, compare: [] }));
    results.set('tokyo', byUnitSet.get('tokyo-prefectures') as MetroAnalysis);
    results.set('nyc', byUnitSet.get('nyc-counties') as MetroAnalysis);
  });
  after(() => store.close());

  for (const [m, units] of unitSets) keyFigureTests(m, units, () => byUnitSet.get(`${m}-${units}`) as MetroAnalysis);

  /** The type and answers of the pair of two units, by id. */
  const pair = (r: MetroAnalysis, x: string, y: string) => {
    const ids = r.units.map((u) => u.id);
    const [i, j] = [ids.indexOf(x), ids.indexOf(y)].sort((p, q) => p - q);
    const p = r.typology.pairs.a.findIndex((a, k) => a === i && r.typology.pairs.b[k] === j);
    return { type: r.typology.pairs.type[p], functional: r.typology.pairs.functional[p], shared: r.homogenisation.pairs.sharedTraded[p] };
  };

  it('reads Beijing–Tianjin–Hebei as the paper does: Beijing divided from both by function, Tianjin and Hebei competing in mining', () => {
    const r = results.get('jjj') as MetroAnalysis;
    assert.deepEqual(pair(r, 'CN-110000', 'CN-120000'), { type: 'vertical', functional: true, shared: [] });
    assert.deepEqual(pair(r, 'CN-110000', 'CN-130000'), { type: 'vertical', functional: true, shared: [] });
    assert.deepEqual(pair(r, 'CN-120000', 'CN-130000'), { type: 'competing', functional: false, shared: ['B'] });
    assert.deepEqual(r.homogenisation.mostSimilar && [r.homogenisation.mostSimilar.a, r.homogenisation.mostSimilar.b], ['CN-120000', 'CN-130000']);
  });

  it('types every Tokyo–ring pair as a division of functions (vertical or mixed)', () => {
    const r = byUnitSet.get('tokyo-prefectures') as MetroAnalysis;
    const others = r.units.filter((u) => u.id !== 'JP-13').map((u) => u.id);
    assert.equal(others.length, 7);
    for (const o of others) {
      const p = pair(r, 'JP-13', o);
      assert.equal(p.functional, true, o);
      assert.ok(p.type === 'vertical' || p.type === 'mixed', `${o}: ${p.type}`);
    }
  });

  it('divides Manhattan by function from every other New York county (Hudson, which shares its finance, vertical with the duplication noted)', () => {
    const r = results.get('nyc') as MetroAnalysis;
    const others = r.units.filter((u) => u.id !== 'US-36061').map((u) => u.id);
    const types = Object.fromEntries(others.map((o) => [o, pair(r, 'US-36061', o).type]));
    assert.equal(others.length, 17);
    assert.deepEqual(
      others.filter((o) => pair(r, 'US-36061', o).functional !== true),
      [],
    );
    assert.equal(types['US-34017'], 'vertical', 'Hudson: a division with the duplication noted');
    assert.ok(Object.values(types).every((t) => t === 'vertical' || t === 'mixed'));
  });

  it('says homogeneity is not judgeable on three sectors, for every pair', () => {
    for (const key of ['jjj-cities']) assertNotJudgeable(byUnitSet.get(key) as MetroAnalysis, key);
  });

  it('is deterministic and independent of the cache: a second run without it gives the same document', async () => {
    const again = await analyzeMetroFromStore(store, 'jjj');
    assert.equal(JSON.stringify(again), JSON.stringify(results.get('jjj')));
  });

  it('reuses comparison bases through benchmarkCache: Tokyo and New York are read once for two metros', () => {
    assert.deepEqual(cacheAfterJjj, ['jjj@2017', 'tokyo@2016', 'nyc@2017']);
    assert.deepEqual([...benchmarkCache.keys()], ['jjj@2017', 'tokyo@2016', 'nyc@2017', 'yrd@2017']);
    assert.equal(benchmarkCache.get('tokyo@2016'), cachedTokyo, 'not read again');
    assert.deepEqual(results.get('yrd')?.benchmark?.ranked, ['yrd', 'tokyo', 'nyc']);
  });

  it('holds the paper’s fact: Beijing has the highest tertiary share in JJJ', () => {
    const r = results.get('jjj') as MetroAnalysis;
    const shares = r.overview.map((o) => ({ unit: o.unit, t: o.sectorShares?.tertiary ?? -1 }));
    const top = [...shares].sort((a, b) => b.t - a.t)[0];
    assert.equal(top?.unit, 'CN-110000');
    assert.ok(shares.every((s) => s.t > 0));
  });

  it('holds the paper’s fact: Shanghai’s tertiary share exceeds the other YRD provinces’', () => {
    const r = results.get('yrd') as MetroAnalysis;
    const sh = r.overview.find((o) => o.unit === 'CN-310000')?.sectorShares?.tertiary as number;
    for (const o of r.overview) if (o.unit !== 'CN-310000') assert.ok(sh > (o.sectorShares?.tertiary as number), o.unit);
  });

  it('uses one impedance per unit set: km in JJJ, where only Beijing–Tianjin has a rail time', () => {
    const r = results.get('jjj') as MetroAnalysis;
    assert.equal(r.linkage.impedance.kind, 'km');
    assert.equal(r.linkage.impedance.railPairs, 1);
    assert.equal(r.linkage.pairs.railMinutes[0], 30);
  });

  it('shows gaps instead of filling them (New York: withheld ABS cells are listed with their treatment)', () => {
    const r = results.get('nyc') as MetroAnalysis;
    assert.ok(r.gaps.some((g) => g.kind === 'withheld' && (g.treatment === 'dropped-industry' || g.treatment === 'dropped-region')));
    assert.ok(r.findings.some((f) => f.kind === 'data-gap'));
  });

  it('maps the national IO table through the crosswalks', async () => {
    const input = await loadMetroAnalysisInput(store, 'tokyo');
    assert.match(input.inputOutput?.mapping ?? '', /JP-IO37 → JSIC-13 ← JSNA-2015-ACTIVITY/);
    // The table names its entry in the source list, which the analysis carries to the charts' provenance.
    const sourceOf = await store.rows('SELECT source FROM io_tables WHERE id = $1', [input.inputOutput?.id ?? '']);
    assert.ok(sourceOf.length > 0 && String(sourceOf[0]?.source) !== '');
    assert.equal(input.inputOutput?.source, String(sourceOf[0]?.source));
    assert.equal(results.get('jjj')?.complementarity.table?.source, 'NBS_IO_2018_42_VIA_IONET');
    const n = input.inputOutput?.industries.length as number;
    assert.equal(input.inputOutput?.coefficients.length, n * n);
    // Column sums of technical coefficients stay below 1 for a productive table.
    for (let l = 0; l < n; l++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += input.inputOutput?.coefficients[k * n + l] as number;
      assert.ok(s < 1, `column ${l}: ${s}`);
    }
  });

  it('refuses a year the unit set does not have', async () => {
    await assert.rejects(loadMetroAnalysisInput(store, 'jjj', { year: 1990 }), (e: unknown) => (e as { code?: string }).code === 'NO_DATA_FOR_YEAR');
  });
});

describe('the committed JSON Schema', () => {
  it('is up to date with the zod schema (regenerate with packages/data/scripts/write-analysis-schema.ts)', () => {
    const file = readFileSync(new URL('../../schemas/metro-analysis.schema.json', import.meta.url), 'utf8');
    assert.equal(file, metroAnalysisJsonSchemaText());
  });
});
