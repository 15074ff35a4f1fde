import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairTypeMatrix, pairTypes } from '../src/pair-type-matrix.ts';
import { fixtureAnalysis } from './fixtures.ts';
import { absence, assertChinese, drawnTexts, type Loose, series, spec } from './support/assert-chart.ts';

const a = fixtureAnalysis();

describe('pairTypeMatrix', () => {
  it('colours every pair by its type, symmetric, with a legend of the types and their counts', () => {
    const s = spec(pairTypeMatrix(a, { lang: 'en' }));
    assert.equal(s.id, 'pair-type-matrix');
    const order = (s.option.yAxis as Loose).data as string[];
    const cells = series(s)[0]?.data as Loose[];
    assert.equal(cells.length, 12);
    const t = a.typology.pairs;
    const at = (x: number, y: number) => cells.find((d) => d.value[0] === x && d.value[1] === y)?.value[2];
    const index = (name: string) => a.units.findIndex((u) => u.nameEn === name);
    for (let y = 0; y < order.length; y++)
      for (let x = 0; x < order.length; x++) {
        if (x === y) continue;
        const i = index(order[y] as string);
        const j = index(order[x] as string);
        const k = t.a.findIndex((ai, q) => (ai === i && t.b[q] === j) || (ai === j && t.b[q] === i));
        assert.equal(pairTypes[at(x, y)], t.type[k], `${order[y]} × ${order[x]}`);
        assert.equal(at(x, y), at(y, x), 'symmetric');
      }
    const vm = s.option.visualMap as Loose;
    assert.equal(vm.type, 'piecewise');
    assert.deepEqual(
      vm.pieces.map((p: Loose) => p.label),
      pairTypes.map((type) => `${type} (${a.typology.counts[type]})`),
    );
    assert.ok(drawnTexts(s).some((x) => x.startsWith('vertical (')));
  });

  it('speaks Chinese', () => {
    const s = spec(pairTypeMatrix(a, { lang: 'zh' }));
    assert.equal((s.option.visualMap as Loose).pieces[0].label, `垂直分工（${a.typology.counts.vertical}）`);
    assertChinese(s.caption.zh);
  });

  it('is absent without a pair', () => {
    const none = { ...a, typology: { ...a.typology, pairs: { ...a.typology.pairs, a: [], b: [], type: [] } } };
    assert.match(absence(pairTypeMatrix(none, { lang: 'en' })).reason.en, /no pair/);
  });
});
