/**
 * Writers of the `measures` document: JSON (the contract, written in ~1 MB byte chunks with numbers formatted
 * straight from the typed arrays — json-chunks.ts, json-number.ts — so that matrices over millions of region pairs
 * never become one giant string or millions of small ones), tidy long CSV, and Parquet through DuckDB.
 *
 * Tidy rows: `measure,row,column,value` — `row` is the region (region measures, region × industry and
 * region × region matrices) or the industry (industry measures and industry × industry matrices); `column` is
 * empty (NULL) for vectors; absent values are left out of CSV/Parquet (they are listed in the JSON's notes).
 */
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type MeasureNote, type MeasureResults, measureNames, type RegionIndustryMatrix } from '@metrocoop/core/measures';
import { JsonChunks } from './json-chunks.ts';

/**
 * Something that accepts chunks in order and can be closed. Byte chunks are UTF-8 and end on character boundaries;
 * a sink is done with a byte chunk when its `write` promise resolves (writers reuse their buffer).
 */
interface Sink {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * A sink on a file: plain synchronous writes of the (large) chunks — no stream, no event-loop round trip per chunk.
 * The file is opened at the first write, so an unwritable path rejects that write.
 */
export function fileSink(path: string): Sink {
  let fd: number | undefined;
  const open = (): number => {
    fd ??= openSync(path, 'w');
    return fd;
  };
  return {
    write: async (chunk) => {
      const f = open();
      if (typeof chunk === 'string') writeSync(f, chunk);
      else for (let done = 0; done < chunk.length; ) done += writeSync(f, chunk, done, chunk.length - done);
    },
    close: async () => {
      closeSync(open());
      fd = undefined;
    },
  };
}

/** A sink that hands text to a function (buffered into ~1 MB pieces). */
export function callbackSink(out: (text: string) => void): Sink {
  let buffer = '';
  return {
    write: async (chunk) => {
      buffer += typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
      if (buffer.length > 1 << 20) {
        out(buffer);
        buffer = '';
      }
    },
    close: async () => {
      if (buffer !== '') out(buffer);
      buffer = '';
    },
  };
}

/** Write the JSON document (same text as `JSON.stringify(toMeasuresDocument(…))`, streamed in ~1 MB byte chunks). */
export async function writeMeasuresJson(sink: Sink, matrix: RegionIndustryMatrix, results: MeasureResults, notes: readonly MeasureNote[]): Promise<void> {
  const out = new JsonChunks(sink);
  await out.text(`{"regions":${JSON.stringify(matrix.regions)},"industries":${JSON.stringify(matrix.industries)},"measures":{`);
  let first = true;
  for (const name of measureNames) {
    const r = results[name];
    if (r === undefined) continue;
    await out.text(`${first ? '' : ','}${JSON.stringify(name)}:`);
    first = false;
    if ('labels' in r) await out.numbers(r.values, r.absent, 0, r.values.length);
    else {
      const nC = r.columns.length;
      await out.text('[');
      for (let i = 0; i < r.rows.length; i++) {
        if (i > 0) await out.text(',');
        await out.numbers(r.values, r.absent, i * nC, nC);
      }
      await out.text(']');
    }
  }
  await out.text('}');
  if (notes.length > 0) await out.text(`,"notes":${JSON.stringify(notes)}`);
  await out.text('}\n');
  await out.flush();
  await sink.close();
}

/**
 * Stage the tidy rows in an in-memory DuckDB as integer coordinates and doubles (appended in data chunks, no
 * per-row strings in JS), with small label tables, and run `fn` on a connection where the view `tidy`
 * (measure, row, column, value) exists in the contract's order.
 */
async function withTidyRows<T>(results: MeasureResults, fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  // DuckDB (a native addon, ~0.2 s to load) only for the tidy CSV and Parquet outputs, not for the JSON contract.
  const { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run('CREATE TABLE cells (m INTEGER, r INTEGER, c INTEGER, value DOUBLE)');
    await connection.run('CREATE TABLE labels (m INTEGER, axis INTEGER, idx INTEGER, label VARCHAR)');
    await connection.run('CREATE TABLE names (m INTEGER, name VARCHAR)');
    const names = await connection.createAppender('names');
    const labels = await connection.createAppender('labels');
    const cells = await connection.createAppender('cells');
    const size = 2048;
    const cm: number[] = new Array(size);
    const cr: number[] = new Array(size);
    const cc: (number | null)[] = new Array(size);
    const cv: number[] = new Array(size);
    let fill = 0;
    const flush = () => {
      if (fill === 0) return;
      const chunk = DuckDBDataChunk.create([INTEGER, INTEGER, INTEGER, DOUBLE], fill);
      chunk.setColumns(fill === size ? [cm, cr, cc, cv] : [cm.slice(0, fill), cr.slice(0, fill), cc.slice(0, fill), cv.slice(0, fill)]);
      cells.appendDataChunk(chunk);
      fill = 0;
    };
    measureNames.forEach((name, m) => {
      const result = results[name];
      if (result === undefined) return;
      names.appendInteger(m);
      names.appendVarchar(name);
      names.endRow();
      const isVector = 'labels' in result;
      const rowLabels = isVector ? result.labels : result.rows;
      const colLabels = isVector ? [] : result.columns;
      for (const [axis, list] of [rowLabels, colLabels].entries()) {
        list.forEach((label, idx) => {
          labels.appendInteger(m);
          labels.appendInteger(axis);
          labels.appendInteger(idx);
          labels.appendVarchar(label);
          labels.endRow();
        });
      }
      const width = isVector ? 1 : colLabels.length;
      const { values, absent } = result;
      for (let k = 0; k < values.length; k++) {
        if (absent?.[k] === 1) continue;
        cm[fill] = m;
        cr[fill] = isVector ? k : Math.floor(k / width);
        cc[fill] = isVector ? null : k % width;
        cv[fill] = values[k] as number;
        if (++fill === size) flush();
      }
    });
    flush();
    names.closeSync();
    labels.closeSync();
    cells.closeSync();
    await connection.run(`CREATE VIEW tidy AS
      SELECT n.name AS measure, rl.label AS "row", cl.label AS "column", x.value
      FROM cells x JOIN names n ON n.m = x.m
      JOIN labels rl ON rl.m = x.m AND rl.axis = 0 AND rl.idx = x.r
      LEFT JOIN labels cl ON cl.m = x.m AND cl.axis = 1 AND cl.idx = x.c
      ORDER BY x.m, x.r, x.c NULLS FIRST`);
    return await fn(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Write tidy long CSV rows `measure,row,column,value` (DuckDB's CSV writer; shortest round-trip numbers). */
export async function writeMeasuresCsv(sink: Sink, results: MeasureResults): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'metrocoop-measures-'));
  try {
    const path = join(dir, 'tidy.csv');
    const rows = await withTidyRows(results, async (connection) => {
      await connection.run(`COPY (SELECT * FROM tidy) TO ${sqlString(path)} (FORMAT csv, HEADER true)`);
      const count = await connection.runAndReadAll('SELECT count(*)::DOUBLE AS n FROM cells');
      return Number(count.getRowObjectsJS()[0]?.n ?? 0);
    });
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) await sink.write(chunk as string);
    await sink.close();
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Write the tidy rows as a Parquet file (DuckDB's Parquet writer). */
export async function writeMeasuresParquet(path: string, results: MeasureResults): Promise<number> {
  return withTidyRows(results, async (connection) => {
    await connection.run(`COPY (SELECT * FROM tidy) TO ${sqlString(path)} (FORMAT parquet)`);
    const count = await connection.runAndReadAll('SELECT count(*)::DOUBLE AS n FROM cells');
    return Number(count.getRowObjectsJS()[0]?.n ?? 0);
  });
}
