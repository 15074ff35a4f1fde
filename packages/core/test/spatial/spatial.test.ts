import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { labelledMatrix, labelledVector } from '../../src/matrix/labelled.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { gravityLinkage } from '../../src/spatial/gravity-linkage.ts';
import { greatCircleDistance, greatCircleDistanceMatrix } from '../../src/spatial/great-circle-distance.ts';
import { hansenAccessibility } from '../../src/spatial/hansen-accessibility.ts';
import { membershipDegree } from '../../src/spatial/membership-degree.ts';
import { urbanFlowIntensity } from '../../src/spatial/urban-flow-intensity.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;

// City seats from ../fixtures/cn-regions.csv, a copy of packages/data/raw/cn/regions.csv
// (code,name_zh,name_en,province_zh,metro,yrd_central,lon,lat,…).
const seats = new Map<string, { lon: number; lat: number }>();
const seatsFile = new URL('../fixtures/cn-regions.csv', import.meta.url);
for (const line of readFileSync(seatsFile, 'utf8').trim().split(/\r?\n/).slice(1)) {
  const f = line.split(',');
  seats.set(f[2] as string, { lon: Number(f[6]), lat: Number(f[7]) });
}
const seat = (name: string) => seats.get(name) ?? assert.fail(`no ${name} in regions.csv`);
// Independent check: spherical law of cosines (fine at these distances in double precision).
const cosines = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) => {
  const r = Math.PI / 180;
  return 6371.0088 * Math.acos(Math.sin(a.lat * r) * Math.sin(b.lat * r) + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lon - a.lon) * r));
};

describe('greatCircleDistance', () => {
  it('Beijing–Tianjin is about 110 km and Shanghai–Nanjing about 267 km', () => {
    const bt = greatCircleDistance(seat('Beijing'), seat('Tianjin'));
    assert.ok(bt > 108 && bt < 112, `Beijing–Tianjin ${bt}`);
    assertClose(bt, cosines(seat('Beijing'), seat('Tianjin')), 1e-6);
    const sn = greatCircleDistance(seat('Shanghai'), seat('Nanjing'));
    assert.ok(sn > 262 && sn < 272, `Shanghai–Nanjing ${sn}`);
    assertClose(sn, cosines(seat('Shanghai'), seat('Nanjing')), 1e-6);
  });

  it('gives a quarter meridian and antipodes (hand cases) and 0 for a point to itself', () => {
    const r = 6371.0088;
    assertClose(greatCircleDistance({ lon: 0, lat: 0 }, { lon: 0, lat: 90 }), (Math.PI / 2) * r, 1e-9);
    assertClose(greatCircleDistance({ lon: 0, lat: 0 }, { lon: 180, lat: 0 }), Math.PI * r, 1e-9);
    assert.equal(greatCircleDistance(seat('Beijing'), seat('Beijing')), 0);
    assertClose(greatCircleDistance({ lon: 0, lat: 0 }, { lon: 90, lat: 0 }, { radiusKm: 1 }), Math.PI / 2, 1e-15);
  });

  it('rejects coordinates out of range and a bad radius', () => {
    assert.throws(() => greatCircleDistance({ lon: 0, lat: 91 }, { lon: 0, lat: 0 }), isCode('INVALID_COORDINATE'));
    assert.throws(() => greatCircleDistance({ lon: 200, lat: 0 }, { lon: 0, lat: 0 }), isCode('INVALID_COORDINATE'));
    assert.throws(() => greatCircleDistance({ lon: Number.NaN, lat: 0 }, { lon: 0, lat: 0 }), isCode('INVALID_COORDINATE'));
    assert.throws(() => greatCircleDistance({ lon: 0, lat: 0 }, { lon: 0, lat: 0 }, { radiusKm: 0 }), isCode('INVALID_OPTION'));
  });

  it('builds a symmetric matrix with a zero diagonal', () => {
    const d = greatCircleDistanceMatrix(['Beijing', 'Tianjin', 'Shanghai'].map((label) => ({ label, ...seat(label) })));
    assert.deepEqual(d.rows, ['Beijing', 'Tianjin', 'Shanghai']);
    for (let i = 0; i < 3; i++) {
      assert.equal(d.values[i * 3 + i], 0);
      for (let j = 0; j < 3; j++) assert.equal(d.values[i * 3 + j], d.values[j * 3 + i]);
    }
    assertClose(d.values[1] as number, greatCircleDistance(seat('Beijing'), seat('Tianjin')), 1e-9);
  });
});

