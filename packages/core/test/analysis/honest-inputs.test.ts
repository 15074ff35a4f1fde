/**
 * Honest inputs (issue 8, point 5), pure parts: one vintage per figure (per-capita GDP), one impedance per linkage
 * measure (rail minutes only when every pair has them, else km for all), and a market driver that says it is
 * relative to the metro (never judged missing, not comparable across metros).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { driversPart } from '../../src/analysis/drivers.ts';
import { linkagePart } from '../../src/analysis/linkage.ts';
import { defaultMetroAnalysisOptions, type MetroAnalysisOptions } from '../../src/analysis/options.ts';
import { overviewPart } from '../../src/analysis/overview.ts';
import type {
  AnalysisTravelTime,
  AnalysisUnit,
  ComplementarityPart,
  HomogenisationPart,
  MetroAnalysisInput,
  OverviewInput,
  UnitOverview,
} from '../../src/analysis/types.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';

const options = { ...defaultMetroAnalysisOptions } as Required<MetroAnalysisOptions>;
const R = 6371.0088; // the great-circle radius (km)
const kmOnEquator = (dLon: number): number => (R * dLon * Math.PI) / 180;

function unitsOnEquator(lons: readonly number[]): AnalysisUnit[] {
  return lons.map((lon, k) => ({ id: `U${k + 1}`, nameEn: `Unit ${k + 1}`, nameZh: null, ring: k === 0 ? 'core' : 'inner', lon, lat: 0 }));
}

function overviewRows(units: readonly AnalysisUnit[], population: readonly number[]): UnitOverview[] {
  return units.map((u, k) => ({
    unit: u.id,
    nameEn: u.nameEn,
    nameZh: u.nameZh,
    ring: u.ring,
    area: null,
    population: { value: population[k] as number, unit: 'persons', year: 2020, source: 't' },
    gdp: { value: 1e4, unit: 'CNY', year: 2020, source: 't' },
    gdpPerCapita: null,
    sectorShares: null,
  }));
}

const oneIndustry = (units: readonly AnalysisUnit[]) =>
  RegionIndustryMatrix.fromWide(
    units.map((u) => u.id),
    ['C'],
    units.map(() => [1]),
    { order: 'input' },
  );

const rail = (origin: string, destination: string, minutes: number): AnalysisTravelTime => ({ origin, destination, minutes, mode: 'rail', source: 't' });

describe('one vintage per figure: per-capita GDP', () => {
  const units = unitsOnEquator([0, 1, 2, 3]);
  const input = (overview: OverviewInput[]): MetroAnalysisInput => ({
    metro: { id: 't', nameEn: 'T', nameZh: 'T', country: 'CN' },
    unitSet: { id: 'u', indicator: 'value_added', classification: 'TEST', unit: 'CNY', measure: 'output' },
    year: 2020,
    units,
    industries: [{ code: 'C', nameEn: 'C', nameZh: null, isicSections: ['C'] }],
    matrix: oneIndustry(units),
    overview,
  });
  const gdp = (value: number, vintage: string, year = 2020) => ({ value, unit: 'CNY', year, source: 'G', vintage });
  const pop = (value: number, vintage: string, year = 2020) => ({ value, unit: 'persons', year, source: 'P', vintage });

  it('derives GDP ÷ population of one year and vintage instead of an older first-published figure', () => {
    const rows = overviewPart(
      input([
        // Tianjin's case: a 2018 first-published per-capita figure next to revised 2020 GDP and population.
        {
          unit: 'U1',
          gdp: gdp(1400800000000, 'revised'),
          population: pop(13870000, 'revised'),
          gdpPerCapita: { value: 120711, unit: 'CNY/person', year: 2018, source: 'C', vintage: 'single' },
        },
        // Published per-capita of the GDP's year and vintage: kept as published.
        {
          unit: 'U2',
          gdp: gdp(3e6, 'revised'),
          population: pop(100, 'revised'),
          gdpPerCapita: { value: 29000, unit: 'CNY/person', year: 2020, source: 'G', vintage: 'revised' },
        },
        // GDP and population of different vintages: no per-capita figure.
        { unit: 'U3', gdp: gdp(3e6, 'first'), population: pop(100, 'revised') },
        // Same vintage, different years: none either.
        { unit: 'U4', gdp: gdp(3e6, 'revised'), population: pop(100, 'revised', 2019) },
      ]),
      units,
      oneIndustry(units),
    );
    assert.deepEqual(rows[0]?.gdpPerCapita, {
      value: 1400800000000 / 13870000,
      unit: 'CNY/person',
      year: 2020,
      source: 'G|P',
      vintage: 'revised',
      derived: true,
    });
    assert.equal(Math.round(rows[0]?.gdpPerCapita?.value as number), 100995);
    assert.deepEqual(rows[1]?.gdpPerCapita, { value: 29000, unit: 'CNY/person', year: 2020, source: 'G', vintage: 'revised', derived: false });
    assert.equal(rows[2]?.gdpPerCapita, null);
    assert.equal(rows[3]?.gdpPerCapita, null);
  });

  it('says the vintage of value-added sector shares', () => {
    const rows = overviewPart(
      input([{ unit: 'U1', sectorValueAdded: { I: 1, II: 3, III: 6, unit: 'CNY', year: 2020, source: 'V', vintage: 'revised' } }]),
      units,
      oneIndustry(units),
    );
    assert.deepEqual(rows[0]?.sectorShares, { primary: 0.1, secondary: 0.3, tertiary: 0.6, basis: 'value-added', year: 2020, source: 'V', vintage: 'revised' });
  });
});

describe('one impedance per linkage measure', () => {
  const units = unitsOnEquator([0, 1, 3]);
  const population = [1e4, 4e4, 9e4];
  const mass = population.map((p) => Math.sqrt(p * 1e4));

  it('uses great-circle km for every pair when only some pairs have rail minutes', () => {
    const link = linkagePart(units, oneIndustry(units), overviewRows(units, population), [rail('U1', 'U2', 30)], {}, 'output', options);
    assert.deepEqual(link.part.impedance.kind, 'km');
    assert.equal(link.part.impedance.railPairs, 1);
    assert.equal(link.part.impedance.pairs, 3);
    assert.deepEqual(link.part.pairs.km.length, 3);
    const d = [kmOnEquator(1), kmOnEquator(3), kmOnEquator(2)]; // U1–U2, U1–U3, U2–U3
    const expected = [
      ((mass[0] as number) * (mass[1] as number)) / (d[0] as number) ** 2,
      ((mass[0] as number) * (mass[2] as number)) / (d[1] as number) ** 2,
      ((mass[1] as number) * (mass[2] as number)) / (d[2] as number) ** 2,
    ];
    link.part.pairs.strength.forEach((strength, k) => {
      assert.ok(Math.abs((link.part.pairs.km[k] as number) / (d[k] as number) - 1) < 1e-12, `distance ${k}`);
      assert.ok(Math.abs((strength as number) / (expected[k] as number) - 1) < 1e-9, `strength ${k}`);
    });
    // U1–U2 still shows its rail time, but the proximity score is on km: (300 − 111.195) ÷ 200.
    assert.equal(link.part.pairs.railMinutes[0], 30);
    assert.ok(Math.abs(link.proximity(0, 1) - (300 - kmOnEquator(1)) / 200) < 1e-12);
    // Membership of the core: shares of its km-based linkage.
    const share = (expected[0] as number) / ((expected[0] as number) + (expected[1] as number));
    assert.ok(Math.abs((link.part.membership[0]?.shares.U2 as number) - share) < 1e-12);
  });

  it('uses rail minutes for every pair when every pair has them', () => {
    const travel = [rail('U1', 'U2', 30), rail('U2', 'U1', 40), rail('U1', 'U3', 90), rail('U2', 'U3', 60)];
    const link = linkagePart(units, oneIndustry(units), overviewRows(units, population), travel, {}, 'output', options);
    assert.equal(link.part.impedance.kind, 'rail-minutes');
    assert.equal(link.part.impedance.railPairs, 3);
    assert.deepEqual(link.part.pairs.railMinutes, [35, 90, 60]);
    assert.ok(Math.abs((link.part.pairs.strength[1] as number) - ((mass[0] as number) * (mass[2] as number)) / 8100) < 1e-9);
    assert.equal(link.proximity(0, 2), 0.75); // (180 − 90) ÷ 120
  });
});

describe('the market driver is relative to the metro', () => {
  it('is listed as relative and never as missing, even when its metro mean is below driverMissing', () => {
    const units = unitsOnEquator([0, 0.1, 10, 20, 30]);
    const link = linkagePart(units, oneIndustry(units), overviewRows(units, [1e4, 1e4, 1e4, 1e4, 1e4]), [], {}, 'output', options);
    const pairs = 10;
    const homogenisation = { pairs: { similarity: Array(pairs).fill(0.5), dissimilarity: Array(pairs).fill(1) } } as unknown as HomogenisationPart;
    const complementarity = { pairs: { ratio: Array(pairs).fill(null) } } as unknown as ComplementarityPart;
    const drivers = driversPart(
      units.map((u) => u.id),
      homogenisation,
      complementarity,
      link.part,
      link.proximityOf,
      [],
      options,
    );
    const normalised = link.part.pairs.normalised.map((v) => v as number);
    const mean = normalised.reduce((s, v) => s + v, 0) / pairs;
    assert.ok(mean < options.driverMissing);
    assert.ok(Math.abs((drivers.metro.market.score as number) - mean) < 1e-12);
    assert.equal(drivers.metro.market.evidence.scale, 'within-metro');
    assert.equal(drivers.missing.includes('market'), false);
    assert.deepEqual(
      drivers.relative.map((r) => r.driver),
      ['market'],
    );
    // Proximity (mostly far pairs) and government (no knowledge) are judged on absolute scales and missing here.
    assert.deepEqual(drivers.missing, ['proximity', 'government']);
  });
});
