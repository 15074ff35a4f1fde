/**
 * Benchmark: metros compared like for like. Each metro comes as a {@link BenchmarkBasis} — a region × ISIC Rev.4
 * section matrix of one indicator (employment where the metro has it), one year, one source programme, with its
 * units, rings and populations (packages/data/src/analysis/benchmark-basis.ts reads it from the store). On that basis
 * the figures are scale-aware: the core is one aggregate (the sum of its units, i.e. employment-weighted, never a
 * mean of units), the ring another, and the pair figures are ring unit vs core aggregate.
 *
 * A sentence that ranks metros is made only between metros whose bases match the subject's: the same indicator,
 * the same classification after mapping, and years at most `yearTolerance` apart. Any other metro is shown with its
 * basis and the reasons it is not ranked.
 *
 * Reference: docs/methodology/from-measures-to-diagnosis.md, section "Benchmark".
 */
import type { LocalizedText } from '../errors/metro-error.ts';
import { byCode } from './internal.ts';
import type { BenchmarkFigures, BenchmarkPart, Ring } from './result-schema.ts';
import { tradedTables } from './traded.ts';

/** Producer-service sections (management functions): J, K, M, N (Duranton & Puga 2005; 赵勇、白永秀 2012). */
export const benchmarkProducerServiceSections = ['J', 'K', 'M', 'N'] as const;
/** Production functions: manufacturing, section C. */
export const benchmarkManufacturingSections = ['C'] as const;
/** Sections left out of every figure: U (extraterritorial bodies) and anything that is not an ISIC section. */
export const benchmarkExcludedSections = ['U'] as const;
/** Traded ISIC sections, from the one traded/local table (./traded.ts): A, B, C, H, J, K, M, N. */
export const benchmarkTradedSections: readonly string[] = Object.entries(tradedTables['ISIC-4'] ?? {})
  .filter(([, e]) => e[0] === 'traded')
  .map(([k]) => k)
  .sort(byCode);

/** Thresholds of the benchmark. */
export interface BenchmarkOptions {
  /** Largest gap in years between two bases that are still ranked (default 3). */
  readonly yearTolerance?: number;
  /**
   * A ring unit and the core divide functions when the core's producer-services ÷ manufacturing employment ratio is
   * at least this many times the ring unit's (default 2: the core has twice the producer-service jobs per factory
   * job). A convention of this tool, not a figure from the literature.
   */
  readonly functionalGapRatio?: number;
}

/** The defaults of {@link BenchmarkOptions}. */
export const defaultBenchmarkOptions: Required<BenchmarkOptions> = { yearTolerance: 3, functionalGapRatio: 2 };

/** One unit of a benchmark basis. */
export interface BenchmarkBasisUnit {
  readonly id: string;
  readonly ring: Ring;
  /** Population of the unit (nearest year to the basis year), or `null`. */
  readonly population: number | null;
}

/** What could not be put on the basis: a source industry or unit, why, and how much it held. */
export interface BenchmarkUnmapped {
  readonly kind: 'industry' | 'unit';
  readonly code: string;
  readonly reason: 'no-isic-mapping' | 'withheld' | 'no-data';
  readonly value: number | null;
}

/** A metro on the comparison basis: its region × section matrix and how it was made. */
export interface BenchmarkBasis {
  readonly metro: { readonly id: string; readonly nameEn: string; readonly nameZh: string };
  /** The compared quantity: `employment` or `output`. */
  readonly indicator: string;
  /** The store's indicator it comes from (e.g. `employment_urban_units`). */
  readonly sourceIndicator: string;
  /** `ISIC-4` after mapping (else the source classification, when no crosswalk reaches ISIC). */
  readonly classification: string;
  readonly sourceClassification: string;
  readonly year: number;
  /** Source id(s) of the matrix (one programme). */
  readonly source: string;
  readonly unitSet: string;
  /** Level of the units (e.g. `prefecture`), and the level they were summed from (e.g. `municipality`) or `null`. */
  readonly level: string | null;
  readonly aggregatedFrom: string | null;
  /** Sum of the kept industry cells ÷ the published totals of the kept units (`null` without totals). */
  readonly coverage: number | null;
  readonly populationYear: number | null;
  readonly units: readonly BenchmarkBasisUnit[];
  readonly sections: readonly string[];
  /** units × sections, row-major rows. */
  readonly values: readonly (readonly number[])[];
  readonly unmapped: readonly BenchmarkUnmapped[];
}

