/**
 * The pair typology of Table 1 (revised, docs/spec/methods.md "Required properties") on small hand-made metros:
 * a division of functions or chain stages, and the same or different traded specialisations, each on its own
 * evidence. Types and answers are asserted exactly; numbers against closed forms.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeMetro } from '../../src/analysis/analyze-metro.ts';
import { tradedMapping } from '../../src/analysis/traded.ts';
import type { AnalysisIndustry, AnalysisUnit, MetroAnalysis, MetroAnalysisInput } from '../../src/analysis/types.ts';
import { functionalDivision, pairType } from '../../src/analysis/typology.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { assertClose } from '../helpers.ts';

const sections = ['A', 'B', 'C', 'G', 'H', 'J', 'K', 'M', 'N', 'Q'];
const industry = (code: string): AnalysisIndustry => ({ code, nameEn: `Section ${code}`, nameZh: `门类${code}`, isicSections: [code] });
const place = (id: string, ring: AnalysisUnit['ring'], k: number): AnalysisUnit => ({
  id,
  nameEn: id,
  nameZh: id,
  ring,
  lon: 116 + k * 0.4,
  lat: 39 + k * 0.3,
});

function metro(rows: Record<string, number[]>, rings: Record<string, AnalysisUnit['ring']>, codes = sections, classification = 'ISIC-4'): MetroAnalysisInput {
  const ids = Object.keys(rows);
  return {
    metro: { id: 't', nameEn: 'T', nameZh: 'T', country: 'CN' },
    unitSet: { id: 'u', indicator: 'employment', classification, unit: 'persons', measure: 'employment' },
    year: 2020,
    units: ids.map((id, k) => place(id, rings[id] ?? 'inner', k)),
    industries: codes.map(industry),
    matrix: RegionIndustryMatrix.fromWide(
      ids,
      codes,
      ids.map((id) => rows[id] as number[]),
      { order: 'input', zeroTotals: 'keep' },
    ),
  };
}

/** The type, division and specialisation answer of the pair (x, y). */
function pairOf(r: MetroAnalysis, x: string, y: string): { type: string; functional: boolean | null; specialisation: string; z: number | null } {
  const ids = r.units.map((u) => u.id);
  const [i, j] = [ids.indexOf(x), ids.indexOf(y)].sort((p, q) => p - q) as [number, number];
  const p = r.typology.pairs.a.findIndex((a, k) => a === i && r.typology.pairs.b[k] === j);
  assert.ok(p >= 0, `pair ${x}–${y}`);
  return {
    type: r.typology.pairs.type[p] as string,
    functional: r.typology.pairs.functional[p] ?? null,
    specialisation: r.typology.pairs.specialisation[p] as string,
    z: r.homogenisation.pairs.tradedZ[p] ?? null,
  };
}

//                         A   B   C   G   H   J   K   M   N   Q
const core = /*     */ [1, 1, 10, 20, 5, 20, 25, 15, 10, 20];
const plantsNorth = [5, 2, 60, 15, 6, 2, 2, 1, 3, 15];
const plantsSouth = [4, 3, 55, 16, 7, 2, 3, 1, 3, 14];
const farmsAndPort = [30, 20, 25, 15, 30, 2, 2, 1, 2, 15];

