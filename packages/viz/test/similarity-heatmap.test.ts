import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { similarityHeatmap } from '../src/similarity-heatmap.ts';
import { fixtureAnalysis } from './fixtures.ts';
import { absence, assertChinese, drawnTexts, type Loose, series, spec } from './support/assert-chart.ts';

const a = fixtureAnalysis();

describe('similarityHeatmap', () => {
  it('shows the traded similarity of every pair, both triangles, units by ring then population', () => {
    const s = spec(similarityHeatmap(a, { lang: 'en' }));
    assert.equal(s.id, 'similarity-heatmap');
    // Core first; the inner ring by population (WEST 1.5 m before EAST 1 m); the outer ring last.
    const order = ['Unit CORE', 'Unit WEST', 'Unit EAST', 'Unit PORT'];
    assert.deepEqual((s.option.yAxis as Loose).data, order);
    assert.deepEqual((s.option.xAxis as Loose).data, order);
    const heat = series(s)[0] as Loose;
    assert.equal(heat.type, 'heatmap');
    assert.equal(heat.data.length, 12, 'n(n − 1) cells, no diagonal');
    const p = a.homogenisation.pairs;
    const byName = (name: string) => a.units.findIndex((u) => u.nameEn === name);
    for (const d of heat.data as Loose[]) {
      const [x, y, v] = d.value as [number, number, number];
      const i = byName(order[y] as string);
      const j = byName(order[x] as string);
      const k = p.a.findIndex((ai, q) => (ai === i && p.b[q] === j) || (ai === j && p.b[q] === i));
      assert.equal(v, p.tradedSimilarity[k], `${order[y]} × ${order[x]}`);
      assert.equal(d.label.formatter, `${v.toFixed(2)}${p.same[k] === true ? '*' : ''}`);
    }
    assert.ok(
      heat.data.some((d: Loose) => d.label.formatter.endsWith('*')),
      'the fixture has a pair with the same traded specialisations',
    );
    assert.match(s.caption.en, /Units ordered by ring, then population\./);
    assert.ok(drawnTexts(s).includes('Unit PORT'));
  });

  it('shows the structural similarity on request, and falls back to it (saying so) when no pair has a traded one', () => {
    const s = spec(similarityHeatmap(a, { lang: 'zh', measure: 'structural' }));
    assert.equal(s.id, 'similarity-heatmap-structural');
    assert.equal(series(s)[0]?.data.length, 12);
    assert.ok(((series(s)[0]?.data ?? []) as Loose[]).every((d) => a.homogenisation.pairs.similarity.includes(d.value[2])));
    const n = a.homogenisation.pairs.a.length;
    const untraded = { ...a, homogenisation: { ...a.homogenisation, pairs: { ...a.homogenisation.pairs, tradedSimilarity: Array(n).fill(null) } } };
    const f = spec(similarityHeatmap(untraded, { lang: 'en' }));
    assert.equal(f.id, 'similarity-heatmap-structural');
    assert.match(f.caption.en, /No pair has a traded-structure similarity/);
    assertChinese(s.caption.zh);
    assert.ok(drawnTexts(s).includes('单元CORE'));
  });

  it('keeps the largest units when there are more than maxUnits, and says so', () => {
    const s = spec(similarityHeatmap(a, { lang: 'en', maxUnits: 2 }));
    assert.deepEqual((s.option.yAxis as Loose).data, ['Unit CORE', 'Unit WEST']);
    assert.match(s.caption.en, /Only the 2 largest of 4 units are shown\./);
  });

  it('is absent for fewer than two units', () => {
    const one = { ...a, homogenisation: { ...a.homogenisation, pairs: { ...a.homogenisation.pairs, a: [], b: [] } } };
    assert.match(absence(similarityHeatmap(one, { lang: 'en' })).reason.en, /no pair/);
  });
});
