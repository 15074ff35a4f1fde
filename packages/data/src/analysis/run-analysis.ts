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
  /**
   * Benchmark analyses already made (metro id → its analysis on its default units, without benchmarks), filled as
   * they are made: pass the same map to successive calls with the same `analysis` options (as `metrocoop start`
   * does for four metros) so that Tokyo and New York are not analysed again for every metro.
   */
  readonly benchmarkCache?: Map<string, MetroAnalysis>;
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
    let benchmark = options.benchmarkCache?.get(other);
    if (benchmark === undefined) {
      benchmark = analyzeMetro(await loadMetroAnalysisInput(store, other), options.analysis ?? {});
      options.benchmarkCache?.set(other, benchmark);
    }
    benchmarks.push(benchmark);
  }
  return analyzeMetro({ ...input, benchmarks }, options.analysis ?? {});
}
