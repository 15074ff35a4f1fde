/**
 * The embedded unit sets beyond the defaults (analysis.test.ts has those): cities and central cities of the YRD on
 * three sectors, Tokyo's 343 municipalities and its prefectures by employment, the Boston–Washington counties —
 * each validates, matches its key figures, and prints at most 12 headline findings ranked by priority; three-sector
 * tables are "not judgeable" for every pair.
 */
import { after, before, describe, it } from 'node:test';
import type { MetroAnalysis } from '@metrocoop/core';
import { analyzeMetroFromStore } from '../../src/analysis/run-analysis.ts';
import type { Store } from '../../src/store/store.ts';
import { openStoreTemplate } from '../support/store-template.ts';
import { assertNotJudgeable, keyFigureTests } from './key-figures.ts';

const unitSets = [
  ['yrd', 'cities'],
  ['yrd', 'central-cities'],
  ['tokyo', 'prefectures-employment'],
  ['tokyo', 'municipalities'],
  ['boswash', 'counties'],
] as const;

describe('the analysis of the other embedded unit sets', () => {
  let store: Store;
  const byUnitSet = new Map<string, MetroAnalysis>();
  before(async () => {
    store = await openStoreTemplate('embedded');
    for (const [m, units] of unitSets) byUnitSet.set(`${m}-${units}`, await analyzeMetroFromStore(store, m, { units, compare: [] }));
  });
  after(() => store.close());

  for (const [m, units] of unitSets) keyFigureTests(m, units, () => byUnitSet.get(`${m}-${units}`) as MetroAnalysis);

  it('says homogeneity is not judgeable on three sectors, for every pair', () => {
    for (const key of ['yrd-cities', 'yrd-central-cities']) assertNotJudgeable(byUnitSet.get(key) as MetroAnalysis, key);
  });
});
