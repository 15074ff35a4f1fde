/**
 * Every view of the dashboard, in the order of the tabs. A view is a {@link ViewSpec} (views/types.ts): its URL id,
 * its bilingual title and its component.
 *
 * The overview is the first screen and comes in the first bundle; every other view is its own chunk, fetched when it
 * is first shown (or ahead, when the reader points at its tab: `preload`), so that the first screen does not wait
 * for the code (and the chart types) of the others.
 */
import { type ComponentType, lazy } from 'react';
import { Overview } from './overview.tsx';
import type { ViewProps, ViewSpec } from './types.ts';

/** A view whose code is fetched on demand: `load` imports its module and picks the view from it. */
function onDemand(id: string, title: ViewSpec['title'], load: () => Promise<ComponentType<ViewProps>>): ViewSpec {
  let pending: Promise<ComponentType<ViewProps>> | undefined;
  const preload = (): Promise<ComponentType<ViewProps>> => {
    if (pending === undefined) {
      pending = load();
      // A failed fetch is forgotten, so that pointing at the tab again tries again.
      pending.catch(() => {
        pending = undefined;
      });
    }
    return pending;
  };
  return { id, title, component: lazy(() => preload().then((view) => ({ default: view }))), preload };
}

export const views: readonly ViewSpec[] = [
  { id: 'overview', title: { en: 'Overview', zh: '概览' }, component: Overview },
  onDemand('structure', { en: 'Structure', zh: '产业结构' }, async () => (await import('./structure.tsx')).Structure),
  onDemand('homogenisation', { en: 'Homogenisation', zh: '同质化' }, async () => (await import('./homogenisation.tsx')).Homogenisation),
  onDemand('linkage', { en: 'Linkage', zh: '联系与互补' }, async () => (await import('./linkage.tsx')).Linkage),
  onDemand('pairs', { en: 'Pair types', zh: '合作类型' }, async () => (await import('./pairs.tsx')).Pairs),
  onDemand('compare', { en: 'Compare', zh: '比较' }, async () => (await import('./compare.tsx')).Compare),
  onDemand('plan', { en: 'Plan', zh: '规划' }, async () => (await import('./plan.tsx')).PlanView),
  onDemand('scenario', { en: 'Scenarios', zh: '情景' }, async () => (await import('./scenario.tsx')).ScenarioView),
  onDemand('data', { en: 'Data', zh: '数据' }, async () => (await import('./data.tsx')).DatasetsView),
];
