/**
 * Dynamic shift-share (Barff & Knight 1988): a decomposition for each consecutive pair of periods, summed
 * (additive methods) or multiplied (Gerfin's factors), so that the base mix is updated every year.
 *
 * Reference: Barff R.A., Knight P.L. (1988) "Dynamic shift-share analysis", Growth and Change 19(2), 1–10.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { type DunnShiftShare, dunnShiftShare } from './dunn.ts';
import { type EstebanMarquillasShiftShare, estebanMarquillasShiftShare } from './esteban-marquillas.ts';
import { type GerfinShiftShare, gerfinShiftShare } from './gerfin.ts';
import { shiftShareMessages } from './messages.ts';
import type { ExcludedCell, ShiftShareOptions } from './prepare.ts';

/** Options of {@link dynamicShiftShare}. */
export interface DynamicShiftShareOptions extends ShiftShareOptions {
  /** Decomposition applied to each step: `"dunn"` (default), `"esteban-marquillas"` or `"gerfin"`. */
  readonly method?: 'dunn' | 'esteban-marquillas' | 'gerfin';
}

/** Defaults of {@link DynamicShiftShareOptions}. */
export const defaultDynamicShiftShareOptions = { method: 'dunn', zeroBase: 'error' } as const satisfies Required<DynamicShiftShareOptions>;

/** A cell excluded in one step (step k covers periods k → k + 1, counted from 0). */
export interface DynamicExcludedCell extends ExcludedCell {
  readonly step: number;
}

/** Result of {@link dynamicShiftShare}. */
export interface DynamicShiftShare {
  readonly method: 'dunn' | 'esteban-marquillas' | 'gerfin';
  readonly regions: readonly string[];
  readonly industries: readonly string[];
  /**
   * Components summed over the steps (Dunn, Esteban-Marquillas) or multiplied (Gerfin). Names as in the
   * single-step result of the method. A Gerfin region absent in any step is absent here.
   */
  readonly components: Readonly<Record<string, LabelledVector>>;
  /** The single-step results, in time order. */
  readonly steps: readonly (DunnShiftShare | EstebanMarquillasShiftShare | GerfinShiftShare)[];
  readonly excluded: readonly DynamicExcludedCell[];
}

/**
 * Chain yearly decompositions over `periods` (at least two, in time order, same labels).
 *
 * Throws `InvalidInputError` `TOO_FEW_PERIODS`, `INVALID_OPTION`, and whatever a step throws.
 *
 * @example
 * dynamicShiftShare([y2019, y2020, y2021]).components.regionalShare;
 */
export function dynamicShiftShare(periods: readonly RegionIndustryMatrix[], options: DynamicShiftShareOptions = {}): DynamicShiftShare {
  const fn = 'dynamicShiftShare';
  const method = options.method ?? defaultDynamicShiftShareOptions.method;
  if (method !== 'dunn' && method !== 'esteban-marquillas' && method !== 'gerfin') {
    throw new InvalidInputError(
      shiftShareMessages.invalidOption(fn, 'method', method, '"dunn", "esteban-marquillas" or "gerfin"'),
      undefined,
      'INVALID_OPTION',
    );
  }
  if (periods.length < 2) throw new InvalidInputError(shiftShareMessages.tooFewPeriods(fn, periods.length), undefined, 'TOO_FEW_PERIODS');
  const stepOptions: ShiftShareOptions = options.zeroBase === undefined ? {} : { zeroBase: options.zeroBase };
  const steps: (DunnShiftShare | EstebanMarquillasShiftShare | GerfinShiftShare)[] = [];
  const excluded: DynamicExcludedCell[] = [];
  const first = periods[0] as RegionIndustryMatrix;
  for (let s = 0; s + 1 < periods.length; s++) {
    const a = periods[s] as RegionIndustryMatrix;
    const b = periods[s + 1] as RegionIndustryMatrix;
    const step =
      method === 'dunn'
        ? dunnShiftShare(a, b, stepOptions)
        : method === 'gerfin'
          ? gerfinShiftShare(a, b, stepOptions)
          : estebanMarquillasShiftShare(a, b, stepOptions);
    steps.push(step);
    for (const cell of step.excluded) excluded.push({ ...cell, step: s });
  }
  const regions = first.regions;
  const nR = regions.length;
  const names = Object.keys((steps[0] as DunnShiftShare).components);
  const components: Record<string, LabelledVector> = {};
  for (const name of names) {
    const acc = new Float64Array(nR).fill(method === 'gerfin' ? 1 : 0);
    const absent = new Uint8Array(nR);
    for (const step of steps) {
      const vec = (step.components as unknown as Record<string, LabelledVector>)[name] as LabelledVector;
      // A step's labels follow its own base period; map them back to the first period's order.
      const position = new Map<string, number>();
      vec.labels.forEach((label, k) => position.set(label, k));
      for (let r = 0; r < nR; r++) {
        const k = position.get(regions[r] as string) as number;
        if (vec.absent?.[k] === 1) absent[r] = 1;
        acc[r] = method === 'gerfin' ? (acc[r] as number) * (vec.values[k] as number) : (acc[r] as number) + (vec.values[k] as number);
      }
    }
    for (let r = 0; r < nR; r++) if (absent[r] === 1) acc[r] = 0;
    components[name] = labelledVector(regions, acc, absent);
  }
  return { method, regions, industries: first.industries, components, steps, excluded };
}
