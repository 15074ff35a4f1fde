import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ConvergenceError, InvalidInputError } from '../../src/errors/metro-error.ts';
import { type LabelledMatrix, labelledMatrix } from '../../src/matrix/labelled.ts';
import { flowGraph } from '../../src/network/flow-graph.ts';
import { networkBetweenness } from '../../src/network/network-betweenness.ts';
import { networkCommunities } from '../../src/network/network-communities.ts';
import { networkPageRank } from '../../src/network/network-pagerank.ts';
import { networkStrength } from '../../src/network/network-strength.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;
const square = (labels: string[], rows: number[][]): LabelledMatrix => labelledMatrix(labels, labels, new Float64Array(rows.flat()));

describe('flowGraph', () => {
  const m = square(
    ['A', 'B', 'C'],
    [
      [9, 2, 0],
      [1, 0, 3],
      [0, 0, 0],
    ],
  );

  it('makes directed edges for positive flows, without self-flows', () => {
    const g = flowGraph(m);
    assert.equal(g.order, 3);
    assert.equal(g.size, 3);
    assert.equal(g.getEdgeAttribute(g.edge('A', 'B') as string, 'weight'), 2);
    assert.equal(g.getEdgeAttribute(g.edge('B', 'C') as string, 'distance'), 1 / 3);
  });

  it('symmetrises into an undirected graph and applies minWeight', () => {
    const g = flowGraph(m, { directed: false });
    assert.equal(g.size, 2);
    assert.equal(g.getEdgeAttribute(g.edge('A', 'B') as string, 'weight'), 3);
    assert.equal(flowGraph(m, { minWeight: 2 }).size, 1);
  });

  it('rejects non-square, mislabelled and negative matrices', () => {
    assert.throws(() => flowGraph(labelledMatrix(['A', 'B'], ['A'], new Float64Array(2))), isCode('SHAPE_MISMATCH'));
    assert.throws(() => flowGraph(labelledMatrix(['A', 'B'], ['B', 'A'], new Float64Array(4))), isCode('SHAPE_MISMATCH'));
    assert.throws(
      () =>
        flowGraph(
          square(
            ['A', 'B'],
            [
              [0, -1],
              [0, 0],
            ],
          ),
        ),
      isCode('NEGATIVE_VALUE'),
    );
    assert.throws(() => flowGraph(m, { minWeight: -1 }), isCode('INVALID_OPTION'));
  });
});

describe('networkStrength', () => {
  it('sums out- and in-flows without the diagonal (hand case)', () => {
    const r = networkStrength(
      square(
        ['A', 'B', 'C', 'D'],
        [
          [9, 2, 0, 0],
          [1, 0, 3, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 5],
        ],
      ),
    );
    assertAllClose(r.out.values, [2, 4, 0, 0], 0);
    assertAllClose(r.in.values, [1, 2, 3, 0], 0);
    assertAllClose(r.balance.values, [1 / 3, 2 / 6, -1, 0], 1e-15);
    assert.deepEqual([...(r.balance.absent ?? [])], [0, 0, 0, 1]);
  });
});

describe('networkPageRank', () => {
  it('solves the two-node case with a dangling node (hand case)', () => {
    // x_A = 0.075 + 0.425 x_B, x_A + x_B = 1 → x_A = 0.5 / 1.425.
    const r = networkPageRank(
      square(
        ['A', 'B'],
        [
          [0, 1],
          [0, 0],
        ],
      ),
    );
    assertAllClose(r.values, [0.5 / 1.425, 1 - 0.5 / 1.425], 1e-9);
  });

  it('is uniform on a symmetric cycle, sums to 1, and follows weights', () => {
    assertAllClose(
      networkPageRank(
        square(
          ['A', 'B', 'C'],
          [
            [0, 1, 0],
            [0, 0, 1],
            [1, 0, 0],
          ],
        ),
      ).values,
      [1 / 3, 1 / 3, 1 / 3],
      1e-9,
    );
    const r = networkPageRank(
      square(
        ['A', 'B', 'C'],
        [
          [0, 5, 1],
          [1, 0, 1],
          [1, 1, 0],
        ],
      ),
    );
    assertClose(
      r.values.reduce((s, v) => s + v, 0),
      1,
      1e-9,
    );
    assert.ok((r.values[1] as number) > (r.values[2] as number));
  });

  it('throws ConvergenceError when the iteration limit is too low, and rejects bad options', () => {
    const m = square(
      ['A', 'B', 'C'],
      [
        [0, 5, 1],
        [1, 0, 1],
        [1, 1, 0],
      ],
    );
    assert.throws(
      () => networkPageRank(m, { maxIterations: 1 }),
      (e: unknown) => e instanceof ConvergenceError && e.code === 'NO_CONVERGENCE',
    );
    assert.throws(() => networkPageRank(m, { alpha: 1 }), isCode('INVALID_OPTION'));
    assert.throws(() => networkPageRank(m, { tolerance: 0 }), isCode('INVALID_OPTION'));
  });
});

