import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeMetro } from '../../src/analysis/analyze-metro.ts';
import { compareMetros } from '../../src/analysis/benchmark.ts';
import { advantageOverlap } from '../../src/analysis/homogenisation.ts';
import { gradientRatioOf } from '../../src/analysis/typology.ts';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';
import { chain, homogeneous, horizontal, input, unit, vertical } from './fixtures.ts';

describe('analyzeMetro typology (Table 1)', () => {
  it('classifies a core of finance and research next to a manufacturing ring as vertical (T2)', () => {
    const [t] = analyzeMetro(vertical()).typology;
    assert.equal(t?.type, 'vertical');
    assert.equal(t?.rule, 'T2');
    assert.ok((t?.numbers.chainRatio as number) >= 1.5);
    assert.ok((t?.numbers.functionalGap as number) >= 0.5);
    assert.ok(t?.suggestedModes.includes('chain-collaboration'));
  });

  it('classifies two units with the same structure as competing (T1) and reports homogeneous competition', () => {
    const r = analyzeMetro(homogeneous());
    const [t] = r.typology;
    assert.equal(t?.type, 'competing');
    assert.equal(t?.rule, 'T1');
    assert.ok((t?.numbers.similarity as number) >= 0.9);
    const f = r.findings.find((x) => x.kind === 'homogeneous-competition');
    assert.ok(f !== undefined);
    assert.equal(f.severity, 'high');
    assert.deepEqual(f.regions, ['X', 'Y']);
    assert.equal(f.rule, 'F1');
  });

  it('classifies an agriculture–manufacturing chain without management sectors as mixed (T3)', () => {
    const r = analyzeMetro(chain());
    assert.equal(r.typology[0]?.type, 'mixed');
    assert.equal(r.structure.functionalSpecialisation, null);
    assert.ok(r.findings.some((f) => f.kind === 'strong-chain-pair'));
    const top = r.complementarity.pairs[0]?.topLinks[0];
    assert.deepEqual([top?.from, top?.supplier, top?.to, top?.buyer], ['F', 'A', 'Q', 'C']);
  });

  it('classifies different industries with no IO link as horizontal (T4)', () => {
    const r = analyzeMetro(horizontal());
    assert.equal(r.typology[0]?.type, 'horizontal');
    assert.ok((r.typology[0]?.numbers.chainRatio as number) < 1);
    assert.ok(r.findings.some((f) => f.kind === 'weak-complementarity'));
  });

  it('cannot fire the chain rules without an IO table and says so', () => {
    const { inputOutput: _io, ...rest } = chain();
    const r = analyzeMetro(rest);
    assert.equal(r.typology[0]?.type, 'horizontal');
    assert.equal(r.typology[0]?.numbers.chainRatio, null);
    assert.equal(r.complementarity.absent[0]?.what, 'complementarity');
  });

  it('honours thresholds passed as options', () => {
    const r = analyzeMetro(vertical(), { chainHigh: 10 });
    assert.equal(r.typology[0]?.type, 'horizontal');
    assert.equal(r.typology[0]?.thresholds.chainHigh, 10);
  });
});

