/**
 * CommonJS interop for the graphology add-ons. Their `.d.ts` files say `export default fn`, but the packages are
 * CommonJS with `module.exports = fn`: under `NodeNext` TypeScript types the default import as `{ default: fn }`
 * while Node hands over `fn` itself. `cjsDefault` returns the function in both readings. Internal.
 */
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';

function cjsDefault<T>(mod: { readonly default: T }): T {
  const m = mod as unknown as { default?: T };
  return (typeof mod === 'function' || m.default === undefined ? mod : m.default) as T;
}

export const louvain = cjsDefault(louvainModule);
export const betweennessCentrality = cjsDefault(betweennessModule);
export const pagerank = cjsDefault(pagerankModule);
