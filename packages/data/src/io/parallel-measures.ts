/**
 * The measures document on two threads. The pairwise region × region measures (Krugman dissimilarity and
 * structural similarity over all region pairs) are the largest part of `measures all` on many regions; they run in
 * a worker thread while the main thread computes every other measure, then the results are joined in the
 * contract's order. Same numbers as `computeMeasures` (the same functions run, only elsewhere); small inputs, and
 * any failure to start a worker, fall back to one thread.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  computeMeasures,
  type LabelledMatrix,
  labelledMatrix,
  type MeasureName,
  type MeasureNote,
  type MeasureResults,
  type MeasuresDocumentOptions,
  measureNames,
  type RegionIndustryMatrix,
} from '@metrocoop/core/measures';
import type { PairwiseReply, PairwiseTask } from './pairwise-worker.ts';

export interface ParallelMeasuresOptions {
  /** Below this many regions everything runs on the calling thread (a worker costs ≈ 0.2 s to start). Default 600. */
  readonly minRegions?: number;
}

export const defaultParallelMeasuresOptions = { minRegions: 600 } as const satisfies Required<ParallelMeasuresOptions>;

const pairwiseNames = ['krugmanDissimilarity', 'structuralSimilarity'] as const satisfies readonly MeasureName[];

/**
 * The pairwise worker. Compiled code (the CLI bundle, the compiled tests) starts the compiled worker
 * packages/data/dist/pairwise-worker.js that `npm run build` writes; the TypeScript sources (run through tsx in
 * development) start it through worker-boot.mjs, which registers tsx in the new thread first.
 */
function startPairwiseWorker(task: PairwiseTask): Worker {
  if (import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { module: new URL('./pairwise-worker.ts', import.meta.url).href, task } });
  }
  const packageRoot = dirname(createRequire(import.meta.url).resolve('@metrocoop/data/package.json'));
  return new Worker(join(packageRoot, 'dist', 'pairwise-worker.js'), { workerData: { task } });
}

/** `computeMeasures`, with the pairwise matrices on a worker thread when that pays. */
export async function computeMeasuresInParallel(
  matrix: RegionIndustryMatrix,
  measures: readonly MeasureName[] = measureNames,
  options: MeasuresDocumentOptions = {},
  parallel: ParallelMeasuresOptions = {},
): Promise<{ results: MeasureResults; notes: MeasureNote[]; threads: 1 | 2 }> {
  const minRegions = parallel.minRegions ?? defaultParallelMeasuresOptions.minRegions;
  const pairwise = measures.filter((m): m is (typeof pairwiseNames)[number] => (pairwiseNames as readonly string[]).includes(m));
  const oneThread = () => ({ ...computeMeasures(matrix, measures, options), threads: 1 as const });
  if (pairwise.length === 0 || matrix.regionCount < minRegions) return oneThread();
  const task: PairwiseTask = {
    regions: matrix.regions,
    industries: matrix.industries,
    values: matrix.values,
    dissimilarity: pairwise.includes('krugmanDissimilarity'),
    similarity: pairwise.includes('structuralSimilarity'),
    halved: options.dissimilarity === 'halved',
  };
  let worker: Worker;
  try {
    worker = startPairwiseWorker(task);
  } catch {
    return oneThread();
  }
  const reply = new Promise<PairwiseReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`pairwise worker exited with code ${code}`)));
  });
  // The rest on this thread meanwhile.
  const rest = computeMeasures(
    matrix,
    measures.filter((m) => !(pairwiseNames as readonly string[]).includes(m)),
    options,
  );
  let answer: PairwiseReply;
  try {
    answer = await reply;
  } catch {
    // A worker that failed (no threads, a loader problem) must not fail the command: compute here instead.
    return oneThread();
  } finally {
    await worker.terminate();
  }
  const asMatrix = (part: PairwiseReply['dissimilarity']): LabelledMatrix | undefined =>
    part === undefined ? undefined : labelledMatrix(matrix.regions, matrix.regions, part.values, part.absent);
  const precomputed: MeasureResults = {};
  const dissimilarity = asMatrix(answer.dissimilarity);
  const similarity = asMatrix(answer.similarity);
  if (dissimilarity !== undefined) precomputed.krugmanDissimilarity = dissimilarity;
  if (similarity !== undefined) precomputed.structuralSimilarity = similarity;
  // Attach the pairwise results (and their absence notes) through the same code path as one thread.
  const joined = computeMeasures(matrix, pairwise, options, precomputed);
  const order = (m: MeasureName) => measureNames.indexOf(m);
  return {
    results: { ...rest.results, ...joined.results },
    notes: [...rest.notes, ...joined.notes].sort((a, b) => order(a.measure) - order(b.measure)),
    threads: 2,
  };
}
