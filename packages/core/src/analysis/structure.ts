/**
 * Structure and gradient: industry composition per unit; the core → ring gradient of the tertiary share and of
 * producer services vs manufacturing; functional specialisation (Duranton & Puga 2005, JUE 57(2)) with the
 * section mapping of {@link groupOfSection}; industrial gradient coefficients IG = LQ × CPOR (戴宏伟 2006) where
 * output and employment both exist.
 */
import { type FunctionalSpecialization, functionalSpecialization, type IndustryFunction } from '../gradient/functional-specialization.ts';
import { industrialGradient } from '../gradient/industrial-gradient.ts';
import { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { groupOfIndustry } from './internal.ts';
import { analysisMessages as msg } from './messages.ts';
import type { Absence, AnalysisUnit, IndustryGroup, MetroAnalysisInput, Ring, RingGradient, StructurePart, UnitOverview } from './types.ts';

const rings: readonly Ring[] = ['core', 'inner', 'outer'];

/**
 * The gradient part's values: the core's {@link industrialGradient} (IG = LQ(output) × CPOR), with employment first
 * put in output's label order (the core measure wants both matrices aligned; the loader builds them on the same
 * units and sectors, but nothing here relies on their order). Cells without jobs are null.
 */
function industrialGradientRows(output: RegionIndustryMatrix, employment: RegionIndustryMatrix): (number | null)[][] {
  const aligned = RegionIndustryMatrix.fromWide(
    output.regions,
    output.industries,
    output.regions.map((region) => output.industries.map((industry) => employment.at(employment.regionIndex(region), employment.industryIndex(industry)))),
    { order: 'input', zeroTotals: 'keep' },
  );
  const ig = industrialGradient(output, aligned).gradient;
  const nI = output.industryCount;
  return output.regions.map((_, r) => output.industries.map((_, i) => (ig.absent?.[r * nI + i] === 1 ? null : (ig.values[r * nI + i] as number))));
}

export function structurePart(
  input: MetroAnalysisInput,
  units: readonly AnalysisUnit[],
  matrix: RegionIndustryMatrix,
  overview: readonly UnitOverview[],
): StructurePart {
  const absent: Absence[] = [];
  const nI = matrix.industryCount;
  const totals = matrix.regionTotals();
  const composition = matrix.regions.map((_, r) => {
    const t = totals[r] as number;
    return Array.from({ length: nI }, (_, i) => (t > 0 ? matrix.at(r, i) / t : 0));
  });
  const byCode = new Map(input.industries.map((i) => [i.code, i]));
  const groups: Record<string, IndustryGroup> = {};
  for (const code of matrix.industries) {
    const ind = byCode.get(code);
    groups[code] = ind === undefined ? 'unknown' : groupOfIndustry(input.unitSet.classification, ind);
  }
  const management = matrix.industries.filter((c) => groups[c] === 'producer-services');
  const production = matrix.industries.filter((c) => groups[c] === 'production');
  const industryTotals = matrix.industryTotals();
  const sumOf = (r: number, codes: readonly string[]): number => codes.reduce((s, c) => s + matrix.at(r, matrix.industryIndex(c)), 0);

  // Ring gradient: aggregate tertiary share (weights = the share's own total) and services ÷ manufacturing.
  const ringGradient: RingGradient[] = [];
  for (const ring of rings) {
    const members = units.map((u, r) => ({ u, r })).filter((x) => x.u.ring === ring);
    if (members.length === 0) continue;
    let tertiaryShare: number | null = null;
    if (members.every((x) => overview[x.r]?.sectorShares !== null))
      tertiaryShare = members.reduce((s, x) => s + (overview[x.r]?.sectorShares?.tertiary ?? 0), 0) / members.length;
    let ratio: number | null = null;
    if (management.length > 0 && production.length > 0) {
      const m = members.reduce((s, x) => s + sumOf(x.r, management), 0);
      const p = members.reduce((s, x) => s + sumOf(x.r, production), 0);
      ratio = p > 0 ? m / p : null;
    }
    ringGradient.push({ ring, units: members.map((x) => x.u.id), tertiaryShare, servicesToManufacturing: ratio });
  }
  const core = ringGradient.find((g) => g.ring === 'core');
  const others = ringGradient.filter((g) => g.ring !== 'core');
  let gradientShape: StructurePart['gradientShape'] = null;
  if (core?.tertiaryShare != null && others.length > 0 && others.every((g) => g.tertiaryShare !== null)) {
    gradientShape = others.every((g) => (g.tertiaryShare as number) < (core.tertiaryShare as number)) ? 'descending' : 'flat-or-inverted';
  }

  // Functional specialisation FS_i = (M_i/P_i)/(M/P) − 1: the core's measure with the analysis's own section
  // mapping (management = producer services J, K, M, N; production = C — see groupOfSection). The analysis does not
  // fail where the core would: an area without management or production jobs gives no index (all null), and a
  // unit without production jobs is null.
  let functionalSpecialisation: StructurePart['functionalSpecialisation'] = null;
  let fs: FunctionalSpecialization | null = null;
  if (management.length > 0 && production.length > 0) {
    const mapping: Record<string, IndustryFunction> = {};
    for (const c of management) mapping[c] = 'management';
    for (const c of production) mapping[c] = 'production';
    const hasJobs = (codes: readonly string[]) => codes.some((c) => (industryTotals[matrix.industryIndex(c)] as number) > 0);
    if (hasJobs(management) && hasJobs(production)) fs = functionalSpecialization(matrix, { mapping, zeroProduction: 'absent' });
    const index = fs?.index;
    functionalSpecialisation = {
      management,
      production,
      values: matrix.regions.map((_, r) => (index === undefined || index.absent?.[r] === 1 ? null : (index.values[r] as number))),
    };
  } else absent.push({ what: 'structure.functionalSpecialisation', reason: msg.noFunctionalGroups(input.unitSet.classification) });

  let industrialGradientPart: StructurePart['industrialGradient'] = null;
  if (input.gradient !== undefined) {
    const g = input.gradient;
    const out = g.output;
    const ig = industrialGradientRows(out, g.employment);
    const index = new Map(out.regions.map((r, k) => [r, k]));
    industrialGradientPart = {
      classification: g.classification,
      industries: [...out.industries],
      values: units.map((u) => {
        const k = index.get(u.id);
        return k === undefined ? out.industries.map(() => null) : (ig[k] as (number | null)[]);
      }),
      note: g.note,
    };
  } else absent.push({ what: 'structure.industrialGradient', reason: msg.noGradientInput() });

  return {
    industries: [...matrix.industries],
    units: [...matrix.regions],
    composition,
    industryGroups: groups,
    ringGradient,
    gradientShape,
    functionalSpecialisation,
    industrialGradient: industrialGradientPart,
    absent,
  };
}
