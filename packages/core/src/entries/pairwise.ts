/**
 * A light entry point with just what the pairwise region × region measures need — for worker threads, which
 * start faster when they load a few modules instead of the whole public surface (`@metrocoop/core/pairwise`).
 */

export type { LabelledMatrix } from '../matrix/labelled.ts';
export { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
export { krugmanDissimilarity } from '../similarity/krugman-dissimilarity.ts';
export { pairwiseStructure } from '../similarity/pairwise-structure.ts';
export { structuralSimilarity } from '../similarity/structural-similarity.ts';
