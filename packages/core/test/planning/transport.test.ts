import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeMetro } from '../../src/analysis/analyze-metro.ts';
import type { MetroAnalysisOptions } from '../../src/analysis/options.ts';
import type { AnalysisTravelTime, MetroAnalysisInput } from '../../src/analysis/types.ts';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { type TransportOptions, transportPriorities } from '../../src/planning/transport.ts';
import { type TransportPart, transportPartSchema } from '../../src/planning/transport-schema.ts';
import type { PlanningContext, RailGap } from '../../src/planning/types.ts';
import { input, unit } from '../analysis/fixtures.ts';
import { assertClose } from '../helpers.ts';

/**
 * A hand-made metro on one parallel (39.9° N): A 116.0, X 116.2, B 116.5, C 117.3, D 118.5 °E. With equal masses the
 * gravity order is the distance order: A–X 17 km, X–B 26, A–B 43, B–C 68, X–C 94, C–D 102, A–C 111, B–D 171, X–D 196,
 * A–D 213. X has no station in the timetable (a made-up source); A–B has no direct train; the others are timed.
 */
const units = [
  unit('A', 'core', 116.0, 39.9),
  unit('B', 'inner', 116.5, 39.9),
  unit('C', 'inner', 117.3, 39.9),
  unit('D', 'outer', 118.5, 39.9),
  unit('X', 'inner', 116.2, 39.9),
];
const rows: Record<string, number[]> = {
  A: [0, 5, 20, 50, 25],
  B: [5, 80, 10, 3, 2],
  C: [10, 50, 20, 10, 10],
  D: [80, 10, 5, 3, 2],
  X: [5, 60, 15, 10, 10],
};
const source = 'TEST_RAIL';
const timed = (origin: string, destination: string, minutes: number): AnalysisTravelTime => ({ origin, destination, minutes, mode: 'rail', source });
const gap = (origin: string, destination: string, reason: RailGap['reason']): RailGap => ({ origin, destination, reason, source });

/** Minutes per timed pair (B–C fast, C–D slow, A–C fast but above the median, B–D, A–D). */
const baseMinutes: Record<string, number> = { 'B-C': 20, 'C-D': 80, 'A-C': 40, 'B-D': 60, 'A-D': 70 };

function context(
  minutes: Record<string, number> = baseMinutes,
  gaps: RailGap[] = [gap('A', 'B', 'no-direct-train'), ...['A', 'B', 'C', 'D'].map((u) => gap('X', u, 'not-in-source'))],
  extra: Partial<MetroAnalysisInput> = {},
  analysisOptions: MetroAnalysisOptions = {},
): PlanningContext {
  const travelTimes = Object.entries(minutes).map(([k, m]) => {
    const [a, b] = k.split('-') as [string, string];
    return timed(a, b, m);
  });
  const metro = input(rows, units, { travelTimes, ...extra });
  return { input: metro, analysis: analyzeMetro(metro, analysisOptions), parents: {}, railGaps: gaps, relocations: null };
}

/** The column index of pair {p, q} (ids). */
function pairIndex(part: TransportPart, p: string, q: string): number {
  const ids = part.units.map((u) => u.id);
  const [x, y] = [ids.indexOf(p), ids.indexOf(q)].sort((s, t) => s - t) as [number, number];
  const k = part.pairs.a.findIndex((a, i) => a === x && part.pairs.b[i] === y);
  assert.ok(k >= 0, `pair ${p}-${q}`);
  return k;
}

const listed = (part: TransportPart) => [...part.headline, ...part.rest].map((p) => `${p.a.id}-${p.b.id}`);
const half: TransportOptions = { interactionQuantile: 0.5 };
const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;

