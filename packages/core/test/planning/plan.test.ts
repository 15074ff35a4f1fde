import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeMetro } from '../../src/analysis/analyze-metro.ts';
import type { AnalysisIndustry, MetroAnalysisInput } from '../../src/analysis/types.ts';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { planMetro } from '../../src/planning/plan.ts';
import { type MetroPlan, metroPlanSchema, planHeadings } from '../../src/planning/plan-schema.ts';
import type { FirmRelocations, PlanningContext } from '../../src/planning/types.ts';
import { fourUnitRows, nineSectionIo, nineSections } from '../analysis/four-units.ts';

// The shared four-unit metro on nine ISIC sections (eight traded, G local).
const codes = nineSections;
const industries: AnalysisIndustry[] = codes.map((c) => ({ code: c, nameEn: `Section ${c}`, nameZh: `门类${c}`, isicSections: [c] }));

const rows = fourUnitRows;
const where: Record<string, [number, number, number]> = {
  CORE: [116.4, 39.9, 4e10],
  WEST: [116.0, 39.8, 1.5e10],
  EAST: [117.0, 39.6, 1.2e10],
  PORT: [117.7, 39.0, 1.4e10],
};

function context(relocations: FirmRelocations | null = null, coreScale = 1): PlanningContext {
  const ids = Object.keys(rows);
  const input: MetroAnalysisInput = {
    metro: { id: 'test', nameEn: 'Test metro', nameZh: '测试都市圈', country: 'CN' },
    unitSet: { id: 'units', indicator: 'employment', classification: 'ISIC-4', unit: 'persons', measure: 'employment' },
    year: 2020,
    units: ids.map((id) => ({
      id,
      nameEn: `Unit ${id}`,
      nameZh: `单元${id}`,
      ring: id === 'CORE' ? 'core' : 'inner',
      lon: where[id]?.[0] ?? 0,
      lat: where[id]?.[1] ?? 0,
    })),
    industries,
    matrix: RegionIndustryMatrix.fromWide(
      ids,
      codes,
      ids.map((id) => (rows[id] as number[]).map((v) => (id === 'CORE' ? v * coreScale : v))),
      { order: 'input', zeroTotals: 'keep' },
    ),
    inputOutput: nineSectionIo(),
    overview: ids.map((id) => ({
      unit: id,
      population: { value: 1e6, unit: 'persons', year: 2020, source: 'test' },
      gdp: { value: where[id]?.[2] ?? 1e10, unit: 'CNY', year: 2020, source: 'test' },
    })),
    travelTimes: [{ origin: 'CORE', destination: 'WEST', minutes: 25, mode: 'rail', source: 'test' }],
  };
  return {
    input,
    analysis: analyzeMetro(input),
    parents: { CORE: null, WEST: null, EAST: null, PORT: null },
    railGaps: [
      { origin: 'CORE', destination: 'EAST', reason: 'no-direct-train', source: 'test' },
      { origin: 'CORE', destination: 'PORT', reason: 'not-in-source', source: 'test' },
    ],
    relocations,
  };
}

const valid = (plan: MetroPlan): MetroPlan => {
  const parsed = metroPlanSchema.safeParse(plan);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  return plan;
};

