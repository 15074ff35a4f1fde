/**
 * DDL generated from the data model: one SQL table per entry of `tables` (packages/data/src/model/schemas.ts),
 * columns = the schema's keys in snake_case and in schema order, then a `dataset` column (`default` for the
 * embedded dataset, the user's name for imports). Types follow the zod schema: string/enum → VARCHAR, integer →
 * INTEGER, number → DOUBLE, boolean → BOOLEAN, array → a DuckDB list, an object (a GeoJSON geometry) → VARCHAR
 * holding its JSON text. Non-nullable schema fields are `NOT NULL`.
 */
import type { z } from 'zod';
import { type TableName, tables } from '../model/schemas.ts';

/** SQL types the model maps to. */
export type SqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR[]' | 'INTEGER[]' | 'DOUBLE[]';

/** One column of a store table. */
export interface ColumnSpec {
  /** SQL / CSV column name (snake_case). */
  readonly name: string;
  /** The schema key (camelCase). */
  readonly key: string;
  readonly type: SqlType;
  readonly nullable: boolean;
  /** `json`: an object stored as JSON text. */
  readonly kind: 'scalar' | 'list' | 'json';
}

/** The name of the dataset column every table carries. */
export const datasetColumn = 'dataset';
/** The dataset name of the embedded dataset. */
export const defaultDatasetName = 'default';

/** `nameZh` → `name_zh`, `valueOriginal` → `value_original`. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Quote an SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quote an SQL string literal. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

interface ZodIntrospect {
  readonly _zod: { readonly def: { readonly type: string; readonly innerType?: unknown; readonly element?: unknown } };
  readonly format?: string | null;
}

function scalarType(schema: ZodIntrospect): SqlType | 'json' {
  const type = schema._zod.def.type;
  switch (type) {
    case 'string':
    case 'enum':
    case 'literal':
      return 'VARCHAR';
    case 'boolean':
      return 'BOOLEAN';
    case 'number':
      return schema.format === 'safeint' || schema.format === 'int32' ? 'INTEGER' : 'DOUBLE';
    case 'object':
      return 'json';
    default:
      throw new Error(`ddl: unsupported zod type ${type} in the data model; extend ddl.ts`);
  }
}

function columnOf(key: string, field: z.ZodType): ColumnSpec {
  let inner = field as unknown as ZodIntrospect;
  let nullable = false;
  while (inner._zod.def.type === 'nullable' || inner._zod.def.type === 'optional') {
    nullable = true;
    inner = inner._zod.def.innerType as ZodIntrospect;
  }
  const name = snakeCase(key);
  if (inner._zod.def.type === 'array') {
    const element = scalarType(inner._zod.def.element as ZodIntrospect);
    if (element === 'json' || element === 'BOOLEAN' || element.endsWith('[]')) throw new Error(`ddl: unsupported list element in ${key}`);
    return { name, key, type: `${element}[]` as SqlType, nullable, kind: 'list' };
  }
  const type = scalarType(inner);
  if (type === 'json') return { name, key, type: 'VARCHAR', nullable, kind: 'json' };
  return { name, key, type, nullable, kind: 'scalar' };
}

const columnCache = new Map<TableName, readonly ColumnSpec[]>();

/** The model columns of a table (without the dataset column), in schema order. */
export function modelColumns(table: TableName): readonly ColumnSpec[] {
  let columns = columnCache.get(table);
  if (columns === undefined) {
    const shape = tables[table].shape as Record<string, z.ZodType>;
    columns = Object.freeze(Object.entries(shape).map(([key, field]) => Object.freeze(columnOf(key, field))));
    columnCache.set(table, columns);
  }
  return columns;
}

/** Every column of a store table: the model columns, then `dataset`. */
export function storeColumns(table: TableName): readonly ColumnSpec[] {
  return [...modelColumns(table), { name: datasetColumn, key: datasetColumn, type: 'VARCHAR', nullable: false, kind: 'scalar' }];
}

/** The table names of the model, in load order. */
export const tableNames = Object.freeze(Object.keys(tables) as TableName[]);

/** Whether a string names a model table. */
export function isTableName(name: string): name is TableName {
  return Object.hasOwn(tables, name);
}

/** `CREATE TABLE` for one model table. */
export function createTableSql(table: TableName, ifNotExists = true): string {
  const columns = storeColumns(table).map((c) => `  ${quoteIdentifier(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`);
  return `CREATE TABLE ${ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdentifier(table)} (\n${columns.join(',\n')}\n)`;
}

/** The `meta` table: key/value pairs (schema version, dataset hash). */
export const createMetaSql = 'CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)';

/** The `datasets` registry: one row per dataset in the store (schema version 2). */
export const createDatasetsSql = `CREATE TABLE IF NOT EXISTS datasets (
  name VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  content_hash VARCHAR,
  loaded_at TIMESTAMP NOT NULL,
  note VARCHAR
)`;

/** Every statement that creates the current schema (model tables, meta, datasets). */
export function schemaStatements(): string[] {
  return [createMetaSql, createDatasetsSql, ...tableNames.map((t) => createTableSql(t))];
}