const sum = (xs: Iterable<number>): number => {
  let s = 0;
  for (const x of xs) s += x;
  return s;
};
const ratioOrNull = (a: number, b: number): number | null => (b > 0 && Number.isFinite(a / b) ? a / b : null);

/** Cosine (UNIDO structural similarity) of two non-negative vectors; `null` when either is all zero. */
function cosine(x: readonly number[], y: readonly number[]): number | null {
  let xy = 0;
  let xx = 0;
  let yy = 0;
  x.forEach((v, k) => {
    const w = y[k] as number;
    xy += v * w;
    xx += v * v;
    yy += w * w;
  });
  return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : null;
}

/**
 * The figures of one metro on its basis. Producer services PS = J+K+M+N, manufacturing M = C (sections absent
 * from the basis count 0; U and non-sections are left out):
 * - `coreEmploymentShare` = core aggregate ÷ metro total; `corePopulationShare` the same for population (`null`
 *   when a unit has none);
 * - `coreProducerServiceRatio` = PS ÷ M of the core aggregate, `ringProducerServiceRatio` of the ring aggregate;
 * - `coreFunctionalSpecialisation` = (PS/M)_core ÷ (PS/M)_metro − 1 (M5 with the core as one unit);
 * - `coreRingFunctionalRatio` = (PS/M)_core ÷ (PS/M)_ring;
 * - `ringPairsWithFunctionalDivision` = share of ring units whose PS/M is at most (PS/M)_core ÷ `functionalGapRatio`
 *   (a ring unit without manufacturing is not divided from the core);
 * - `ringTradedSimilarity` = mean cosine of the traded-section shares over the pairs of ring units.
 */
