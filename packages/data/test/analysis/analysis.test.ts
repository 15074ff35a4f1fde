import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BenchmarkBasis, MetroAnalysis } from '@metrocoop/core';
import { loadMetroAnalysisInput } from '../../src/analysis/load-input.ts';
import { metroAnalysisJsonSchemaText, metroAnalysisSchema } from '../../src/analysis/result-schema.ts';
import { analyzeMetroFromStore } from '../../src/analysis/run-analysis.ts';
import type { Store } from '../../src/store/store.ts';
import { openStoreTemplate } from '../support/store-template.ts';

let store: Store;
const results = new Map<string, MetroAnalysis>();
const metros = ['jjj', 'yrd', 'tokyo', 'nyc'] as const;

/** Numbers to 6 significant digits, so snapshots survive floating-point noise but catch real changes. */
function normalise(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(6));
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

const snapshotPath = (metro: string) => new URL(`./snapshots/${metro}.json`, import.meta.url);

describe('the analysis of the default metros on the embedded data', () => {
  before(async () => {
    // The analysis only reads: the embedded template, opened read-only, is the store `metrocoop start` would load.
    store = await openStoreTemplate('embedded');
    for (const m of metros) results.set(m, await analyzeMetroFromStore(store, m));
  });
  after(() => store.close());

  for (const m of metros) {
    it(`${m}: validates against the schema and matches its snapshot (normalised numbers)`, () => {
      const doc = JSON.parse(JSON.stringify(results.get(m)));
      const parsed = metroAnalysisSchema.safeParse(doc);
      assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5)));
      const n = normalise(doc) as Record<string, unknown>;
      // One top-level part per line: small files, readable diffs by part.
      const text = `{\n${Object.entries(n)
        .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
        .join(',\n')}\n}\n`;
      const path = snapshotPath(m);
      if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(path)) writeFileSync(path, text);
      assert.equal(text, readFileSync(path, 'utf8'), `snapshot ${m} changed; review and rerun with UPDATE_SNAPSHOTS=1`);
    });
  }

  it('is deterministic: a second run gives the same document', async () => {
    const again = await analyzeMetroFromStore(store, 'jjj');
    assert.equal(JSON.stringify(again), JSON.stringify(results.get('jjj')));
  });

  it('reuses comparison bases through benchmarkCache, with the same documents', async () => {
    const benchmarkCache = new Map<string, BenchmarkBasis>();
    const jjj = await analyzeMetroFromStore(store, 'jjj', { benchmarkCache });
    assert.deepEqual([...benchmarkCache.keys()], ['jjj@2017', 'tokyo@2016', 'nyc@2017']);
    const cachedTokyo = benchmarkCache.get('tokyo@2016');
    const yrd = await analyzeMetroFromStore(store, 'yrd', { benchmarkCache });
    assert.equal(benchmarkCache.get('tokyo@2016'), cachedTokyo, 'not read again');
    assert.deepEqual(JSON.parse(JSON.stringify(jjj)), JSON.parse(JSON.stringify(results.get('jjj'))));
    assert.deepEqual(JSON.parse(JSON.stringify(yrd)), JSON.parse(JSON.stringify(results.get('yrd'))));
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

  it('says for every pair with a linkage whether rail minutes or km were used', () => {
    for (const m of metros)
      for (const p of (results.get(m) as MetroAnalysis).linkage.pairs)
        if (p.strength !== null) assert.ok(p.distanceKind === 'rail-minutes' || p.distanceKind === 'km');
    const bjTj = (results.get('jjj') as MetroAnalysis).linkage.pairs.find((p) => p.a === 'CN-110000' && p.b === 'CN-120000');
    assert.equal(bjTj?.distanceKind, 'rail-minutes');
  });

  it('shows gaps instead of filling them (New York: withheld ABS cells are listed with their treatment)', () => {
    const r = results.get('nyc') as MetroAnalysis;
    assert.ok(r.gaps.some((g) => g.kind === 'withheld' && (g.treatment === 'dropped-industry' || g.treatment === 'dropped-region')));
    assert.ok(r.findings.some((f) => f.kind === 'data-gap'));
  });

  it('maps the national IO table through the crosswalks', async () => {
    const input = await loadMetroAnalysisInput(store, 'tokyo');
    assert.match(input.inputOutput?.mapping ?? '', /JP-IO37 → JSIC-13 ← JSNA-2015-ACTIVITY/);
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
