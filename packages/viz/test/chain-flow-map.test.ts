import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chainFlowMap } from '../src/chain-flow-map.ts';
import { fixtureAnalysis, fixtureGeometries, points } from './fixtures.ts';
import { absence, assertChinese, drawnTexts, type Loose, series, spec } from './support/assert-chart.ts';

const a = fixtureAnalysis();
const geometries = fixtureGeometries();
const id = (k: number) => a.units[k]?.id as string;

describe('chainFlowMap', () => {
  it('draws chain-stage pairs as arrows from the upstream unit and the other complementary pairs as dashed lines', () => {
    const s = spec(chainFlowMap(a, { lang: 'en', geometries }));
    assert.equal(s.id, 'chain-flow-map');
    const [stages, others] = series(s) as Loose[];
    assert.deepEqual(stages?.symbol, ['none', 'arrow']);
    assert.equal(stages?.lineStyle.type, 'solid');
    assert.deepEqual(others?.symbol, ['none', 'none']);
    assert.equal(others?.lineStyle.type, 'dashed');
    // Expected from the analysis: pairs with chain stages, upstream → other, the highest chain ratio first.
    const t = a.typology.pairs;
    const c = a.complementarity.pairs;
    const expected = t.a
      .map((ai, k) => ({ k, ai, bi: t.b[k] as number, up: t.upstream[k], stages: t.chainStages[k], ratio: c.ratio[k] as number }))
      .filter((x) => x.stages === true)
      .sort((x, y) => y.ratio - x.ratio)
      .map((x) => {
        const from = id(x.up as number);
        return [from, from === id(x.ai) ? id(x.bi) : id(x.ai)];
      });
    assert.ok(expected.length >= 2, 'the fixture has chain stages');
    assert.deepEqual(
      stages?.data.map((d: Loose) => d.coords),
      expected.map(([f, to]) => [[...points[f as keyof typeof points]], [...points[to as keyof typeof points]]]),
    );
    // The complementary pairs without stages: ratio ≥ chainLow, no stages.
    const weak = t.a.filter((_, k) => t.chainStages[k] !== true && (c.ratio[k] as number) >= a.options.chainLow).length;
    assert.equal(others?.data.length, weak);
    // Industries of the strongest links in the tooltip of the first arrow.
    const first = a.complementarity.links[0];
    assert.ok(first !== undefined);
    assert.match(stages?.data[0].name, /chain ratio \d/);
    assert.ok(
      stages?.data.some((d: Loose) => d.name.includes(`${first.supplier} Section ${first.supplier} → Unit ${first.to} ${first.buyer} Section ${first.buyer}`)),
      'supplier → buyer industries in a tooltip',
    );
    assert.match(s.caption.en, /Data: technical coefficients of input–output table TEST-IO \(2018, identity\)/);
    drawnTexts(s);
  });

  it('speaks Chinese', () => {
    const s = spec(chainFlowMap(a, { lang: 'zh', geometries }));
    // Every pair of the fixture with a ratio of 1 or more has chain stages: the dashed style has no entry.
    assert.deepEqual((s.option.legend as Loose).data, ['核心', '内圈', '外圈', '产业链环节分工（上游 → 下游）']);
    assert.match(series(s)[0]?.data[0].name, /产业链比值/);
    assertChinese(s.caption.zh, 'caption');
  });

  it('is absent without an input–output table, with the analysis’s reason', () => {
    const none = fixtureAnalysis({ inputOutput: undefined as never });
    const x = absence(chainFlowMap(none, { lang: 'en', geometries }));
    assert.deepEqual(x.reason.en, none.complementarity.absent.map((r) => r.reason.en).join(' '));
  });
});
