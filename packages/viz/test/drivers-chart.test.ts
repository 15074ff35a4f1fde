import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { driversChart } from '../src/drivers-chart.ts';
import { fixtureAnalysis } from './fixtures.ts';
import { assertChinese, drawnTexts, type Loose, series, spec } from './support/assert-chart.ts';

const a = fixtureAnalysis();

describe('driversChart', () => {
  it('shows the metro’s four driver scores as bars equal to the analysis', () => {
    const s = spec(driversChart(a, { lang: 'en' }));
    assert.equal(s.id, 'drivers');
    assert.deepEqual((s.option.yAxis as Loose).data, ['proximity & complementarity', 'structural difference', 'market', 'government']);
    const bars = series(s)[0] as Loose;
    assert.deepEqual(
      bars.data.map((d: Loose) => d.value),
      [a.drivers.metro.proximity.score, a.drivers.metro.structure.score, a.drivers.metro.market.score, a.drivers.metro.government.score],
    );
    assert.match(s.caption.en, /Missing drivers \(score below 0\.25 or not measurable\): government\./);
    assert.ok(drawnTexts(s).includes('government'));
  });

  it('shows a driver that cannot be measured as such, never as a score', () => {
    const none = { ...a, drivers: { ...a.drivers, metro: { ...a.drivers.metro, proximity: { ...a.drivers.metro.proximity, score: null } } } };
    const d = series(spec(driversChart(none, { lang: 'zh' })))[0]?.data[0] as Loose;
    assert.equal(d.label.formatter, '无法测算');
    assert.equal(d.itemStyle.color, 'transparent');
  });

  it('shows the four scores of the most strongly linked pairs', () => {
    const s = spec(driversChart(a, { lang: 'en', view: 'pairs', pairs: 2 }));
    assert.equal(s.id, 'drivers-pairs');
    assert.equal(((s.option.yAxis as Loose).data as string[]).length, 2);
    const bars = series(s);
    assert.deepEqual(
      bars.map((b) => b.name),
      ['proximity & complementarity', 'structural difference', 'market', 'government'],
    );
    // The first pair is the strongest linkage (market score 1 = the metro's strongest pair).
    assert.equal(bars[2]?.data[0], 1);
    const zh = spec(driversChart(a, { lang: 'zh', view: 'pairs' }));
    assertChinese(zh.caption.zh);
    assert.ok(drawnTexts(zh).includes('市场'));
  });
});
