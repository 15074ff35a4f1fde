import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeMetro } from '../../src/analysis/analyze-metro.ts';
import type { BenchmarkBasis } from '../../src/analysis/benchmark.ts';
import { gradientRatioOf } from '../../src/analysis/typology.ts';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';
import { homogeneous, input, unit, vertical } from './fixtures.ts';

// The typology (Table 1) is tested in typology.test.ts, the findings in findings.test.ts.

describe('analyzeMetro measures', () => {
  it('computes functional specialisation as (M_i/P_i)/(M/P) − 1', () => {
    const r = analyzeMetro(vertical());
    const fs = r.structure.functionalSpecialisation;
    assert.ok(fs !== null);
    // H: M = K + M = 75, P = C = 5; P unit: M = 5, P = 80; metro M/P = 80/85.
    assertClose(fs.values[0] as number, 75 / 5 / (80 / 85) - 1, 1e-12, 'FS H');
    assertClose(fs.values[1] as number, 5 / 80 / (80 / 85) - 1, 1e-12, 'FS P');
  });

  it('uses rail minutes when every pair has them and km otherwise', () => {
    const base = vertical();
    const withRail = analyzeMetro({ ...base, travelTimes: [{ origin: 'H', destination: 'P', minutes: 40, mode: 'rail', source: 't' }] });
    assert.equal(withRail.linkage.impedance.kind, 'rail-minutes');
    assert.equal(withRail.linkage.pairs.railMinutes[0], 40);
    const noRail = analyzeMetro(base);
    assert.equal(noRail.linkage.impedance.kind, 'km');
    // Haversine on the fixture's points (116.4°E 39.9°N and 116.9°E 39.7°N), Earth radius 6,371.0088 km.
    const rad = Math.PI / 180;
    const h = Math.sin((0.2 * rad) / 2) ** 2 + Math.cos(39.9 * rad) * Math.cos(39.7 * rad) * Math.sin((0.5 * rad) / 2) ** 2;
    assertClose(noRail.linkage.pairs.km[0] as number, 2 * 6371.0088 * Math.asin(Math.sqrt(h)), 1e-6, 'km');
  });

  it('shows a missing GDP as a gap and leaves gravity absent for that pair', () => {
    const base = vertical();
    const overview = (base.overview ?? []).map((o) => (o.unit === 'P' ? { unit: 'P', population: o.population } : o));
    const r = analyzeMetro({ ...base, overview: overview as never });
    assert.equal(r.linkage.pairs.strength[0], null);
    assert.ok(r.linkage.absent.some((a) => a.what === 'linkage.gravity'));
  });

  it('reads the trend of the homogenisation over the available years', () => {
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
    assert.deepEqual(
      r.homogenisation.trend.map((t) => t.year),
      [2015, 2020],
    );
    // Four traded sections (A, C, K, M) are too few to judge: no index, only the mean traded similarity.
    assert.equal(r.homogenisation.index, null);
    assertClose(r.homogenisation.trend[1]?.meanTradedSimilarity as number, r.homogenisation.pairs.tradedSimilarity[0] as number, 1e-15, 'mean');
    assert.ok((r.homogenisation.trend[1]?.meanTradedSimilarity as number) > (r.homogenisation.trend[0]?.meanTradedSimilarity as number));
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
    assert.equal(r.drivers.pairs.government[0], 1);
    assert.deepEqual(r.drivers.metro.government.items, ['h', 'j', 'm', 'p', 'q']);
    const none = analyzeMetro(vertical());
    assert.equal(none.drivers.metro.government.score, 0);
    assert.ok(none.drivers.missing.includes('government'));
  });

  it('finds a missing chain link: a key input of a leading industry that no unit specialises in', () => {
    // Metro is all manufacturing and trade; finance (K) is a key input of C nationally but nearly absent here.
    const r = analyzeMetro(input({ U: [1, 60, 38, 0.5, 0.5], V: [1, 70, 28, 0.5, 0.5] }, [unit('U', 'core', 116.4, 39.9), unit('V', 'inner', 116.5, 39.8)]));
    const link = r.complementarity.missingLinks.find((m) => m.input === 'K' && m.buyer === 'C');
    // Metro ratio K ÷ C = 1 ÷ 130; national ratio = 100 ÷ 100 (fixture outputs).
    assertClose(link?.relative as number, 1 / 130, 1e-12, 'relative');
    assert.ok(r.findings.some((f) => f.kind === 'missing-chain-link' && f.industries.includes('K')));
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
      () => analyzeMetro(vertical(), { sameZ: -1 }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
    assert.throws(
      () => analyzeMetro(vertical(), { nearKm: 500 }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
  });

  it('puts the benchmark of the given bases in the result (benchmark.test.ts checks the figures)', () => {
    const basis = (id: string): BenchmarkBasis => ({
      metro: { id, nameEn: id, nameZh: id },
      indicator: 'employment',
      sourceIndicator: 'employment',
      classification: 'ISIC-4',
      sourceClassification: 'ISIC-4',
      year: 2017,
      source: 'test',
      unitSet: 'units',
      level: 'city',
      aggregatedFrom: null,
      coverage: 1,
      populationYear: 2017,
      units: [
        { id: 'X', ring: 'core', population: 1 },
        { id: 'Y', ring: 'inner', population: 1 },
      ],
      sections: ['C', 'J'],
      values: [
        [1, 3],
        [3, 1],
      ],
      unmapped: [],
    });
    assert.equal(analyzeMetro(vertical()).benchmark, null);
    const r = analyzeMetro({ ...vertical(), benchmark: [basis('test'), basis('other')] });
    assert.deepEqual(r.benchmark?.ranked, ['test', 'other']);
    assert.equal(r.benchmark?.comparisons.find((c) => c.measure === 'coreRingFunctionalRatio')?.values.test, 9);
  });
});

describe('analysis helpers', () => {
  it('gradientRatioOf takes the largest ratio over industries where both are positive', () => {
    assert.equal(gradientRatioOf([1, 4, null], [2, 1, 3]), 4);
    assert.equal(gradientRatioOf([null], [1]), null);
  });
});
