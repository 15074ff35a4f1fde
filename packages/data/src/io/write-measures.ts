/**
 * Writers of the `measures` document: JSON (the contract, streamed row by row so that matrices over millions of
 * region pairs never become one giant string), tidy long CSV, and Parquet through DuckDB.
 *
 * Tidy rows: `measure,row,column,value` — `row` is the region (region measures, region × industry and
 * region × region matrices) or the industry (industry measures and industry × industry matrices); `column` is
 * empty for vectors; absent values are left out of CSV/Parquet (they are listed in the JSON's notes).
 */
import { createWriteStream } from 'node:fs';
import {
  type LabelledMatrix,
  type LabelledVector,
  type MeasureName,
  type MeasureNote,
  type MeasureResults,
  type RegionIndustryMatrix,
  measureNames,
} from '@metrocoop/core';
import { DuckDBInstance } from '@duckdb/node-api';

/** Something that accepts text chunks in order and can be closed. */
interface Sink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

/** A sink on a file (with back-pressure) or on a callback (stdout, tests). */
export function fileSink(path: string): Sink {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  return {
    write: (chunk) =>
      new Promise((resolve, reject) => {
        const ok = stream.write(chunk, (error) => (error ? reject(error) : undefined));
        if (ok) resolve();
        else stream.once('drain', resolve);
      }),
    close: () => new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}

/** A sink that hands chunks to a function (buffered into ~1 MB pieces). */
export function callbackSink(out: (text: string) => void): Sink {
  let buffer = '';
  return {
    write: async (chunk) => {
      buffer += chunk;
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

const num = (values: Float64Array, absent: Uint8Array | undefined, k: number): string =>
  absent?.[k] === 1 ? 'null' : String(values[k] as number); // String() = JSON for finite numbers

/** Write the JSON document (same content as `toMeasuresDocument`, streamed). */
export async function writeMeasuresJson(
  sink: Sink,
  matrix: RegionIndustryMatrix,
  results: MeasureResults,
  notes: readonly MeasureNote[],
): Promise<void> {
  await sink.write(`{"regions":${JSON.stringify(matrix.regions)},"industries":${JSON.stringify(matrix.industries)},"measures":{`);
  let first = true;
  for (const name of measureNames) {
    const r = results[name];
    if (r === undefined) continue;
    await sink.write(`${first ? '' : ','}${JSON.stringify(name)}:`);
    first = false;
    if ('labels' in r) {
      const parts: string[] = new Array(r.values.length);
      for (let k = 0; k < r.values.length; k++) parts[k] = num(r.values, r.absent, k);
      await sink.write(`[${parts.join(',')}]`);
    } else {
      const nC = r.columns.length;
      await sink.write('[');
      const row: string[] = new Array(nC);
      for (let i = 0; i < r.rows.length; i++) {
        for (let c = 0; c < nC; c++) row[c] = num(r.values, r.absent, i * nC + c);
        await sink.write(`${i === 0 ? '' : ','}[${row.join(',')}]`);
      }
      await sink.write(']');
    }
  }
  await sink.write('}');
  if (notes.length > 0) await sink.write(`,"notes":${JSON.stringify(notes)}`);
  await sink.write('}\n');
  await sink.close();
}

const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** Visit every present value as a tidy row (measure, row, column, value). */
function* tidy(results: MeasureResults): Generator<[MeasureName, string, string, number]> {
  for (const name of measureNames) {
    const r = results[name];
    if (r === undefined) continue;
    if ('labels' in r) {
      const v = r as LabelledVector;
      for (let k = 0; k < v.values.length; k++) if (v.absent?.[k] !== 1) yield [name, v.labels[k] as string, '', v.values[k] as number];
    } else {
      const m = r as LabelledMatrix;
      const nC = m.columns.length;
      for (let i = 0; i < m.rows.length; i++) {
        for (let c = 0; c < nC; c++) {
          const k = i * nC + c;
          if (m.absent?.[k] !== 1) yield [name, m.rows[i] as string, m.columns[c] as string, m.values[k] as number];
        }
      }
    }
  }
}

/** Write tidy long CSV rows `measure,row,column,value`. */
export async function writeMeasuresCsv(sink: Sink, results: MeasureResults): Promise<number> {
  await sink.write('measure,row,column,value\n');
  let lines: string[] = [];
  let n = 0;
  for (const [measure, row, column, value] of tidy(results)) {
    lines.push(`${measure},${csvField(row)},${csvField(column)},${value}`);
    n++;
    if (lines.length === 65536) {
      await sink.write(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) await sink.write(`${lines.join('\n')}\n`);
  await sink.close();
  return n;
}

/** Write the tidy rows as a Parquet file (DuckDB appender → COPY … (FORMAT parquet)). */
export async function writeMeasuresParquet(path: string, results: MeasureResults): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run('CREATE TABLE measures (measure VARCHAR, "row" VARCHAR, "column" VARCHAR, value DOUBLE)');
    const appender = await connection.createAppender('measures');
    let n = 0;
    for (const [measure, row, column, value] of tidy(results)) {
      appender.appendVarchar(measure);
      appender.appendVarchar(row);
      appender.appendVarchar(column);
      appender.appendDouble(value);
      appender.endRow();
      n++;
    }
    appender.closeSync();
    await connection.run(`COPY measures TO '${path.replaceAll("'", "''")}' (FORMAT parquet)`);
    return n;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
