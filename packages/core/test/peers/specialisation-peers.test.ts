/**
 * Specialisation, concentration and similarity measures against the peers' values on the same inputs:
 * EconGeo 2.1 and REAT 3.0.3 in ../fixtures/peers/ (a copy of the project's shared peer fixtures, see its README; small.csv, 5 × 6;
 * shiftshare_t1.csv, 3 × 4; see that folder's README for provenance). Tolerance 1e-9 (the JSON keeps 15 significant digits); where the peer
 * rounds (EconGeo entropy, gini, hoover_gini to 3 dp; hoover_index in percent and rca_rounded2 to 2 dp) the
 * tolerance is half a unit of the last kept digit plus 1e-9.
 *
 * Key → measure mapping (found by recomputing each peer key from its definition):
 * EconGeo location_quotient → locationQuotient; location_quotient_binary → presence; rca_rounded2 → LQ (2 dp);
 * krugman_index → krugmanSpecialization; spec_coeff → specializationCoefficient; herfindahl → herfindahl;
 * entropy → entropy; hoover_index_total / hoover_index_uniform → hooverLocalization (percent; reference
 * regionTotals / uniform); hoover_gini_total → hooverGini; locational_gini → locationalGini; gini → gini.
 * REAT locq → locationQuotient; hoover_spec → specializationCoefficient; gini_spec → gini {of: "lq", per:
 * "region"}; krugman_spec2 → krugmanSpecialization {reference: "meanOfOthers"}; herf_region(_norm) →
 * herfindahl ({normalized: true}); hoover_conc / hoover_conc_uniform → hooverLocalization (fraction);
 * gini_conc → gini {of: "lq"}; gini_industry → gini; krugman_spec_pairs → krugmanDissimilarity.
 * Not ours: REAT krugman_conc2 (Krugman concentration of an industry against the mean of the other industries'
 * regional shares) — not in the spec's table. Relatedness and complexity keys belong to complexity-peers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gini } from '../../src/concentration/gini.ts';
import { hooverGini, locationalGini } from '../../src/concentration/hoover-gini.ts';
import { hooverLocalization } from '../../src/concentration/hoover-localization.ts';
import { type LabelledMatrix, type LabelledVector, matrixToNested, vectorToArray } from '../../src/matrix/labelled.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { krugmanDissimilarity } from '../../src/similarity/krugman-dissimilarity.ts';
import { entropy } from '../../src/specialisation/entropy.ts';
import { herfindahl } from '../../src/specialisation/herfindahl.ts';
import { krugmanSpecialization } from '../../src/specialisation/krugman-specialization.ts';
import { locationQuotient } from '../../src/specialisation/location-quotient.ts';
import { presence } from '../../src/specialisation/presence.ts';
import { specializationCoefficient } from '../../src/specialisation/specialization-coefficient.ts';
import { assertAllClose, assertMatrixClose } from '../helpers.ts';

const dir = new URL('../fixtures/peers/', import.meta.url);
const tol = 1e-9;
/** Half a unit of the `dp`-th decimal, plus float slack: the widest gap a correctly rounded peer value can show. */
const rounded = (dp: number): number => 0.5 * 10 ** -dp + 1e-9;

function readLong(file: string): RegionIndustryMatrix {
  const lines = readFileSync(new URL(file, dir), 'utf8').trim().split(/\r?\n/).slice(1);
  return RegionIndustryMatrix.fromLongRows(
    lines.map((line) => {
      const [region, industry, value] = line.split(',');
      return { region: region as string, industry: industry as string, value: Number(value) };
    }),
  );
}

interface Peer {
  regions: string[];
  industries: string[];
  vectors: Record<string, number[]>;
  matrices: Record<string, number[][]>;
}
const load = (file: string): Peer => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Peer;

const vec = (v: LabelledVector): (number | null)[] => vectorToArray(v);
const mat = (m: LabelledMatrix): (number | null)[][] => matrixToNested(m);
const need = <T>(x: T | undefined, key: string): T => {
  assert.ok(x !== undefined, `peer key ${key} missing from fixture`);
  return x;
};

