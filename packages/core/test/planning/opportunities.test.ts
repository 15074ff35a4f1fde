import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeMetro } from '../../src/analysis/analyze-metro.ts';
import type { AnalysisIndustry, AnalysisInputOutput, AnalysisKnowledgeItem, AnalysisUnit, MetroAnalysisInput } from '../../src/analysis/types.ts';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { findOpportunities, type OpportunityOptions } from '../../src/planning/opportunities.ts';
import { type ModeDecision, type OpportunitiesPart, opportunitiesPartSchema } from '../../src/planning/opportunities-schema.ts';
import type { PlanningContext } from '../../src/planning/types.ts';
import { chain as threeSectorLike } from '../analysis/fixtures.ts';
import { assertClose } from '../helpers.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;

// ISIC sections: 8 traded (A B C H J K M N) and one local (G) — fine enough to judge industries.
const codes = ['A', 'B', 'C', 'G', 'H', 'J', 'K', 'M', 'N'];
const industries: AnalysisIndustry[] = codes.map((c) => ({ code: c, nameEn: `Section ${c}`, nameZh: `门类${c}`, isicSections: [c] }));

/** IO coefficients (supplier → buyer): producer services and raw materials supply manufacturing; little else. */
function io(): AnalysisInputOutput {
  const strong: Record<string, Record<string, number>> = {
    A: { C: 0.2 },
    B: { C: 0.15 },
    C: { C: 0.3, H: 0.05, A: 0.05, B: 0.05 },
    H: { C: 0.05, G: 0.05 },
    J: { K: 0.05, M: 0.05, C: 0.02 },
    K: { C: 0.08, J: 0.02, M: 0.02 },
    M: { C: 0.12, J: 0.02 },
    N: { C: 0.04, K: 0.03 },
  };
  const n = codes.length;
  const a = new Float64Array(n * n);
  codes.forEach((k, x) => codes.forEach((l, y) => (a[x * n + y] = strong[k]?.[l] ?? 0.005)));
  return { id: 'TEST-IO', year: 2020, industries: [...codes], coefficients: a, output: Float64Array.from(codes, () => 100), mapping: 'identity' };
}

interface UnitSpec {
  readonly row: number[];
  readonly ring?: AnalysisUnit['ring'];
  readonly lon: number;
  readonly lat: number;
  /** GDP (population is 1e6), so GDP per capita = gdp / 1e6; null = no GDP. */
  readonly gdp?: number | null;
}

/** A metro on the nine sections from unit specs. */
function metro(units: Record<string, UnitSpec>, extra: Partial<MetroAnalysisInput> = {}): MetroAnalysisInput {
  const ids = Object.keys(units);
  const spec = (id: string) => units[id] as UnitSpec;
  return {
    metro: { id: 'test', nameEn: 'Test metro', nameZh: '测试都市圈', country: 'CN' },
    unitSet: { id: 'units', indicator: 'employment', classification: 'ISIC-4', unit: 'persons', measure: 'employment' },
    year: 2020,
    units: ids.map((id) => ({ id, nameEn: `Unit ${id}`, nameZh: `单元${id}`, ring: spec(id).ring ?? 'inner', lon: spec(id).lon, lat: spec(id).lat })),
    industries,
    matrix: RegionIndustryMatrix.fromWide(
      ids,
      codes,
      ids.map((id) => spec(id).row),
      { order: 'input', zeroTotals: 'keep' },
    ),
    inputOutput: io(),
    overview: ids.map((id) => {
      const gdp = spec(id).gdp;
      const population = { value: 1e6, unit: 'persons', year: 2020, source: 'test' };
      if (gdp === null) return { unit: id, population };
      return { unit: id, population, gdp: { value: gdp ?? 1e10, unit: 'CNY', year: 2020, source: 'test' } };
    }),
    ...extra,
  };
}

//                         A   B   C    G   H   J   K   M   N
const coreRow = /*     */ [2, 2, 10, 30, 10, 40, 40, 40, 30];
const ringRow = /*     */ [2, 2, 120, 30, 10, 5, 5, 5, 5];

