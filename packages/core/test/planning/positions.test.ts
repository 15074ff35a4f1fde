import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeMetro } from '../../src/analysis/analyze-metro.ts';
import type { AnalysisIndustry, AnalysisInputOutput, AnalysisKnowledgeItem, MetroAnalysisInput } from '../../src/analysis/types.ts';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { unitCapability } from '../../src/planning/capability.ts';
import { planPositions } from '../../src/planning/positions.ts';
import { type PositionsPart, positionsPartSchema } from '../../src/planning/positions-schema.ts';
import type { PlanningContext } from '../../src/planning/types.ts';
import { input as fixtureInput, unit } from '../analysis/fixtures.ts';
import { assertClose } from '../helpers.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;

// A hand-made metro: a head-office core (information, finance, professional services) and a production ring
// (manufacturing, transport, agriculture). Six traded industries (A C H J K M, through their ISIC sections), two
// local ones (G trade, Q health): fine enough to judge industries.
const codes = ['A', 'C', 'G', 'H', 'J', 'K', 'M', 'Q'];
const industries: AnalysisIndustry[] = [
  { code: 'A', nameEn: 'Agriculture', nameZh: '农业', isicSections: ['A'] },
  { code: 'C', nameEn: 'Manufacturing', nameZh: '制造业', isicSections: ['C'] },
  { code: 'G', nameEn: 'Trade', nameZh: '批发零售', isicSections: ['G'] },
  { code: 'H', nameEn: 'Transport', nameZh: '交通运输', isicSections: ['H'] },
  { code: 'J', nameEn: 'Information', nameZh: '信息', isicSections: ['J'] },
  { code: 'K', nameEn: 'Finance', nameZh: '金融', isicSections: ['K'] },
  { code: 'M', nameEn: 'Professional services', nameZh: '专业服务', isicSections: ['M'] },
  { code: 'Q', nameEn: 'Health', nameZh: '卫生', isicSections: ['Q'] },
];
//            A    C    G    H   J   K   M   Q
const rows: Record<string, number[]> = {
  HQ: [1, 20, 60, 10, 40, 50, 40, 50],
  P1: [5, 140, 50, 25, 3, 4, 3, 40],
  P2: [30, 90, 40, 45, 2, 3, 2, 30],
  P3: [70, 60, 30, 12, 1, 2, 2, 30],
};

/** IO coefficients (rows supplier, columns buyer): services and transport supply manufacturing, agriculture supplies it. */
function io(): AnalysisInputOutput {
  const a: Record<string, Record<string, number>> = {
    A: { C: 0.2, Q: 0.01 },
    C: { A: 0.05, C: 0.3, H: 0.1, G: 0.02 },
    H: { C: 0.08, A: 0.02, G: 0.05 },
    J: { C: 0.03, K: 0.05, M: 0.04 },
    K: { C: 0.05, A: 0.02, H: 0.03 },
    M: { C: 0.06, J: 0.02, K: 0.02 },
  };
  const n = codes.length;
  const coefficients = new Float64Array(n * n);
  codes.forEach((k, x) => codes.forEach((l, y) => (coefficients[x * n + y] = a[k]?.[l] ?? 0)));
  return { id: 'TEST-IO', year: 2020, industries: [...codes], coefficients, output: new Float64Array(n).fill(100), mapping: 'identity' };
}

const metroUnits = () => [
  unit('HQ', 'core', 116.4, 39.9),
  unit('P1', 'inner', 116.9, 39.7),
  unit('P2', 'inner', 116.0, 39.5),
  unit('P3', 'outer', 117.4, 39.2),
];

function metro(extra: Partial<MetroAnalysisInput> = {}, data: Record<string, number[]> = rows): MetroAnalysisInput {
  return fixtureInput(data, metroUnits(), { industries, inputOutput: io(), ...extra }, codes);
}