describe('networkBetweenness', () => {
  it('puts the broker of a path in the middle (hops) and follows strong links (inverse weight)', () => {
    const path = square(
      ['A', 'B', 'C'],
      [
        [0, 1, 0],
        [1, 0, 1],
        [0, 1, 0],
      ],
    );
    const hops = networkBetweenness(path, { length: 'hops', directed: false, normalized: false });
    assertAllClose(hops.values, [0, 1, 0], 1e-12);
    // A–C direct but weak (length 1/0.1 = 10) versus A–B–C strong (0.5 + 0.5).
    const tri = square(
      ['A', 'B', 'C'],
      [
        [0, 2, 0.1],
        [2, 0, 2],
        [0.1, 2, 0],
      ],
    );
    assert.ok((networkBetweenness(tri, { directed: false }).values[1] as number) > 0);
    assertAllClose(networkBetweenness(tri, { directed: false, length: 'hops' }).values, [0, 0, 0], 1e-12);
    assert.throws(() => networkBetweenness(tri, { length: 'km' as never }), isCode('INVALID_OPTION'));
  });
});

describe('networkCommunities', () => {
  // Two triangles {A, B, C} and {D, E, F} joined by one weak edge C–D.
  const labels = ['A', 'B', 'C', 'D', 'E', 'F'];
  const rows = labels.map(() => new Array<number>(6).fill(0));
  const link = (i: number, j: number, w: number) => {
    (rows[i] as number[])[j] = w;
    (rows[j] as number[])[i] = w;
  };
  link(0, 1, 5);
  link(0, 2, 5);
  link(1, 2, 5);
  link(3, 4, 5);
  link(3, 5, 5);
  link(4, 5, 5);
  link(2, 3, 0.5);
  const m = square(labels, rows);

  it('finds the two triangles, numbered by first appearance, with positive modularity', () => {
    const r = networkCommunities(m);
    assert.deepEqual([...r.community.values], [0, 0, 0, 1, 1, 1]);
    assert.equal(r.count, 2);
    assert.ok(r.modularity > 0.4, `Q = ${r.modularity}`);
  });

  it('is deterministic for a fixed seed on random graphs (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 64, maxLength: 64 }), fc.integer(), (w, seed) => {
        const labels8 = Array.from({ length: 8 }, (_, k) => `N${k}`);
        const mm = labelledMatrix(
          labels8,
          labels8,
          Float64Array.from(w, (v) => (v < 6 ? 0 : v)),
        );
        const a = networkCommunities(mm, { seed });
        const b = networkCommunities(mm, { seed });
        assert.deepEqual([...a.community.values], [...b.community.values]);
        assert.equal(a.modularity, b.modularity);
      }),
      { seed: 2008, numRuns: propertyRuns.iterative },
    );
  });

  it('puts every node alone on an empty graph and rejects bad options', () => {
    const r = networkCommunities(
      square(
        ['A', 'B'],
        [
          [0, 0],
          [0, 0],
        ],
      ),
    );
    assert.deepEqual([...r.community.values], [0, 1]);
    assert.throws(() => networkCommunities(m, { resolution: 0 }), isCode('INVALID_OPTION'));
    assert.throws(() => networkCommunities(m, { seed: 1.5 }), isCode('INVALID_OPTION'));
  });
});
