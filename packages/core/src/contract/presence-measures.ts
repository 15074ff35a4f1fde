/**
 * The presence-based measures of one `computeMeasures` call (presence, diversity, ubiquity, co-occurrence,
 * proximity, density, ECI/PCI, COI/COG) from intermediates computed once and passed along: B, the co-occurrence
 * counts, φ, the eigenvector, the density. Internal to the contract.
 *
 * The public functions share the same intermediates through the matrix's cache (util/memo.ts), which keeps them as
 * long as the matrix lives and hands out copies. Here they live for one call: no copies (each result owns its
 * array), and fewer fresh R × I arrays (12 MB each at 3,000 × 500, ≈ 30 ms of first touch before any arithmetic):
 * presence as bytes without a matrix of LQs, the density returned as computed, COG written over its product B·W,
 * and the two products with B (density's B·φ and COG's B·W) in one pass. Every value is bit-identical to the
 * public function's (same kernels, same order of operations; test/contract/shared-measures.test.ts).
 */

import { _outlookGain, _outlookIndex, _outlookResult, _outlookSpread, _outlookWeights } from '../complexity/complexity-outlook.ts';
import { _complexityCoreFrom, _economicComplexityFrom, readCoreOptions } from '../complexity/economic-complexity.ts';
import { labelledMatrix, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import type { AbsenceNote } from '../relatedness/absence-note.ts';
import { _divideByColumnSums } from '../relatedness/density.ts';
import { coOccurrenceCounts, type PresenceData, presenceFromBytes, presenceTimes, presenceTimesTwo } from '../relatedness/internal.ts';
import { _discreteProximity } from '../relatedness/proximity.ts';
import { assertMatrix, checkNonNegative } from '../specialisation/internal.ts';
import { _ownPresenceBytes } from '../specialisation/location-quotient.ts';
import type { MeasureName, MeasureResults } from './measures-document.ts';

/** The options this path reads (validated values: the contract falls back to the public functions otherwise). */
export interface PresenceMeasureOptions {
  readonly coOccurrenceDiagonal: 'ubiquity' | 'zero';
  readonly proximity: 'minimum' | 'conditional';
  readonly complexity: 'zScore' | 'sum';
  readonly components: 'error' | 'largest';
}

/** B as `presence(matrix, { threshold })` defines it (same checks, same errors), without the R × I matrix of LQs. */
export function sharedPresence(matrix: RegionIndustryMatrix, threshold: number): PresenceData {
  const fn = 'presence';
  assertMatrix(fn, matrix);
  const t = checkNonNegative(fn, 'threshold', threshold);
  const bytes = new Uint8Array(matrix.regionCount * matrix.industryCount);
  _ownPresenceBytes(fn, matrix, t, bytes);
  return presenceFromBytes(bytes, matrix.regionCount, matrix.industryCount);
}

/**
 * Compute the wanted presence-based measures into `results`, in the order (and with the function names in
 * errors) of the public functions that `computeMeasures` called one by one; `addNotes` receives ECI/PCI/COI/COG
 * notes.
 */
export function presenceMeasures(
  matrix: RegionIndustryMatrix,
  data: PresenceData,
  want: ReadonlySet<MeasureName>,
  o: PresenceMeasureOptions,
  into: MeasureResults,
  addNotes: (measure: MeasureName, notes: readonly AbsenceNote[] | undefined) => void,
): void {
  const { nR, nI, bytes } = data;
  const results: MeasureResults = {};
  if (want.has('presence')) {
    const values = new Float64Array(nR * nI);
    for (let c = 0; c < nR * nI; c++) values[c] = bytes[c] as number;
    results.presence = labelledMatrix(matrix.regions, matrix.industries, values);
  }
  if (want.has('diversity')) results.diversity = labelledVector(matrix.regions, data.k.slice());
  if (want.has('ubiquity')) results.ubiquity = labelledVector(matrix.industries, data.u.slice());

  const wantOutlook = want.has('coi') || want.has('cog');
  const needPhi = want.has('proximity') || want.has('density') || wantOutlook;
  if (want.has('coOccurrence')) {
    const c = coOccurrenceCounts(data);
    if (o.coOccurrenceDiagonal === 'zero') for (let i = 0; i < nI; i++) c[i * nI + i] = 0;
    results.coOccurrence = labelledMatrix(matrix.industries, matrix.industries, c);
  }
  // φ is only read from here on: the proximity result can own it.
  const phi = needPhi ? _discreteProximity(coOccurrenceCounts(data), data.u, nI, o.proximity) : undefined;
  if (want.has('proximity') && phi) results.proximity = labelledMatrix(matrix.industries, matrix.industries, phi);

  // The eigenvector, once (named after ECI when it is asked for, as when economicComplexity computed it first).
  const wantComplexity = want.has('eci') || want.has('pci');
  const coreFn = wantComplexity ? 'economicComplexity' : 'complexityOutlook';
  const core = wantComplexity || wantOutlook ? _complexityCoreFrom(coreFn, matrix, data, readCoreOptions(coreFn, { components: o.components })) : undefined;
  if (core && wantComplexity) {
    const ec = _economicComplexityFrom('economicComplexity', matrix, core, o.complexity);
    if (want.has('eci')) {
      results.eci = ec.eci;
      addNotes('eci', ec.eci.notes);
    }
    if (want.has('pci')) {
      results.pci = ec.pci;
      addNotes('pci', ec.pci.notes);
    }
  }
  if (!phi || !(want.has('density') || wantOutlook)) {
    copyInOrder(results, into);
    return;
  }

  // Density's B·φ and COG's B·W in one pass over B, when both are needed.
  let numerator: Float64Array;
  let held: Float64Array | undefined;
  let outlook: { sdKc: number; weights: Float64Array; colTotal: Float64Array } | undefined;
  if (core && wantOutlook) {
    const sdKc = _outlookSpread('complexityOutlook', core);
    outlook = { sdKc, ..._outlookWeights(core, phi) };
    numerator = new Float64Array(nR * nI);
    held = new Float64Array(nR * nI);
    presenceTimesTwo(data, phi, numerator, outlook.weights, held, nI);
  } else numerator = presenceTimes(data, phi, nI);
  const density = _divideByColumnSums(phi, numerator, nR, nI);
  if (core && outlook && held) {
    const coi = _outlookIndex('complexityOutlook', core, density);
    const result = _outlookResult(matrix, core, coi, _outlookGain(core, held, outlook.colTotal, outlook.sdKc));
    if (want.has('coi')) {
      results.coi = result.coi;
      addNotes('coi', result.coi.notes);
    }
    if (want.has('cog')) {
      results.cog = result.cog;
      addNotes('cog', result.cog.notes);
    }
  }
  // Density last: it owns the array COI has just read.
  if (want.has('density')) results.density = labelledMatrix(matrix.regions, matrix.industries, density);
  copyInOrder(results, into);
}

const order = ['presence', 'diversity', 'ubiquity', 'coOccurrence', 'proximity', 'density', 'eci', 'pci', 'coi', 'cog'] as const;

/** Into `into` in the contract's order (the order in which the public functions were called one by one). */
function copyInOrder(results: MeasureResults, into: MeasureResults): void {
  for (const name of order) {
    const r = results[name];
    if (r !== undefined) into[name] = r;
  }
}
