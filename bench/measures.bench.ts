/**
 * The whole `measures` contract (`metrocoop measures --measures all`) at the named sizes: reading the long CSV,
 * computing every measure (incl. pairwise dissimilarity and similarity over all region pairs, proximity, density,
 * ECI/PCI, COI/COG) on one thread and as the CLI does it (pairwise matrices on a worker thread), and — reported separately, as the issue asks — writing the output as JSON, tidy CSV and
 * Parquet. Each run uses a fresh matrix, so nothing is reused between runs (the core shares intermediate results
 * only within one matrix). Prints figures; asserts nothing. Run: `npm run bench -- measures`.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeMeasures, measureNames } from '@metrocoop/core';
import { computeMeasuresInParallel, fileSink, readLongCsv, writeMeasuresCsv, writeMeasuresJson, writeMeasuresParquet } from '@metrocoop/data';
import { generateMatrix, longCsv, sizes } from './generate.ts';
import { bench, printHeader } from './harness.ts';

printHeader('measures --measures all (read + compute; writing reported separately)');
const dir = mkdtempSync(join(tmpdir(), 'metrocoop-bench-measures-'));
try {
  for (const size of ['medium', 'large'] as const) {
    const { regions, industries } = sizes[size];
    const label = `${regions}×${industries}`;
    const generated = generateMatrix(regions, industries);
    const text = longCsv(generated);
    const csv = join(dir, `${size}.csv`);
    writeFileSync(csv, text);
    console.log(`# ${label}: ${text.split('\n').length - 2} non-zero cells, ${(statSync(csv).size / 2 ** 20).toFixed(1)} MiB of CSV`);
    const runs = size === 'large' ? 3 : 5;
    await bench('read CSV', label, () => readLongCsv(csv), runs);
    await bench('read CSV + compute all (one thread)', label, () => computeMeasures(readLongCsv(csv), measureNames), runs);
    await bench('read CSV + compute all (as the CLI: 2 threads)', label, () => computeMeasuresInParallel(readLongCsv(csv), measureNames), runs);
    const matrix = readLongCsv(csv);
    const { results, notes } = computeMeasures(matrix, measureNames);
    await bench('write JSON', label, () => writeMeasuresJson(fileSink(join(dir, 'out.json')), matrix, results, notes), 1);
    console.log(`#   JSON ${(statSync(join(dir, 'out.json')).size / 2 ** 20).toFixed(0)} MiB`);
    await bench('write CSV (tidy)', label, () => writeMeasuresCsv(fileSink(join(dir, 'out.csv')), results), 1);
    await bench('write Parquet (tidy)', label, () => writeMeasuresParquet(join(dir, 'out.parquet'), results), 1);
    console.log(
      `#   CSV ${(statSync(join(dir, 'out.csv')).size / 2 ** 20).toFixed(0)} MiB, Parquet ${(statSync(join(dir, 'out.parquet')).size / 2 ** 20).toFixed(0)} MiB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
