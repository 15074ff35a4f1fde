import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { MetroPlan } from '@metrocoop/core';
import { positionsChart } from '../src/positions-chart.ts';
import { fixturePlan } from './fixtures.ts';
import { absence, assertChinese, drawnTexts, type Loose, series, spec } from './support/assert-chart.ts';

let plan: MetroPlan;
before(async () => {
  plan = await fixturePlan();
});

describe('positionsChart', () => {
  it('places stated, optimum and today’s industries of every unit on a units × industries matrix', () => {
    const s = spec(positionsChart(plan, { lang: 'en' }));
    assert.equal(s.id, 'positions');
    const units = (s.option.yAxis as Loose).data as string[];
    const industries = (s.option.xAxis as Loose).data as string[];
    assert.deepEqual(units, ['Unit CORE', 'Unit EAST', 'Unit WEST', 'Unit PORT']);
    const [stated, optimum, today] = series(s);
    const cells = (x: Loose) => (x.data as Loose[]).map((d) => `${units[d.value[1]]}:${(industries[d.value[0]] as string).split(' ')[0]}`).sort();
    const expected = (pick: (u: MetroPlan['positions']['units'][number]) => string[]) =>
      plan.positions.units.flatMap((u) => pick(u).map((code) => `Unit ${u.unit}:${code}`)).sort();
    assert.deepEqual(
      cells(optimum as Loose),
      expected((u) => u.chosen.map((c) => c.industry)),
    );
    assert.deepEqual(
      cells(today as Loose),
      expected((u) => u.today.map((d) => d.industry)),
    );
    assert.deepEqual(cells(stated as Loose), ['Unit WEST:C']);
    // Today's location quotients beside the diamonds.
    const west = plan.positions.units.find((u) => u.unit === 'WEST');
    const c = ((today?.data ?? []) as Loose[]).find((d) => units[d.value[1]] === 'Unit WEST');
    assert.equal(c?.label.formatter, String(Number(west?.today[0]?.lq.toPrecision(3))));
    assert.match(s.caption.en, /1 unit has testable stated positions/);
    assert.ok(drawnTexts(s).includes('Unit WEST'));
  });

  it('speaks Chinese', () => {
    const s = spec(positionsChart(plan, { lang: 'zh' }));
    assert.deepEqual((s.option.legend as Loose).data, ['规划定位', '优化结果', '现状优势（区位熵）']);
    assertChinese(s.caption.zh);
  });

  it('is absent, with the plan’s reason, when positions are not judgeable', () => {
    const reason = { en: 'Too coarse.', zh: '过粗。' };
    const x = absence(positionsChart({ ...plan, positions: { ...plan.positions, status: 'not-judgeable', reason, units: [] } }, { lang: 'en' }));
    assert.deepEqual(x.reason, reason);
  });
});
