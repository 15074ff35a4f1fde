import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../../test-support/numbers.ts';
import { ringGradientChart } from '../src/ring-gradient-chart.ts';
import { fixtureAnalysis } from './fixtures.ts';
import { absence, assertChinese, drawnTexts, type Loose, series, spec } from './support/assert-chart.ts';

const a = fixtureAnalysis();

describe('ringGradientChart', () => {
  it('shows each ring’s tertiary share (bars, %) and services ÷ manufacturing (line) from the core outwards', () => {
    const s = spec(ringGradientChart(a, { lang: 'en' }));
    assert.equal(s.id, 'ring-gradient');
    assert.deepEqual((s.option.xAxis as Loose).data, ['core (1 unit)', 'inner ring (2 units)', 'outer ring (1 unit)']);
    const [bars, line] = series(s);
    assert.equal(bars?.type, 'bar');
    assert.equal(line?.type, 'line');
    a.structure.ringGradient.forEach((r, k) => {
      assertClose(bars?.data[k].value, 100 * (r.tertiaryShare as number), 1e-12, r.ring);
      assertClose(line?.data[k].value, r.servicesToManufacturing as number, 1e-12, r.ring);
    });
    assertClose(bars?.data[0].value, 80, 1e-9);
    assert.equal(bars?.data[0].label.formatter, '80.0%');
    assert.match(s.caption.en, /The core's tertiary share exceeds every ring's: the gradient descends from the core\./);
    const texts = drawnTexts(s);
    assert.ok(texts.includes('80.0%') && texts.includes('16'));
  });

  it('speaks Chinese', () => {
    const s = spec(ringGradientChart(a, { lang: 'zh' }));
    assert.deepEqual((s.option.xAxis as Loose).data, ['核心（1 个单元）', '内圈（2 个单元）', '外圈（1 个单元）']);
    assertChinese(s.caption.zh);
  });

  it('is absent when no ring has either number', () => {
    const none = {
      ...a,
      structure: { ...a.structure, ringGradient: a.structure.ringGradient.map((r) => ({ ...r, tertiaryShare: null, servicesToManufacturing: null })) },
    };
    assert.match(absence(ringGradientChart(none, { lang: 'en' })).reason.en, /No ring has a tertiary share/);
  });
});
