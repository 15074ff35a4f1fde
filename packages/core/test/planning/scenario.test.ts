import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeMetro } from '../../src/analysis/analyze-metro.ts';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { parseScenarioMove, runScenario, type ScenarioMove } from '../../src/planning/scenario.ts';
import { parseScenarioFile, scenarioResultSchema } from '../../src/planning/scenario-schema.ts';
import type { FirmRelocations } from '../../src/planning/types.ts';
import { input, unit } from '../analysis/fixtures.ts';
import { assertClose } from '../helpers.ts';

/**
 * Three units of 100 each over A C G K M; the metro holds 100 of C (X 50, Y 20, Z 30) and 300 in all, so an LQ in C
 * is (x_rC / x_r) / (100 / 300).
 */
const metro = () =>
  input({ X: [10, 50, 20, 10, 10], Y: [10, 20, 40, 15, 15], Z: [30, 30, 20, 10, 10] }, [
    unit('X', 'core', 116.4, 39.9),
    unit('Y', 'inner', 117.2, 39.1),
    unit('Z', 'outer', 115.5, 38.9),
  ]);

const move = (from: string, industry: string, to: string, what: { amount?: number; share?: number }): ScenarioMove => ({ from, industry, to, ...what });

const invalidMove = (position: number, problem: string) => (e: unknown) =>
  e instanceof InvalidInputError &&
  e.code === 'INVALID_MOVE' &&
  e.details?.position === position &&
  e.details?.problem === problem &&
  e.messages.en.includes(`move ${position} `) &&
  e.messages.zh.includes(`第 ${position} 项迁移`);

