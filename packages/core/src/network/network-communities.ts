/**
 * Louvain communities of a flow network (Blondel et al. 2008, J. Stat. Mech. P10008), by
 * graphology-communities-louvain, with a seeded RNG (mulberry32) so that the same input gives the same
 * partition every time. Communities are renumbered 0, 1, … in order of their first node in the matrix.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import { mulberry32 } from '../util/random.ts';
import { flowGraph } from './flow-graph.ts';
import { louvain } from './graphology-interop.ts';
import { networkMessages } from './messages.ts';

/** Options of {@link networkCommunities}. */
export interface CommunityOptions {
  /** Modularity resolution γ > 0; larger gives more, smaller communities. Default 1. */
  readonly resolution?: number;
  /** Seed of the RNG that orders Louvain's node visits. Default 42. */
  readonly seed?: number;
  /** Use directed modularity (default false: flows are symmetrised, `w_ij + w_ji`). */
  readonly directed?: boolean;
}

/** Defaults of {@link CommunityOptions}. */
export const defaultCommunityOptions = { resolution: 1, seed: 42, directed: false } as const satisfies Required<CommunityOptions>;

/** Result of {@link networkCommunities}. */
export interface NetworkCommunities {
  /** Community number of every node (0-based, renumbered by first appearance). */
  readonly community: LabelledVector;
  readonly count: number;
  /** Modularity Q of the partition (graphology's value). */
  readonly modularity: number;
}

/**
 * Louvain partition of the nodes. Isolated nodes form singleton communities.
 * Throws `InvalidInputError` `INVALID_OPTION` and as {@link flowGraph}.
 *
 * @example
 * networkCommunities(linkage).community.values; // e.g. [0, 0, 1, 1, 0]
 */
export function networkCommunities(matrix: LabelledMatrix, options: CommunityOptions = {}): NetworkCommunities {
  const fn = 'networkCommunities';
  const resolution = options.resolution ?? defaultCommunityOptions.resolution;
  const seed = options.seed ?? defaultCommunityOptions.seed;
  if (!(resolution > 0 && Number.isFinite(resolution)))
    throw new InvalidInputError(networkMessages.invalidOption(fn, 'resolution', resolution, 'a finite number > 0'), undefined, 'INVALID_OPTION');
  if (!Number.isInteger(seed)) throw new InvalidInputError(networkMessages.invalidOption(fn, 'seed', seed, 'an integer'), undefined, 'INVALID_OPTION');
  const g = flowGraph(matrix, { directed: options.directed ?? defaultCommunityOptions.directed });
  const labels = matrix.rows;
  const out = new Float64Array(labels.length);
  if (g.size === 0) {
    // No edge: every node alone (Louvain's modularity is undefined on an empty graph).
    out.forEach((_, k) => (out[k] = k));
    return { community: labelledVector(labels, out), count: labels.length, modularity: 0 };
  }
  const detailed = louvain.detailed(g, { getEdgeWeight: 'weight', resolution, rng: mulberry32(seed) });
  const renumber = new Map<number, number>();
  labels.forEach((label, k) => {
    const c = detailed.communities[label] as number;
    if (!renumber.has(c)) renumber.set(c, renumber.size);
    out[k] = renumber.get(c) as number;
  });
  return { community: labelledVector(labels, out), count: renumber.size, modularity: detailed.modularity };
}