function context(input: MetroAnalysisInput, parents: Record<string, string | null>): PlanningContext {
  return { input, analysis: analyzeMetro(input), parents, railGaps: [], relocations: null };
}

/** A rich service core and a poorer manufacturing ring, 47 km apart, in two jurisdictions. */
function coreRing(
  gdpCore: number | null = 3e10,
  gdpRing: number | null = 2e10,
  parents: Record<string, string | null> = { CORE: null, RING: null },
  extra: Partial<MetroAnalysisInput> = {},
) {
  return context(
    metro(
      {
        CORE: { row: coreRow, ring: 'core', lon: 116.4, lat: 39.9, gdp: gdpCore },
        RING: { row: ringRow, ring: 'inner', lon: 116.9, lat: 39.7, gdp: gdpRing },
      },
      extra,
    ),
    parents,
  );
}

const run = (ctx: PlanningContext, options: OpportunityOptions = {}): OpportunitiesPart => {
  const out = findOpportunities(ctx, options);
  const parsed = opportunitiesPartSchema.safeParse(out);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  return out;
};
const ofKind = (out: OpportunitiesPart, kind: string) => out.opportunities.filter((o) => o.kind === kind);
const modeOf = (modes: readonly ModeDecision[], mode: string): ModeDecision | undefined => modes.find((m) => m.mode === mode);

