/**
 * `analyzeMetroFromStore`: load a metro's input, analyse it, and benchmark it like for like against other metros
 * (Tokyo and New York unless told otherwise; a metro is never compared with itself): each metro's comparison
 * basis (./benchmark-basis.ts) is read for the years closest together across the metros (`chooseBenchmarkYears`),
 * and the core's `compareMetros` ranks only the metros whose basis matches. The result validates against
 * {@link metroAnalysisSchema}.
 */
import { analyzeMetro, type BenchmarkBasis, chooseBenchmarkYears, type MetroAnalysis, type MetroAnalysisOptions } from '@metrocoop/core';
import type { Store } from '../store/store.ts';
import { benchmarkBasisYears, loadBenchmarkBasis } from './benchmark-basis.ts';
import { type LoadMetroAnalysisOptions, loadMetroAnalysisInput } from './load-input.ts';

/** Options of {@link analyzeMetroFromStore}. */
export interface AnalyzeFromStoreOptions extends LoadMetroAnalysisOptions {
  /** Metros to benchmark against (default `['tokyo', 'nyc']`; `[]` for none). */
  readonly compare?: readonly string[];
  /** Thresholds of the analysis. */
  readonly analysis?: MetroAnalysisOptions;
  /**
   * Comparison bases already read (`metro@year` → basis), filled as they are read: pass the same map to successive
   * calls (as `metrocoop start` does for four metros) so that Tokyo's and New York's bases are read once.
   */
  readonly benchmarkCache?: Map<string, BenchmarkBasis>;
}

/** The default benchmark metros. */
export const defaultBenchmarkMetros = ['tokyo', 'nyc'] as const;

/** The comparison bases of `metros` (the subject first) for the years closest together. */
export async function loadBenchmarkBases(store: Store, metros: readonly string[], cache?: Map<string, BenchmarkBasis>): Promise<BenchmarkBasis[]> {
  const available: Record<string, number[]> = {};
  for (const m of metros) available[m] = await benchmarkBasisYears(store, m);
  const years = chooseBenchmarkYears(available);
  const out: BenchmarkBasis[] = [];
  for (const m of metros) {
    const key = `${m}@${years[m] ?? 'none'}`;
    let basis = cache?.get(key);
    if (basis === undefined) {
      basis = await loadBenchmarkBasis(store, m, years[m] === undefined ? {} : { year: years[m] });
      cache?.set(key, basis);
    }
    out.push(basis);
  }
  return out;
}

export async function analyzeMetroFromStore(store: Store, metro: string, options: AnalyzeFromStoreOptions = {}): Promise<MetroAnalysis> {
  const load: { -readonly [K in keyof LoadMetroAnalysisOptions]: LoadMetroAnalysisOptions[K] } = {};
  if (options.year !== undefined) load.year = options.year;
  if (options.units !== undefined) load.units = options.units;
  const input = await loadMetroAnalysisInput(store, metro, load);
  const others = [...new Set(options.compare ?? defaultBenchmarkMetros)].filter((m) => m !== metro);
  const benchmark = others.length === 0 ? undefined : await loadBenchmarkBases(store, [metro, ...others], options.benchmarkCache);
  return analyzeMetro(benchmark === undefined ? input : { ...input, benchmark }, options.analysis ?? {});
}
