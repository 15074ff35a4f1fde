/**
 * The `measures` command's JSON document (a contract other tools read — docs/spec/measures.md, last section):
 * `{ regions, industries, measures: { <name>: vector | matrix }, notes? }`. Vectors follow `regions` (region
 * measures) or `industries` (industry measures); matrices are row-major nested arrays; an absent value is `null`
 * and its reason is listed under `notes`. Key names and orientation must never change.
 *
 * Computes only what is asked, once: presence-based measures share one presence matrix; COI/COG and ECI/PCI come
 * from one eigen-solve each.
 */

import { complexityOutlook } from '../complexity/complexity-outlook.ts';
import { economicComplexity } from '../complexity/economic-complexity.ts';
import { gini } from '../concentration/gini.ts';
import { hooverGini } from '../concentration/hoover-gini.ts';
import { hooverLocalization } from '../concentration/hoover-localization.ts';
import { InvalidInputError } from '../errors/metro-error.ts';
import type { LabelledMatrix, LabelledVector } from '../matrix/labelled.ts';
import { matrixToNested, vectorToArray } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { coOccurrence } from '../relatedness/co-occurrence.ts';
import { density } from '../relatedness/density.ts';
import { diversity, ubiquity } from '../relatedness/diversity-ubiquity.ts';
import { type ProximityForm, proximity } from '../relatedness/proximity.ts';
import { krugmanDissimilarity } from '../similarity/krugman-dissimilarity.ts';
import { pairwiseStructure } from '../similarity/pairwise-structure.ts';
import { structuralSimilarity } from '../similarity/structural-similarity.ts';
import { entropy } from '../specialisation/entropy.ts';
import { hachman } from '../specialisation/hachman.ts';
import { herfindahl } from '../specialisation/herfindahl.ts';
import { type KrugmanReference, krugmanSpecialization } from '../specialisation/krugman-specialization.ts';
import { locationQuotient } from '../specialisation/location-quotient.ts';
import { presence } from '../specialisation/presence.ts';
import { specializationCoefficient } from '../specialisation/specialization-coefficient.ts';
import { contractMessages } from './messages.ts';
import { type PresenceMeasureOptions, presenceMeasures, sharedPresence } from './presence-measures.ts';

/** Every measure of the contract, in the contract's order. */
export const measureNames = [
  'lq',
  'presence',
  'krugmanSpecialization',
  'specializationCoefficient',
  'krugmanDissimilarity',
  'structuralSimilarity',
  'hooverLocalization',
  'hooverGini',
  'gini',
  'herfindahl',
  'entropy',
  'hachman',
  'diversity',
  'ubiquity',
  'coOccurrence',
  'proximity',
  'density',
  'eci',
  'pci',
  'coi',
  'cog',
] as const;

export type MeasureName = (typeof measureNames)[number];

/**
 * Options of the document, settable from the CLI as `--option name=value`. Each maps to the option of the measure
 * it names; defaults are the spec's defaults.
 */
export interface MeasuresDocumentOptions {
  /** Presence threshold t in `LQ ≥ t` for presence, diversity, ubiquity, co-occurrence, proximity, density, ECI/PCI, COI/COG. Default 1. */
  readonly threshold?: number;
  /** LQ variant: `ratio` (default) or `additive` (s_ri − s_i, REAT "a"). */
  readonly lq?: 'ratio' | 'additive';
  /** Krugman specialisation reference: `area` (default), `restOfArea`, `meanOfOthers`. */
  readonly krugmanReference?: KrugmanReference;
  /** Krugman dissimilarity scale: `full` [0, 2] (default) or `halved` [0, 1]. */
  readonly dissimilarity?: 'full' | 'halved';
  /** Hoover localisation scale: `fraction` (default) or `percent`. */
  readonly hooverScale?: 'fraction' | 'percent';
  /** Herfindahl: `plain` (default) or `normalized`. */
  readonly herfindahl?: 'plain' | 'normalized';
  /** Entropy logarithm: `log2` (default) or `ln`. */
  readonly entropyLog?: 'log2' | 'ln';
  /** Co-occurrence diagonal: `ubiquity` (default) or `zero` (EconGeo). */
  readonly coOccurrenceDiagonal?: 'ubiquity' | 'zero';
  /** Proximity form for `proximity`, `density` and COG/COI: `minimum` (default), `conditional`, `continuous`. */
  readonly proximity?: ProximityForm;
  /** ECI/PCI normalisation: `zScore` (default, py-ecomplexity) or `sum` (EconGeo kci/tci). */
  readonly complexity?: 'zScore' | 'sum';
  /** Disconnected presence network: `error` (default) or `largest` block only (others absent, with notes). */
  readonly components?: 'error' | 'largest';
}

