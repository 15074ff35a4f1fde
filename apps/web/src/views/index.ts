/**
 * Every view of the dashboard, in the order of the tabs. A view is a {@link ViewSpec} (views/types.ts): its URL id,
 * its bilingual title and its component.
 */
import { compareView } from './compare.tsx';
import { dataView } from './data.tsx';
import { homogenisationView } from './homogenisation.tsx';
import { linkageView } from './linkage.tsx';
import { overviewView } from './overview.tsx';
import { pairsView } from './pairs.tsx';
import { planView } from './plan.tsx';
import { scenarioView } from './scenario.tsx';
import { structureView } from './structure.tsx';
import type { ViewSpec } from './types.ts';

export const views: readonly ViewSpec[] = [
  overviewView,
  structureView,
  homogenisationView,
  linkageView,
  pairsView,
  compareView,
  // ---- W2's views (plan, scenario, data) go here, one line each ----
  planView,
  scenarioView,
  dataView,
];
