import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../../test-support/numbers.ts';
import { linkageFlowMap } from '../src/linkage-flow-map.ts';
import { fixtureAnalysis, fixtureGeometries, points } from './fixtures.ts';
import { absence, assertChinese, drawnTexts, type Loose, series, spec } from './support/assert-chart.ts';

const a = fixtureAnalysis();
const geometries = fixtureGeometries();

/** The analysis's pairs, the strongest first: [a, b, normalised]. */
const ranked = () => {
  const p = a.linkage.pairs;
  return p.a
    .map((ai, k) => [a.units[ai]?.id as string, a.units[p.b[k] as number]?.id as string, p.normalised[k] as number] as const)
    .sort((x, y) => y[2] - x[2]);
};

describe('linkageFlowMap', () => {
  it('draws the strongest pairs as lines between the units, widths by the normalised strength', () => {
    const s = spec(linkageFlowMap(a, { lang: 'en', geometries, top: 3 }));
    assert.equal(s.id, 'linkage-flow-map');
    const lines = series(s)[0] as Loose;
    assert.equal(lines.type, 'lines');
    assert.equal(lines.coordinateSystem, 'geo');
    const expected = ranked().slice(0, 3);
    assert.equal(lines.data.length, 3);
    lines.data.forEach((d: Loose, k: number) => {
      const [ua, ub, n] = expected[k] as readonly [string, string, number];
      assert.deepEqual(d.coords, [[...points[ua as keyof typeof points]], [...points[ub as keyof typeof points]]]);
      assertClose(d.lineStyle.width, 1 + 9 * n, 1e-12, `${ua}–${ub}`);
      assert.match(d.name, new RegExp(`^Unit ${ua} — Unit ${ub}\\nrelative strength`));
    });
    assertClose(expected[0]?.[2] as number, 1);
    // Units as points coloured by ring, one legend entry each, then the lines.
    assert.deepEqual((s.option.legend as Loose).data, ['core', 'inner ring', 'outer ring', 'gravity linkage']);
    assert.match(s.caption.en, /The 3 strongest of 6 pairs are drawn/);
    assert.match(s.caption.en, /Data: population 2020, test-census; GDP 2020, test-accounts; great-circle km\./);
    const texts = drawnTexts(s);
    assert.ok(texts.includes('Unit CORE') && texts.includes('Unit PORT'));
  });

  it('speaks Chinese in the option and the caption', () => {
    const s = spec(linkageFlowMap(a, { lang: 'zh', geometries }));
    assert.deepEqual((s.option.legend as Loose).data, ['核心', '内圈', '外圈', '引力联系']);
    assert.equal(series(s)[0]?.data.length, 6);
    assertChinese(s.caption.zh, 'caption');
    assert.ok(drawnTexts(s).includes('单元CORE'));
  });

  it('is absent with the analysis’s reason when no pair has a strength', () => {
    const n = a.linkage.pairs.a.length;
    const none = {
      ...a,
      linkage: {
        ...a.linkage,
        pairs: { ...a.linkage.pairs, strength: Array(n).fill(null), normalised: Array(n).fill(null) },
        absent: [{ what: 'linkage.gravity', reason: { en: 'Population is missing.', zh: '缺少人口。' } }],
      },
    };
    const x = absence(linkageFlowMap(none, { lang: 'en', geometries }));
    assert.deepEqual(x.reason, { en: 'Population is missing.', zh: '缺少人口。' });
  });
});