function context(input: MetroAnalysisInput): PlanningContext {
  return { input, analysis: analyzeMetro(input), parents: {}, railGaps: [], relocations: null };
}

const chosenOf = (part: PositionsPart, id: string) => part.units.find((u) => u.unit === id)?.chosen.map((c) => c.industry) ?? [];
const producerServices = new Set(['J', 'K', 'M']);

describe('planPositions', () => {
  it('has the head-office core lead producer services and the ring lead production', async () => {
    const ctx = context(metro());
    const part = await planPositions(ctx);
    assert.equal(part.status, 'optimised');
    assert.ok(positionsPartSchema.safeParse(part).success);
    for (const code of chosenOf(part, 'HQ')) assert.ok(producerServices.has(code), `HQ leads ${code}`);
    for (const id of ['P1', 'P2', 'P3']) {
      const chosen = chosenOf(part, id);
      assert.ok(chosen.length >= part.settings.minLeadsPerUnit && chosen.length <= part.settings.leadsPerUnit, `${id}: ${chosen.length} leads`);
      assert.ok(
        chosen.some((c) => ['A', 'C', 'H'].includes(c)),
        `${id} leads ${chosen.join(', ')}`,
      );
    }
    // Only traded industries are candidates; every unit leads 1 to leadsPerUnit of them; no traded industry has more than the cap.
    assert.deepEqual(
      part.industries.map((i) => i.code),
      ['A', 'C', 'H', 'J', 'K', 'M'],
    );
    for (const i of part.industries) assert.ok(i.leaders.length <= part.settings.maxLeadersPerIndustry);
    // The reason in numbers: each choice carries its LQ and components, and a sentence made from them.
    const hq = part.units.find((u) => u.unit === 'HQ');
    for (const c of hq?.chosen ?? []) {
      const lq = ctx.analysis.specialisation.lq[0]?.[ctx.analysis.industries.findIndex((i) => i.code === c.industry)] as number;
      assertClose(c.components.lq, lq, 1e-12);
      assertClose(c.components.locationQuotient, (lq - 1) / (lq + 1), 1e-12);
      assert.match(c.note.en, /^Leads /);
      assert.match(c.note.zh, /^主导/);
    }
    // The three columns: today lists the strongest traded advantages by LQ.
    assert.deepEqual(
      hq?.today.map((t) => t.industry),
      ['J', 'M', 'K'],
    );
  });

  it('leads beyond the minimum only where the score net of duplication is positive, says what was not worth it, and forces leadsPerUnit on request', async () => {
    const ctx = context(metro());
    const part = await planPositions(ctx, { sensitivity: false });
    const lambda = part.settings.duplicationPenalty;
    assert.equal(part.settings.minLeadsPerUnit, 1);
    // Dropping a lead of a unit above its minimum would lose c − λ·Σw: at the optimum that is positive for each.
    for (const u of part.units)
      if (u.chosen.length > part.settings.minLeadsPerUnit)
        for (const c of u.chosen) assert.ok(c.score - lambda * c.shared.weight > 0, `${u.unit} ${c.industry}`);
    // P1 (manufacturing) leads one industry; transport would duplicate P2 and is worth less than nothing.
    const p1 = part.units.find((u) => u.unit === 'P1');
    assert.deepEqual(
      p1?.chosen.map((c) => c.industry),
      ['C'],
    );
    const h = p1?.givenUp.find((g) => g.industry === 'H');
    const notWorth = h?.reasons.find((r) => r.kind === 'not-worth-it');
    const dup = h?.reasons.find((r) => r.kind === 'duplication');
    assert.ok(notWorth?.kind === 'not-worth-it' && dup?.kind === 'duplication');
    assertClose(notWorth.score, h?.score as number, 1e-12);
    assertClose(notWorth.cost, dup.cost, 1e-12);
    assertClose(dup.cost, lambda * dup.shared.weight, 1e-12);
    assert.ok(notWorth.score - notWorth.cost <= 0);
    assert.deepEqual(
      dup.shared.partners.map((x) => x.unit),
      ['P2'],
    );
    assert.match(h?.note.en ?? '', /net of duplication is not positive/);
    assert.match(h?.note.zh ?? '', /扣除重复代价后得分不为正/);
    const fewer = part.units.filter((u) => u.chosen.length < 2).length;
    assert.ok(fewer > 0);
    assert.ok(part.notes.some((n) => n.en.startsWith(`${fewer} of 4 units lead fewer than 2 industries`)));
    // minLeadsPerUnit = leadsPerUnit: every unit leads two, and the optimum is lower (the model it replaces).
    const forced = await planPositions(ctx, { sensitivity: false, minLeadsPerUnit: 2 });
    assert.equal(forced.settings.minLeadsPerUnit, 2);
    for (const u of forced.units) assert.equal(u.chosen.length, 2, u.unit);
    // Without the minimum the unit would not lead them: marked, with the net score in numbers.
    const filler = forced.units.flatMap((u) => u.chosen).filter((c) => c.netScore <= 0);
    assert.ok(filler.length > 0);
    for (const c of filler) {
      assert.equal(c.minimumOnly, true, c.industry);
      assertClose(c.netScore, c.score - lambda * c.shared.weight, 1e-12);
      assert.match(c.note.en, c.score <= 0 ? /No evidence: .*minLeadsPerUnit \(2\)/ : /Crowded: .*minLeadsPerUnit \(2\)/);
      assert.match(c.note.zh, c.score <= 0 ? /证据不足/ : /过于拥挤/);
    }
    assert.ok(part.units.every((u) => u.chosen.every((c) => !c.minimumOnly && c.netScore > 0)));
    assert.ok((forced.solve?.objective as number) < (part.solve?.objective as number));
    assert.ok(positionsPartSchema.safeParse(forced).success);
    for (const minLeadsPerUnit of [0, 3, 1.5]) await assert.rejects(planPositions(ctx, { minLeadsPerUnit }), isCode('INVALID_OPTION'));
  });

  it('is deterministic and JSON-ready', async () => {
    const ctx = context(metro());
    const a = await planPositions(ctx);
    const b = await planPositions(ctx);
    assert.deepEqual(a, b);
    assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  });

  it('computes the components as documented (chain share, competitive shift) and drops them with a reason', async () => {
    const earlier = RegionIndustryMatrix.fromWide(
      ['HQ', 'P1', 'P2', 'P3'],
      codes,
      Object.values(rows).map((r, k) => r.map((v) => (k === 1 ? v * 0.8 : v))),
      { order: 'input' },
    );
    const ctx = context(metro({ earlier: [{ year: 2015, matrix: earlier }] }));
    const cap = unitCapability(ctx);
    const U = 4;
    const C = cap.industries.length;
    // Competitive shift of P1 in C: ρ = e2 / (e1 · g_C), g_C = Σ e2 / Σ e1 over the units.
    const e1 = [20, 140 * 0.8, 90, 60];
    const e2 = [20, 140, 90, 60];
    const g = e2.reduce((s, v) => s + v, 0) / e1.reduce((s, v) => s + v, 0);
    const rho = 140 / (140 * 0.8 * g);
    const c = cap.industries.indexOf('C');
    assertClose(cap.competitiveShift?.[1 * C + c] as number, (rho - 1) / (rho + 1), 1e-12);
    // Chain of HQ in K: share of K's links with traded industries that point to partners' advantages (LQ ≥ 1).
    const lq = ctx.analysis.specialisation.lq;
    const col = (code: string) => ctx.analysis.industries.findIndex((i) => i.code === code);
    const W = cap.linkage.weights;
    const wSum = (W[1] as number) + (W[2] as number) + (W[3] as number);
    const traded = ['A', 'C', 'H', 'J', 'M'];
    const a = io();
    const coef = (from: string, to: string) => a.coefficients[codes.indexOf(from) * codes.length + codes.indexOf(to)] as number;
    let num = 0;
    let den = 0;
    for (const j of traded) {
      const link = coef('K', j) + coef(j, 'K');
      den += link;
      for (let v = 1; v < U; v++) if ((lq[v]?.[col(j)] as number) >= 1) num += ((W[v] as number) / wSum) * link;
    }
    // The component is that share less the units' mean (its mean is kept): 0 for a unit like the metro's average.
    const k = cap.industries.indexOf('K');
    assertClose((cap.chain?.[0 * C + k] as number) + (cap.chainMean?.[k] as number), num / den, 1e-12);
    let sum = 0;
    for (let u = 0; u < U; u++) sum += cap.chain?.[u * C + k] as number;
    assertClose(sum, 0, 1e-12);
    // The score is the weighted sum of the components as they are shown.
    for (let x = 0; x < U * C; x++)
      assertClose(
        cap.score[x] as number,
        (cap.locationQuotient[x] as number) + 0.5 * (cap.competitiveShift?.[x] as number) + 0.5 * (cap.chain?.[x] as number),
        1e-12,
      );
    // Four units: relatedness density is left out, and says why.
    const rd = cap.components.find((x) => x.name === 'relatedness-density');
    assert.equal(rd?.used, false);
    assert.match(rd?.reason?.en ?? '', /minUnitsForRelatedness/);
    // Without an earlier year or an IO table, those components are left out with their reasons.
    const bare = unitCapability(context(metro({ inputOutput: undefined as never })));
    assert.equal(bare.components.find((x) => x.name === 'competitive-shift')?.used, false);
    assert.equal(bare.components.find((x) => x.name === 'chain-complementarity')?.used, false);
    assert.equal(bare.chain, null);
    // With enough units (option) relatedness density is used.
    const withRd = unitCapability(ctx, { minUnitsForRelatedness: 4 });
    assert.equal(withRd.components.find((x) => x.name === 'relatedness-density')?.used, true);
  });

  it('keeps the ring rule: a core with a manufacturing lead still leads a producer service, and says what it gave up', async () => {
    // The core is now a manufacturing centre with a small finance sector.
    const data = { ...rows, HQ: [1, 200, 60, 40, 1, 1.5, 1, 50] };
    const ctx = context(metro({}, data));
    const free = await planPositions(ctx, { sensitivity: false });
    assert.ok(!chosenOf(free, 'HQ').some((c) => producerServices.has(c)), `without the rule: ${chosenOf(free, 'HQ').join(', ')}`);
    const ruled = await planPositions(ctx, { ringRule: true, sensitivity: false });
    const hq = ruled.units.find((u) => u.unit === 'HQ');
    assert.ok(hq?.chosen.some((c) => producerServices.has(c.industry) && c.ringRule));
    assert.ok(hq?.givenUp.some((g) => g.reasons.some((r) => r.kind === 'ring-rule')));
    assert.equal(ruled.settings.ringRule, true);
  });

  it('names the conflicting constraints when the settings are infeasible', async () => {
    const ctx = context(metro());
    // Explicit fixed choices of one traded industry for more units than the cap.
    await assert.rejects(planPositions(ctx, { fixed: ['P1:C', 'P2:C', 'P3:C'], maxLeadersPerIndustry: 2 }), (e: unknown) => {
      assert.ok(isCode('INFEASIBLE')(e));
      assert.match((e as InvalidInputError).message, /maxLeadersPerIndustry/);
      return true;
    });
    // Plans stating more leads for a unit than it may have.
    const knowledge: AnalysisKnowledgeItem[] = [
      {
        id: 'kb-1',
        kind: 'positioning',
        unit: 'P1',
        region: 'P1',
        year: 2020,
        textEn: null,
        textZh: null,
        industries: ['A', 'C', 'H'],
        verified: true,
        source: 't',
      },
    ];
    await assert.rejects(planPositions(context(metro({ knowledge })), { fixFromPlans: true }), (e: unknown) => {
      assert.ok(isCode('INFEASIBLE')(e));
      assert.match((e as InvalidInputError).message, /fixFromPlans/);
      assert.match((e as InvalidInputError).message, /kb-1/);
      return true;
    });
    // The ring rule with no producer service a core unit may lead.
    await assert.rejects(planPositions(ctx, { ringRule: true, fixed: ['HQ:A', 'HQ:C'] }), (e: unknown) => {
      assert.ok(isCode('INFEASIBLE')(e));
      assert.match((e as InvalidInputError).message, /ringRule/);
      return true;
    });
  });

  it('fixes choices from plans and by option, and shows the stated column with what is not testable', async () => {
    const knowledge: AnalysisKnowledgeItem[] = [
      {
        id: 'kb-a',
        kind: 'positioning',
        unit: 'P3',
        region: 'P3',
        year: 2020,
        textEn: 'Logistics hub',
        textZh: '物流枢纽',
        industries: ['H', 'Q'],
        verified: true,
        source: 't',
      },
      {
        id: 'kb-b',
        kind: 'positioning',
        unit: 'P2',
        region: 'P2-city',
        year: 2020,
        textEn: null,
        textZh: null,
        industries: ['J'],
        verified: false,
        source: 't',
      },
    ];
    const ctx = context(metro({ knowledge }));
    const part = await planPositions(ctx, { fixFromPlans: true, fixed: ['P1:M'], sensitivity: false });
    const p3 = part.units.find((u) => u.unit === 'P3');
    const h = p3?.chosen.find((c) => c.industry === 'H');
    assert.equal(h?.fixed, 'plan');
    assert.deepEqual(h?.fixedBy, ['kb-a']);
    assert.equal(part.units.find((u) => u.unit === 'P1')?.chosen.find((c) => c.industry === 'M')?.fixed, 'explicit');
    // Q (health) is local: stated, not a candidate, not fixed, said so.
    assert.deepEqual(
      p3?.stated[0]?.industries.map((i) => [i.industry, i.candidate, i.chosen]),
      [
        ['H', true, true],
        ['Q', false, false],
      ],
    );
    assert.ok(part.notes.some((n) => /kb-a/.test(n.en) && /Q/.test(n.en)));
    // A position stated for a region inside a unit is not testable at this level, and is not fixed.
    const p2 = part.units.find((u) => u.unit === 'P2');
    assert.equal(p2?.stated[0]?.testable, false);
    assert.match(p2?.stated[0]?.note?.en ?? '', /not testable at this level/);
    assert.ok(!p2?.chosen.some((c) => c.fixed !== null));
    // Bad option values.
    await assert.rejects(planPositions(ctx, { fixed: ['P1-M'] }), isCode('INVALID_OPTION'));
    await assert.rejects(planPositions(ctx, { fixed: ['ZZ:M'] }), isCode('NOT_FOUND'));
    await assert.rejects(planPositions(ctx, { fixed: ['P1:G'] }), isCode('INVALID_INPUT'));
    await assert.rejects(planPositions(ctx, { weights: { chain: -1 } }), isCode('INVALID_OPTION'));
  });

  it('does not let a unit lead an industry that is a sliver of it (minShare), and says so', async () => {
    // Finance is a sliver everywhere; P3 has the metro's highest LQ in it, on 0.6% of its jobs.
    const data = {
      HQ: [1, 20, 60, 10, 40, 0.5, 40, 50],
      P1: [5, 140, 50, 25, 3, 0.2, 3, 40],
      P2: [30, 90, 40, 45, 2, 0.2, 2, 30],
      P3: [70, 60, 30, 12, 1, 1.3, 2, 30],
    };
    const ctx = context(metro({}, data));
    const settings = { sensitivity: false, duplicationPenalty: 0, maxLeadersPerIndustry: 4, weights: { chain: 0 } };
    const without = await planPositions(ctx, { ...settings, minShare: 0 });
    assert.ok(chosenOf(without, 'P3').includes('K'), `without minShare P3 leads ${chosenOf(without, 'P3').join(', ')}`);
    const withCut = await planPositions(ctx, { ...settings, minShare: 0.01 });
    assert.ok(!chosenOf(withCut, 'P3').includes('K'));
    const k = withCut.units.find((u) => u.unit === 'P3')?.givenUp.find((g) => g.industry === 'K');
    const tooSmall = k?.reasons.find((r) => r.kind === 'too-small');
    assert.ok(tooSmall !== undefined && tooSmall.kind === 'too-small');
    assertClose(tooSmall.share, 1.3 / data.P3.reduce((s, v) => s + v, 0), 1e-12);
    assert.match(k?.note.en ?? '', /minShare/);
  });

  it('reports the sensitivity: a choice marked stable is chosen in every variant run', async () => {
    const ctx = context(metro());
    const part = await planPositions(ctx);
    const s = part.sensitivity;
    assert.ok(s !== null);
    // LQ and chain (relatedness and shift are left out) halved and doubled, λ halved, doubled and 0.
    assert.deepEqual(
      s.runs.map((r) => `${r.weight}×${r.factor}`),
      ['locationQuotient×0.5', 'locationQuotient×2', 'chain×0.5', 'chain×2', 'duplicationPenalty×0.5', 'duplicationPenalty×2', 'duplicationPenalty×0'],
    );
    const lambda0 = await planPositions(ctx, { duplicationPenalty: 0, sensitivity: false });
    for (const u of part.units)
      for (const c of u.chosen) {
        const flipsAt0 = !chosenOf(lambda0, u.unit).includes(c.industry);
        assert.equal(
          c.sensitivity?.flips.some((f) => f.weight === 'duplicationPenalty' && f.factor === 0),
          flipsAt0,
          `${u.unit} ${c.industry}`,
        );
      }
    assert.equal(
      s.of,
      part.units.reduce((n, u) => n + u.chosen.length, 0),
    );
  });

  it('does not optimise a three-sector table, and still shows the stated and today columns', async () => {
    const input = fixtureInput(
      { B: [1, 20, 79], T: [2, 45, 53], H: [20, 50, 30] },
      [unit('B', 'core', 116.4, 39.9), unit('T', 'inner', 117.2, 39.1), unit('H', 'inner', 115.5, 38.9)],
      {
        unitSet: { id: 'cities', indicator: 'gdp', classification: 'THREE-SECTOR', unit: 'CNY', measure: 'output' },
        industries: [
          { code: 'I', nameEn: 'Primary', nameZh: '第一产业', isicSections: ['A'] },
          { code: 'II', nameEn: 'Secondary', nameZh: '第二产业', isicSections: ['C'] },
          { code: 'III', nameEn: 'Tertiary', nameZh: '第三产业', isicSections: ['G'] },
        ],
        inputOutput: undefined as never,
        knowledge: [
          { id: 'kb-b', kind: 'positioning', unit: 'B', region: 'B', year: 2020, textEn: null, textZh: null, industries: ['III'], verified: true, source: 't' },
        ],
      },
      ['I', 'II', 'III'],
    );
    const part = await planPositions(context(input));
    assert.equal(part.status, 'not-judgeable');
    assert.match(part.reason?.en ?? '', /THREE-SECTOR/);
    assert.equal(part.solve, null);
    assert.equal(part.sensitivity, null);
    const b = part.units.find((u) => u.unit === 'B');
    assert.deepEqual(b?.chosen, []);
    assert.deepEqual(
      b?.today.map((t) => [t.industry, t.traded]),
      [['III', false]],
    );
    assert.equal(b?.stated[0]?.testable, false);
    assert.ok(positionsPartSchema.safeParse(part).success);
  });
});
