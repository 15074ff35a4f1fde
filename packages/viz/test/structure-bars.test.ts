import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../../test-support/numbers.ts';
import { structureBars } from '../src/structure-bars.ts';
import { fixtureAnalysis } from './fixtures.ts';
import { absence, assertChinese, drawnTexts, type Loose, series, spec } from './support/assert-chart.ts';

const a = fixtureAnalysis();

describe('structureBars', () => {
  it('stacks each unit’s industry groups in percent, equal to the composition summed by group', () => {
    const s = spec(structureBars(a, { lang: 'en' }));
    assert.equal(s.id, 'structure-bars');
    const units = (s.option.yAxis as Loose).data as string[];
    assert.deepEqual(units, ['Unit CORE', 'Unit WEST', 'Unit EAST', 'Unit PORT']);
    const bars = series(s);
    assert.deepEqual(
      bars.map((b) => b.name),
      ['agriculture and mining', 'manufacturing', 'producer services', 'other services'],
    );
    for (const b of bars) assert.equal(b.stack, 'share');
    units.forEach((name, row) => {
      const total = bars.reduce((sum, b) => sum + (b.data[row] as Loose).value, 0);
      assertClose(total, 100, 1e-9, name);
    });
    // Manufacturing (C) of WEST: its composition share × 100.
    const west = a.units.findIndex((u) => u.id === 'WEST');
    const c = a.structure.industries.indexOf('C');
    assertClose(bars[1]?.data[1].value, 100 * (a.structure.composition[west]?.[c] as number), 1e-12);
    assert.match(s.caption.en, /manufacturing: C/);
    assert.ok(drawnTexts(s).includes('Unit EAST'));
  });

  it('names the groups in Chinese', () => {
    const s = spec(structureBars(a, { lang: 'zh' }));
    assert.deepEqual(
      series(s).map((b) => b.name),
      ['农业与采矿业', '制造业', '生产性服务业', '其他服务业'],
    );
    assertChinese(s.caption.zh);
  });

  it('is absent without a composition', () => {
    const none = { ...a, structure: { ...a.structure, composition: [], industries: [] } };
    assert.match(absence(structureBars(none, { lang: 'en' })).reason.en, /no industry composition/);
  });
});
