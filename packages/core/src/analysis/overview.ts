/**
 * Overview (the paper's Table 5 for any metro): each unit's area, population, GDP, per-capita GDP and sector shares,
 * each with its source, year and (when the input gives it) vintage.
 *
 * One vintage per figure: a figure made of several observations never mixes years or vintages. Per-capita GDP is
 * the published figure only when its year and vintage are those of the GDP shown beside it (or no GDP is shown);
 * otherwise it is GDP ÷ population when the two have the same year and the same vintage (flagged `derived`);
 * otherwise it is absent — e.g. a 2018 first-published per-capita figure is not shown next to revised 2020 GDP
 * and population. Sector shares come from three-sector value added of one year, source and vintage when the data
 * has it, else from the analysis matrix grouped by the industries' ISIC sections (the basis says which).
 */
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { groupOfIndustry, sectorOfGroup } from './internal.ts';
import type { AnalysisIndustry, AnalysisUnit, MetroAnalysisInput, OverviewInput, UnitOverview } from './types.ts';

/** Three-sector shares of each unit from the analysis matrix (null if some industry is unmapped or a row is 0). */
function matrixSectorShares(
  matrix: RegionIndustryMatrix,
  classification: string,
  industries: readonly AnalysisIndustry[],
): (readonly [number, number, number] | null)[] {
  const byCode = new Map(industries.map((i) => [i.code, i]));
  const sector = matrix.industries.map((code) => {
    const ind = byCode.get(code);
    return ind === undefined ? null : sectorOfGroup(groupOfIndustry(classification, ind));
  });
  const nI = matrix.industryCount;
  const totals = matrix.regionTotals();
  return matrix.regions.map((_, r) => {
    if (sector.some((s) => s === null) || !((totals[r] as number) > 0)) return null;
    const sums = [0, 0, 0];
    for (let i = 0; i < nI; i++) {
      const s = sector[i];
      const k = s === 'primary' ? 0 : s === 'secondary' ? 1 : 2;
      sums[k] = (sums[k] as number) + matrix.at(r, i);
    }
    const t = totals[r] as number;
    return [(sums[0] as number) / t, (sums[1] as number) / t, (sums[2] as number) / t] as const;
  });
}

/** The overview part: one row per unit, in the units' order. */
export function overviewPart(input: MetroAnalysisInput, units: readonly AnalysisUnit[], matrix: RegionIndustryMatrix): UnitOverview[] {
  const byUnit = new Map<string, OverviewInput>((input.overview ?? []).map((o) => [o.unit, o]));
  const fromMatrix = matrixSectorShares(matrix, input.unitSet.classification, input.industries);
  return units.map((u, r) => {
    const o = byUnit.get(u.id);
    const gdp = o?.gdp ?? null;
    const pop = o?.population ?? null;
    let perCapita: UnitOverview['gdpPerCapita'] = null;
    const published = o?.gdpPerCapita;
    if (published !== undefined && (gdp === null || (published.year === gdp.year && published.vintage === gdp.vintage))) {
      perCapita = { ...published, vintage: published.vintage ?? null, derived: false };
    } else if (gdp !== null && pop !== null && gdp.year === pop.year && gdp.vintage === pop.vintage && pop.value > 0) {
      perCapita = {
        value: gdp.value / pop.value,
        unit: `${gdp.unit}/person`,
        year: gdp.year,
        source: `${gdp.source}|${pop.source}`,
        vintage: gdp.vintage ?? null,
        derived: true,
      };
    }
    let shares: UnitOverview['sectorShares'] = null;
    const va = o?.sectorValueAdded;
    const vaTotal = va === undefined ? 0 : va.I + va.II + va.III;
    if (va !== undefined && vaTotal > 0) {
      shares = {
        primary: va.I / vaTotal,
        secondary: va.II / vaTotal,
        tertiary: va.III / vaTotal,
        basis: 'value-added',
        year: va.year,
        source: va.source,
        vintage: va.vintage ?? null,
      };
    } else {
      const m = fromMatrix[r];
      if (m !== null && m !== undefined)
        shares = { primary: m[0], secondary: m[1], tertiary: m[2], basis: 'analysis-matrix', year: input.year, source: input.unitSet.id, vintage: null };
    }
    return {
      unit: u.id,
      nameEn: u.nameEn,
      nameZh: u.nameZh,
      ring: u.ring,
      area: o?.area ?? null,
      population: pop,
      gdp,
      gdpPerCapita: perCapita,
      sectorShares: shares,
    };
  });
}
