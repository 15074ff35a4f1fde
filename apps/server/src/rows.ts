/** Store rows (snake_case columns) as API objects (the model's camelCase keys, then `dataset`). */
import { type Row, storeColumns, type TableName } from '@metrocoop/data';

/** Map a row of `table` to the model's keys; columns the row lacks are left out. */
export function modelRow(table: TableName, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of storeColumns(table)) if (column.name in row) out[column.key] = row[column.name];
  return out;
}

/** The SQL column list of `table` (quoted names, in model order). */
export function columnList(table: TableName, alias?: string): string {
  const prefix = alias === undefined ? '' : `${alias}.`;
  return storeColumns(table)
    .map((c) => `${prefix}"${c.name}"`)
    .join(', ');
}