/** Defaults of {@link MeasuresDocumentOptions}. */
export const defaultMeasuresDocumentOptions = {
  threshold: 1,
  lq: 'ratio',
  krugmanReference: 'area',
  dissimilarity: 'full',
  hooverScale: 'fraction',
  herfindahl: 'plain',
  entropyLog: 'log2',
  coOccurrenceDiagonal: 'ubiquity',
  proximity: 'minimum',
  complexity: 'zScore',
  components: 'error',
} as const satisfies Required<MeasuresDocumentOptions>;

/** Why a value is absent. */
export interface MeasureNote {
  readonly measure: MeasureName;
  readonly axis: 'region' | 'industry' | 'cell';
  readonly label: string;
  readonly code: string;
  readonly message: { readonly en: string; readonly zh: string };
}

export type Nested = (number | null)[][];
export type Flat = (number | null)[];

/** The JSON document. */
export interface MeasuresDocument {
  readonly regions: readonly string[];
  readonly industries: readonly string[];
  readonly measures: Partial<Record<MeasureName, Flat | Nested>>;
  readonly notes?: readonly MeasureNote[];
}

/** The computed results before JSON encoding (typed arrays), for fast writers (CSV, Parquet). */
export type MeasureResults = Partial<Record<MeasureName, LabelledVector | LabelledMatrix>>;

const choices = {
  lq: ['ratio', 'additive'],
  krugmanReference: ['area', 'restOfArea', 'meanOfOthers'],
  dissimilarity: ['full', 'halved'],
  hooverScale: ['fraction', 'percent'],
  herfindahl: ['plain', 'normalized'],
  entropyLog: ['log2', 'ln'],
  coOccurrenceDiagonal: ['ubiquity', 'zero'],
  proximity: ['minimum', 'conditional', 'continuous'],
  complexity: ['zScore', 'sum'],
  components: ['error', 'largest'],
} as const;

/**
 * Parse `name=value` option strings (the CLI's `--option`) into {@link MeasuresDocumentOptions}; unknown names and
 * values are errors listing what is allowed.
 */
export function parseMeasuresOptions(pairs: readonly string[]): MeasuresDocumentOptions {
  const fn = 'parseMeasuresOptions';
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    if (name === 'threshold') {
      const t = Number(value);
      if (value === '' || !Number.isFinite(t) || t <= 0) {
        throw new InvalidInputError(contractMessages.badOption(fn, name, value, 'a positive number'), { name, value }, 'INVALID_OPTION');
      }
      out.threshold = t;
    } else if (name in choices) {
      const allowed = choices[name as keyof typeof choices] as readonly string[];
      if (!allowed.includes(value)) {
        throw new InvalidInputError(contractMessages.badOption(fn, name, value, allowed.join(' | ')), { name, value }, 'INVALID_OPTION');
      }
      out[name] = value;
    } else {
      throw new InvalidInputError(contractMessages.badOption(fn, 'name', name, ['threshold', ...Object.keys(choices)].join(', ')), { name }, 'INVALID_OPTION');
    }
  }
  return out as MeasuresDocumentOptions;
}

