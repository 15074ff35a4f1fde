/**
 * A light entry point for the `measures` and `shift-share` commands (`@metrocoop/data/measures`): reading a long
 * CSV, computing on two threads and writing the document — without the store (DuckDB is loaded only when a CSV or
 * Parquet output needs it).
 */

export { computeMeasuresInParallel, type ParallelMeasuresOptions } from '../io/parallel-measures.ts';
export { type LongCsvOptions, readLongCsv } from '../io/read-long-csv.ts';
export { callbackSink, fileSink, writeMeasuresCsv, writeMeasuresJson, writeMeasuresParquet } from '../io/write-measures.ts';
