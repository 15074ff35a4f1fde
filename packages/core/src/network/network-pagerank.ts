/**
 * Weighted PageRank of a flow network (Brin & Page 1998), by graphology-metrics: a node ranks high when strong
 * flows come from nodes that themselves rank high. Dangling nodes spread their rank uniformly.
 */
import { ConvergenceError, InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import { flowGraph } from './flow-graph.ts';
import { pagerank } from './graphology-interop.ts';
import { networkMessages } from './messages.ts';

/** Options of {@link networkPageRank}. */
export interface PageRankOptions {
  /** Damping factor α in (0, 1). Default 0.85. */
  readonly alpha?: number;
  /** Convergence tolerance per node (L1 change < n·tolerance). Default 1e-10. */
  readonly tolerance?: number;
  /** Iteration limit. Default 1,000. */
  readonly maxIterations?: number;
  /** Follow flow direction (default true) or symmetrise the matrix first. */
  readonly directed?: boolean;
}

/** Defaults of {@link PageRankOptions}. */
export const defaultPageRankOptions = { alpha: 0.85, tolerance: 1e-10, maxIterations: 1000, directed: true } as const satisfies Required<PageRankOptions>;

/**
 * PageRank of every node (sums to 1), weighted by flow. Throws `InvalidInputError` (`INVALID_OPTION`, and as
 * {@link flowGraph}) and `ConvergenceError` `NO_CONVERGENCE`.
 *
 * @example
 * networkPageRank(flows).values;
 */
export function networkPageRank(matrix: LabelledMatrix, options: PageRankOptions = {}): LabelledVector {
  const fn = 'networkPageRank';
  const alpha = options.alpha ?? defaultPageRankOptions.alpha;
  const tolerance = options.tolerance ?? defaultPageRankOptions.tolerance;
  const maxIterations = options.maxIterations ?? defaultPageRankOptions.maxIterations;
  if (!(alpha > 0 && alpha < 1))
    throw new InvalidInputError(networkMessages.invalidOption(fn, 'alpha', alpha, 'a number in (0, 1)'), undefined, 'INVALID_OPTION');
  if (!(tolerance > 0)) throw new InvalidInputError(networkMessages.invalidOption(fn, 'tolerance', tolerance, 'a number > 0'), undefined, 'INVALID_OPTION');
  if (!(Number.isInteger(maxIterations) && maxIterations > 0))
    throw new InvalidInputError(networkMessages.invalidOption(fn, 'maxIterations', maxIterations, 'an integer > 0'), undefined, 'INVALID_OPTION');
  const g = flowGraph(matrix, { directed: options.directed ?? defaultPageRankOptions.directed });
  const labels = matrix.rows;
  if (labels.length === 0) return labelledVector(labels, new Float64Array(0));
  let ranks: Record<string, number>;
  try {
    ranks = pagerank(g, { getEdgeWeight: 'weight', alpha, tolerance, maxIterations });
  } catch (error) {
    if (error instanceof Error && /failed to converge/.test(error.message)) {
      throw new ConvergenceError(networkMessages.noConvergence(fn, maxIterations, tolerance), { maxIterations, tolerance });
    }
    throw error;
  }
  return labelledVector(
    labels,
    Float64Array.from(labels, (label) => ranks[label] as number),
  );
}