/** Parse a `--measures` list (`a,b,…` or `all`) into measure names, in the contract's order. */
export function parseMeasureList(list: string): MeasureName[] {
  const trimmed = list.trim();
  if (trimmed === 'all') return [...measureNames];
  const wanted = new Set<string>();
  for (const raw of trimmed.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (!(measureNames as readonly string[]).includes(name)) {
      throw new InvalidInputError(
        contractMessages.badOption('parseMeasureList', 'measures', name, `all or a comma-separated list of: ${measureNames.join(', ')}`),
        { name },
        'UNKNOWN_MEASURE',
      );
    }
    wanted.add(name);
  }
  if (wanted.size === 0) {
    throw new InvalidInputError(
      contractMessages.badOption('parseMeasureList', 'measures', list, 'at least one measure name, or all'),
      undefined,
      'UNKNOWN_MEASURE',
    );
  }
  return measureNames.filter((m) => wanted.has(m));
}

/** Whether presence-measures.ts handles these options (otherwise the public functions check and compute). */
function isPresenceMeasureOptions(o: Required<MeasuresDocumentOptions>): boolean {
  return (
    (o.proximity === 'minimum' || o.proximity === 'conditional') &&
    (o.coOccurrenceDiagonal === 'ubiquity' || o.coOccurrenceDiagonal === 'zero') &&
    (o.complexity === 'zScore' || o.complexity === 'sum') &&
    (o.components === 'error' || o.components === 'largest')
  );
}

/**
 * Compute the requested measures (typed results plus absence notes). `precomputed` results (same matrix, same
 * options) are used instead of computing them — a caller may compute some on another thread.
 */