describe('specialisation measures against EconGeo 2.1 on small.csv', () => {
  const m = readLong('small.csv');
  const peer = load('small.econgeo.json');
  const V = (key: string) => need(peer.vectors[key], key);
  const M = (key: string) => need(peer.matrices[key], key);

  it('reads the same labels in the same order', () => {
    assert.deepEqual(m.regions, peer.regions);
    assert.deepEqual(m.industries, peer.industries);
  });
  it('location_quotient = locationQuotient', () => assertMatrixClose(mat(locationQuotient(m)), M('location_quotient'), tol, 'lq'));
  it('rca_rounded2 = locationQuotient within 2-dp rounding', () => assertMatrixClose(mat(locationQuotient(m)), M('rca_rounded2'), rounded(2), 'rca2'));
  it('location_quotient_binary = presence', () => assertMatrixClose(mat(presence(m)), M('location_quotient_binary'), 0, 'presence'));
  it('krugman_index = krugmanSpecialization', () => assertAllClose(vec(krugmanSpecialization(m)), V('krugman_index'), tol, 'krugman'));
  it('spec_coeff = specializationCoefficient', () => assertAllClose(vec(specializationCoefficient(m)), V('spec_coeff'), tol, 'spec'));
  it('herfindahl = herfindahl', () => assertAllClose(vec(herfindahl(m)), V('herfindahl'), tol, 'herf'));
  it('entropy (3 dp) = entropy', () => assertAllClose(vec(entropy(m)), V('entropy'), rounded(3), 'entropy'));
  it('hoover_index_total (percent, 2 dp) = hooverLocalization percent', () =>
    assertAllClose(vec(hooverLocalization(m, { scale: 'percent' })), V('hoover_index_total'), rounded(2), 'hoover total'));
  it('hoover_index_uniform (percent, 2 dp) = hooverLocalization uniform percent', () =>
    assertAllClose(vec(hooverLocalization(m, { reference: 'uniform', scale: 'percent' })), V('hoover_index_uniform'), rounded(2), 'hoover uniform'));
  it('hoover_gini_total (3 dp) = hooverGini', () => assertAllClose(vec(hooverGini(m)), V('hoover_gini_total'), rounded(3), 'hoover gini'));
  it('locational_gini = locationalGini (unrounded)', () => assertAllClose(vec(locationalGini(m)), V('locational_gini'), tol, 'locational gini'));
  it('gini (3 dp) = gini', () => assertAllClose(vec(gini(m)), V('gini'), rounded(3), 'gini'));
});

function reatChecks(csv: string, json: string, pairs: boolean): void {
  const m = readLong(csv);
  const peer = load(json);
  const V = (key: string) => need(peer.vectors[key], key);
  const M = (key: string) => need(peer.matrices[key], key);
  it('reads the same labels in the same order', () => {
    assert.deepEqual(m.regions, peer.regions);
    assert.deepEqual(m.industries, peer.industries);
  });
  it('locq = locationQuotient', () => assertMatrixClose(mat(locationQuotient(m)), M('locq'), tol, 'locq'));
  it('hoover_spec = specializationCoefficient', () => assertAllClose(vec(specializationCoefficient(m)), V('hoover_spec'), tol, 'hoover_spec'));
  it('gini_spec = gini of LQs per region', () => assertAllClose(vec(gini(m, { of: 'lq', per: 'region' })), V('gini_spec'), tol, 'gini_spec'));
  it('krugman_spec2 = krugmanSpecialization meanOfOthers', () =>
    assertAllClose(vec(krugmanSpecialization(m, { reference: 'meanOfOthers' })), V('krugman_spec2'), tol, 'krugman_spec2'));
  it('herf_region = herfindahl', () => assertAllClose(vec(herfindahl(m)), V('herf_region'), tol, 'herf'));
  it('herf_region_norm = herfindahl normalized', () => assertAllClose(vec(herfindahl(m, { normalized: true })), V('herf_region_norm'), tol, 'herf_norm'));
  it('hoover_conc = hooverLocalization', () => assertAllClose(vec(hooverLocalization(m)), V('hoover_conc'), tol, 'hoover_conc'));
  it('hoover_conc_uniform = hooverLocalization uniform', () =>
    assertAllClose(vec(hooverLocalization(m, { reference: 'uniform' })), V('hoover_conc_uniform'), tol, 'hoover_conc_uniform'));
  it('gini_conc = gini of LQs', () => assertAllClose(vec(gini(m, { of: 'lq' })), V('gini_conc'), tol, 'gini_conc'));
  it('gini_industry = gini', () => assertAllClose(vec(gini(m)), V('gini_industry'), tol, 'gini_industry'));
  if (pairs) {
    it('krugman_spec_pairs = krugmanDissimilarity', () => assertMatrixClose(mat(krugmanDissimilarity(m)), M('krugman_spec_pairs'), tol, 'pairs'));
  }
}

describe('specialisation measures against REAT 3.0.3 on small.csv', () => reatChecks('small.csv', 'small.reat.json', true));
describe("specialisation measures against REAT 3.0.3's other measures on shiftshare_t1.csv", () =>
  reatChecks('shiftshare_t1.csv', 'shiftshare.reat.json', true));
