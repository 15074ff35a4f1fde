/**
 * Memory of an import: DuckDB's `memory_limit` is lowered for the duration of the import (default 1 GB) so that
 * the staging table, hash tables and the insert spill to disk instead of growing with the file, and the
 * connection gets a private spill folder under the OS temp directory (removed when the database closes, and at
 * process exit at the latest). The previous limit is restored afterwards, whatever happens.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../store/ddl.ts';

/** Connections whose spill folder was set (DuckDB refuses to switch it once used). */
const spillSet = new WeakSet<DuckDBConnection>();
const spillDirs: string[] = [];
let exitHook = false;

async function setting(con: DuckDBConnection, name: string): Promise<string> {
  const reader = await con.runAndReadAll(`SELECT current_setting(${quoteLiteral(name)})::VARCHAR AS v`);
  return String((reader.getRowObjectsJS()[0] as { v: unknown } | undefined)?.v ?? '');
}

/** Run `fn` with DuckDB's memory limit set to `limit` (e.g. `1GB`) and a spill folder, restoring the limit after. */
export async function withImportMemory<T>(con: DuckDBConnection, limit: string, fn: () => Promise<T>): Promise<T> {
  if (!spillSet.has(con)) {
    spillSet.add(con);
    const dir = join(tmpdir(), `metrocoop-spill-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
    try {
      // DuckDB creates the folder on first spill and removes it when the database closes.
      await con.run(`SET temp_directory = ${quoteLiteral(dir)}`);
      spillDirs.push(dir);
      if (!exitHook) {
        exitHook = true;
        process.once('exit', () => {
          for (const d of spillDirs) rmSync(d, { recursive: true, force: true });
        });
      }
    } catch {
      // The store already spilled to its own folder (it cannot be switched): keep that one.
    }
  }
  const previous = await setting(con, 'memory_limit');
  await con.run(`SET memory_limit = ${quoteLiteral(limit)}`);
  try {
    return await fn();
  } finally {
    await con.run(`SET memory_limit = ${quoteLiteral(previous)}`).catch(() => undefined);
  }
}
