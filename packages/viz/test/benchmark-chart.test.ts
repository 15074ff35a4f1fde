import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../../test-support/numbers.ts';
import { benchmarkChart } from '../src/benchmark-chart.ts';
import { benchmarkBases, fixtureAnalysis } from './fixtures.ts';
import { absence, assertChinese, drawnTexts, type Loose, series, spec } from './support/assert-chart.ts';

const a = fixtureAnalysis();

describe('benchmarkChart', () => {
  it('draws one small bar chart per figure for the metros on the same basis, values as in the analysis', () => {
    const s = spec(benchmarkChart(a, { lang: 'en' }));
    assert.equal(s.id, 'benchmark');
    const b = a.benchmark;
    assert.ok(b !== null);
    assert.deepEqual(b.ranked, ['test', 'other']);
    const bars = series(s);
    assert.equal(bars.length, b.comparisons.length);
    assert.equal((s.option.grid as Loose[]).length, b.comparisons.length);
    b.comparisons.forEach((c, k) => {
      const share = ['coreEmploymentShare', 'corePopulationShare', 'ringPairsWithFunctionalDivision'].includes(c.measure);
      b.ranked.forEach((m, j) => {
        const v = c.values[m];
        if (v === null || v === undefined) assert.equal(bars[k]?.data[j].value, '-');
        else assertClose(bars[k]?.data[j].value, share ? 100 * v : v, 1e-12, `${c.measure} ${m}`);
      });
    });
    assert.deepEqual((s.option.xAxis as Loose[])[0]?.data, ['Test metro', 'Other metro']);
    assert.equal(bars[0]?.data[0].itemStyle.color, '#b2182b', 'the subject in the darker colour');
    // The metro six years apart is named with its reason.
    assert.match(s.caption.en, /Test metro's basis year is 2020 and Old metro's 2012: more than 3 years apart, not ranked\./);
    assert.match(s.caption.en, /Test metro 2020, 3 province units, source src-test/);
    assert.ok(drawnTexts(s).includes('Other metro'));
  });

  it('speaks Chinese', () => {
    const s = spec(benchmarkChart(a, { lang: 'zh' }));
    assert.deepEqual((s.option.xAxis as Loose[])[0]?.data, ['测试都市圈', '另一都市圈']);
    assertChinese(s.caption.zh);
  });

  it('is absent without a benchmark, and when no other metro is on the same basis (with the reasons)', () => {
    const none = fixtureAnalysis({ benchmark: undefined as never });
    assert.match(absence(benchmarkChart(none, { lang: 'en' })).reason.en, /No benchmark/);
    const [subject, , old] = benchmarkBases();
    const alone = fixtureAnalysis({ benchmark: [subject as never, old as never] });
    const x = absence(benchmarkChart(alone, { lang: 'en' }));
    assert.match(x.reason.en, /No other metro is on the same basis\. .*more than 3 years apart, not ranked\./);
    assert.match(x.reason.zh, /相差超过3年/);
  });
});