describe('runScenario', () => {
  it('moves 40 of C from X to Y: Y becomes specialised (LQ 0.6 → 9/7) and X loses it (1.5 → 0.5), by hand', () => {
    const r = runScenario(metro(), [move('X', 'C', 'Y', { amount: 40 })]);
    const cell = (u: string) => r.specialisation.cells.find((c) => c.unit === u && c.industry === 'C');
    const y = cell('Y');
    const x = cell('X');
    assert.ok(x !== undefined && y !== undefined);
    // Y: (20/100)/(100/300) = 0.6 → (60/140)/(100/300) = 9/7; X: (50/100)/(1/3) = 1.5 → (10/60)/(1/3) = 0.5.
    assertClose(y.lq.before, 0.6, 1e-12, 'LQ Y before');
    assertClose(y.lq.after, 9 / 7, 1e-12, 'LQ Y after');
    assertClose(x.lq.before, 1.5, 1e-12, 'LQ X before');
    assertClose(x.lq.after, 0.5, 1e-12, 'LQ X after');
    assert.deepEqual([y.role, x.role], ['destination', 'origin']);
    assert.deepEqual([y.value.before, y.value.after, x.value.before, x.value.after], [20, 60, 50, 10]);
    assert.deepEqual(y.advantage, { before: false, after: true });
    assert.deepEqual(x.advantage, { before: true, after: false });
    const yUnit = r.specialisation.units.find((u) => u.unit === 'Y');
    assert.deepEqual(
      yUnit?.advantageGained.map((a) => a.industry),
      ['C'],
    );
    assertClose(yUnit?.advantageGained[0]?.lq.after as number, 9 / 7, 1e-12, 'gained LQ');
    assert.deepEqual(yUnit?.total, { before: 100, after: 140 });
    assert.deepEqual(r.specialisation.units.find((u) => u.unit === 'X')?.advantageLost, [{ industry: 'C', lq: { before: x.lq.before, after: x.lq.after } }]);
    assert.equal(r.moves[0]?.amount, 40);
    assertClose(r.moves[0]?.shareOfOrigin as number, 0.8, 1e-12, 'share of origin');
  });

  it('leaves a unit no move touches exactly as it was (LQs, Krugman) and gravity unchanged, with the reason', () => {
    const base = metro();
    const r = runScenario(base, [move('X', 'C', 'Y', { amount: 40 })]);
    const moved = RegionIndustryMatrix.fromWide(
      ['X', 'Y', 'Z'],
      ['A', 'C', 'G', 'K', 'M'],
      [
        [10, 10, 20, 10, 10],
        [10, 60, 40, 15, 15],
        [30, 30, 20, 10, 10],
      ],
    );
    const before = analyzeMetro(base);
    const after = analyzeMetro({ ...base, matrix: moved });
    assert.deepEqual(after.specialisation.lq[2], before.specialisation.lq[2]);
    assert.equal(r.linkage.gravity.unchanged, true);
    assert.equal(r.linkage.gravity.changed, 0);
    assert.match(r.linkage.gravity.reason.en, /population and GDP/);
    // Z's reference (the rest of the metro, X + Y) is unchanged too, so it is not listed; X's Krugman is the analyses'.
    assert.equal(before.specialisation.krugman[2], after.specialisation.krugman[2]);
    assert.equal(
      r.specialisation.units.find((u) => u.unit === 'Z'),
      undefined,
    );
    const x = r.specialisation.units.find((u) => u.unit === 'X');
    assert.deepEqual(x?.krugman, { before: before.specialisation.krugman[0], after: after.specialisation.krugman[0] });
  });

  it('moves everything of an industry out of a unit (share 1)', () => {
    const r = runScenario(metro(), [move('X', 'K', 'Z', { share: 1 })]);
    const x = r.specialisation.cells.find((c) => c.unit === 'X' && c.industry === 'K');
    const z = r.specialisation.cells.find((c) => c.unit === 'Z' && c.industry === 'K');
    assert.deepEqual(x?.value, { before: 10, after: 0 });
    assert.equal(x?.lq.after, 0);
    assert.deepEqual(z?.value, { before: 10, after: 20 });
    // Z: (20/110)/(35/300).
    assertClose(z?.lq.after as number, 20 / 110 / (35 / 300), 1e-12, 'LQ Z K after');
    assert.equal(r.moves[0]?.amount, 10);
    assert.equal(r.moves[0]?.share, 1);
  });

  it('resolves a share against the origin before the scenario: two moves of 50% take all of it', () => {
    const r = runScenario(metro(), [move('X', 'C', 'Y', { share: 0.5 }), move('X', 'C', 'Z', { share: 0.5 })]);
    assert.deepEqual(
      r.moves.map((m) => m.amount),
      [25, 25],
    );
    assert.equal(r.specialisation.cells.find((c) => c.unit === 'X' && c.industry === 'C')?.value.after, 0);
  });

  it('reports no change at all for a zero move', () => {
    const r = runScenario(metro(), [move('X', 'C', 'Y', { amount: 0 })]);
    assert.equal(r.specialisation.changed, 0);
    assert.deepEqual(r.specialisation.units, []);
    for (const c of r.specialisation.cells) {
      assert.equal(c.value.before, c.value.after);
      assert.equal(c.lq.before, c.lq.after);
    }
    assert.equal(r.homogenisation.changed, 0);
    assert.deepEqual([r.homogenisation.became, r.homogenisation.stopped, r.homogenisation.pairs], [[], [], []]);
    assert.equal(r.complementarity.changed, 0);
    assert.equal(r.linkage.gravity.changed, 0);
    assert.equal(r.linkage.urbanFlow?.changed ?? 0, 0);
    assert.equal(r.pairTypes.changed, 0);
    assert.deepEqual(r.pairTypes.counts.before, r.pairTypes.counts.after);
    assert.deepEqual([r.findings.gained, r.findings.lost, r.findings.changed], [[], [], []]);
  });

  it('is deterministic and does not depend on the order of the rows', () => {
    const moves = [move('X', 'C', 'Y', { amount: 30 }), move('Z', 'A', 'X', { share: 0.25 })];
    const a = runScenario(metro(), moves);
    assert.deepEqual(runScenario(metro(), moves), a);
    const shuffled = input({ Z: [30, 30, 20, 10, 10], X: [10, 50, 20, 10, 10], Y: [10, 20, 40, 15, 15] }, [
      unit('Z', 'outer', 115.5, 38.9),
      unit('Y', 'inner', 117.2, 39.1),
      unit('X', 'core', 116.4, 39.9),
    ]);
    assert.deepEqual(runScenario(shuffled, moves), a);
  });

  it('gives a document that the result schema accepts', () => {
    const r = runScenario(metro(), [move('X', 'C', 'Y', { amount: 40 })], { note: 'test' });
    const parsed = scenarioResultSchema.safeParse(r);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3)));
    assert.equal(r.note, 'test');
    assert.equal(r.observed, null);
    assert.ok(r.observedAbsent !== null);
  });

  it('names the move, what is wrong and what is expected for every invalid move', () => {
    const m = metro();
    const cases: [ScenarioMove[], number, string][] = [
      [[move('Q', 'C', 'Y', { amount: 1 })], 1, 'unknown-origin'],
      [[move('X', 'C', 'Y', { amount: 1 }), move('X', 'C', 'W', { amount: 1 })], 2, 'unknown-destination'],
      [[move('X', 'T', 'Y', { amount: 1 })], 1, 'unknown-industry'],
      [[move('X', 'C', 'X', { amount: 1 })], 1, 'same-unit'],
      [[move('X', 'C', 'Y', { amount: -1 })], 1, 'amount-negative'],
      [[move('X', 'C', 'Y', { share: 0 })], 1, 'share-range'],
      [[move('X', 'C', 'Y', { share: 1.5 })], 1, 'share-range'],
      [[move('X', 'C', 'Y', {})], 1, 'amount-or-share'],
      [[move('X', 'C', 'Y', { amount: 1, share: 0.1 })], 1, 'amount-or-share'],
      [[move('X', 'C', 'Y', { amount: 51 })], 1, 'amount-exceeds-origin'],
      // 50 of C in X: 30 leave, then 30 more is more than the 20 left after the earlier move.
      [[move('X', 'C', 'Y', { amount: 30 }), move('X', 'C', 'Z', { amount: 30 })], 2, 'amount-exceeds-origin'],
    ];
    for (const [moves, position, problem] of cases) assert.throws(() => runScenario(m, moves), invalidMove(position, problem), problem);
    assert.throws(
      () => runScenario(m, [move('X', 'C', 'Y', { amount: 30 }), move('X', 'C', 'Z', { amount: 30 })]),
      (e: unknown) => e instanceof InvalidInputError && /after the earlier moves \(got 30 > 20\); move at most 20 persons/.test(e.message),
    );
    const text = 'X:T:5->Y';
    assert.throws(
      () => runScenario(m, [parseScenarioMove(text)]),
      (e: unknown) => e instanceof InvalidInputError && e.message.includes(`"${text}"`) && e.message.includes('use one of A, C, G, K, M'),
    );
    assert.throws(
      () => runScenario(m, []),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_MOVE',
    );
  });

  it('refuses a move that leaves a unit with no activity', () => {
    const small = input({ X: [0, 10, 0, 0, 0], Y: [5, 5, 5, 5, 5] }, [unit('X', 'core', 116.4, 39.9), unit('Y', 'inner', 117.2, 39.1)]);
    assert.throws(() => runScenario(small, [move('X', 'C', 'Y', { share: 1 })]), invalidMove(1, 'origin-emptied'));
  });

  it('lists the observed firm relocations of the scenario pairs and the largest flows', () => {
    const relocations: FirmRelocations = {
      source: 'TEST_PANEL',
      years: [2011, 2023],
      notes: [{ en: 'Listed firms only.', zh: '仅上市公司。' }],
      moves: [
        { origin: 'X', destination: 'Y', industry: 'C', section: 'C', firms: 3, examples: ['1 a (2014→2015)'] },
        { origin: 'X', destination: 'Y', industry: 'K', section: 'J', firms: 1, examples: [] },
        { origin: 'Y', destination: 'X', industry: 'C', section: 'C', firms: 2, examples: [] },
        { origin: 'Z', destination: 'X', industry: null, section: 'S', firms: 5, examples: [] },
        { origin: 'X', destination: 'Outside', industry: 'C', section: 'C', firms: 9, examples: [] },
      ],
    };
    const r = runScenario(metro(), [move('X', 'C', 'Y', { amount: 10 })], { relocations });
    const o = r.observed;
    assert.ok(o !== null);
    assert.equal(r.observedAbsent, null);
    assert.equal(o.totalFirms, 11);
    assert.deepEqual(o.scenarioPairs[0], {
      origin: 'X',
      destination: 'Y',
      movedIndustries: ['C'],
      firms: 4,
      firmsInMovedIndustries: 3,
      reverseFirms: 2,
      industries: [
        { industry: 'C', section: 'C', firms: 3, examples: ['1 a (2014→2015)'] },
        { industry: 'K', section: 'J', firms: 1, examples: [] },
      ],
    });
    assert.deepEqual(
      o.topFlows.map((f) => `${f.origin}>${f.destination} ${f.firms}`),
      ['Z>X 5', 'X>Y 4', 'Y>X 2'],
    );
  });
});