describe('transportPriorities', () => {
  it('ranks first a strongly interacting pair with no direct train, with its numbers, source and date', () => {
    const part = transportPriorities(context(), {
      ...half,
      timetableDates: { [source]: { date: '2021-01-15', label: { en: 'test timetable', zh: '测试时刻表' } } },
    });
    const first = part.headline[0];
    assert.ok(first !== undefined);
    assert.equal(`${first.a.id}-${first.b.id}`, 'A-B');
    assert.equal(first.rank, 1);
    assert.equal(first.status, 'no-direct-train');
    assert.equal(first.rail.transferMayExist, true);
    assert.equal(first.rail.source, source);
    assert.equal(first.rail.timetableDate, '2021-01-15');
    assert.ok(first.interaction >= first.interactionThreshold);
    // Gravity written out: masses √(P·G) = √(1e6 · 1e10) each, over km².
    const q = pairIndex(part, 'A', 'B');
    assertClose(first.gravity, (1e8 * 1e8) / (part.pairs.km[q] as number) ** 2, 1e-3);
    assertClose(first.a.mass, 1e8, 1e-6);
  });

  it('takes an unknown source’s date from the data (a user-defined metro’s travel times), else says it is undated', () => {
    const dated = transportPriorities({ ...context(), timetables: [{ source, date: '2024-06-01' }] }, half);
    assert.equal(dated.headline[0]?.rail.timetableDate, '2024-06-01');
    assert.match(dated.timetable.sources[0]?.label.en ?? '', /2024-06-01/);
    const undated = transportPriorities(context(), half);
    assert.equal(undated.headline[0]?.rail.timetableDate, null);
  });

  it('does not list a fast direct pair of the top part', () => {
    const part = transportPriorities(context(), half);
    const q = pairIndex(part, 'B', 'C');
    assert.equal(part.pairs.topPart[q], true);
    assert.equal(part.pairs.status[q], 'direct');
    assert.ok(!listed(part).includes('B-C'));
  });

  it('lists a pair with a unit the timetable does not cover as unknown, never ranked', () => {
    const part = transportPriorities(context(), half);
    const q = pairIndex(part, 'A', 'X');
    assert.equal(part.pairs.status[q], 'unknown');
    assert.equal(part.pairs.topPart[q], true);
    assert.ok(!listed(part).some((p) => p.includes('X')));
    const u = part.unknown.pairs.find((p) => p.a === 'A' && p.b === 'X');
    assert.ok(u !== undefined);
    assert.equal(u.reason, 'unit-not-covered');
    assert.deepEqual(u.uncovered, ['X']);
    assert.equal(part.units.find((x) => x.id === 'X')?.coverage, 'not-in-source');
    assert.equal(part.units.find((x) => x.id === 'A')?.coverage, 'covered');
    assert.equal(part.unknown.count, 4);
  });

  it('flags a direct pair slow exactly when its time-distance ratio is above the metro median', () => {
    const km = transportPriorities(context()).pairs.km[pairIndex(transportPriorities(context()), 'A', 'C')] as number;
    const seen = new Set<boolean>();
    let flips = 0;
    let previous: boolean | null = null;
    for (let t = 30; t <= 60; t += 0.25) {
      const part = transportPriorities(context({ ...baseMinutes, 'A-C': t }), { speedFloorKmh: null });
      const q = pairIndex(part, 'A', 'C');
      const tg = t / ((km / 200) * 60);
      assertClose(part.pairs.timeRatio[q] as number, tg, 1e-9, 'TG');
      const slow = part.pairs.status[q] === 'slow';
      assert.equal(slow, tg > (part.rules.medianTimeRatio as number), `t = ${t}`);
      if (previous !== null && previous !== slow) flips++;
      previous = slow;
      seen.add(slow);
    }
    assert.deepEqual([...seen].sort(), [false, true]);
    assert.equal(flips, 1);
  });

  it('keeps a pair above the median but faster than the floor direct, and says which test failed', () => {
    const withFloor = transportPriorities(context());
    const noFloor = transportPriorities(context(), { speedFloorKmh: null });
    const q = pairIndex(withFloor, 'A', 'C');
    assert.ok((withFloor.pairs.timeRatio[q] as number) > (withFloor.rules.medianTimeRatio as number));
    assert.ok((withFloor.pairs.speedKmh[q] as number) >= 120);
    assert.equal(withFloor.pairs.status[q], 'direct');
    assert.equal(noFloor.pairs.status[q], 'slow');
    const slow = transportPriorities(context(), { interactionQuantile: 0 }).headline.find((p) => p.a.id === 'C' && p.b.id === 'D');
    assert.ok(slow !== undefined);
    assert.equal(slow.status, 'slow');
    assert.equal(slow.rail.aboveMedian, true);
    assert.equal(slow.rail.belowFloor, true);
    assertClose(slow.rail.minutes as number, 80);
  });

  it('does not change the expected interaction when rail minutes change, even when the analysis used minutes', () => {
    // Every pair timed: the analysis's linkage uses rail minutes as impedance.
    const all: Record<string, number> = {};
    const ids = units.map((u) => u.id);
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) all[`${ids[i]}-${ids[j]}`] = 30 + 7 * i + 11 * j;
    const slower = Object.fromEntries(Object.entries(all).map(([k, m], n) => [k, m * (1 + (n % 3))]));
    const c1 = context(all, []);
    const c2 = context(slower, []);
    assert.equal(c1.analysis.linkage.impedance.kind, 'rail-minutes');
    assert.notDeepEqual(c1.analysis.linkage.pairs.strength, c2.analysis.linkage.pairs.strength);
    const p1 = transportPriorities(c1);
    const p2 = transportPriorities(c2);
    assert.deepEqual(p1.pairs.interaction, p2.pairs.interaction);
    assert.deepEqual(p1.pairs.gravity, p2.pairs.gravity);
    assert.notDeepEqual(p1.pairs.railMinutes, p2.pairs.railMinutes);
    assert.equal(p1.basis.analysisImpedance, 'rail-minutes');
  });

  it('combines gravity and chain complementarity as ĝ · (1 + κ · ĉ) when the table tells industries apart', () => {
    const ctx = context(baseMinutes, undefined, {}, { minTradedIndustries: 1 });
    const part = transportPriorities(ctx);
    assert.equal(part.basis.chain.used, true);
    for (let q = 0; q < part.pairs.a.length; q++) {
      const expected = (part.pairs.gravityNormalised[q] as number) * (1 + (part.pairs.chainNormalised[q] as number));
      assertClose(part.pairs.interaction[q] as number, expected, 1e-12, `pair ${q}`);
    }
    const gravityOnly = transportPriorities(ctx, { chainWeight: 0 });
    assert.deepEqual(gravityOnly.pairs.interaction, gravityOnly.pairs.gravityNormalised);
    // Five industries are too few to judge by default: the chain is shown, not used.
    const coarse = transportPriorities(context());
    assert.equal(coarse.basis.chain.used, false);
    assert.deepEqual(coarse.pairs.interaction, coarse.pairs.gravityNormalised);
  });

  it('marks every pair unknown when no unit has timetable data, and a unit without any row as no-row', () => {
    const none = transportPriorities(context({}, []));
    assert.equal(none.unknown.count, 10);
    assert.deepEqual(none.unknown.pairs, []);
    assert.ok(none.units.every((u) => u.coverage === 'no-timetable-data'));
    assert.equal(none.headline.length, 0);
    // D in no row at all while others are covered (like Hebei, a province, against a table of cities).
    const noD = transportPriorities(context({ 'B-C': 20, 'A-C': 40 }, [gap('A', 'B', 'no-direct-train')], {}, {}), half);
    assert.equal(noD.units.find((u) => u.id === 'D')?.coverage, 'no-row');
    assert.equal(noD.pairs.status[pairIndex(noD, 'C', 'D')], 'unknown');
  });

  it('uses population as every unit’s mass when one unit lacks GDP, or leaves that unit’s pairs unscored', () => {
    const overview = units.map((u) => ({
      unit: u.id,
      population: { value: 1e6, unit: 'persons', year: 2020, source: 'test' },
      ...(u.id === 'B' ? {} : { gdp: { value: 1e10, unit: 'CNY', year: 2020, source: 'test' } }),
    }));
    const ctx = context(baseMinutes, undefined, { overview });
    const auto = transportPriorities(ctx, half);
    assert.equal(auto.basis.mass.kind, 'population');
    assert.equal(auto.headline[0]?.a.id, 'A');
    assert.equal(auto.headline[0]?.b.id, 'B');
    assert.equal(auto.headline[0]?.a.gdp, null);
    const strict = transportPriorities(ctx, { ...half, mass: 'population-gdp' });
    assert.equal(strict.basis.mass.kind, 'population-gdp');
    assert.equal(strict.pairs.interaction[pairIndex(strict, 'A', 'B')], null);
    assert.ok(strict.notScored.some((p) => p.a === 'A' && p.b === 'B' && p.status === 'no-direct-train'));
    assert.ok(!listed(strict).includes('A-B'));
  });

  it('returns a document that meets its schema and is the same on every run', () => {
    const part = transportPriorities(context(), half);
    assert.equal(transportPartSchema.safeParse(part).success, true);
    assert.equal(JSON.stringify(part), JSON.stringify(transportPriorities(context(), half)));
    assert.equal(part.headline.length + part.rest.length, listed(part).length);
    const short = transportPriorities(context(), { interactionQuantile: 0, headline: 1 });
    assert.equal(short.headline.length, 1);
    assert.ok(short.rest.length >= 1);
    assert.ok((short.headline[0]?.interaction as number) >= (short.rest[0]?.interaction as number));
  });

  it('rejects options out of range with INVALID_OPTION', () => {
    const ctx = context();
    assert.throws(() => transportPriorities(ctx, { interactionQuantile: 1 }), isCode('INVALID_OPTION'));
    assert.throws(() => transportPriorities(ctx, { referenceSpeedKmh: 0 }), isCode('INVALID_OPTION'));
    assert.throws(() => transportPriorities(ctx, { chainWeight: -1 }), isCode('INVALID_OPTION'));
    assert.throws(() => transportPriorities(ctx, { headline: 1.5 }), isCode('INVALID_OPTION'));
    assert.throws(() => transportPriorities(ctx, { speedFloorKmh: Number.NaN }), isCode('INVALID_OPTION'));
  });
});