describe('the typology of Table 1 (required properties)', () => {
  const r = analyzeMetro(metro({ H: core, P1: plantsNorth, P2: plantsSouth, R: farmsAndPort }, { H: 'core' }));

  it('types a pure HQ-core / production-ring pair vertical, with no IO table at all', () => {
    assert.equal(r.complementarity.table, null);
    const p = pairOf(r, 'H', 'P1');
    assert.equal(p.type, 'vertical');
    assert.equal(p.functional, true);
    assert.equal(p.specialisation, 'neither');
    assert.equal(pairOf(r, 'H', 'P2').type, 'vertical');
  });

  it('types two production cities with the same traded advantage industries competing', () => {
    const p = pairOf(r, 'P1', 'P2');
    assert.equal(p.type, 'competing');
    assert.equal(p.specialisation, 'same');
    assert.equal(p.functional, false);
  });

  it('types cities with different traded specialisations and no functional division horizontal', () => {
    const p = pairOf(r, 'P1', 'R');
    assert.equal(p.functional, false);
    assert.equal(p.specialisation, 'different');
    assert.equal(p.type, 'horizontal');
  });

  it('types a functional division plus different traded services mixed', () => {
    // The core leads finance and research, the port city transport: both are tradable services of similar level.
    assert.equal(pairOf(r, 'H', 'R').type, 'mixed');
  });

  it('never makes a pair competing through retail, health or education alone', () => {
    //                  A   B   C   G   H   J   K   M   N   Q
    const shop1 = [20, 1, 5, 40, 2, 2, 2, 1, 2, 40];
    const shop2 = [1, 20, 5, 40, 2, 2, 2, 1, 2, 40];
    const other = [10, 10, 40, 10, 10, 5, 5, 5, 5, 10];
    const s = analyzeMetro(metro({ S1: shop1, S2: shop2, O: other }, { O: 'core' }));
    const p = pairOf(s, 'S1', 'S2');
    assert.notEqual(p.type, 'competing');
    assert.equal(p.specialisation, 'different');
  });

  it('keeps every verdict when five local sections are merged into one (20 vs 15 industries)', () => {
    const fine = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'];
    const localFine = ['D', 'E', 'F', 'G', 'I', 'L', 'O', 'P', 'Q', 'R', 'S', 'T'];
    const rows: Record<string, number[]> = {};
    const base: Record<string, Record<string, number>> = {
      H: { A: 1, B: 1, C: 10, H: 5, J: 20, K: 25, M: 15, N: 10 },
      P1: { A: 5, B: 2, C: 60, H: 6, J: 2, K: 2, M: 1, N: 3 },
      P2: { A: 4, B: 3, C: 55, H: 7, J: 2, K: 3, M: 1, N: 3 },
      R: { A: 30, B: 20, C: 25, H: 30, J: 2, K: 2, M: 1, N: 2 },
    };
    for (const [id, traded] of Object.entries(base)) rows[id] = fine.map((c) => traded[c] ?? (localFine.includes(c) ? 3 + (id.length % 2) : 0));
    const twenty = analyzeMetro(metro(rows, { H: 'core' }, fine));
    // Fifteen: D, E, F, I, L merged into G (all local).
    const merged = ['D', 'E', 'F', 'I', 'L'];
    const coarse = fine.filter((c) => !merged.includes(c));
    const coarseRows = Object.fromEntries(
      Object.entries(rows).map(([id, v]) => [
        id,
        coarse.map((c) => (c === 'G' ? [...merged, 'G'].reduce((s, x) => s + (v[fine.indexOf(x)] as number), 0) : (v[fine.indexOf(c)] as number))),
      ]),
    );
    const fifteen = analyzeMetro(metro(coarseRows, { H: 'core' }, coarse));
    assert.equal(twenty.industries.length, 20);
    assert.equal(fifteen.industries.length, 15);
    assert.deepEqual(fifteen.typology.pairs.type, twenty.typology.pairs.type);
    assert.deepEqual(fifteen.typology.pairs.specialisation, twenty.typology.pairs.specialisation);
  });

  it('says homogeneity is not judgeable on three sectors instead of calling every pair homogeneous', () => {
    const three = analyzeMetro(metro({ X: [10, 50, 40], Y: [12, 48, 40], Z: [5, 30, 65] }, { Z: 'core' }, ['I', 'II', 'III'], 'THREE-SECTOR'));
    assert.equal(three.homogenisation.traded.judgeable, false);
    assert.equal(three.homogenisation.index, null);
    assert.deepEqual(three.homogenisation.pairs.same, [null, null, null]);
    assert.deepEqual(three.typology.pairs.specialisation, ['not-judgeable', 'not-judgeable', 'not-judgeable']);
    assert.deepEqual(three.typology.counts, { vertical: 0, horizontal: 0, mixed: 0, competing: 0, undetermined: 3 });
    assert.equal(three.homogenisation.absent[0]?.what, 'homogenisation.same');
  });
});

describe('traded-structure similarity against the permutation null', () => {
  it('gives z = √(m − 1) for two identical traded structures (m traded industries)', () => {
    const same = [3, 1, 40, 10, 6, 5, 4, 2, 2, 10];
    const r = analyzeMetro(metro({ X: same, Y: same, Z: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10] }, { Z: 'core' }));
    assertClose(pairOf(r, 'X', 'Y').z as number, Math.sqrt(8 - 1), 1e-12, 'z');
    assertClose(r.homogenisation.pairs.tradedSimilarity[0] as number, 1, 1e-12, 'cosine');
  });

  it('has no z for a flat traded structure (the null has no spread)', () => {
    const flat = [5, 5, 5, 20, 5, 5, 5, 5, 5, 20];
    const r = analyzeMetro(metro({ X: flat, Y: [3, 1, 40, 10, 6, 5, 4, 2, 2, 10] }, { X: 'core' }));
    assert.equal(r.homogenisation.pairs.tradedZ[0], null);
    assert.equal(r.homogenisation.pairs.same[0], false);
  });
});

describe('typology helpers', () => {
  it('maps the two answers to a type as the table of methods.md says', () => {
    assert.deepEqual(
      (['same', 'different', 'neither', 'not-judgeable'] as const).map((s) => [pairType(true, s), pairType(false, s)]),
      [
        ['vertical', 'competing'],
        ['mixed', 'horizontal'],
        ['vertical', 'horizontal'],
        ['vertical', 'undetermined'],
      ],
    );
  });

  it('finds functional division when the more service-led unit is above the metro and the ratio is at least 2', () => {
    // Manhattan (FS 7.71) and Nassau County (0.09): both above the metro's mean, a ratio of 8.
    assert.deepEqual(functionalDivision(7.71, 0.09, 2), [true, (1 + 7.71) / (1 + 0.09)]);
    assert.deepEqual(functionalDivision(1.41, -0.56, 2), [true, (1 + 1.41) / (1 - 0.56)]);
    assert.deepEqual(functionalDivision(0.2, -0.2, 2), [false, (1 + 0.2) / (1 - 0.2)]);
    assert.deepEqual(functionalDivision(-0.26, -0.79, 2), [false, (1 - 0.26) / (1 - 0.79)]);
    assert.deepEqual(functionalDivision(null, -0.5, 2), [null, null]);
    assert.deepEqual(functionalDivision(0.5, -1, 2), [true, null]);
  });

  it('maps traded, local and unclassified codes per classification, and through ISIC sections otherwise', () => {
    const naics = tradedMapping(
      'NAICS-2017',
      ['31-33', '44-45', '55', '99'].map((code) => ({ ...industry(code), isicSections: [] })),
    );
    assert.deepEqual(naics.kind, ['traded', 'local', 'traded', 'unclassified']);
    assert.deepEqual(naics.level, ['goods', null, 'services', null]);
    const other = tradedMapping('SOME-LOCAL-TABLE', [industry('C'), industry('Q'), { ...industry('x'), isicSections: [] }]);
    assert.equal(other.basis, 'isic-section');
    assert.deepEqual(other.kind, ['traded', 'local', 'unclassified']);
  });
});