export function benchmarkFigures(basis: BenchmarkBasis, options: BenchmarkOptions = {}): BenchmarkFigures {
  const o = { ...defaultBenchmarkOptions, ...options };
  const isic = basis.classification === 'ISIC-4';
  const keep = basis.sections.map((s) => isic && /^[A-T]$/.test(s) && !(benchmarkExcludedSections as readonly string[]).includes(s));
  const idx = (set: readonly string[]): number[] => basis.sections.flatMap((s, k) => (keep[k] && set.includes(s) ? [k] : []));
  const ps = idx(benchmarkProducerServiceSections);
  const mf = idx(benchmarkManufacturingSections);
  const traded = idx(benchmarkTradedSections);
  const rows = basis.units.map((_, r) => basis.values[r] ?? []);
  const rowSum = (row: readonly number[], ks: readonly number[]): number => sum(ks.map((k) => row[k] ?? 0));
  const allKept = basis.sections.flatMap((_, k) => (keep[k] ? [k] : []));
  const core = basis.units.flatMap((u, r) => (u.ring === 'core' ? [r] : []));
  const ring = basis.units.flatMap((u, r) => (u.ring === 'core' ? [] : [r]));
  const aggregate = (rs: readonly number[], ks: readonly number[]): number => sum(rs.map((r) => rowSum(rows[r] as number[], ks)));
  const all = basis.units.map((_, r) => r);
  const psmRatio = (rs: readonly number[]): number | null =>
    ps.length === 0 || mf.length === 0 || rs.length === 0 ? null : ratioOrNull(aggregate(rs, ps), aggregate(rs, mf));
  const coreRatio = psmRatio(core);
  const ringRatio = psmRatio(ring);
  const metroRatio = psmRatio(all);
  const total = aggregate(all, allKept);
  const pops = basis.units.map((u) => u.population);
  const popTotal = pops.every((p): p is number => p !== null) ? sum(pops as number[]) : null;
  let divided: number | null = null;
  if (coreRatio !== null && ring.length > 0) {
    let n = 0;
    for (const r of ring) {
      const own = psmRatio([r]);
      // PS/M of a ring unit without manufacturing is unbounded: no production function to divide.
      if (own !== null && coreRatio >= o.functionalGapRatio * own) n++;
    }
    divided = n / ring.length;
  }
  const tradedShares = ring.map((r) => {
    const row = rows[r] as number[];
    const t = rowSum(row, traded);
    return t > 0 ? traded.map((k) => (row[k] ?? 0) / t) : null;
  });
  const sims: number[] = [];
  for (let a = 0; a < tradedShares.length; a++)
    for (let b = a + 1; b < tradedShares.length; b++) {
      const x = tradedShares[a];
      const y = tradedShares[b];
      const c = x === null || x === undefined || y === null || y === undefined ? null : cosine(x, y);
      if (c !== null) sims.push(c);
    }
  return {
    metro: basis.metro.id,
    nameEn: basis.metro.nameEn,
    nameZh: basis.metro.nameZh,
    basis: {
      indicator: basis.indicator,
      sourceIndicator: basis.sourceIndicator,
      classification: basis.classification,
      sourceClassification: basis.sourceClassification,
      year: basis.year,
      source: basis.source,
      unitSet: basis.unitSet,
      level: basis.level,
      aggregatedFrom: basis.aggregatedFrom,
      units: basis.units.length,
      coreUnits: core.length,
      ringUnits: ring.length,
      sections: basis.sections.filter((_, k) => keep[k]),
      coverage: basis.coverage,
      populationYear: basis.populationYear,
      unmapped: [...basis.unmapped],
    },
    coreEmploymentShare: core.length === 0 || total <= 0 ? null : aggregate(core, allKept) / total,
    corePopulationShare: popTotal === null || popTotal <= 0 || core.length === 0 ? null : sum(core.map((r) => pops[r] as number)) / popTotal,
    coreProducerServiceRatio: coreRatio,
    ringProducerServiceRatio: ringRatio,
    coreFunctionalSpecialisation: coreRatio === null || metroRatio === null ? null : coreRatio / metroRatio - 1,
    coreRingFunctionalRatio: coreRatio === null || ringRatio === null ? null : coreRatio / ringRatio,
    ringPairs: ring.length,
    ringPairsWithFunctionalDivision: divided,
    ringTradedPairs: sims.length,
    ringTradedSimilarity: sims.length === 0 ? null : sum(sims) / sims.length,
  };
}

