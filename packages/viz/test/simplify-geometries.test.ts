/**
 * The screen simplification of outlines (simplify-geometries.ts): hand-made cases, the Douglas–Peucker guarantee
 * (every dropped point within the tolerance of the kept outline) on random lines, and what it must never do (lose a
 * unit or an island, open a ring, change the input).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { UnitGeometries } from '../src/chart.ts';
import { simplifyGeometries, simplifyLine } from '../src/simplify-geometries.ts';

/** Distance from p to the segment a–b. */
function segmentDistance(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

const square = (x: number, y: number, size: number): number[][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('simplifyLine', () => {
  it('drops the points of a straight line and keeps its ends', () => {
    const line = Array.from({ length: 11 }, (_, i) => [i, 2 * i]);
    assert.deepEqual(simplifyLine(line, 0.01), [
      [0, 0],
      [10, 20],
    ]);
  });

  it('keeps a bend larger than the tolerance and drops one smaller', () => {
    const line = [
      [0, 0],
      [5, 0.4],
      [10, 0],
    ];
    assert.equal(simplifyLine(line, 0.5).length, 2);
    assert.equal(simplifyLine(line, 0.3).length, 3);
  });

  it('leaves every dropped point within the tolerance of the kept segment around it (random lines)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })), { minLength: 3, maxLength: 60 }),
        fc.double({ min: 0.001, max: 3, noNaN: true }),
        (points, tolerance) => {
          const kept = simplifyLine(points, tolerance);
          assert.equal(kept[0], points[0]);
          assert.equal(kept.at(-1), points.at(-1));
          // Kept points are a subsequence of the input; each dropped one lies near the segment that replaced it.
          let k = 0;
          for (let i = 0; i < points.length; i++) {
            if (kept[k] === points[i]) {
              k++;
              continue;
            }
            const a = kept[k - 1] as number[];
            const b = kept[k] as number[];
            assert.ok(segmentDistance(points[i] as number[], a, b) <= tolerance + 1e-9);
          }
          assert.equal(k, kept.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('simplifyGeometries', () => {
  const wiggly = (): number[][] => {
    const ring: number[][] = [];
    for (let i = 0; i < 400; i++) ring.push([i / 4, 0.0001 * Math.sin(i)]);
    ring.push([100, 50], [0, 50], [0, 0]);
    return ring;
  };
  const collection = (): UnitGeometries => ({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { region: 'A' }, geometry: { type: 'Polygon', coordinates: [wiggly()] } },
      {
        type: 'Feature',
        properties: { region: 'B' },
        geometry: { type: 'MultiPolygon', coordinates: [[square(200, 0, 50)], [square(300, 0, 0.001)]] },
      },
      { type: 'Feature', properties: { region: 'C' }, geometry: { type: 'Point', coordinates: [5, 5] } },
    ],
  });

  it('removes the points the screen cannot show, keeps every unit, island and closed ring, and leaves the input alone', () => {
    const input = collection();
    const before = JSON.stringify(input);
    const out = simplifyGeometries(input);
    assert.equal(JSON.stringify(input), before, 'input unchanged');
    assert.equal(out.tolerance, 300.001 / 2000);
    assert.ok(out.pointsAfter < out.pointsBefore / 10, `${out.pointsAfter} of ${out.pointsBefore}`);
    const [a, b, c] = out.geometries.features;
    assert.ok(a !== undefined && b !== undefined && c !== undefined);
    const ringA = (a.geometry.coordinates as number[][][])[0] as number[][];
    assert.ok(ringA.length >= 4);
    assert.deepEqual(ringA[0], ringA.at(-1), 'the ring stays closed');
    const islands = b.geometry.coordinates as number[][][][];
    assert.equal(islands.length, 2, 'the tiny island is kept');
    assert.deepEqual(islands[1]?.[0], square(300, 0, 0.001));
    assert.deepEqual(c.geometry, { type: 'Point', coordinates: [5, 5] });
  });

  it('takes an explicit tolerance (0 keeps every point)', () => {
    const out = simplifyGeometries(collection(), { tolerance: 0 });
    assert.equal(out.pointsAfter, out.pointsBefore);
  });
});
