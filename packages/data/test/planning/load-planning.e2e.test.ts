/**
 * loadPlanningContext on the embedded store (template, read-only): parents as jurisdictions, rail gaps with their
 * reasons, relocations between the analysis units, for the JJJ provinces and cities, the YRD cities and New York's
 * counties. Expected rail gaps are counted here from the committed timetable rows
 * (packages/data/dataset/travel_times/cn.csv: `minutes` empty; the note says `city_not_in_source` or "no direct EMU
 * train"); e.g. Beijing → Tangshan has no station of Tangshan in the source (unknown), Beijing → Chengde has no direct
 * EMU train.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readPartCsv } from '../../scripts/build/shared.ts';
import { gapReason, loadPlanningContext } from '../../src/planning/load-planning.ts';
import type { Store } from '../../src/store/store.ts';
import { datasetDir } from '../dataset-part.ts';
import { openStoreTemplate } from '../support/store-template.ts';

let store: Store;
before(async () => {
  store = await openStoreTemplate();
});
after(() => store.close());

const travel = readPartCsv(datasetDir, 'travel_times', 'cn').rows;
/** Timetable rows without a time between the given units, by reason as the note states it. */
const expectedGaps = (units: readonly string[]): { notInSource: number; noDirect: number } => {
  const set = new Set(units);
  const rows = travel.filter((t) => t.minutes === null && set.has(t.origin) && set.has(t.destination));
  return {
    notInSource: rows.filter((t) => t.note?.startsWith('city_not_in_source')).length,
    noDirect: rows.filter((t) => t.note?.startsWith('no direct EMU train')).length,
  };
};
const countReasons = (gaps: readonly { reason: string }[]) => ({
  notInSource: gaps.filter((g) => g.reason === 'not-in-source').length,
  noDirect: gaps.filter((g) => g.reason === 'no-direct-train').length,
});

describe('loadPlanningContext', () => {
  it('jjj provinces: three top-level jurisdictions, no rail gap (Hebei has no timetable row), one relocation', async () => {
    const ctx = await loadPlanningContext(store, 'jjj', { units: 'provinces' });
    assert.deepEqual(ctx.parents, { 'CN-110000': null, 'CN-120000': null, 'CN-130000': null });
    assert.deepEqual(ctx.railGaps, []);
    assert.deepEqual(
      ctx.relocations?.moves.map((m) => `${m.origin}→${m.destination} ${m.industry}`),
      ['CN-110000→CN-120000 G'],
    );
    assert.equal(ctx.input.unitSet.id, 'provinces');
    // The knowledge items of the input carry the projects' cooperation modes (knowledge.modes), others none.
    const item = (id: string) => ctx.input.knowledge?.find((k) => k.id === id);
    assert.deepEqual(item('kb-jjj-relocation-04')?.modes, ['industrial-transfer', 'chain-collaboration']);
    assert.equal(item('kb-jjj-relocation-04')?.unit, 'CN-130000');
    assert.equal(item('kb-jjj-units-01')?.modes, undefined);
  });

  it('jjj cities: Hebei cities under Hebei, the municipalities at the top; rail gaps as the timetable notes say', async () => {
    const ctx = await loadPlanningContext(store, 'jjj', { units: 'cities' });
    const units = ctx.input.units.map((u) => u.id);
    assert.equal(units.length, 13);
    for (const u of units) assert.equal(ctx.parents[u], u === 'CN-110000' || u === 'CN-120000' ? null : 'CN-130000', u);
    assert.deepEqual(countReasons(ctx.railGaps), expectedGaps(units));
    const gap = (o: string, d: string) => ctx.railGaps.find((g) => g.origin === o && g.destination === d);
    assert.deepEqual(gap('CN-110000', 'CN-130200'), {
      origin: 'CN-110000',
      destination: 'CN-130200',
      reason: 'not-in-source',
      source: 'CN_RAIL_CNRAIL_BOARDS',
    });
    assert.equal(gap('CN-110000', 'CN-130800')?.reason, 'no-direct-train');
    assert.equal(gap('CN-110000', 'CN-120000'), undefined, 'a timed pair is no gap');
    assert.equal(ctx.relocations?.moves.length, 2);
  });

  it('yrd cities: 41 units, every untimed timetable pair a gap with its reason, relocations in three sectors', async () => {
    const ctx = await loadPlanningContext(store, 'yrd', { units: 'cities' });
    const units = ctx.input.units.map((u) => u.id);
    assert.equal(units.length, 41);
    const expected = expectedGaps(units);
    assert.ok(expected.noDirect > 0 && expected.notInSource > 0);
    assert.deepEqual(countReasons(ctx.railGaps), expected);
    assert.equal(ctx.parents['CN-310000'], null);
    assert.equal(ctx.parents['CN-340100'], 'CN-340000');
    for (const m of ctx.relocations?.moves ?? []) assert.ok(['I', 'II', 'III', null].includes(m.industry), `${m.origin}→${m.destination}`);
    assert.ok((ctx.relocations?.moves.length ?? 0) > 0);
  });

  it('nyc counties: parents are the states (not the MSA), no relocations outside China', async () => {
    const ctx = await loadPlanningContext(store, 'nyc');
    assert.equal(ctx.relocations, null);
    assert.equal(ctx.parents['US-36061'], 'US-36');
    assert.equal(ctx.parents['US-34017'], 'US-34');
    for (const [unit, parent] of Object.entries(ctx.parents)) assert.equal(parent, `US-${unit.slice(3, 5)}`, unit);
    assert.deepEqual(ctx.railGaps, []);
  });
});

describe('gapReason', () => {
  it('reads the timetable notes: not in source, no direct train, none (a user metro: no direct service), other (unknown)', () => {
    assert.equal(gapReason('city_not_in_source: no station of one of the cities is in the timetable source'), 'not-in-source');
    assert.equal(gapReason('no direct EMU train in the source (a transfer may exist; not "no rail connection")'), 'no-direct-train');
    assert.equal(gapReason(null), 'no-direct-train');
    assert.equal(gapReason('timetable not collected'), 'not-in-source');
  });
});
