/**
 * Worker thread: the pairwise region × region measures (Krugman dissimilarity, structural similarity) of a matrix
 * sent by {@link computeMeasuresInParallel}. The result buffers are transferred back, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { krugmanDissimilarity, type LabelledMatrix, pairwiseStructure, RegionIndustryMatrix, structuralSimilarity } from '@metrocoop/core/pairwise';

export interface PairwiseTask {
  readonly regions: readonly string[];
  readonly industries: readonly string[];
  readonly values: Float64Array;
  readonly dissimilarity: boolean;
  readonly similarity: boolean;
  readonly halved: boolean;
}

export interface PairwiseReply {
  readonly dissimilarity?: { values: Float64Array; absent?: Uint8Array };
  readonly similarity?: { values: Float64Array; absent?: Uint8Array };
}

const task = workerData.task as PairwiseTask;
// The matrix was validated on the main thread; rebuild it in the same order, keeping whatever it kept.
const matrix = RegionIndustryMatrix.fromWide(task.regions, task.industries, task.values, { order: 'input', zeroTotals: 'keep' });
let dissimilarity: LabelledMatrix | undefined;
let similarity: LabelledMatrix | undefined;
if (task.dissimilarity && task.similarity) ({ dissimilarity, similarity } = pairwiseStructure(matrix, { halved: task.halved }));
else if (task.dissimilarity) dissimilarity = krugmanDissimilarity(matrix, { halved: task.halved });
else similarity = structuralSimilarity(matrix);
type Part = { values: Float64Array; absent?: Uint8Array };
const pack = (m: LabelledMatrix): Part => (m.absent === undefined ? { values: m.values } : { values: m.values, absent: m.absent });
const reply: PairwiseReply = {
  ...(dissimilarity === undefined ? {} : { dissimilarity: pack(dissimilarity) }),
  ...(similarity === undefined ? {} : { similarity: pack(similarity) }),
};
const transfer = [dissimilarity, similarity].flatMap((m) =>
  m === undefined ? [] : [m.values.buffer, ...(m.absent ? [m.absent.buffer] : [])],
) as ArrayBuffer[];
parentPort?.postMessage(reply, transfer);
