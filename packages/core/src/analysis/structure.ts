/**
 * Structure and gradient: industry composition per unit; the core → ring gradient of the tertiary share and of
 * producer services vs manufacturing; functional specialisation (Duranton & Puga 2005, JUE 57(2)) with the
 * section mapping of {@link groupOfSection}; industrial gradient coefficients IG = LQ × CPOR (戴宏伟 2006) where
 * output and employment both exist.
 */
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { locationQuotient } from '../specialisation/location-quotient.ts';
import { groupOfIndustry } from './internal.ts';
import { analysisMessages as msg } from './messages.ts';
import type { Absence, AnalysisUnit, IndustryGroup, MetroAnalysisInput, Ring, RingGradient, StructurePart, UnitOverview } from './types.ts';

const rings: readonly Ring[] = ['core', 'inner', 'outer'];

/** Industrial gradient IG_ik = LQ_ik(output) × (Y_ik/Y_k)/(L_ik/L_k); absent where L_ik = 0 or Y_k = 0. */
export function industrialGradient(output: RegionIndustryMatrix, employment: RegionIndustryMatrix): (number | null)[][] {
  const lq = locationQuotient(output).values;
  const yk = output.industryTotals();
  const lk = employment.industryTotals();
  const nI = output.industryCount;
  return output.regions.map((region, r) => {
    const er = employment.regionIndex(region);
    return output.industries.map((industry, i) => {
      const ei = employment.industryIndex(industry);
      const l = employment.at(er, ei);
      const y = output.at(r, i);
      if (!(l > 0) || !((yk[i] as number) > 0) || !((lk[ei] as number) > 0)) return null;
      const cpor = y / (yk[i] as number) / (l / (lk[ei] as number));
      return (lq[r * nI + i] as number) * cpor;
    });
  });
}

export function structurePart(input: MetroAnalysisInput, units: readonly AnalysisUnit[], matrix: RegionIndustryMatrix, overview: readonly UnitOverview[]): StructurePart {
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
  const sumOf = (r: number, codes: readonly string[]): number => codes.reduce((s, c) => s + matrix.at(r, matrix.industryIndex(c)), 0);

  // Ring gradient: aggregate tertiary share (weights = the share's own total) and services ÷ manufacturing.
  const ringGradient: RingGradient[] = [];
  for (const ring of rings) {
    const members = units.map((u, r) => ({ u, r })).filter((x) => x.u.ring === ring);
    if (members.length === 0) continue;
    let tertiaryShare: number | null = null;
    if (members.every((x) => overview[x.r]?.sectorShares !== null)) tertiaryShare = members.reduce((s, x) => s + (overview[x.r]?.sectorShares?.tertiary ?? 0), 0) / members.length;
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

  // Functional specialisation FS_i = (M_i/P_i)/(M/P) − 1.
  let functionalSpecialisation: StructurePart['functionalSpecialisation'] = null;
  if (management.length > 0 && production.length > 0) {
    let mAll = 0;
    let pAll = 0;
    const mi = matrix.regions.map((_, r) => sumOf(r, management));
    const pi = matrix.regions.map((_, r) => sumOf(r, production));
    for (let r = 0; r < matrix.regionCount; r++) {
      mAll += mi[r] as number;
      pAll += pi[r] as number;
    }
    const base = pAll > 0 && mAll > 0 ? mAll / pAll : 0;
    functionalSpecialisation = {
      management,
      production,
      values: matrix.regions.map((_, r) => ((pi[r] as number) > 0 && base > 0 ? (mi[r] as number) / (pi[r] as number) / base - 1 : null)),
    };
  } else absent.push({ what: 'structure.functionalSpecialisation', reason: msg.noFunctionalGroups(input.unitSet.classification) });

  let industrialGradientPart: StructurePart['industrialGradient'] = null;
  if (input.gradient !== undefined) {
    const g = input.gradient;
    const out = g.output;
    const ig = industrialGradient(out, g.employment);
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