/** The measures lined up, in this order. */
export const benchmarkMeasures = [
  'coreFunctionalSpecialisation',
  'coreRingFunctionalRatio',
  'ringPairsWithFunctionalDivision',
  'ringTradedSimilarity',
  'coreEmploymentShare',
  'corePopulationShare',
] as const;
export type BenchmarkMeasure = (typeof benchmarkMeasures)[number];

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The words of the benchmark (the CLI's table uses the same names). */
export const benchmarkMessages = {
  measure: {
    coreFunctionalSpecialisation: t('core functional specialisation (FS, core as one aggregate)', '核心功能专业化指数（核心整体）'),
    coreRingFunctionalRatio: t('core ÷ ring producer-services-to-manufacturing ratio', '核心与外围"生产性服务业/制造业"就业比之比'),
    ringPairsWithFunctionalDivision: t('share of ring–core pairs with functional division', '外围单元中与核心功能分工者的比例'),
    ringTradedSimilarity: t('traded-industry similarity among ring units', '外围单元间可贸易产业结构相似系数'),
    coreEmploymentShare: t('core share of the basis total', '核心占口径合计的比重'),
    corePopulationShare: t('core share of population', '核心人口占比'),
  } satisfies Record<BenchmarkMeasure, LocalizedText>,
  indicator: (code: string): LocalizedText =>
    code === 'employment' ? t('employment', '就业') : code === 'output' ? t('output (value added)', '产出（增加值）') : t(code, code),
  classification: (code: string): LocalizedText => (code === 'ISIC-4' ? t('ISIC Rev.4 sections', 'ISIC第4版门类') : t(code, code)),
};

const fmt = (v: number | null): string => (v === null ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const ordinalEn = (n: number): string => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
};

/** Why another metro is not ranked with the subject (empty: it is ranked). */
function refusals(subject: BenchmarkFigures, other: BenchmarkFigures, tolerance: number): BenchmarkPart['notRanked'][number][] {
  const a = subject.basis;
  const b = other.basis;
  const out: BenchmarkPart['notRanked'][number][] = [];
  const en = [subject.nameEn, other.nameEn] as const;
  const zh = [subject.nameZh, other.nameZh] as const;
  if (a.indicator !== b.indicator) {
    const x = benchmarkMessages.indicator(a.indicator);
    const y = benchmarkMessages.indicator(b.indicator);
    out.push({
      metro: other.metro,
      code: 'indicator',
      subjectValue: a.indicator,
      otherValue: b.indicator,
      text: t(
        `${en[0]} is measured by ${x.en} and ${en[1]} by ${y.en}: different indicators are not ranked.`,
        `${zh[0]}以${x.zh}计量，${zh[1]}以${y.zh}计量：指标不同，不作排名。`,
      ),
    });
  }
  if (a.classification !== b.classification) {
    out.push({
      metro: other.metro,
      code: 'classification',
      subjectValue: a.classification,
      otherValue: b.classification,
      text: t(
        `${en[0]} is classified by ${a.classification} and ${en[1]} by ${b.classification}: different classifications are not ranked.`,
        `${zh[0]}按${a.classification}分类，${zh[1]}按${b.classification}分类：分类不同，不作排名。`,
      ),
    });
  }
  if (Math.abs(a.year - b.year) > tolerance) {
    out.push({
      metro: other.metro,
      code: 'year',
      subjectValue: a.year,
      otherValue: b.year,
      text: t(
        `${en[0]}'s basis year is ${a.year} and ${en[1]}'s ${b.year}: more than ${tolerance} years apart, not ranked.`,
        `${zh[0]}的对标年份为${a.year}年，${zh[1]}为${b.year}年：相差超过${tolerance}年，不作排名。`,
      ),
    });
  }
  return out;
}

/**
 * Compare metros on their bases; the first is the subject. Every metro is listed with its basis and figures; the
 * metros whose basis matches the subject's (same indicator, same classification, years ≤ `yearTolerance` apart) are
 * ranked with it, measure by measure, among those with a value (1 = highest), with a sentence that states the
 * bases; the others are listed in `notRanked` with the reason. No sentence ranks a metro whose basis differs.
 */
export function compareMetros(bases: readonly BenchmarkBasis[], options: BenchmarkOptions = {}): BenchmarkPart {
  const o = { ...defaultBenchmarkOptions, ...options };
  const figures = bases.map((b) => benchmarkFigures(b, o));
  const rule = {
    yearTolerance: o.yearTolerance,
    functionalGapRatio: o.functionalGapRatio,
    producerServices: [...benchmarkProducerServiceSections],
    manufacturing: [...benchmarkManufacturingSections],
    traded: [...benchmarkTradedSections],
    excluded: [...benchmarkExcludedSections],
  };
  const subject = figures[0];
  if (subject === undefined) return { subject: null, rule, metros: [], ranked: [], notRanked: [], comparisons: [], notes: [] };
  const notRanked: BenchmarkPart['notRanked'][number][] = [];
  const ranked: BenchmarkFigures[] = [subject];
  for (const f of figures.slice(1)) {
    const why = refusals(subject, f, o.yearTolerance);
    if (why.length === 0) ranked.push(f);
    else notRanked.push(...why);
  }
  const basisEn = (f: BenchmarkFigures): string => `${f.nameEn} ${f.basis.year}, ${f.basis.units} units`;
  const basisZh = (f: BenchmarkFigures): string => `${f.nameZh} ${f.basis.year}年，${f.basis.units}个单元`;
  const comparisons: BenchmarkPart['comparisons'][number][] = benchmarkMeasures.map((m) => {
    const values: Record<string, number | null> = {};
    for (const f of figures) values[f.metro] = f[m];
    const own = subject[m];
    const withValue = ranked.filter((f) => f[m] !== null);
    if (ranked.length < 2 || own === null || withValue.length < 2) return { measure: m, values, position: null, of: withValue.length, statement: null };
    const position = 1 + withValue.filter((f) => (f[m] as number) > own).length;
    const name = benchmarkMessages.measure[m];
    const others = withValue.filter((f) => f !== subject);
    const ind = benchmarkMessages.indicator(subject.basis.indicator);
    const cls = benchmarkMessages.classification(subject.basis.classification);
    const statement = t(
      `On ${ind.en} by ${cls.en} (${withValue.map(basisEn).join('; ')}): ${subject.nameEn}'s ${name.en} is ${fmt(own)}, ${ordinalEn(position)} of ${withValue.length} (${others.map((f) => `${f.nameEn} ${fmt(f[m])}`).join('; ')}).`,
      `按${cls.zh}${ind.zh}口径（${withValue.map(basisZh).join('；')}）：${subject.nameZh}的${name.zh}为 ${fmt(own)}，在${withValue.length}个都市圈中排第${position}（${others.map((f) => `${f.nameZh} ${fmt(f[m])}`).join('；')}）。`,
    );
    return { measure: m, values, position, of: withValue.length, statement };
  });
  const notes: LocalizedText[] = [];
  const levels = [...new Set(ranked.map((f) => `${f.basis.level ?? '?'}`))];
  if (ranked.length > 1 && levels.length > 1) {
    notes.push(
      t(
        `The ranked metros' units differ in level (${ranked.map((f) => `${f.nameEn}: ${f.basis.ringUnits} ring units (${f.basis.level ?? '?'})`).join('; ')}): the share of ring–core pairs and the ring similarity depend on how large the units are.`,
        `参与排名的都市圈单元层级不同（${ranked.map((f) => `${f.nameZh}：外围${f.basis.ringUnits}个单元`).join('；')}）：外围–核心单元对比例和外围相似系数取决于单元大小。`,
      ),
    );
  }
  return {
    subject: subject.metro,
    rule,
    metros: figures,
    ranked: ranked.map((f) => f.metro),
    notRanked,
    comparisons,
    notes,
  };
}

/**
 * The basis year of each metro: among all the years any metro has, the target year that makes the chosen years
 * (each metro's year nearest the target, the later on a tie) the closest together — the smallest spread, then the
 * latest target. Metros with no year are left out.
 */
export function chooseBenchmarkYears(available: Readonly<Record<string, readonly number[]>>): Record<string, number> {
  const entries = Object.entries(available).filter(([, ys]) => ys.length > 0);
  const targets = [...new Set(entries.flatMap(([, ys]) => ys))].sort((a, b) => a - b);
  let best: { spread: number; target: number; years: Record<string, number> } | null = null;
  for (const target of targets) {
    const years: Record<string, number> = {};
    for (const [m, ys] of entries) {
      years[m] = [...ys].sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || b - a)[0] as number;
    }
    const vs = Object.values(years);
    const spread = Math.max(...vs) - Math.min(...vs);
    if (best === null || spread < best.spread || (spread === best.spread && target > best.target)) best = { spread, target, years };
  }
  return best?.years ?? {};
}
