/**
 * `analyzeMetroFromStore`: load a metro's input, analyse it, and benchmark it against other metros analysed the
 * same way on their own default units (Tokyo and New York unless told otherwise; a metro is never compared with
 * itself). The result validates against {@link metroAnalysisSchema}.
 */
import { analyzeMetro, type MetroAnalysis, type MetroAnalysisOptions } from '@metrocoop/core';
import type { Store } from '../store/store.ts';
import { type LoadMetroAnalysisOptions, loadMetroAnalysisInput } from './load-input.ts';

/** Options of {@link analyzeMetroFromStore}. */
export interface AnalyzeFromStoreOptions extends LoadMetroAnalysisOptions {
  /** Metros to benchmark against (default `['tokyo', 'nyc']`; `[]` for none). */
  readonly compare?: readonly string[];
  /** Thresholds of the analysis. */
  readonly analysis?: MetroAnalysisOptions;
}

/** The default benchmark metros. */
export const defaultBenchmarkMetros = ['tokyo', 'nyc'] as const;

export async function analyzeMetroFromStore(store: Store, metro: string, options: AnalyzeFromStoreOptions = {}): Promise<MetroAnalysis> {
  const load: { -readonly [K in keyof LoadMetroAnalysisOptions]: LoadMetroAnalysisOptions[K] } = {};
  if (options.year !== undefined) load.year = options.year;
  if (options.units !== undefined) load.units = options.units;
  const input = await loadMetroAnalysisInput(store, metro, load);
  const benchmarks: MetroAnalysis[] = [];
  for (const other of options.compare ?? defaultBenchmarkMetros) {
    if (other === metro) continue;
    benchmarks.push(analyzeMetro(await loadMetroAnalysisInput(store, other), options.analysis ?? {}));
  }
  return analyzeMetro({ ...input, benchmarks }, options.analysis ?? {});
}