describe('planMetro', () => {
  it('gathers the parts under the four headings, in the paper’s order, each item ranked and traced to an item of its part', async () => {
    const plan = valid(await planMetro(context(), { positions: { sensitivity: false } }));
    assert.deepEqual(
      plan.sections.map((s) => s.heading),
      [...planHeadings],
    );
    const opportunityIds = new Set([...plan.opportunities.opportunities.map((o) => o.id), ...plan.opportunities.pairs.map((p) => `${p.a}|${p.b}`)]);
    const unitIds = new Set(plan.positions.units.map((u) => u.unit));
    const transportIds = new Set([...plan.transport.headline, ...plan.transport.rest].map((p) => `${p.a.id}|${p.b.id}`));
    for (const s of plan.sections) {
      assert.ok(s.items.length <= plan.headline);
      s.items.forEach((item, k) => {
        assert.equal(item.rank, k + 1);
        assert.ok(item.refs.length > 0, item.id);
        for (const ref of item.refs) {
          if (ref.part === 'opportunities') assert.ok(opportunityIds.has(ref.id), ref.id);
          if (ref.part === 'positions') assert.ok(unitIds.has(ref.id), ref.id);
          if (ref.part === 'transport') assert.ok(transportIds.has(ref.id), ref.id);
        }
        assert.notEqual(item.title.en, '');
        assert.notEqual(item.title.zh, '');
      });
      assert.equal(s.empty === null, s.items.length > 0);
    }
  });

  it('positions every unit, the largest first, with the core leading producer services and the ring production', async () => {
    const plan = await planMetro(context(), { positions: { sensitivity: false } });
    const positions = plan.sections.find((s) => s.heading === 'positions');
    assert.ok(positions !== undefined);
    assert.equal(positions.items.length + positions.more, 4);
    const core = plan.positions.units.find((u) => u.unit === 'CORE');
    assert.ok(
      core?.chosen.every((c) => ['J', 'K', 'M', 'N'].includes(c.industry)),
      JSON.stringify(core?.chosen.map((c) => c.industry)),
    );
    const west = plan.positions.units.find((u) => u.unit === 'WEST');
    assert.ok(west?.chosen.some((c) => c.industry === 'C'));
  });

  it('lists the pair with no direct train as an infrastructure item, and never the pair whose unit has no timetable data', async () => {
    const plan = await planMetro(context(), { positions: { sensitivity: false } });
    const infra = plan.sections.find((s) => s.heading === 'infrastructure');
    const ids = [...(infra?.items ?? [])].map((i) => i.units.join('|'));
    assert.ok(!ids.includes('CORE|PORT'));
    const ranked = [...plan.transport.headline, ...plan.transport.rest].map((p) => `${p.a.id}|${p.b.id}`);
    assert.deepEqual(ids, ranked.slice(0, plan.headline));
  });

  it('counts the firms that really moved beside a transfer it recommends', async () => {
    const moves: FirmRelocations = {
      source: 'test',
      years: [2011, 2023],
      moves: [{ origin: 'CORE', destination: 'WEST', industry: 'C', section: 'C', firms: 3, examples: [] }],
      notes: [{ en: 'a note', zh: '说明' }],
    };
    const plan = await planMetro(context(moves), { positions: { sensitivity: false } });
    const transfers = plan.sections.flatMap((s) => s.items).filter((i) => i.kind === 'industrial-transfer' && i.units[0] === 'CORE' && i.units[1] === 'WEST');
    assert.ok(transfers.length > 0, 'a transfer CORE → WEST');
    for (const t of transfers) assert.equal(t.values.observedFirms, 3);
    assert.deepEqual(plan.notes, moves.notes);
    assert.equal(plan.relocations?.moves.length, 1);
  });

  it('warns when one unit holds most of the metro, since its location quotients lean towards 1', async () => {
    const none = await planMetro(context(), { positions: { sensitivity: false } });
    assert.ok(!none.notes.some((n) => /holds/.test(n.en)));
    const big = await planMetro(context(null, 5), { positions: { sensitivity: false } });
    const note = big.notes.find((n) => /Unit CORE holds 6\d% of the metro/.test(n.en));
    assert.ok(note !== undefined, JSON.stringify(big.notes));
    assert.match(note.zh, /单元CORE占都市圈经济活动的 6\d%/);
  });

  it('is deterministic and rejects a headline that is not a positive integer', async () => {
    const a = await planMetro(context(), { positions: { sensitivity: false }, headline: 2 });
    const b = await planMetro(context(), { positions: { sensitivity: false }, headline: 2 });
    assert.deepEqual(a, b);
    assert.ok(a.sections.every((s) => s.items.length <= 2));
    await assert.rejects(planMetro(context(), { headline: 0 }), (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION');
  });
});
