/**
 * Node strength of a flow network (weighted degree; Barrat et al. 2004, PNAS 101(11)): out-strength
 * `s_i^out = Σ_j w_ij` (what i sends — control, supply), in-strength `s_i^in = Σ_j w_ji` (what i receives —
 * dependence), self-flows excluded. Computed by graphology-metrics' weighted degree on {@link flowGraph}.
 */
import { weightedInDegree, weightedOutDegree } from 'graphology-metrics/node/weighted-degree.js';
import type { LabelledMatrix } from '../matrix/labelled.ts';
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import { flowGraph } from './flow-graph.ts';

/** Result of {@link networkStrength}. */
export interface NetworkStrength {
  readonly out: LabelledVector;
  readonly in: LabelledVector;
  /** `out + in`. */
  readonly total: LabelledVector;
  /** `(out − in) / (out + in)` in [−1, 1]: > 0 a net sender (e.g. HQ city); absent for an isolated node. */
  readonly balance: LabelledVector;
}

/**
 * In-, out- and total strength of every node of a square flow matrix (rows send to columns).
 * Errors as {@link flowGraph}.
 *
 * @example
 * networkStrength(hqBranchCounts).balance; // command cities > 0
 */
export function networkStrength(matrix: LabelledMatrix): NetworkStrength {
  const g = flowGraph(matrix, { directed: true });
  const labels = matrix.rows;
  const n = labels.length;
  const out = new Float64Array(n);
  const inn = new Float64Array(n);
  const total = new Float64Array(n);
  const balance = new Float64Array(n);
  const absent = new Uint8Array(n);
  labels.forEach((label, k) => {
    out[k] = weightedOutDegree(g, label, 'weight');
    inn[k] = weightedInDegree(g, label, 'weight');
    total[k] = (out[k] as number) + (inn[k] as number);
    if (total[k] === 0) absent[k] = 1;
    else balance[k] = ((out[k] as number) - (inn[k] as number)) / (total[k] as number);
  });
  return {
    out: labelledVector(labels, out),
    in: labelledVector(labels, inn),
    total: labelledVector(labels, total),
    balance: labelledVector(labels, balance, absent),
  };
}