describe('gravityLinkage', () => {
  const regions = ['A', 'B', 'C'];
  const km = labelledMatrix(regions, regions, new Float64Array([0, 10, 20, 10, 0, 30, 20, 30, 0]));

  it('matches a hand computation with km and b = 2', () => {
    // √(P G) = (√(4·9), √(1·16), √(25·4)) = (6, 4, 10).
    const r = gravityLinkage({ regions, population: [4, 1, 25], gdp: [9, 16, 4], km });
    assertAllClose(r.strength.values, [0, 24 / 100, 60 / 400, 24 / 100, 0, 40 / 900, 60 / 400, 40 / 900, 0], 1e-15);
    assertAllClose(r.total.values, [0.24 + 0.15, 0.24 + 40 / 900, 0.15 + 40 / 900], 1e-15);
    assert.equal(r.railPairs, 0);
    assert.ok(r.distanceKind.every((k) => k === 0));
  });

  it('uses rail minutes where known (mean of both directions, or the one known) and says so', () => {
    const absent = new Uint8Array([1, 1, 1, 0, 1, 1, 1, 1, 1]); // only B → A is known
    const rail = labelledMatrix(regions, regions, new Float64Array([0, 0, 0, 50, 0, 0, 0, 0, 0]), absent);
    const r = gravityLinkage({ regions, population: [4, 1, 25], gdp: [9, 16, 4], km, railMinutes: rail }, { exponent: 1 });
    assert.equal(r.railPairs, 1);
    assert.deepEqual([...r.distanceKind], [0, 1, 0, 1, 0, 0, 0, 0, 0]);
    assertClose(r.strength.values[1] as number, 24 / 50, 1e-15);
    assertClose(r.strength.values[2] as number, 60 / 20, 1e-15);
    const both = labelledMatrix(regions, regions, new Float64Array([0, 40, 0, 60, 0, 0, 0, 0, 0]), new Uint8Array([1, 0, 1, 0, 1, 1, 1, 1, 1]));
    assertClose(
      gravityLinkage({ regions, population: [4, 1, 25], gdp: [9, 16, 4], km, railMinutes: both }, { exponent: 1 }).distance.values[1] as number,
      50,
      1e-15,
    );
  });

  it('rejects zero distances, negative masses, misaligned labels and a bad exponent', () => {
    const zero = labelledMatrix(regions, regions, new Float64Array([0, 0, 20, 0, 0, 30, 20, 30, 0]));
    assert.throws(() => gravityLinkage({ regions, population: [1, 1, 1], gdp: [1, 1, 1], km: zero }), isCode('ZERO_DISTANCE'));
    assert.throws(() => gravityLinkage({ regions, population: [1, -1, 1], gdp: [1, 1, 1], km }), isCode('NEGATIVE_VALUE'));
    assert.throws(() => gravityLinkage({ regions, population: [1, 1], gdp: [1, 1, 1], km }), isCode('SHAPE_MISMATCH'));
    assert.throws(() => gravityLinkage({ regions: ['A', 'C', 'B'], population: [1, 1, 1], gdp: [1, 1, 1], km }), isCode('LABEL_MISMATCH'));
    assert.throws(
      () => gravityLinkage({ regions, population: labelledVector(['B', 'A', 'C'], new Float64Array(3)), gdp: [1, 1, 1], km }),
      isCode('LABEL_MISMATCH'),
    );
    assert.throws(() => gravityLinkage({ regions, population: [1, 1, 1], gdp: [1, 1, 1], km }, { exponent: -1 }), isCode('INVALID_OPTION'));
  });

  it('is symmetric, membership rows sum to 1, and permuting regions permutes the result (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0.1, max: 1e4, noNaN: true }),
            fc.double({ min: 0.1, max: 1e4, noNaN: true }),
            fc.double({ min: 20, max: 45, noNaN: true }),
            fc.double({ min: 110, max: 122, noNaN: true }),
          ),
          { minLength: 2, maxLength: 8 },
        ),
        (rows) => {
          const labels = rows.map((_, k) => `R${k}`);
          const points = rows.map(([, , lat, lon], k) => ({ label: labels[k] as string, lat, lon }));
          const d = greatCircleDistanceMatrix(points);
          for (let i = 0; i < rows.length; i++) for (let j = 0; j < i; j++) fc.pre((d.values[i * rows.length + j] as number) > 1e-6);
          const g = gravityLinkage({ regions: labels, population: rows.map((r) => r[0]), gdp: rows.map((r) => r[1]), km: d });
          const n = rows.length;
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) assert.equal(g.strength.values[i * n + j], g.strength.values[j * n + i]);
          const m = membershipDegree(g.strength);
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += m.values[i * n + j] as number;
            assertClose(s, 1, 1e-12);
          }
          const rev = [...points].reverse();
          const gr = gravityLinkage({
            regions: rev.map((p) => p.label),
            population: [...rows].reverse().map((r) => r[0]),
            gdp: [...rows].reverse().map((r) => r[1]),
            km: greatCircleDistanceMatrix(rev),
          });
          assertAllClose([...gr.total.values].reverse(), g.total.values, 1e-9 * Math.max(...g.total.values));
        },
      ),
      { seed: 1931, numRuns: propertyRuns.kernel },
    );
  });

  it('links Beijing–Tianjin more strongly than Beijing–Shijiazhuang for equal masses (real coordinates)', () => {
    const names = ['Beijing', 'Tianjin', 'Shijiazhuang'];
    const d = greatCircleDistanceMatrix(names.map((label) => ({ label, ...seat(label) })));
    const r = gravityLinkage({ regions: names, population: [1, 1, 1], gdp: [1, 1, 1], km: d });
    assert.ok((r.strength.values[1] as number) > (r.strength.values[2] as number));
  });
});

