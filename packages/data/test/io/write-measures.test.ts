/**
 * The streamed JSON writer gives byte for byte the text of `JSON.stringify(toMeasuresDocument(…))`, through a file
 * and through a callback, with absent values, notes, non-ASCII labels and chunks smaller than a row.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { computeMeasures, labelledMatrix, type MeasureResults, measureNames, mulberry32, RegionIndustryMatrix, toMeasuresDocument } from '@metrocoop/core';
import { JsonChunks } from '../../src/io/json-chunks.ts';
import { callbackSink, fileSink, writeMeasuresJson } from '../../src/io/write-measures.ts';

function generated(regions: number, industries: number): RegionIndustryMatrix {
  const random = mulberry32(11);
  const values = Array.from({ length: regions }, () => Array.from({ length: industries }, () => (random() < 0.5 ? Math.floor(1 + 1000 * random() ** 3) : 0)));
  for (let i = 0; i < industries; i++) values[1]![i] = i + 1;
  values.forEach((row, r) => (row[r % industries] = row[r % industries]! + 1));
  return RegionIndustryMatrix.fromWide(
    values.map((_, r) => (r % 7 === 0 ? `北京·区${r}` : `R"${r}"`)),
    Array.from({ length: industries }, (_, i) => `I${i}`),
    values,
    { zeroTotals: 'keep' },
  );
}

const expectedText = (m: RegionIndustryMatrix, results: MeasureResults, notes: Parameters<typeof toMeasuresDocument>[2]) =>
  `${JSON.stringify(toMeasuresDocument(m, results, notes))}\n`;

describe('writeMeasuresJson', () => {
  it('writes the same text as JSON.stringify of the document, to a file and to a callback', async () => {
    const m = generated(30, 9);
    const { results, notes } = computeMeasures(m, measureNames);
    const expected = expectedText(m, results, notes);
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-write-measures-'));
    try {
      const path = join(dir, 'out.json');
      await writeMeasuresJson(fileSink(path), m, results, notes);
      assert.equal(readFileSync(path, 'utf8'), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const pieces: string[] = [];
    await writeMeasuresJson(
      callbackSink((t) => pieces.push(t)),
      m,
      results,
      notes,
    );
    assert.equal(pieces.join(''), expected);
  });

  it('writes absent values and NaN as null and lists the notes, like JSON.stringify', async () => {
    const m = generated(4, 3);
    const values = Float64Array.from([0.1, Number.NaN, -0, 1e-7, 1e21, 5e-324, -2.5, 123456789012, 1 / 3, 2 / 3, 0.5, 7]);
    const absent = Uint8Array.from([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0]);
    const results: MeasureResults = { lq: labelledMatrix(m.regions, m.industries, values, absent) };
    const notes = [{ measure: 'lq' as const, axis: 'cell' as const, label: m.regions[1] as string, code: 'ABSENT', message: { en: 'absent', zh: '缺失' } }];
    const pieces: string[] = [];
    await writeMeasuresJson(
      callbackSink((t) => pieces.push(t)),
      m,
      results,
      notes,
    );
    assert.equal(pieces.join(''), expectedText(m, results, notes));
  });
});

describe('JsonChunks', () => {
  it('gives the same text whatever the chunk size (chunks smaller than a row, labels larger than a chunk)', async () => {
    const random = mulberry32(5);
    const values = Float64Array.from({ length: 500 }, () => (random() - 0.2) * 10 ** Math.floor(random() * 12 - 6));
    const absent = Uint8Array.from({ length: 500 }, () => (random() < 0.1 ? 1 : 0));
    const label = JSON.stringify(Array.from({ length: 80 }, (_, k) => `地区${k}`));
    const expected = `${label}${JSON.stringify(Array.from(values, (v, k) => (absent[k] === 1 ? null : v)))}${JSON.stringify(Array.from(values.subarray(7, 19)))}`;
    for (const size of [16, 100, 257, 1 << 20]) {
      const chunks: string[] = [];
      const out = new JsonChunks(
        {
          write: async (c) => {
            chunks.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
          },
        },
        size,
      );
      await out.text(label);
      await out.numbers(values, absent, 0, values.length);
      await out.numbers(values, undefined, 7, 12);
      await out.flush();
      assert.equal(chunks.join(''), expected, `chunk size ${size}`);
    }
  });
});
