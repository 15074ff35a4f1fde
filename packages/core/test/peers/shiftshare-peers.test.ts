/**
 * Shift-share against REAT 3.0.3 (`shift`): ../fixtures/peers/shiftshare.reat.json (a copy of the project's shared peer fixtures),
 * produced by REAT on shiftshare_t1.csv → shiftshare_t2.csv (see that folder's README). Tolerance 1e-9 (the JSON keeps 15 digits).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { dunnShiftShare } from '../../src/shift-share/dunn.ts';
import { estebanMarquillasShiftShare } from '../../src/shift-share/esteban-marquillas.ts';
import { gerfinShiftShare } from '../../src/shift-share/gerfin.ts';
import { assertAllClose } from '../helpers.ts';

const dir = new URL('../fixtures/peers/', import.meta.url);

function readLong(file: string): RegionIndustryMatrix {
  const lines = readFileSync(new URL(file, dir), 'utf8').trim().split(/\r?\n/).slice(1);
  return RegionIndustryMatrix.fromLongRows(
    lines.map((line) => {
      const [region, industry, value] = line.split(',');
      return { region: region as string, industry: industry as string, value: Number(value) };
    }),
  );
}

interface Reat {
  regions: string[];
  shift_share: Record<'Dunn' | 'Esteban' | 'Gerfin', Record<string, number>[]>;
}
const reat = JSON.parse(readFileSync(new URL('shiftshare.reat.json', dir), 'utf8')) as Reat;
const t1 = readLong('shiftshare_t1.csv');
const t2 = readLong('shiftshare_t2.csv');
const column = (method: 'Dunn' | 'Esteban' | 'Gerfin', name: string): number[] => reat.shift_share[method].map((row) => row[name] as number);
const tol = 1e-9;

describe('shift-share against REAT shift', () => {
  it('reads the same regions in the same order', () => {
    assert.deepEqual(t1.regions, reat.regions);
  });

  it('reproduces Dunn: growth, national share, industry mix, regional share, net total shift', () => {
    const r = dunnShiftShare(t1, t2);
    assertAllClose(r.components.growth.values, column('Dunn', 'Growth (t1-t)'), tol, 'growth');
    assertAllClose(r.components.nationalShare.values, column('Dunn', 'National share'), tol, 'national');
    assertAllClose(r.components.industryMix.values, column('Dunn', 'Industrial mix'), tol, 'mix');
    assertAllClose(r.components.regionalShare.values, column('Dunn', 'Regional share'), tol, 'regional');
    assertAllClose(r.components.netTotalShift.values, column('Dunn', 'Net total shift'), tol, 'net');
  });

  it('reproduces Esteban-Marquillas: competitive (regional share) and allocation effects', () => {
    const r = estebanMarquillasShiftShare(t1, t2);
    assertAllClose(r.components.growth.values, column('Esteban', 'Growth (t1-t)'), tol, 'growth');
    assertAllClose(r.components.nationalShare.values, column('Esteban', 'National share'), tol, 'national');
    assertAllClose(r.components.industryMix.values, column('Esteban', 'Industrial mix'), tol, 'mix');
    assertAllClose(r.components.regionalShare.values, column('Esteban', 'Regional share'), tol, 'regional');
    assertAllClose(r.components.allocationEffect.values, column('Esteban', 'Allocation effect'), tol, 'allocation');
  });

  it('reproduces Gerfin: industry mix, regional share and net total shift factors', () => {
    const r = gerfinShiftShare(t1, t2);
    assertAllClose(r.components.industryMix.values, column('Gerfin', 'Industrial mix'), tol, 'mix');
    assertAllClose(r.components.regionalShare.values, column('Gerfin', 'Regional share'), tol, 'regional');
    assertAllClose(r.components.netTotalShift.values, column('Gerfin', 'Net total shift'), tol, 'net');
  });
});