describe('membershipDegree', () => {
  it('row-normalises ignoring the diagonal (hand case)', () => {
    const m = membershipDegree(labelledMatrix(['A', 'B', 'C'], ['A', 'B', 'C'], new Float64Array([9, 1, 3, 1, 0, 1, 3, 1, 0])));
    assertAllClose(m.values, [0, 0.25, 0.75, 0.5, 0, 0.5, 0.75, 0.25, 0], 1e-15);
  });

  it('rejects an isolated region by default and marks it absent on request', () => {
    const iso = labelledMatrix(['A', 'B', 'C'], ['A', 'B', 'C'], new Float64Array([0, 1, 0, 1, 0, 0, 0, 0, 0]));
    assert.throws(() => membershipDegree(iso), isCode('ZERO_ROW'));
    const m = membershipDegree(iso, { zeroRows: 'absent' });
    assert.deepEqual([...(m.absent ?? [])], [0, 0, 0, 0, 0, 0, 1, 1, 1]);
    assert.throws(() => membershipDegree(iso, { zeroRows: 'drop' as never }), isCode('INVALID_OPTION'));
  });
});

describe('urbanFlowIntensity', () => {
  // L = 200; industry totals s = 80, m = 120; A: 60/40 (LQ_s = 1.5), B: 20/80.
  const jobs = RegionIndustryMatrix.fromWide(
    ['A', 'B'],
    ['m', 's'],
    [
      [40, 60],
      [80, 20],
    ],
  );

  it('matches a hand computation (services only)', () => {
    const r = urbanFlowIntensity(jobs, [500, 1000], { sectors: ['s'] });
    // A: E = 60 − 100·80/200 = 20; N = 500/100 = 5; F = 100; K = 0.2. B: LQ_s < 1 → E = 0.
    assertAllClose(r.outward.values, [20, 0], 1e-12);
    assertAllClose(r.efficiency.values, [5, 10], 1e-12);
    assertAllClose(r.intensity.values, [100, 0], 1e-12);
    assertAllClose(r.tendency.values, [0.2, 0], 1e-12);
    assertAllClose(r.outwardByIndustry.values, [0, 20, 0, 0], 1e-12);
  });

  it('counts every industry by default', () => {
    // B: LQ_m = (80/100)/(120/200) > 1 → E = 80 − 60 = 20; N = 10.
    assertAllClose(urbanFlowIntensity(jobs, [500, 1000]).intensity.values, [100, 200], 1e-12);
  });

  it('rejects unknown sectors and non-positive GDP', () => {
    assert.throws(() => urbanFlowIntensity(jobs, [500, 1000], { sectors: ['x'] }), isCode('UNKNOWN_LABEL'));
    assert.throws(() => urbanFlowIntensity(jobs, [0, 1000]), isCode('NON_POSITIVE'));
    assert.throws(() => urbanFlowIntensity(jobs, [1]), isCode('SHAPE_MISMATCH'));
  });
});

describe('hansenAccessibility', () => {
  const opp = labelledVector(['A', 'B', 'C'], new Float64Array([100, 200, 300]));
  const cost = labelledMatrix(['A', 'B', 'C'], ['A', 'B', 'C'], new Float64Array([0, 10, 20, 10, 0, 10, 20, 10, 0]));

  it('sums opportunities with power decay, excluding self by default (hand case)', () => {
    assertAllClose(hansenAccessibility(opp, cost).values, [200 / 100 + 300 / 400, 100 / 100 + 300 / 100, 100 / 400 + 200 / 100], 1e-15);
  });

  it('supports exponential decay with self included, and unreachable (absent) pairs', () => {
    const r = hansenAccessibility(opp, cost, { decay: { kind: 'exponential', rate: 0.1 }, includeSelf: true });
    assertClose(r.values[0] as number, 100 + 200 * Math.exp(-1) + 300 * Math.exp(-2), 1e-12);
    const cut = labelledMatrix(cost.rows, cost.columns, cost.values, new Uint8Array([0, 0, 1, 0, 0, 0, 0, 0, 0]));
    assertClose(hansenAccessibility(opp, cut).values[0] as number, 2, 1e-15);
  });

  it('rejects power decay at zero cost, unknown destinations and bad decay', () => {
    assert.throws(() => hansenAccessibility(opp, cost, { includeSelf: true }), isCode('ZERO_DISTANCE'));
    assert.throws(() => hansenAccessibility(labelledVector(['A', 'B'], new Float64Array(2)), cost), isCode('LABEL_MISMATCH'));
    assert.throws(() => hansenAccessibility(opp, cost, { decay: { kind: 'power', exponent: -1 } }), isCode('INVALID_OPTION'));
  });
});
