import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BenchmarkBasis, benchmarkFigures, chooseBenchmarkYears, compareMetros } from '../../src/analysis/benchmark.ts';
import { assertClose } from '../helpers.ts';

/**
 * A hand-made metro on ISIC sections C, G, J, K, U: core X (C 10, G 50, J 20, K 20, U 100: U is left out), ring
 * R1 (C 40, G 50, J 5, K 5) and R2 (C 20, G 30, J 25, K 25); populations 100, 200, 200.
 * Producer services ÷ manufacturing: X 40/10 = 4, R1 10/40 = 0.25, R2 50/20 = 2.5; ring 60/60 = 1; metro 100/70.
 */
function basis(over: Partial<BenchmarkBasis> = {}): BenchmarkBasis {
  return {
    metro: { id: 'a', nameEn: 'Alpha', nameZh: '甲' },
    indicator: 'employment',
    sourceIndicator: 'employment_test',
    classification: 'ISIC-4',
    sourceClassification: 'TEST',
    year: 2017,
    source: 'test',
    unitSet: 'units',
    level: 'province',
    aggregatedFrom: null,
    coverage: 1,
    populationYear: 2017,
    units: [
      { id: 'X', ring: 'core', population: 100 },
      { id: 'R1', ring: 'inner', population: 200 },
      { id: 'R2', ring: 'outer', population: 200 },
    ],
    sections: ['C', 'G', 'J', 'K', 'U'],
    values: [
      [10, 50, 20, 20, 100],
      [40, 50, 5, 5, 0],
      [20, 30, 25, 25, 0],
    ],
    unmapped: [],
    ...over,
  };
}

describe('benchmarkFigures: scale-aware figures on the comparison basis', () => {
  it('computes the core and ring aggregates, the functional gap, the divided share and the traded similarity exactly', () => {
    const f = benchmarkFigures(basis());
    assertClose(f.coreEmploymentShare as number, 1 / 3);
    assertClose(f.corePopulationShare as number, 0.2);
    assertClose(f.coreProducerServiceRatio as number, 4);
    assertClose(f.ringProducerServiceRatio as number, 1);
    // FS of the core aggregate: 4 ÷ (100/70) − 1 = 1.8.
    assertClose(f.coreFunctionalSpecialisation as number, 1.8);
    assertClose(f.coreRingFunctionalRatio as number, 4);
    // R1: 4 ≥ 2 × 0.25 (divided); R2: 4 < 2 × 2.5 (not).
    assert.equal(f.ringPairs, 2);
    assert.equal(f.ringPairsWithFunctionalDivision, 0.5);
    // Traded shares (C, J, K): R1 (40, 5, 5)/50, R2 (20, 25, 25)/70; cosine 1050/1650 = 7/11.
    assert.equal(f.ringTradedPairs, 1);
    assertClose(f.ringTradedSimilarity as number, 7 / 11);
    assert.deepEqual(f.basis.sections, ['C', 'G', 'J', 'K'], 'U is left out');
    assert.deepEqual([f.basis.units, f.basis.coreUnits, f.basis.ringUnits, f.basis.year], [3, 1, 2, 2017]);
  });

  it('treats a core of several units as one aggregate, not a mean of units', () => {
    // Core units: K1 J 9 / C 1 (ratio 9), K2 J 1 / C 9 (ratio 1/9): the aggregate ratio is 10/10 = 1, not (9 + 1/9)/2.
    const f = benchmarkFigures(
      basis({
        units: [
          { id: 'K1', ring: 'core', population: 1 },
          { id: 'K2', ring: 'core', population: 1 },
          { id: 'R', ring: 'inner', population: 2 },
        ],
        sections: ['C', 'J'],
        values: [
          [1, 9],
          [9, 1],
          [10, 5],
        ],
      }),
    );
    assert.equal(f.coreProducerServiceRatio, 1);
    assert.equal(f.ringProducerServiceRatio, 0.5);
    assert.equal(f.coreRingFunctionalRatio, 2);
    assertClose(f.coreFunctionalSpecialisation as number, 1 / (15 / 20) - 1);
    assert.equal(f.ringPairsWithFunctionalDivision, 1);
    assert.equal(f.ringTradedSimilarity, null, 'one ring unit: no ring pair');
    assert.equal(f.corePopulationShare, 0.5);
  });

  it('gives null figures when the basis is not on ISIC sections or has no population', () => {
    const f = benchmarkFigures(
      basis({
        classification: 'THREE-SECTOR',
        sections: ['I', 'II', 'III'],
        values: [
          [1, 2, 3],
          [1, 2, 3],
          [1, 2, 3],
        ],
        units: basis().units.map((u) => ({ ...u, population: null })),
      }),
    );
    assert.equal(f.coreProducerServiceRatio, null);
    assert.equal(f.coreFunctionalSpecialisation, null);
    assert.equal(f.ringPairsWithFunctionalDivision, null);
    assert.equal(f.ringTradedSimilarity, null);
    assert.equal(f.corePopulationShare, null);
    assert.equal(f.coreEmploymentShare, null, 'no ISIC section kept');
  });
});

