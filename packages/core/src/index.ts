/**
 * @metrocoop/core — the public surface, grouped by topic. Pure: no I/O, no Node or DOM types.
 */

// errors
export { ConvergenceError, InvalidInputError, MetroError, NotFoundError } from './errors/metro-error.ts';
export type { Language, LocalizedText } from './errors/metro-error.ts';

// matrix
export { RegionIndustryMatrix, defaultMatrixOptions } from './matrix/region-industry-matrix.ts';
export type { DuplicatesPolicy, LongRow, MatrixOptions, ZeroTotalsPolicy } from './matrix/region-industry-matrix.ts';
export { labelledMatrix, labelledVector, matrixToNested, vectorToArray } from './matrix/labelled.ts';
export type { LabelledMatrix, LabelledVector } from './matrix/labelled.ts';
