/**
 * Benchmark: the headline figures of each metro on its own units, lined up against each other as values, ratios
 * (subject ÷ other) and positions (1 = highest), with the caveats that apply when the metros are measured
 * differently (employment vs value added, different classifications or numbers of units).
 */
import { mean } from './internal.ts';
import { analysisMessages as msg } from './messages.ts';
import type { BenchmarkFigures, BenchmarkPart, MetroAnalysis, PairType } from './types.ts';

const measures = [
  'homogenisationIndex',
  'shareOfPairsAbove',
  'meanDissimilarity',
  'meanKrugman',
  'coreTertiaryShare',
  'coreFunctionalSpecialisation',
  'meanChainRatio',
] as const;

/** The comparable headline figures of one analysis. */
export function benchmarkFigures(result: MetroAnalysis): BenchmarkFigures {
  const types: Record<PairType, number> = { vertical: 0, horizontal: 0, mixed: 0, competing: 0 };
  for (const t of result.typology) types[t.type]++;
  const coreIdx = result.units.map((u, r) => ({ u, r })).filter((x) => x.u.ring === 'core');
  const coreTertiary = mean(coreIdx.map((x) => result.overview[x.r]?.sectorShares?.tertiary ?? null));
  const fs = result.structure.functionalSpecialisation?.values;
  return {
    metro: result.metro.id,
    nameEn: result.metro.nameEn,
    nameZh: result.metro.nameZh,
    unitSet: result.unitSet.id,
    indicator: result.unitSet.indicator,
    classification: result.unitSet.classification,
    measure: result.unitSet.measure,
    year: result.unitSet.year,
    units: result.units.length,
    industries: result.structure.industries.length,
    homogenisationIndex: result.homogenisation.index,
    shareOfPairsAbove: result.homogenisation.shareOfPairsAbove,
    meanDissimilarity: mean(result.homogenisation.pairs.map((p) => p.dissimilarity)),
    meanKrugman: mean(result.specialisation.krugman),
    coreTertiaryShare: coreTertiary,
    coreFunctionalSpecialisation: fs === undefined ? null : mean(coreIdx.map((x) => fs[x.r] ?? null)),
    meanChainRatio: mean(result.complementarity.pairs.map((p) => p.ratio)),
    pairTypes: types,
  };
}

/**
 * Compare metros: the first is the subject. Each measure gives the values, the subject's ratio to each other
 * metro, the subject's position among those with a value, and a sentence ("JJJ's homogenisation index is x;
 * Tokyo's y").
 */
export function compareMetros(results: readonly MetroAnalysis[]): BenchmarkPart {
  const figures = results.map(benchmarkFigures);
  const subject = figures[0];
  const comparisons: BenchmarkPart['comparisons'][number][] = [];
  const caveats: BenchmarkPart['caveats'][number][] = [];
  if (subject === undefined) return { metros: [], comparisons, caveats };
  const name = (f: BenchmarkFigures): string => f.nameEn;
  for (const m of measures) {
    const values: Record<string, number | null> = {};
    const ratios: Record<string, number | null> = {};
    for (const f of figures) values[f.metro] = f[m];
    const own = subject[m];
    for (const f of figures.slice(1)) {
      const v = f[m];
      ratios[f.metro] = own !== null && v !== null && v !== 0 ? own / v : null;
    }
    const known = figures.map((f) => f[m]).filter((v): v is number => v !== null);
    const position = own === null ? null : 1 + known.filter((v) => v > own).length;
    const label = msg.measureNames[m] as { en: string; zh: string };
    const en = msg.statement(
      label,
      name(subject),
      own,
      figures.slice(1).map((f) => [name(f), f[m]] as [string, number | null]),
    );
    const zh = msg.statement(
      label,
      subject.nameZh,
      own,
      figures.slice(1).map((f) => [f.nameZh, f[m]] as [string, number | null]),
    );
    comparisons.push({ measure: m, subject: subject.metro, values, ratios, position, statement: { en: en.en, zh: zh.zh } });
  }
  // Each caveat names the metros in the language of its text.
  const both = (text: (a: string, b: string) => { en: string; zh: string }, f: BenchmarkFigures) => ({
    en: text(subject.nameEn, f.nameEn).en,
    zh: text(subject.nameZh, f.nameZh).zh,
  });
  for (const f of figures.slice(1)) {
    if (f.measure !== subject.measure) caveats.push(both((a, b) => msg.caveatMeasure(a, subject.measure, b, f.measure), f));
    if (f.classification !== subject.classification) {
      caveats.push(both((a, b) => msg.caveatClassification(a, subject.classification, subject.industries, b, f.classification, f.industries), f));
    }
    if (f.units !== subject.units) caveats.push(both((a, b) => msg.caveatUnits(a, subject.units, b, f.units), f));
  }
  return { metros: figures, comparisons, caveats };
}