describe('findOpportunities', () => {
  it('finds chain collaboration from the service core to the manufacturing ring (supplier → buyer), with the link behind it', () => {
    const ctx = coreRing();
    const out = run(ctx);
    const chains = ofKind(out, 'chain');
    assert.ok(chains.length > 0, 'a chain item');
    for (const c of chains) {
      assert.equal(c.from, 'CORE');
      assert.equal(c.to, 'RING');
      assert.deepEqual(c.toIndustries, ['C']);
      assert.ok(['J', 'K', 'M', 'N'].includes(c.fromIndustries[0] as string));
      const d = modeOf(c.modes, 'chain-collaboration');
      assert.ok(d !== undefined);
      assert.equal(d.rule, 'O2');
      assert.equal(d.from, 'CORE');
      assert.ok((d.values.chainRatio as number) >= out.rules.chainHigh);
      assert.equal(c.links.length, 1);
      assert.equal(c.links[0]?.supplier, c.fromIndustries[0]);
    }
    // The strongest link is research → manufacturing (a_MC = 0.12, the largest input coefficient into C); J's link
    // (a_JC = 0.02) carries less than linkShare of the pair's complementarity and is left out.
    const strongest = [...chains].sort((x, y) => (y.links[0]?.contribution ?? 0) - (x.links[0]?.contribution ?? 0))[0];
    assert.equal(strongest?.fromIndustries[0], 'M');
    assert.ok(!chains.some((c) => c.fromIndustries[0] === 'J'));
    // The analysis's typology agrees on the direction: the core is upstream.
    const t = ctx.analysis.typology.pairs;
    assert.equal(ctx.analysis.units[t.upstream[0] as number]?.id, 'CORE');
  });

  it('flips chain collaboration exactly at chainHigh and at linkShare', () => {
    const ctx = coreRing();
    const base = run(ctx);
    const c = ofKind(base, 'chain')[0];
    assert.ok(c !== undefined);
    const d = modeOf(c.modes, 'chain-collaboration');
    const ratio = d?.values.chainRatio as number;
    const share = d?.values.linkShare as number;
    assert.ok(ofKind(run(ctx, { chainHigh: ratio }), 'chain').some((x) => x.id === c.id));
    assert.equal(ofKind(run(ctx, { chainHigh: ratio * (1 + 1e-12) }), 'chain').length, 0);
    assert.ok(ofKind(run(ctx, { linkShare: share }), 'chain').some((x) => x.id === c.id));
    assert.ok(!ofKind(run(ctx, { linkShare: share * (1 + 1e-12) }), 'chain').some((x) => x.id === c.id));
  });

  it('recommends a joint park for a strongly linked pair across a boundary, and none inside one jurisdiction', () => {
    const ctx = coreRing(3e10, 2e10);
    const out = run(ctx);
    const pair = out.pairs[0];
    assert.ok(pair !== undefined);
    assert.equal(pair.crossesBoundary, true);
    const park = modeOf(pair.modes, 'joint-park');
    assert.ok(park !== undefined, 'joint park');
    assert.equal(park.rule, 'O3');
    assertClose(park.values.normalisedGravity as number, 1);
    assertClose(park.values.gdpPerCapitaRatio as number, 1.5);
    assert.equal(modeOf(pair.modes, 'enclave'), undefined);
    // Every item of the pair carries the park as its vehicle.
    for (const item of out.opportunities) assert.ok(modeOf(item.modes, 'joint-park') !== undefined);
    // Same parent: no boundary, no park, no factor-market integration.
    const inside = run(coreRing(3e10, 2e10, { CORE: 'P', RING: 'P' }));
    assert.equal(inside.pairs[0]?.crossesBoundary, false);
    assert.ok(!inside.pairs.some((p) => p.modes.some((m) => m.mode === 'joint-park' || m.mode === 'enclave' || m.mode === 'factor-market-integration')));
    // Different parents cross a boundary.
    assert.equal(run(coreRing(3e10, 2e10, { CORE: 'P', RING: 'Q' })).pairs[0]?.crossesBoundary, true);
  });

  it('recommends an enclave run by the richer unit in the poorer when the development gap is large, flipping exactly at enclaveGdpRatio', () => {
    const ctx = coreRing(5e10, 2e10);
    const out = run(ctx);
    const enclave = modeOf(out.pairs[0]?.modes ?? [], 'enclave');
    assert.ok(enclave !== undefined);
    assert.equal(enclave.rule, 'O4');
    assert.equal(enclave.from, 'CORE');
    assert.equal(enclave.to, 'RING');
    assertClose(enclave.values.gdpPerCapitaRatio as number, 2.5);
    const ratio = enclave.values.gdpPerCapitaRatio as number;
    assert.ok(modeOf(run(ctx, { enclaveGdpRatio: ratio }).pairs[0]?.modes ?? [], 'enclave') !== undefined);
    const above = run(ctx, { enclaveGdpRatio: ratio * (1 + 1e-12) }).pairs[0]?.modes ?? [];
    assert.equal(modeOf(above, 'enclave'), undefined);
    assert.ok(modeOf(above, 'joint-park') !== undefined);
  });

  it('flips the park exactly at jointParkLinkage', () => {
    // Three units: the far pair has a normalised gravity below 1.
    const ctx = context(
      metro({
        CORE: { row: coreRow, ring: 'core', lon: 116.4, lat: 39.9, gdp: 3e10 },
        RING: { row: ringRow, lon: 116.9, lat: 39.7, gdp: 2e10 },
        FAR: { row: ringRow, lon: 118.0, lat: 39.6, gdp: 2e10 },
      }),
      { CORE: null, RING: null, FAR: null },
    );
    const far = run(ctx, { jointParkLinkage: 0 }).pairs.find((p) => p.a === 'CORE' && p.b === 'FAR');
    const g = far?.normalisedGravity as number;
    assert.ok(g > 0 && g < 1);
    const at = run(ctx, { jointParkLinkage: g }).pairs.find((p) => p.a === 'CORE' && p.b === 'FAR');
    assert.ok(modeOf(at?.modes ?? [], 'joint-park') !== undefined);
    const above = run(ctx, { jointParkLinkage: g * (1 + 1e-12) }).pairs.find((p) => p.a === 'CORE' && p.b === 'FAR');
    assert.equal(modeOf(above?.modes ?? [], 'joint-park'), undefined);
  });

  it('finds industrial transfer from the high-cost, low-gradient core to the ring ahead, flipping exactly at each threshold', () => {
    const ctx = coreRing(4e10, 2e10);
    const out = run(ctx);
    const transfers = ofKind(out, 'transfer');
    const t = transfers.find((x) => x.toIndustries[0] === 'C');
    assert.ok(t !== undefined, 'manufacturing transfer');
    assert.equal(t.from, 'CORE');
    assert.equal(t.to, 'RING');
    // Nothing moves the other way: the ring is the cheaper unit.
    assert.ok(transfers.every((x) => x.from === 'CORE'));
    const d = modeOf(t.modes, 'industrial-transfer');
    assert.ok(d !== undefined);
    assert.equal(d.rule, 'O1');
    const lq = ctx.analysis.specialisation.lq;
    const c = ctx.analysis.structure.industries.indexOf('C');
    assertClose(d.values.gradientFrom as number, lq[0]?.[c] as number);
    assertClose(d.values.gradientTo as number, lq[1]?.[c] as number);
    assertClose(d.values.costRatio as number, 2);
    const has = (o: OpportunityOptions) => ofKind(run(ctx, o), 'transfer').some((x) => x.id === t.id);
    const v = d.values as Record<string, number>;
    assert.ok(has({ costRatio: v.costRatio as number }));
    assert.ok(!has({ costRatio: (v.costRatio as number) * (1 + 1e-12) }));
    assert.ok(has({ gradientRatio: v.gradientRatio as number }));
    assert.ok(!has({ gradientRatio: (v.gradientRatio as number) * (1 + 1e-12) }));
    assert.ok(has({ aheadGradient: v.gradientTo as number }));
    assert.ok(!has({ aheadGradient: (v.gradientTo as number) * (1 + 1e-12) }));
  });

  it('never transfers a primary industry (farms and mines are resource-bound)', () => {
    //                          A   B   C    G   H   J   K   M   N
    const farmRing = /*     */ [60, 40, 120, 30, 10, 5, 5, 5, 5];
    const ctx = context(
      metro({
        CORE: { row: coreRow, ring: 'core', lon: 116.4, lat: 39.9, gdp: 4e10 },
        RING: { row: farmRing, lon: 116.9, lat: 39.7, gdp: 2e10 },
      }),
      { CORE: null, RING: null },
    );
    const lq = ctx.analysis.specialisation.lq;
    assert.ok((lq[1]?.[0] as number) / (lq[0]?.[0] as number) >= 2, 'the ring is far ahead in agriculture');
    const transfers = ofKind(run(ctx), 'transfer');
    assert.ok(transfers.length > 0);
    assert.ok(transfers.every((x) => !['A', 'B'].includes(x.toIndustries[0] as string)));
  });

  it('leaves transfer undecided, with the reason, when GDP per capita is missing — never recommended', () => {
    const ctx = coreRing(null, 2e10);
    const out = run(ctx);
    assert.equal(ofKind(out, 'transfer').length, 0);
    const u = out.pairs[0]?.undecided.find((x) => x.mode === 'industrial-transfer');
    assert.ok(u !== undefined);
    assert.match(u.reason.en, /CORE/);
    assert.ok(out.absent.some((a) => a.what === 'gdp-per-capita'));
    // Joint park versus enclave cannot be told either.
    assert.ok(out.pairs[0]?.undecided.some((x) => x.mode === 'enclave'));
    assert.equal(out.pairs[0]?.gdpPerCapitaRatio, null);
  });

  it('finds innovation cooperation from the R&D centre to the production base, flipping exactly at rdRatio and productionLq', () => {
    const ctx = coreRing();
    const out = run(ctx);
    const inno = ofKind(out, 'innovation');
    assert.equal(inno.length, 1);
    const item = inno[0];
    assert.ok(item !== undefined);
    assert.equal(item.from, 'CORE');
    assert.equal(item.to, 'RING');
    assert.deepEqual(item.fromIndustries, ['M']);
    assert.deepEqual(item.toIndustries, ['C']);
    const d = modeOf(item.modes, 'innovation-cooperation');
    assert.ok(d !== undefined);
    const comp = ctx.analysis.structure.composition;
    const m = ctx.analysis.structure.industries.indexOf('M');
    assertClose(d.values.rdShareRatio as number, (comp[0]?.[m] as number) / (comp[1]?.[m] as number));
    const has = (o: OpportunityOptions) => ofKind(run(ctx, o), 'innovation').length === 1;
    const v = d.values as Record<string, number>;
    assert.ok(has({ rdRatio: v.rdShareRatio as number }));
    assert.ok(!has({ rdRatio: (v.rdShareRatio as number) * (1 + 1e-12) }));
    assert.ok(has({ productionLq: v.productionLq as number }));
    assert.ok(!has({ productionLq: (v.productionLq as number) * (1 + 1e-12) }));
    // The pair-level mode goes with the items.
    assert.ok(modeOf(out.pairs[0]?.modes ?? [], 'innovation-cooperation') !== undefined);
  });

  it('recommends factor and market integration for a near pair across a boundary, flipping exactly at nearKm and nearMinutes', () => {
    const ctx = coreRing();
    const out = run(ctx);
    const fm = modeOf(out.pairs[0]?.modes ?? [], 'factor-market-integration');
    assert.ok(fm !== undefined);
    const km = fm.values.km as number;
    assert.ok(km > 40 && km < 60);
    const has = (c: PlanningContext, o: OpportunityOptions) => modeOf(run(c, o).pairs[0]?.modes ?? [], 'factor-market-integration') !== undefined;
    assert.ok(has(ctx, { nearKm: km }));
    assert.ok(!has(ctx, { nearKm: km * (1 - 1e-12) }));
    // With a rail time, minutes decide (or km).
    const rail = coreRing(
      3e10,
      2e10,
      { CORE: null, RING: null },
      { travelTimes: [{ origin: 'CORE', destination: 'RING', minutes: 40, mode: 'rail', source: 'test' }] },
    );
    assert.ok(has(rail, { nearKm: 10, nearMinutes: 40 }));
    assert.ok(!has(rail, { nearKm: 10, nearMinutes: 39.999 }));
  });

  it('leaves boundary modes undecided when a parent is unknown', () => {
    const out = run(coreRing(3e10, 2e10, { CORE: null }));
    const pair = out.pairs[0];
    assert.ok(pair !== undefined);
    assert.equal(pair.crossesBoundary, null);
    assert.ok(pair.undecided.some((u) => u.mode === 'joint-park'));
    assert.ok(pair.undecided.some((u) => u.mode === 'factor-market-integration'));
    assert.ok(!pair.modes.some((m) => m.mode === 'joint-park' || m.mode === 'factor-market-integration'));
    assert.ok(out.absent.some((a) => a.what === 'boundary'));
  });

  it('lists real examples of a mode only from project items of the pair tagged with it; none is invented', () => {
    const k = (id: string, unit: string | null, kind: AnalysisKnowledgeItem['kind'], modes?: AnalysisKnowledgeItem['modes']): AnalysisKnowledgeItem => ({
      id,
      kind,
      unit,
      year: 2020,
      textEn: `Project ${id}`,
      textZh: `项目${id}`,
      industries: [],
      verified: true,
      source: 'test',
      ...(modes === undefined ? {} : { modes }),
    });
    const knowledge = [
      k('p1', 'RING', 'project', ['enclave', 'industrial-transfer']),
      k('p2', 'CORE', 'project', ['joint-park']),
      k('p3', 'OTHER', 'project', ['enclave']),
      k('p4', 'RING', 'plan', ['enclave']),
      k('p5', 'RING', 'project'),
      k('p6', null, 'project', ['enclave']),
    ];
    const out = run(coreRing(5e10, 2e10, { CORE: null, RING: null }, { knowledge }));
    const enclave = modeOf(out.pairs[0]?.modes ?? [], 'enclave');
    assert.deepEqual(
      enclave?.examples.map((e) => e.id),
      ['p1'],
    );
    assert.equal(enclave?.examples[0]?.textZh, '项目p1');
    const transfer = ofKind(out, 'transfer')[0];
    assert.deepEqual(
      modeOf(transfer?.modes ?? [], 'industrial-transfer')?.examples.map((e) => e.id),
      ['p1'],
    );
    // No project tagged with chain collaboration or factor-market integration: empty lists.
    for (const item of out.opportunities)
      for (const m of item.modes) if (m.mode !== 'enclave' && m.mode !== 'industrial-transfer') assert.deepEqual(m.examples, []);
    // Without knowledge, every example list is empty.
    const bare = run(coreRing(5e10, 2e10));
    for (const item of bare.opportunities) for (const m of item.modes) assert.deepEqual(m.examples, []);
    for (const p of bare.pairs) for (const m of p.modes) assert.deepEqual(m.examples, []);
  });

  it('draws no industry-level opportunities from a table too coarse to judge, and says why', () => {
    const input = threeSectorLike();
    const ctx = context(input, { F: null, Q: null });
    const out = run(ctx);
    assert.equal(out.industryLevel.judgeable, false);
    assert.ok(out.industryLevel.reason !== null);
    assert.match(out.industryLevel.reason.en, /fewer than 6/);
    assert.equal(out.opportunities.length, 0);
    assert.equal(out.counts.opportunities, 0);
    // Pair-level modes remain: two units 19 km apart in two jurisdictions are near.
    assert.ok(out.pairs.some((p) => p.modes.some((m) => m.mode === 'factor-market-integration')));
  });

  it('ranks by activity share × linkage, marks the headline and caps the list', () => {
    const out = run(coreRing(4e10, 2e10));
    const scores = out.opportunities.map((o) => o.score as number);
    for (let k = 1; k < scores.length; k++) assert.ok((scores[k - 1] as number) >= (scores[k] as number));
    for (const o of out.opportunities) assertClose(o.score as number, o.activityShare * (o.linkage as number));
    assert.ok(out.opportunities.length > 2);
    const capped = run(coreRing(4e10, 2e10), { headline: 1, maxItems: 2 });
    assert.equal(capped.opportunities.length, 2);
    assert.equal(capped.counts.opportunities, out.counts.opportunities);
    assert.deepEqual(
      capped.opportunities.map((o) => o.headline),
      [true, false],
    );
    assert.deepEqual(
      capped.opportunities.map((o) => o.id),
      out.opportunities.slice(0, 2).map((o) => o.id),
    );
  });

  it('gives the same document whatever the order of the input units', () => {
    const a = metro({
      CORE: { row: coreRow, ring: 'core', lon: 116.4, lat: 39.9, gdp: 4e10 },
      RING: { row: ringRow, lon: 116.9, lat: 39.7, gdp: 2e10 },
      FAR: { row: [5, 5, 80, 30, 20, 5, 5, 5, 5], lon: 117.5, lat: 39.5, gdp: 1.5e10 },
    });
    const b = metro({
      FAR: { row: [5, 5, 80, 30, 20, 5, 5, 5, 5], lon: 117.5, lat: 39.5, gdp: 1.5e10 },
      RING: { row: ringRow, lon: 116.9, lat: 39.7, gdp: 2e10 },
      CORE: { row: coreRow, ring: 'core', lon: 116.4, lat: 39.9, gdp: 4e10 },
    });
    const parents = { CORE: null, RING: 'H', FAR: 'H' };
    assert.equal(JSON.stringify(run(context(a, parents))), JSON.stringify(run(context(b, parents))));
  });

  it('rejects an out-of-range option and an analysis of another input', () => {
    const ctx = coreRing();
    assert.throws(() => findOpportunities(ctx, { costRatio: 0.5 }), isCode('INVALID_OPTION'));
    assert.throws(() => findOpportunities(ctx, { linkShare: 2 }), isCode('INVALID_OPTION'));
    assert.throws(() => findOpportunities(ctx, { maxItems: 0 }), isCode('INVALID_OPTION'));
    assert.throws(() => findOpportunities(ctx, { nearKm: Number.NaN }), isCode('INVALID_OPTION'));
    const other = metro({
      X: { row: coreRow, lon: 116.4, lat: 39.9 },
      Y: { row: ringRow, lon: 116.9, lat: 39.7 },
    });
    assert.throws(() => findOpportunities({ ...ctx, input: other }), isCode('UNIT_MISMATCH'));
  });
});