describe('analyzeMetro measures', () => {
  it('computes functional specialisation as (M_i/P_i)/(M/P) − 1', () => {
    const r = analyzeMetro(vertical());
    const fs = r.structure.functionalSpecialisation;
    assert.ok(fs !== null);
    // H: M = K + M = 75, P = C = 5; P unit: M = 5, P = 80; metro M/P = 80/85.
    assertClose(fs.values[0] as number, 75 / 5 / (80 / 85) - 1, 1e-12, 'FS H');
    assertClose(fs.values[1] as number, 5 / 80 / (80 / 85) - 1, 1e-12, 'FS P');
  });

  it('uses rail minutes when the timetable has them and km otherwise, per pair', () => {
    const base = vertical();
    const withRail = analyzeMetro({ ...base, travelTimes: [{ origin: 'H', destination: 'P', minutes: 40, mode: 'rail', source: 't' }] });
    assert.equal(withRail.linkage.pairs[0]?.distanceKind, 'rail-minutes');
    assert.equal(withRail.linkage.pairs[0]?.distance, 40);
    const noRail = analyzeMetro(base);
    assert.equal(noRail.linkage.pairs[0]?.distanceKind, 'km');
    assert.ok((noRail.linkage.pairs[0]?.km as number) > 40);
  });

  it('shows a missing GDP as a gap and leaves gravity absent for that pair', () => {
    const base = vertical();
    const overview = (base.overview ?? []).map((o) => (o.unit === 'P' ? { unit: 'P', population: o.population } : o));
    const r = analyzeMetro({ ...base, overview: overview as never });
    assert.equal(r.linkage.pairs[0]?.strength, null);
    assert.ok(r.linkage.absent.some((a) => a.what === 'linkage.gravity'));
  });

  it('computes the homogenisation index as the mean similarity over pairs and its trend', () => {
    const base = homogeneous();
    const earlier = RegionIndustryMatrix.fromWide(
      ['X', 'Y'],
      ['A', 'C', 'G', 'K', 'M'],
      [
        [50, 10, 20, 10, 10],
        [10, 50, 20, 10, 10],
      ],
    );
    const r = analyzeMetro({ ...base, earlier: [{ year: 2015, matrix: earlier }] });
    assertClose(r.homogenisation.index as number, r.homogenisation.pairs[0]?.similarity as number, 1e-15, 'index');
    assert.deepEqual(
      r.homogenisation.trend.map((t) => t.year),
      [2015, 2020],
    );
    assert.ok(r.findings.some((f) => f.kind === 'homogenisation-rising'));
  });

  it('reports a plan position contradicted by an LQ below 1', () => {
    const r = analyzeMetro({
      ...vertical(),
      knowledge: [
        {
          id: 'kb-1',
          kind: 'positioning',
          unit: 'H',
          year: 2015,
          textEn: 'H: manufacturing base',
          textZh: null,
          industries: ['C'],
          verified: true,
          source: 's',
        },
      ],
    });
    const f = r.findings.find((x) => x.kind === 'plan-contradicted');
    assert.ok(f !== undefined);
    assert.deepEqual(f.industries, ['C']);
    assert.ok((f.evidence[0]?.values.lq as number) < 1);
  });

  it('reports a contradicted position once per unit and industry, citing every knowledge item that names it', () => {
    const item = (id: string, verified: boolean) => ({
      id,
      kind: 'positioning' as const,
      unit: 'H',
      year: 2015,
      textEn: null,
      textZh: null,
      industries: ['C'],
      verified,
      source: 's',
    });
    const r = analyzeMetro({ ...vertical(), knowledge: [item('kb-1', false), item('kb-2', true), item('kb-3', false)] });
    const found = r.findings.filter((x) => x.kind === 'plan-contradicted');
    assert.equal(found.length, 1);
    assert.match(found[0]?.detail.en ?? '', /kb-1, kb-2, kb-3/);
    assert.equal(found[0]?.severity, 'medium');
  });

  it('scores the government driver from plans, mechanisms, positions and projects', () => {
    const k = (id: string, kind: 'plan' | 'mechanism' | 'positioning' | 'project', u: string | null) => ({
      id,
      kind,
      unit: u,
      year: null,
      textEn: null,
      textZh: null,
      industries: [],
      verified: true,
      source: 's',
    });
    const r = analyzeMetro({
      ...vertical(),
      knowledge: [k('p', 'plan', null), k('m', 'mechanism', null), k('h', 'positioning', 'H'), k('q', 'positioning', 'P'), k('j', 'project', 'P')],
    });
    assert.equal(r.drivers.pairs[0]?.government.score, 1);
    assert.deepEqual(r.drivers.pairs[0]?.government.items, ['h', 'j', 'm', 'p', 'q']);
    const none = analyzeMetro(vertical());
    assert.equal(none.drivers.metro.government.score, 0);
    assert.ok(none.drivers.missing.includes('government'));
  });

  it('finds a missing chain link: a key input of a leading industry that no unit specialises in', () => {
    // Metro is all manufacturing and trade; finance (K) is a key input of C nationally but nearly absent here.
    const r = analyzeMetro(input({ U: [1, 60, 38, 0.5, 0.5], V: [1, 70, 28, 0.5, 0.5] }, [unit('U', 'core', 116.4, 39.9), unit('V', 'inner', 116.5, 39.8)]));
    assert.ok(r.complementarity.missingLinks.some((m) => m.input === 'K' && m.buyer === 'C'));
    assert.ok(r.findings.some((f) => f.id === 'missing-chain-link:K>C'));
  });
});

