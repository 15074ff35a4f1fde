/**
 * Relatedness density (EconGeo): the share, in percent, of the industries related to i that a region holds.
 *
 * References: Boschma, R., Balland, P.A. and Kogler, D. (2015) Relatedness and technological change in cities,
 * Industrial and Corporate Change 24(1): 223–250; Balland, P.A. et al. (2019) Smart specialization policy in the
 * EU, Regional Studies 53(9); EconGeo 2.1 `relatedness_density` (which rounds to 2 dp — we do not).
 */
import { labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import type { AbsenceNote, NotedMatrix } from './absence-note.ts';
import { assertMatrix, checkChoice, coOccurrenceCounts, type PresenceInputOptions, presenceData, presenceTimes, readOptions } from './internal.ts';
import { relatednessMessages as msg } from './messages.ts';
import { _relatednessFromCounts, type RelatednessMethod } from './relatedness.ts';

/** Options of {@link relatednessDensity}. */
export interface RelatednessDensityOptions extends PresenceInputOptions {
  /** The relatedness normalisation (see `relatedness`). Default `"prob"`. */
  readonly method?: RelatednessMethod;
}

/** Defaults of {@link RelatednessDensityOptions}. */
export const defaultRelatednessDensityOptions = { method: 'prob', threshold: 1 } as const satisfies RelatednessDensityOptions;

/**
 * Relatedness density `RD_ri = 100 · Σ_j B_rj R_ji / Σ_j R_ji`, own industry excluded (R has a zero diagonal).
 *
 * Range [0, 100]: 100 when the region holds every industry related to i. An industry that co-occurs with no other
 * (Σ_j R_ji = 0) has no relatedness density: its column is absent and a note says why (EconGeo returns NaN).
 * @example
 * relatednessDensity(matrix).values; // EconGeo relatedness_density(mat, relatedness(co_occurrence(mat)))
 */
export function relatednessDensity(matrix: RegionIndustryMatrix, options?: RelatednessDensityOptions): NotedMatrix {
  const fn = 'relatednessDensity';
  assertMatrix(fn, matrix);
  const o = readOptions(fn, options);
  const method = checkChoice(fn, 'method', o.method ?? defaultRelatednessDensityOptions.method, ['prob', 'association', 'cosine', 'jaccard'] as const);
  const data = presenceData(fn, matrix, o);
  const { nR, nI } = data;
  const rel = _relatednessFromCounts(coOccurrenceCounts(data), nI, method);
  const out = presenceTimes(data, rel, nI);
  const colSum = new Float64Array(nI);
  for (let j = 0; j < nI; j++) for (let i = 0; i < nI; i++) colSum[i] = (colSum[i] as number) + (rel[j * nI + i] as number);
  const absent = new Uint8Array(nR * nI);
  const notes: AbsenceNote[] = [];
  for (let i = 0; i < nI; i++) {
    if (colSum[i] === 0)
      notes.push({
        axis: 'industry',
        label: matrix.industries[i] as string,
        code: 'NO_RELATED_INDUSTRY',
        message: msg.noRelated(matrix.industries[i] as string),
      });
  }
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    for (let i = 0; i < nI; i++) {
      const s = colSum[i] as number;
      if (s === 0) {
        out[base + i] = 0;
        absent[base + i] = 1;
      } else out[base + i] = ((out[base + i] as number) / s) * 100;
    }
  }
  const m = labelledMatrix(matrix.regions, matrix.industries, out, absent);
  return { ...m, notes };
}