describe('compareMetros: rankings only between matching bases', () => {
  const b = basis({
    metro: { id: 'b', nameEn: 'Beta', nameZh: '乙' },
    year: 2016,
    values: [
      [10, 50, 10, 10, 0],
      [40, 50, 5, 5, 0],
      [20, 30, 25, 25, 0],
    ],
  });
  const c = basis({
    metro: { id: 'c', nameEn: 'Gamma', nameZh: '丙' },
    year: 2020,
    values: [
      [10, 50, 40, 40, 0],
      [40, 50, 5, 5, 0],
      [20, 30, 25, 25, 0],
    ],
  });

  it('ranks metros on the same indicator, classification and years within the tolerance, stating the bases', () => {
    const part = compareMetros([basis(), b, c]);
    assert.deepEqual(part.ranked, ['a', 'b', 'c']);
    assert.deepEqual(part.notRanked, []);
    const gap = part.comparisons.find((x) => x.measure === 'coreRingFunctionalRatio');
    // Core ratios: a 4, b 2, c 8; ring ratio 1 in all three.
    assert.deepEqual(gap?.values, { a: 4, b: 2, c: 8 });
    assert.equal(gap?.position, 2);
    assert.equal(gap?.of, 3);
    assert.equal(
      gap?.statement?.en,
      "On employment by ISIC Rev.4 sections (Alpha 2017, 3 units; Beta 2016, 3 units; Gamma 2020, 3 units): Alpha's core ÷ ring producer-services-to-manufacturing ratio is 4.00, 2nd of 3 (Beta 2.00; Gamma 8.00).",
    );
    assert.equal(
      gap?.statement?.zh,
      '按ISIC第4版门类就业口径（甲 2017年，3个单元；乙 2016年，3个单元；丙 2020年，3个单元）：甲的核心与外围"生产性服务业/制造业"就业比之比为 4.00，在3个都市圈中排第2（乙 2.00；丙 8.00）。',
    );
    assert.ok(!/[A-Za-z]{3,}/.test(gap?.statement?.zh.replace(/ISIC/g, '') ?? ''), 'no English words in the Chinese sentence');
  });

  it('refuses a ranking when the indicators differ, and says why', () => {
    const output = basis({ metro: { id: 'v', nameEn: 'Vee', nameZh: '丁' }, indicator: 'output' });
    const part = compareMetros([basis(), output]);
    assert.deepEqual(part.ranked, ['a']);
    assert.equal(part.notRanked.length, 1);
    assert.deepEqual(
      { metro: part.notRanked[0]?.metro, code: part.notRanked[0]?.code, s: part.notRanked[0]?.subjectValue, o: part.notRanked[0]?.otherValue },
      { metro: 'v', code: 'indicator', s: 'employment', o: 'output' },
    );
    assert.equal(part.notRanked[0]?.text.en, 'Alpha is measured by employment and Vee by output (value added): different indicators are not ranked.');
    assert.ok(part.comparisons.every((x) => x.statement === null && x.position === null));
    // The table still shows both bases and both values.
    assert.deepEqual(
      part.metros.map((m) => [m.metro, m.basis.indicator]),
      [
        ['a', 'employment'],
        ['v', 'output'],
      ],
    );
    assert.equal(part.comparisons.find((x) => x.measure === 'coreRingFunctionalRatio')?.values.v, 4);
  });

  it('refuses a ranking when the classifications differ or the years are more than three apart', () => {
    const coarse = basis({ metro: { id: 'k', nameEn: 'Kay', nameZh: '戊' }, classification: 'THREE-SECTOR' });
    const late = basis({ metro: { id: 'l', nameEn: 'Ell', nameZh: '己' }, year: 2021 });
    const edge = basis({ metro: { id: 'e', nameEn: 'Eee', nameZh: '庚' }, year: 2020 });
    const part = compareMetros([basis(), coarse, late, edge]);
    assert.deepEqual(part.ranked, ['a', 'e']);
    assert.deepEqual(
      part.notRanked.map((n) => [n.metro, n.code, n.subjectValue, n.otherValue]),
      [
        ['k', 'classification', 'ISIC-4', 'THREE-SECTOR'],
        ['l', 'year', 2017, 2021],
      ],
    );
    const fs = part.comparisons.find((x) => x.measure === 'coreFunctionalSpecialisation');
    assert.equal(fs?.of, 2);
    assert.equal(fs?.position, 1, 'a tie counts as the same position');
    assert.ok(fs?.statement?.en.includes('Eee') && !fs.statement.en.includes('Ell') && !fs.statement.en.includes('Kay'));
  });

  it('with only the subject gives no comparison sentences', () => {
    const part = compareMetros([basis()]);
    assert.deepEqual(part.ranked, ['a']);
    assert.ok(part.comparisons.every((x) => x.statement === null));
  });
});

describe('chooseBenchmarkYears', () => {
  it('takes the years closest together across metros (the later target on a tie)', () => {
    const years = chooseBenchmarkYears({
      jjj: [2008, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020],
      tokyo: [2016, 2021],
      nyc: [2017],
    });
    assert.deepEqual(years, { jjj: 2017, tokyo: 2016, nyc: 2017 });
    assert.deepEqual(chooseBenchmarkYears({ a: [2010, 2020], b: [2019, 2021] }), { a: 2020, b: 2021 });
    assert.deepEqual(chooseBenchmarkYears({ a: [2015], none: [] }), { a: 2015 });
  });
});
