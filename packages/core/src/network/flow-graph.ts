/**
 * Build a graphology graph from a square flow or linkage matrix (rows: origin, columns: destination). Nodes are
 * the labels in matrix order (which fixes every later traversal order, hence deterministic results); an edge
 * carries `weight` (the flow) and `distance` (`1 / weight`, for shortest paths). Self-flows are left out.
 */
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { InvalidInputError } from '../errors/metro-error.ts';
import type { LabelledMatrix } from '../matrix/labelled.ts';
import { networkMessages } from './messages.ts';

/** Edge attributes of a flow graph. */
export interface FlowEdgeAttributes {
  /** Flow or linkage strength (> 0). */
  weight: number;
  /** `1 / weight`: strong links are short. */
  distance: number;
}

/** Options of {@link flowGraph}. */
export interface FlowGraphOptions {
  /**
   * `true` (default): a directed edge i → j for every `w_ij > minWeight`. `false`: one undirected edge per pair
   * with weight `w_ij + w_ji` (for a symmetric linkage matrix pass the upper triangle, or expect doubled weights).
   */
  readonly directed?: boolean;
  /** Flows at or below this are not edges. Default 0; must be ≥ 0. */
  readonly minWeight?: number;
}

/** Defaults of {@link FlowGraphOptions}. */
export const defaultFlowGraphOptions = { directed: true, minWeight: 0 } as const satisfies Required<FlowGraphOptions>;

/** A directed or undirected graphology graph with {@link FlowEdgeAttributes}. */
export type FlowGraph = DirectedGraph<Record<string, unknown>, FlowEdgeAttributes> | UndirectedGraph<Record<string, unknown>, FlowEdgeAttributes>;

/**
 * The flow graph of a square matrix. Throws `InvalidInputError` `SHAPE_MISMATCH` (not square, or row and column
 * labels differ), `NEGATIVE_VALUE` (a negative or non-finite flow), `INVALID_OPTION`.
 *
 * @example
 * flowGraph(gravityLinkage(input).strength, { directed: false }).size; // number of linked pairs
 */
export function flowGraph(matrix: LabelledMatrix, options: FlowGraphOptions = {}): FlowGraph {
  const fn = 'flowGraph';
  const directed = options.directed ?? defaultFlowGraphOptions.directed;
  const min = options.minWeight ?? defaultFlowGraphOptions.minWeight;
  if (!(min >= 0 && Number.isFinite(min)))
    throw new InvalidInputError(networkMessages.invalidOption(fn, 'minWeight', min, 'a finite number ≥ 0'), undefined, 'INVALID_OPTION');
  const n = checkFlowMatrix(fn, matrix);
  const labels = matrix.rows;
  const w = (c: number): number => (matrix.absent?.[c] === 1 ? 0 : (matrix.values[c] as number));
  if (directed) {
    const g = new DirectedGraph<Record<string, unknown>, FlowEdgeAttributes>();
    for (const label of labels) g.addNode(label);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = w(i * n + j);
        if (i !== j && v > min) g.addEdge(labels[i] as string, labels[j] as string, { weight: v, distance: 1 / v });
      }
    }
    return g;
  }
  const g = new UndirectedGraph<Record<string, unknown>, FlowEdgeAttributes>();
  for (const label of labels) g.addNode(label);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = w(i * n + j) + w(j * n + i);
      if (v > min) g.addEdge(labels[i] as string, labels[j] as string, { weight: v, distance: 1 / v });
    }
  }
  return g;
}

/** Square, same labels on both sides, finite and ≥ 0 (absent cells are no flow); returns n. Internal. */
function checkFlowMatrix(fn: string, matrix: LabelledMatrix): number {
  const n = matrix.rows.length;
  if (matrix.columns.length !== n || matrix.values.length !== n * n || matrix.rows.some((r, k) => r !== matrix.columns[k])) {
    throw new InvalidInputError(networkMessages.notSquare(fn, n, matrix.columns.length), undefined, 'SHAPE_MISMATCH');
  }
  for (let c = 0; c < n * n; c++) {
    if (matrix.absent?.[c] === 1) continue;
    const v = matrix.values[c] as number;
    if (!(v >= 0 && Number.isFinite(v)))
      throw new InvalidInputError(
        networkMessages.badWeight(fn, `(${matrix.rows[Math.floor(c / n)]}, ${matrix.columns[c % n]})`, v),
        { index: c },
        'NEGATIVE_VALUE',
      );
  }
  return n;
}
