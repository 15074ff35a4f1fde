/**
 * A light entry point for the `measures` and `shift-share` commands (`@metrocoop/core/measures`): the measures
 * document, the matrix, the shift-share decompositions and the error classes — without the cooperation analysis,
 * whose result schema (zod) and network measures (graphology) cost a tenth of a second to load.
 */

export type { MeasureName, MeasureNote, MeasureResults, MeasuresDocument, MeasuresDocumentOptions } from '../contract/measures-document.ts';
export {
  computeMeasures,
  defaultMeasuresDocumentOptions,
  measureNames,
  measuresDocument,
  parseMeasureList,
  parseMeasuresOptions,
  toMeasuresDocument,
} from '../contract/measures-document.ts';
export { InvalidInputError, MetroError } from '../errors/metro-error.ts';
export type { LabelledMatrix, LabelledVector } from '../matrix/labelled.ts';
export { labelledMatrix, labelledVector, matrixToNested, vectorToArray } from '../matrix/labelled.ts';
export type { MatrixOptions } from '../matrix/region-industry-matrix.ts';
export { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
export { dunnShiftShare } from '../shift-share/dunn.ts';
export { estebanMarquillasShiftShare } from '../shift-share/esteban-marquillas.ts';
export { gerfinShiftShare } from '../shift-share/gerfin.ts';