export function computeMeasures(
  matrix: RegionIndustryMatrix,
  measures: readonly MeasureName[] = measureNames,
  options: MeasuresDocumentOptions = {},
  precomputed: MeasureResults = {},
): { results: MeasureResults; notes: MeasureNote[] } {
  const o = { ...defaultMeasuresDocumentOptions, ...options };
  // Results computed elsewhere (e.g. pairwise matrices on another thread) are taken as they are.
  const want = new Set(measures.filter((m) => precomputed[m] === undefined));
  const results: MeasureResults = {};
  for (const m of measures) if (precomputed[m] !== undefined) results[m] = precomputed[m];
  const notes: MeasureNote[] = [];
  const addNotes = (
    measure: MeasureName,
    list: readonly { axis: 'region' | 'industry'; label: string; code: string; message: { en: string; zh: string } }[] | undefined,
  ) => {
    for (const n of list ?? []) notes.push({ measure, axis: n.axis, label: n.label, code: n.code, message: n.message });
  };
  const presenceBased = ['presence', 'diversity', 'ubiquity', 'coOccurrence', 'proximity', 'density', 'eci', 'pci', 'coi', 'cog'] as const;
  const needPresence = presenceBased.some((m) => want.has(m));
  // The discrete forms with valid options: one B, one φ, one eigenvector, one density for all of them
  // (presence-measures.ts). Otherwise each public function in turn, sharing B through the matrix's cache.
  const shared = needPresence && isPresenceMeasureOptions(o) ? sharedPresence(matrix, o.threshold) : undefined;
  const presenceMatrix = needPresence && shared === undefined ? presence(matrix, { threshold: o.threshold }) : undefined;
  const presenceInput = presenceMatrix === undefined ? { threshold: o.threshold } : { threshold: o.threshold, presence: presenceMatrix };

  if (want.has('lq')) results.lq = locationQuotient(matrix, { variant: o.lq });
  if (want.has('presence') && presenceMatrix) results.presence = presenceMatrix;
  if (want.has('krugmanSpecialization')) results.krugmanSpecialization = krugmanSpecialization(matrix, { reference: o.krugmanReference });
  if (want.has('specializationCoefficient')) results.specializationCoefficient = specializationCoefficient(matrix);
  if (want.has('krugmanDissimilarity') && want.has('structuralSimilarity')) {
    const both = pairwiseStructure(matrix, { halved: o.dissimilarity === 'halved' });
    results.krugmanDissimilarity = both.dissimilarity;
    results.structuralSimilarity = both.similarity;
  } else if (want.has('krugmanDissimilarity')) results.krugmanDissimilarity = krugmanDissimilarity(matrix, { halved: o.dissimilarity === 'halved' });
  else if (want.has('structuralSimilarity')) results.structuralSimilarity = structuralSimilarity(matrix);
  if (want.has('hooverLocalization')) results.hooverLocalization = hooverLocalization(matrix, { scale: o.hooverScale });
  if (want.has('hooverGini')) results.hooverGini = hooverGini(matrix);
  if (want.has('gini')) results.gini = gini(matrix);
  if (want.has('herfindahl')) results.herfindahl = herfindahl(matrix, { normalized: o.herfindahl === 'normalized' });
  if (want.has('entropy')) results.entropy = entropy(matrix, { log: o.entropyLog });
  if (want.has('hachman')) results.hachman = hachman(matrix);
  if (shared !== undefined) presenceMeasures(matrix, shared, want, o as PresenceMeasureOptions, results, addNotes);
  if (shared === undefined && want.has('diversity')) results.diversity = diversity(matrix, presenceInput);
  if (shared === undefined && want.has('ubiquity')) results.ubiquity = ubiquity(matrix, presenceInput);
  if (shared === undefined && want.has('coOccurrence')) results.coOccurrence = coOccurrence(matrix, { ...presenceInput, diagonal: o.coOccurrenceDiagonal });
  if (shared === undefined && want.has('proximity')) results.proximity = proximity(matrix, { ...presenceInput, form: o.proximity });
  if (shared === undefined && want.has('density')) results.density = density(matrix, { ...presenceInput, proximity: o.proximity });
  if (shared === undefined && (want.has('eci') || want.has('pci'))) {
    const ec = economicComplexity(matrix, { ...presenceInput, normalization: o.complexity, components: o.components });
    if (want.has('eci')) {
      results.eci = ec.eci;
      addNotes('eci', ec.eci.notes);
    }
    if (want.has('pci')) {
      results.pci = ec.pci;
      addNotes('pci', ec.pci.notes);
    }
  }
  if (shared === undefined && (want.has('coi') || want.has('cog'))) {
    const outlook = complexityOutlook(matrix, { ...presenceInput, proximity: o.proximity, components: o.components });
    if (want.has('coi')) {
      results.coi = outlook.coi;
      addNotes('coi', outlook.coi.notes);
    }
    if (want.has('cog')) {
      results.cog = outlook.cog;
      addNotes('cog', outlook.cog.notes);
    }
  }
  // Absent values without a measure-specific note (e.g. a zero-total row kept with zeroTotals "keep").
  for (const name of measures) {
    const r = results[name];
    if (r === undefined || r.absent === undefined || notes.some((n) => n.measure === name)) continue;
    const labels = 'labels' in r ? r.labels : r.rows;
    const width = 'labels' in r ? 1 : r.columns.length;
    const seen = new Set<string>();
    for (let k = 0; k < r.absent.length; k++) {
      if (r.absent[k] !== 1) continue;
      const label = labels[Math.floor(k / width)] as string;
      if (seen.has(label)) continue;
      seen.add(label);
      notes.push({ measure: name, axis: 'labels' in r ? 'region' : 'cell', label, code: 'ABSENT', message: contractMessages.absent(name, label) });
    }
  }
  return { results, notes };
}

/** Encode results as the JSON document (absent values as null, notes only when there are any). */
export function toMeasuresDocument(matrix: RegionIndustryMatrix, results: MeasureResults, notes: readonly MeasureNote[]): MeasuresDocument {
  const measures: Partial<Record<MeasureName, Flat | Nested>> = {};
  for (const name of measureNames) {
    const r = results[name];
    if (r === undefined) continue;
    measures[name] = 'labels' in r ? vectorToArray(r) : matrixToNested(r);
  }
  const doc = { regions: [...matrix.regions], industries: [...matrix.industries], measures };
  return notes.length > 0 ? { ...doc, notes } : doc;
}

/** Compute and encode in one call. */
export function measuresDocument(
  matrix: RegionIndustryMatrix,
  measures: readonly MeasureName[] = measureNames,
  options: MeasuresDocumentOptions = {},
): MeasuresDocument {
  const { results, notes } = computeMeasures(matrix, measures, options);
  return toMeasuresDocument(matrix, results, notes);
}
