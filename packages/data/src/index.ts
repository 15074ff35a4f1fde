/**
 * @metrocoop/data — the public surface, grouped by topic: the data model, the DuckDB store (schema, migrations,
 * the embedded dataset, queries, export). Other topics (importers, validation) are wired by the coordinator.
 */

export type { LoadBenchmarkBasisOptions } from './analysis/benchmark-basis.ts';
export { benchmarkBasisYears, loadBenchmarkBasis } from './analysis/benchmark-basis.ts';
export type { LoadMetroAnalysisOptions } from './analysis/load-input.ts';
// analysis: the store side of the cooperation analysis (input loader, runner, result schema)
export { loadMetroAnalysisInput, unitOfRegion } from './analysis/load-input.ts';
export { metroAnalysisJsonSchema, metroAnalysisJsonSchemaText, metroAnalysisSchema } from './analysis/result-schema.ts';
export type { AnalyzeFromStoreOptions } from './analysis/run-analysis.ts';
export { analyzeMetroFromStore, defaultBenchmarkMetros, loadBenchmarkBases } from './analysis/run-analysis.ts';
// geometry: the map features of a metro's analysis units (boundaries, else points)
export type { LoadedUnitGeometries, LoadUnitGeometriesOptions, UnitGeometries, UnitGeometryBasis, UnitGeometryFeature } from './geometry/load-geometries.ts';
export { loadUnitGeometries } from './geometry/load-geometries.ts';
export type { DatasetInfo, DeleteResult } from './import/datasets.ts';
export { deleteDataset, listDatasets } from './import/datasets.ts';
export { detectFormat } from './import/detect.ts';
export type { TextEncoding } from './import/encoding.ts';
export { decodeToUtf8File, detectEncoding } from './import/encoding.ts';
export type { ImportOptions, ImportPhase, ImportResult } from './import/import.ts';
// import: your own files into the store, with validation reports
export { datasetNameOf, defaultImportOptions, importFile, validateFile } from './import/import.ts';
export type { ImportFormat } from './import/stage.ts';
export { importFormats } from './import/stage.ts';
export { indicatorUnits, unitConversions, withheldMarkers } from './import/units.ts';
export type { ParallelMeasuresOptions } from './io/parallel-measures.ts';
export { computeMeasuresInParallel, defaultParallelMeasuresOptions } from './io/parallel-measures.ts';
export type { LongCsvOptions } from './io/read-long-csv.ts';
// io: fast long-CSV reader and the measures document writers
export { defaultLongCsvOptions, parseLongCsv, readLongCsv } from './io/read-long-csv.ts';
export { callbackSink, fileSink, writeMeasuresCsv, writeMeasuresJson, writeMeasuresParquet } from './io/write-measures.ts';
// metro: the user's own metros (definition file, add, list, remove)
export type { MetroDefinition, MetroMemberDefinition, UnitSetDefinition } from './metro/definition-schema.ts';
export { metroDefinitionJsonSchema, metroDefinitionJsonSchemaText, metroDefinitionSchema } from './metro/definition-schema.ts';
export type { CheckedMetroDefinition, MetroDefinitionIssue, TravelTimeRow } from './metro/read-definition.ts';
export { checkMetroDefinition } from './metro/read-definition.ts';
export type { AddMetroResult, MetroOrigin, RemoveMetroResult } from './metro/user-metros.ts';
export { addMetro, listMetroOrigins, MetroDefinitionError, metroDatasetName, removeMetro, resolveMetroId } from './metro/user-metros.ts';
export type {
  Classification,
  Crosswalk,
  FirmRelocationRow,
  Geometry,
  Industry,
  InputOutputCell,
  InputOutputTableInfo,
  KnowledgeItem,
  Metro,
  MetroMember,
  Observation,
  Region,
  Source,
  TableName,
  TravelTime,
  UnitSet,
  UnitSetMember,
} from './model/schemas.ts';
// model
export { classificationIds, regionLevels, tables, vintageKinds } from './model/schemas.ts';
// planning: the store side of the planning layer (issue 10): firm relocations, parents, rail gaps
export type { LoadFirmRelocationsOptions, RelocationUnits } from './planning/load-firm-relocations.ts';
export { loadFirmRelocations, maxRelocationExamples, relocationsBetweenUnits } from './planning/load-firm-relocations.ts';
export type { LoadedPlanningContext, LoadPlanningContextOptions } from './planning/load-planning.ts';
export { gapReason, loadPlanningContext } from './planning/load-planning.ts';
export type { ColumnSpec, SqlType } from './store/ddl.ts';
export {
  createTableSql,
  datasetColumn,
  defaultDatasetName,
  isTableName,
  modelColumns,
  quoteIdentifier,
  quoteLiteral,
  snakeCase,
  storeColumns,
  tableNames,
} from './store/ddl.ts';
export type { ExportFormat, ExportOptions, ExportQuery, ExportResult } from './store/export.ts';
export { canonicalObservationColumns, exportFormats, exportQuery, exportTable, exportText, extendedObservationColumns } from './store/export.ts';
export type { DatasetFiles, LoadDatasetOptions, LoadProgress, LoadResult } from './store/load-default.ts';
export { datasetDir, datasetFiles, datasetHash, embeddedDatasetDir, ensureDefaultDataset, loadDataset, loaderVersion } from './store/load-default.ts';
export type { HolderInfo, StoreHolder } from './store/lock.ts';
export { storeMessages } from './store/messages.ts';
export type { Migration } from './store/migrations.ts';
export { migrations, schemaVersion } from './store/migrations.ts';
export type {
  GapPolicy,
  IndicatorSummary,
  MatrixGap,
  MetroDetail,
  MetroMemberDetail,
  MetroSummary,
  ObservationFilter,
  RegionDetail,
  RegionGap,
  RegionIndicator,
  StoredObservation,
  UnitSetMatrixOptions,
  UnitSetMatrixResult,
  UnitSetSummary,
  VintageChoice,
  VintagePreference,
} from './store/queries.ts';
export { defaultUnitSetMatrixOptions, listMetros, observations, showMetro, showRegion, unitSetMatrix } from './store/queries.ts';
export type { EnsureSchemaOptions, OpenDefaultOptions, Row, SchemaStatus, StoreOpenOptions } from './store/store.ts';
// store
export { defaultStorePath, plainValue, Store } from './store/store.ts';
export type { ValidationCode, ValidationIssue, ValidationReport } from './validation/report.ts';
// validation reports
export { DataValidationError, defaultMaxIssuesPerCode, validationCodes } from './validation/report.ts';
