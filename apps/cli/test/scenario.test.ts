/**
 * The text of `metrocoop scenario` (text/scenario.ts) on a small hand-made metro, in process: what it says when
 * nothing changes, when a unit gains an advantage, and that the Chinese text has no English words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runScenario } from '../../../packages/core/src/planning/scenario.ts';
import { input, unit } from '../../../packages/core/test/analysis/fixtures.ts';
import { readScenario } from '../src/commands/scenario.run.ts';
import { amountText, scenarioText } from '../src/text/scenario.ts';

const metro = () =>
  input({ X: [10, 50, 20, 10, 10], Y: [10, 20, 40, 15, 15], Z: [30, 30, 20, 10, 10] }, [
    unit('X', 'core', 116.4, 39.9),
    unit('Y', 'inner', 117.2, 39.1),
    unit('Z', 'outer', 115.5, 38.9),
  ]);

describe('scenarioText', () => {
  it('says that nothing changes for a zero move', () => {
    const text = scenarioText(runScenario(metro(), [{ from: 'X', industry: 'C', to: 'Y', amount: 0 }]), 'en');
    assert.match(text, /- No pair changes type \(/);
    assert.match(text, /- Nor does any finding, traded advantage or "same traded specialisations" verdict: the diagnosis stays as it is\./);
  });

  it('names the unit that gains an advantage with its LQ, before the detail tables', () => {
    const text = scenarioText(runScenario(metro(), [{ from: 'X', industry: 'C', to: 'Y', amount: 40 }]), 'en');
    assert.match(text, /- Unit Y gains the traded advantage C Manufacturing \(LQ 0\.6 → 1\.29\)/);
    assert.match(text, /- Unit X loses the traded advantage C Manufacturing \(LQ 1\.5 → 0\.5\)/);
    assert.match(text, / 1\. Unit X → Unit Y: C Manufacturing 40 persons \(80% of C in Unit X\)/);
    assert.ok(text.indexOf('gains the traded advantage') < text.indexOf('At the two ends'));
  });

  it('writes Chinese without English words (ids and codes aside)', () => {
    const text = scenarioText(runScenario(metro(), [{ from: 'X', industry: 'C', to: 'Y', amount: 40 }]), 'zh');
    assert.match(text, /单元Y新增可贸易优势产业 C 制造业（区位熵 0\.6 → 1\.29）/);
    // The title names the metro's and the unit set's ids; beyond them, the classification and IO table ids, GDP, the
    // formula and `--format json`, every word must be Chinese.
    const body = text
      .split('\n')
      .slice(1)
      .join('\n')
      .replace(/TEST-IO|\bTEST\b|\btest\b|GDP|--format json|R = √\(P_a·G_a\)·√\(P_b·G_b\) \/ D\^2/g, '');
    assert.doesNotMatch(body, /[A-Za-z]{3,}/);
  });
});

describe('amountText', () => {
  it('writes persons in full in English and in 万 in Chinese, money in bn and 亿', () => {
    assert.equal(amountText(100000, 'persons', 'en'), '100,000 persons');
    assert.equal(amountText(100000, 'persons', 'zh'), '10 万人');
    assert.equal(amountText(57.2e9, 'CNY', 'en'), '57.2 bn CNY');
    assert.equal(amountText(57.2e9, 'CNY', 'zh'), '572 亿 CNY');
  });
});

describe('readScenario', () => {
  it('wants --move or --file, not both and not neither (usage errors)', () => {
    const usage = (e: unknown) => (e as { code?: string }).code === 'USAGE';
    assert.throws(() => readScenario({ move: [] }), usage);
    assert.throws(() => readScenario({ move: ['X:C:1->Y'], file: 'a.json' }), usage);
    assert.deepEqual(readScenario({ move: ['X:C:1->Y'] }).moves, [{ from: 'X', industry: 'C', to: 'Y', amount: 1, text: 'X:C:1->Y' }]);
  });
});
