/**
 * @metrocoop/data — the public surface, grouped by topic: the data model, the DuckDB store (schema, migrations,
 * the embedded dataset, queries, export). Other topics (importers, validation) are wired by the coordinator.
 */

// model
export * as schemas from './model/schemas.ts';
export { classificationIds, regionLevels, tables, vintageKinds } from './model/schemas.ts';
export type {
  Classification,
  Crosswalk,
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

// store
export { Store, plainValue } from './store/store.ts';
export type { EnsureSchemaOptions, Row, SchemaStatus, StoreOpenOptions } from './store/store.ts';
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
export type { ColumnSpec, SqlType } from './store/ddl.ts';
export { migrations, schemaVersion } from './store/migrations.ts';
export type { Migration } from './store/migrations.ts';
export { storeMessages } from './store/messages.ts';