describe('parseScenarioMove', () => {
  it('reads an amount and a share in percent', () => {
    assert.deepEqual(parseScenarioMove('CN-110000:C:50000->CN-130000'), {
      from: 'CN-110000',
      industry: 'C',
      to: 'CN-130000',
      amount: 50000,
      text: 'CN-110000:C:50000->CN-130000',
    });
    const s = parseScenarioMove('CN-110000:C:12.5%->CN-130000');
    assertClose(s.share as number, 0.125, 1e-15, 'share');
    assert.equal(s.amount, undefined);
  });

  it('names the move and the expected form when the text is malformed', () => {
    for (const bad of ['CN-110000:C:50000', 'CN-110000:50000->CN-130000', 'CN-110000:C:lots->CN-130000', ':C:5->Y', 'X:C:5->']) {
      assert.throws(
        () => parseScenarioMove(bad, 3),
        (e: unknown) =>
          e instanceof InvalidInputError && e.code === 'INVALID_MOVE' && e.details?.position === 3 && e.message.includes('FROM:INDUSTRY:AMOUNT->TO'),
        bad,
      );
    }
  });
});

describe('parseScenarioFile', () => {
  it('reads moves by amount or share and a note', () => {
    const f = parseScenarioFile({
      moves: [
        { from: 'X', industry: 'C', amount: 5, to: 'Y' },
        { from: 'X', industry: 'C', share: 0.1, to: 'Z' },
      ],
      note: 'n',
    });
    assert.equal(f.moves.length, 2);
    assert.equal(f.note, 'n');
  });

  it('lists every problem with its path', () => {
    assert.throws(
      () =>
        parseScenarioFile({
          moves: [
            { from: 'X', industry: 'C', amount: 5, share: 0.1, to: 'Y' },
            { from: 'X', industry: 'C', share: 2, to: 'Y', extra: 1 },
          ],
        }),
      (e: unknown) =>
        e instanceof InvalidInputError &&
        e.code === 'INVALID_SCENARIO_FILE' &&
        e.message.includes('moves.0: give exactly one of amount or share') &&
        e.message.includes('moves.1.share: must be ≤ 1') &&
        e.message.includes('unknown key(s) extra') &&
        !/[\u4e00-\u9fff]/.test(e.messages.en),
    );
    assert.throws(
      () => parseScenarioFile({ moves: [] }),
      (e: unknown) => e instanceof InvalidInputError && e.message.includes('moves: give at least 1 move'),
    );
    assert.throws(
      () => parseScenarioFile([1, 2]),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_SCENARIO_FILE',
    );
  });
});