describe('analyzeMetro contract', () => {
  it('does not depend on the order of the units or the industries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 5, maxLength: 5 }), { minLength: 3, maxLength: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        (rows, seed) => {
          const ids = rows.map((_, k) => `U${k}`);
          const units = ids.map((id, k) => unit(id, k === 0 ? 'core' : 'inner', 116 + k * 0.3, 39 + k * 0.2));
          const a = input(Object.fromEntries(ids.map((id, k) => [id, rows[k] as number[]])), units);
          const perm = [...ids.keys()].sort((x, y) => ((x * 7919 + seed) % 13) - ((y * 7919 + seed) % 13));
          const b = input(
            Object.fromEntries(perm.map((k) => [ids[k] as string, rows[k] as number[]])),
            perm.map((k) => units[k] as (typeof units)[number]),
          );
          assert.equal(JSON.stringify(analyzeMetro(a)), JSON.stringify(analyzeMetro(b)));
        },
      ),
      { seed: 42, numRuns: propertyRuns.pipeline },
    );
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    assert.equal(JSON.stringify(analyzeMetro(vertical())), JSON.stringify(analyzeMetro(vertical())));
  });

  it('rejects units that are not matrix rows, too few units and bad options with stable codes', () => {
    assert.throws(
      () => analyzeMetro({ ...vertical(), units: [unit('Z', 'core', 1, 1)] }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'UNIT_MISMATCH',
    );
    const one = input({ H: [1, 2, 3, 4, 5] }, [unit('H', 'core', 1, 1)]);
    assert.throws(
      () => analyzeMetro(one),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'TOO_FEW_UNITS',
    );
    assert.throws(
      () => analyzeMetro(vertical(), { similarityHigh: -1 }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
    assert.throws(
      () => analyzeMetro(vertical(), { nearKm: 500 }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
  });

  it('benchmarks against other results with ratios, positions and caveats', () => {
    const a = analyzeMetro(vertical());
    const b = analyzeMetro({
      ...homogeneous(),
      metro: { id: 'other', nameEn: 'Other', nameZh: '其他', country: 'JP' },
      unitSet: { ...homogeneous().unitSet, measure: 'output' },
    });
    const part = compareMetros([a, b]);
    const h = part.comparisons.find((c) => c.measure === 'homogenisationIndex');
    assertClose(h?.ratios.other as number, (a.homogenisation.index as number) / (b.homogenisation.index as number), 1e-12, 'ratio');
    assert.equal(h?.position, 2);
    assert.match(h?.statement.en ?? '', /Test metro's homogenisation index .* is 0\.166; Other's 0\.999/);
    assert.ok(part.caveats.some((c) => /employment/.test(c.en)));
    const withBench = analyzeMetro({ ...vertical(), benchmarks: [b] });
    assert.equal(withBench.benchmark?.metros.length, 2);
  });
});

describe('analysis helpers', () => {
  it('jaccard is |A∩B|/|A∪B| and null for two empty sets', () => {
    const jaccard = (a: readonly string[], b: readonly string[]) => advantageOverlap(['u1', 'u2'], [a, b])(0, 1);
    assert.equal(jaccard(['a', 'b'], ['b', 'c']), 1 / 3);
    assert.equal(jaccard([], []), null);
  });
  it('gradientRatioOf takes the largest ratio over industries where both are positive', () => {
    assert.equal(gradientRatioOf([1, 4, null], [2, 1, 3]), 4);
    assert.equal(gradientRatioOf([null], [1]), null);
  });
});
