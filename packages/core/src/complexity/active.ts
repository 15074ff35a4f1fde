/**
 * Internal: which regions and industries take part in the complexity measures. Regions of diversity 0 and
 * industries of ubiquity 0 never do; when the presence network is disconnected, either an error is raised or only
 * the largest connected block takes part (`components: "largest"`). Everyone else gets an {@link AbsenceNote}.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import type { AbsenceNote } from '../relatedness/absence-note.ts';
import type { PresenceData } from '../relatedness/internal.ts';
import { complexityMessages as msg } from './messages.ts';

/** What to do when the presence network is disconnected. */
export type ComponentsPolicy = 'error' | 'largest';

export interface ActiveSet {
  /** 1 = the region takes part. */
  readonly region: Uint8Array;
  /** 1 = the industry takes part. */
  readonly industry: Uint8Array;
  readonly regionCount: number;
  readonly industryCount: number;
  readonly notes: AbsenceNote[];
}

function find(parent: Int32Array, x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root] as number;
  while (parent[x] !== root) {
    const next = parent[x] as number;
    parent[x] = root;
    x = next;
  }
  return root;
}

/** Active regions/industries; throws on a disconnected network unless `policy` is "largest". */
export function activeSet(fn: string, matrix: RegionIndustryMatrix, data: PresenceData, policy: ComponentsPolicy, minimum = 2): ActiveSet {
  const { nR, nI, rowStart, cols, k, u } = data;
  const region = new Uint8Array(nR);
  const industry = new Uint8Array(nI);
  const notes: AbsenceNote[] = [];
  for (let r = 0; r < nR; r++) {
    if ((k[r] as number) > 0) region[r] = 1;
    else notes.push({ axis: 'region', label: matrix.regions[r] as string, code: 'ZERO_DIVERSITY', message: msg.zeroDiversity(matrix.regions[r] as string) });
  }
  for (let i = 0; i < nI; i++) {
    if ((u[i] as number) > 0) industry[i] = 1;
    else
      notes.push({ axis: 'industry', label: matrix.industries[i] as string, code: 'ZERO_UBIQUITY', message: msg.zeroUbiquity(matrix.industries[i] as string) });
  }
  // Union–find over the bipartite graph: nodes 0..nR-1 are regions, nR..nR+nI-1 industries.
  const parent = new Int32Array(nR + nI);
  for (let x = 0; x < nR + nI; x++) parent[x] = x;
  for (let r = 0; r < nR; r++) {
    for (let p = rowStart[r] as number; p < (rowStart[r + 1] as number); p++) {
      const a = find(parent, r);
      const b = find(parent, nR + (cols[p] as number));
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const size = new Map<number, number>();
  for (let r = 0; r < nR; r++) if (region[r] === 1) size.set(find(parent, r), (size.get(find(parent, r)) ?? 0) + 1);
  for (let i = 0; i < nI; i++) if (industry[i] === 1) size.set(find(parent, nR + i), (size.get(find(parent, nR + i)) ?? 0) + 1);
  if (size.size > 1) {
    if (policy === 'error') {
      const sizes = [...size.values()].sort((a, b) => b - a).join(', ');
      throw new InvalidInputError(msg.disconnected(fn, size.size, sizes), { components: size.size }, 'DISCONNECTED');
    }
    // Largest block by node count; ties go to the block with the smallest root (the first region in order).
    let best = -1;
    let bestSize = -1;
    for (const [root, s] of size) {
      if (s > bestSize || (s === bestSize && root < best)) {
        best = root;
        bestSize = s;
      }
    }
    for (let r = 0; r < nR; r++) {
      if (region[r] === 1 && find(parent, r) !== best) {
        region[r] = 0;
        notes.push({
          axis: 'region',
          label: matrix.regions[r] as string,
          code: 'OUTSIDE_LARGEST_COMPONENT',
          message: msg.outsideComponent('region', matrix.regions[r] as string),
        });
      }
    }
    for (let i = 0; i < nI; i++) {
      if (industry[i] === 1 && find(parent, nR + i) !== best) {
        industry[i] = 0;
        notes.push({
          axis: 'industry',
          label: matrix.industries[i] as string,
          code: 'OUTSIDE_LARGEST_COMPONENT',
          message: msg.outsideComponent('industry', matrix.industries[i] as string),
        });
      }
    }
  }
  let regionCount = 0;
  let industryCount = 0;
  for (let r = 0; r < nR; r++) regionCount += region[r] as number;
  for (let i = 0; i < nI; i++) industryCount += industry[i] as number;
  if (regionCount < minimum || industryCount < minimum) {
    throw new InvalidInputError(msg.tooSmall(fn, regionCount, industryCount), { regions: regionCount, industries: industryCount }, 'DEGENERATE');
  }
  return { region, industry, regionCount, industryCount, notes };
}

/** Population mean and standard deviation of `v` over the entries where `mask` is 1. */
export function maskedMoments(v: Float64Array, mask: Uint8Array): { mean: number; sd: number } {
  let n = 0;
  let sum = 0;
  for (let k = 0; k < v.length; k++) {
    if (mask[k] === 1) {
      n++;
      sum += v[k] as number;
    }
  }
  const mean = sum / n;
  let ss = 0;
  for (let k = 0; k < v.length; k++) if (mask[k] === 1) ss += ((v[k] as number) - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / n) };
}

/** Pearson correlation over the masked entries; 0 when either side is constant. */
export function maskedCorrelation(x: Float64Array, y: Float64Array, mask: Uint8Array): number {
  const mx = maskedMoments(x, mask);
  const my = maskedMoments(y, mask);
  if (mx.sd === 0 || my.sd === 0) return 0;
  let s = 0;
  let n = 0;
  for (let k = 0; k < x.length; k++) {
    if (mask[k] === 1) {
      s += ((x[k] as number) - mx.mean) * ((y[k] as number) - my.mean);
      n++;
    }
  }
  return s / n / (mx.sd * my.sd);
}

/** Average ranks (ties share the mean rank) of the masked entries; other entries 0. */
export function maskedRanks(v: Float64Array, mask: Uint8Array): Float64Array {
  const idx: number[] = [];
  for (let k = 0; k < v.length; k++) if (mask[k] === 1) idx.push(k);
  idx.sort((a, b) => (v[a] as number) - (v[b] as number));
  const ranks = new Float64Array(v.length);
  for (let s = 0; s < idx.length; ) {
    let e = s;
    while (e + 1 < idx.length && v[idx[e + 1] as number] === v[idx[s] as number]) e++;
    const rank = (s + e) / 2 + 1;
    for (let t = s; t <= e; t++) ranks[idx[t] as number] = rank;
    s = e + 1;
  }
  return ranks;
}
