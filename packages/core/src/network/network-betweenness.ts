/**
 * Betweenness centrality of a flow network (Freeman 1977; Brandes 2001 algorithm, by graphology-metrics): the
 * share of shortest paths passing through a node — brokers between sub-areas. Shortest paths use edge length
 * `1 / w` (strong links are short) by default, or hop counts.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import { flowGraph } from './flow-graph.ts';
import { betweennessCentrality } from './graphology-interop.ts';
import { networkMessages } from './messages.ts';

/** Options of {@link networkBetweenness}. */
export interface BetweennessOptions {
  /** Path length: `"inverse-weight"` (default, length `1/w`) or `"hops"` (every edge length 1). */
  readonly length?: 'inverse-weight' | 'hops';
  /** Divide by the number of node pairs (graphology's normalisation) so values are in [0, 1]. Default true. */
  readonly normalized?: boolean;
  /** Follow flow direction (default true) or use the symmetrised graph. */
  readonly directed?: boolean;
}

/** Defaults of {@link BetweennessOptions}. */
export const defaultBetweennessOptions = { length: 'inverse-weight', normalized: true, directed: true } as const satisfies Required<BetweennessOptions>;

/**
 * Betweenness of every node. Exact (Brandes, `O(n·m + n² log n)`): seconds at 5,000 nodes — cache it for an API.
 * Throws `InvalidInputError` `INVALID_OPTION` and as {@link flowGraph}.
 *
 * @example
 * networkBetweenness(linkage, { directed: false }).values;
 */
export function networkBetweenness(matrix: LabelledMatrix, options: BetweennessOptions = {}): LabelledVector {
  const fn = 'networkBetweenness';
  const length = options.length ?? defaultBetweennessOptions.length;
  if (length !== 'inverse-weight' && length !== 'hops')
    throw new InvalidInputError(networkMessages.invalidOption(fn, 'length', length, '"inverse-weight" or "hops"'), undefined, 'INVALID_OPTION');
  const g = flowGraph(matrix, { directed: options.directed ?? defaultBetweennessOptions.directed });
  const labels = matrix.rows;
  const scores = betweennessCentrality(g, {
    getEdgeWeight: length === 'hops' ? null : 'distance',
    normalized: options.normalized ?? defaultBetweennessOptions.normalized,
  });
  return labelledVector(
    labels,
    Float64Array.from(labels, (label) => scores[label] as number),
  );
}
