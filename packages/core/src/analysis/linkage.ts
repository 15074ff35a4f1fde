/**
 * Linkage (methods.md M7, M8, M14): gravity linkage strength `R_ab = √(P_a G_a)·√(P_b G_b) / D_ab^b`; membership
 * degree of each unit to each core (share of the core's linkage); urban flow intensity on the service sectors
 * (employment data only); Hansen accessibility to population over great-circle km (power decay, exponent = the
 * gravity exponent). Units without population, GDP or a representative point are gaps: shown, never filled.
 *
 * One impedance per measure: D is rail minutes only when every pair of units has a scheduled rail time, else
 * great-circle km for every pair (methods.md M7 allows straight-line distance; a share R_ab / Σ_b R_ab mixing
 * minutes for some pairs with km for others has no meaning — 30 minutes and 30 km are not the same distance).
 * The part's `impedance` says which and why. The pair's proximity score (used by hot spots and the proximity
 * driver) is 1 at or below the near threshold, 0 at or above the far threshold and linear between, on the same
 * impedance (nearMinutes/farMinutes or nearKm/farKm).
 */
import { labelledMatrix, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { gravityLinkage } from '../spatial/gravity-linkage.ts';
import { greatCircleDistanceMatrix } from '../spatial/great-circle-distance.ts';
import { hansenAccessibility } from '../spatial/hansen-accessibility.ts';
import { membershipDegree } from '../spatial/membership-degree.ts';
import { urbanFlowIntensity } from '../spatial/urban-flow-intensity.ts';
import { pairIndexes } from './internal.ts';
import { analysisMessages as msg } from './messages.ts';
import type { MetroAnalysisOptions } from './options.ts';
import type { Absence, AnalysisTravelTime, AnalysisUnit, IndustryGroup, LinkagePart, UnitOverview } from './types.ts';

export interface LinkageResult {
  readonly part: LinkagePart;
  /** Proximity score of units a, b (indexes into the units), 0–1; 0 when no distance is known. */
  readonly proximity: (a: number, b: number) => number;
  /** Proximity per pair index a*n+b (NaN-free; -1 = unknown). */
  readonly proximityOf: Float64Array;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

export function linkagePart(
  units: readonly AnalysisUnit[],
  matrix: RegionIndustryMatrix,
  overview: readonly UnitOverview[],
  travel: readonly AnalysisTravelTime[],
  groups: Readonly<Record<string, IndustryGroup>>,
  measure: 'employment' | 'output',
  options: Required<MetroAnalysisOptions>,
): LinkageResult {
  const n = units.length;
  const ids = units.map((u) => u.id);
  const absent: Absence[] = [];
  // Great-circle km between every pair with points.
  const located = units.map((u, r) => ({ u, r })).filter((x) => x.u.lon !== null && x.u.lat !== null);
  const unlocated = units.filter((u) => u.lon === null || u.lat === null).map((u) => u.id);
  if (unlocated.length > 0) absent.push({ what: 'linkage.km', reason: msg.noCoordinates(unlocated) });
  const km = new Float64Array(n * n).fill(-1);
  if (located.length > 1) {
    const d = greatCircleDistanceMatrix(located.map((x) => ({ label: x.u.id, lon: x.u.lon as number, lat: x.u.lat as number })));
    const m = located.length;
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++) km[(located[a] as { r: number }).r * n + (located[b] as { r: number }).r] = d.values[a * m + b] as number;
  }
  // Rail minutes: fastest per ordered pair, then the mean of both directions (or the one known).
  const railDir = new Float64Array(n * n).fill(-1);
  const index = new Map(ids.map((id, k) => [id, k]));
  for (const t of travel) {
    const a = index.get(t.origin);
    const b = index.get(t.destination);
    if (a === undefined || b === undefined || a === b || !(t.minutes > 0)) continue;
    const c = a * n + b;
    if ((railDir[c] as number) < 0 || t.minutes < (railDir[c] as number)) railDir[c] = t.minutes;
  }
  const rail = new Float64Array(n * n).fill(-1);
  for (const [a, b] of pairIndexes(n)) {
    const x = railDir[a * n + b] as number;
    const y = railDir[b * n + a] as number;
    const v = x >= 0 && y >= 0 ? (x + y) / 2 : Math.max(x, y);
    rail[a * n + b] = v;
    rail[b * n + a] = v;
  }
  // One impedance for the whole part: rail minutes only when every pair has them.
  const allPairs = pairIndexes(n);
  const railPairCount = allPairs.filter(([a, b]) => (rail[a * n + b] as number) > 0).length;
  const useRail = allPairs.length > 0 && railPairCount === allPairs.length;
  const impedance: LinkagePart['impedance'] = {
    kind: useRail ? 'rail-minutes' : 'km',
    railPairs: railPairCount,
    pairs: allPairs.length,
    reason: useRail
      ? {
          en: `Rail minutes: every one of the ${allPairs.length} pairs has a scheduled rail time.`,
          zh: `铁路时间：全部 ${allPairs.length} 个单元对均有铁路时刻。`,
        }
      : railPairCount === 0
        ? { en: 'Great-circle km: no pair has a scheduled rail time.', zh: '大圆距离（公里）：没有单元对有铁路时刻。' }
        : {
            en: `Great-circle km for every pair: only ${railPairCount} of ${allPairs.length} pairs have a rail time, and minutes and km cannot be mixed in one measure.`,
            zh: `所有单元对均用大圆距离（公里）：${allPairs.length} 个单元对中仅 ${railPairCount} 个有铁路时间，同一指标不能混用分钟与公里。`,
          },
  };
  const proximityOf = new Float64Array(n * n).fill(-1);
  for (const [a, b] of allPairs) {
    const r = rail[a * n + b] as number;
    const k = km[a * n + b] as number;
    let p = -1;
    if (useRail) p = clamp01((options.farMinutes - r) / (options.farMinutes - options.nearMinutes));
    else if (k > 0) p = clamp01((options.farKm - k) / (options.farKm - options.nearKm));
    proximityOf[a * n + b] = p;
    proximityOf[b * n + a] = p;
  }

  // Gravity over units with population, GDP and a point.
  const massOk = units.map((u, r) => overview[r]?.population != null && overview[r]?.gdp != null && u.lon !== null && u.lat !== null);
  const noMass = units.filter((_, r) => !massOk[r]).map((u) => u.id);
  if (noMass.length > 0) absent.push({ what: 'linkage.gravity', reason: msg.noMass(noMass) });
  const g = units.map((_, r) => r).filter((r) => massOk[r]);
  const strength = new Float64Array(n * n).fill(-1);
  const distance = new Float64Array(n * n).fill(-1);
  const kind = new Int8Array(n * n).fill(-1);
  let membership: LinkagePart['membership'] = [];
  if (g.length > 1) {
    const m = g.length;
    const sub = g.map((r) => ids[r] as string);
    const kmSub = new Float64Array(m * m);
    const railSub = new Float64Array(m * m);
    const railAbsent = new Uint8Array(m * m);
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++) {
        kmSub[a * m + b] = Math.max(km[(g[a] as number) * n + (g[b] as number)] as number, 0);
        const r = railDir[(g[a] as number) * n + (g[b] as number)] as number;
        if (r > 0) railSub[a * m + b] = r;
        else railAbsent[a * m + b] = 1;
      }
    const grav = gravityLinkage(
      {
        regions: sub,
        population: g.map((r) => overview[r]?.population?.value as number),
        gdp: g.map((r) => overview[r]?.gdp?.value as number),
        km: labelledMatrix(sub, sub, kmSub),
        ...(useRail ? { railMinutes: labelledMatrix(sub, sub, railSub, railAbsent) } : {}),
      },
      { exponent: options.gravityExponent },
    );
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++) {
        if (a === b) continue;
        const c = (g[a] as number) * n + (g[b] as number);
        strength[c] = grav.strength.values[a * m + b] as number;
        distance[c] = grav.distance.values[a * m + b] as number;
        kind[c] = grav.distanceKind[a * m + b] as number;
      }
    const share = membershipDegree(grav.strength, { zeroRows: 'absent' });
    membership = units
      .map((u, r) => ({ u, r }))
      .filter((x) => x.u.ring === 'core' && massOk[x.r])
      .map((x) => {
        const a = sub.indexOf(x.u.id);
        const shares: Record<string, number> = {};
        for (let b = 0; b < m; b++) if (b !== a && share.absent?.[a * m + b] !== 1) shares[sub[b] as string] = share.values[a * m + b] as number;
        return { core: x.u.id, shares };
      });
  }
  // The largest strength (all pairs share one impedance, so one maximum).
  const maxOfKind = [0, 0];
  for (const [a, b] of allPairs) {
    const k = kind[a * n + b] as number;
    if (k >= 0) maxOfKind[k] = Math.max(maxOfKind[k] as number, strength[a * n + b] as number);
  }
  // Pairs as columns (a < b, row-major, the order of every pair part).
  const count = (n * (n - 1)) / 2;
  type Columns = { -readonly [K in keyof LinkagePart['pairs']]: LinkagePart['pairs'][K][number][] };
  const pairs: Columns = {
    a: new Array(count),
    b: new Array(count),
    strength: new Array(count),
    normalised: new Array(count),
    km: new Array(count),
    railMinutes: new Array(count),
  };
  let q = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++, q++) {
      const c = a * n + b;
      const k = kind[c] as number;
      const s = strength[c] as number;
      pairs.a[q] = a;
      pairs.b[q] = b;
      pairs.strength[q] = k >= 0 ? s : null;
      pairs.normalised[q] = k >= 0 && (maxOfKind[k] as number) > 0 ? s / (maxOfKind[k] as number) : null;
      pairs.km[q] = (km[c] as number) > 0 ? (km[c] as number) : null;
      pairs.railMinutes[q] = (rail[c] as number) > 0 ? (rail[c] as number) : null;
    }
  }

  // Urban flow intensity (employment only; services = producer and other services, or the tertiary sector).
  let urbanFlow: LinkagePart['urbanFlow'] = null;
  const services = matrix.industries.filter((c) => groups[c] === 'producer-services' || groups[c] === 'other-services' || groups[c] === 'tertiary');
  const noGdp = units.filter((_, r) => overview[r]?.gdp == null || !((overview[r]?.gdp?.value as number) > 0)).map((u) => u.id);
  const totals = matrix.regionTotals();
  if (measure !== 'employment') absent.push({ what: 'linkage.urbanFlow', reason: msg.noUrbanFlow(msg.flowNotEmployment) });
  else if (noGdp.length > 0) absent.push({ what: 'linkage.urbanFlow', reason: msg.noUrbanFlow(msg.flowNoGdp(noGdp)) });
  else if (services.length > 0 && totals.every((t) => t > 0)) {
    const f = urbanFlowIntensity(
      matrix,
      units.map((_, r) => overview[r]?.gdp?.value as number),
      { sectors: services },
    );
    urbanFlow = { sectors: services, intensity: Array.from(f.intensity.values), tendency: Array.from(f.tendency.values) };
  }

  // Hansen accessibility to population over km.
  let accessibility: (number | null)[] | null = null;
  const acc = units.map((_, r) => r).filter((r) => overview[r]?.population != null && units[r]?.lon !== null && units[r]?.lat !== null);
  if (acc.length > 1) {
    const m = acc.length;
    const sub = acc.map((r) => ids[r] as string);
    const cost = new Float64Array(m * m);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) cost[a * m + b] = Math.max(km[(acc[a] as number) * n + (acc[b] as number)] as number, 0);
    const h = hansenAccessibility(
      labelledVector(sub, Float64Array.from(acc.map((r) => overview[r]?.population?.value as number))),
      labelledMatrix(sub, sub, cost),
      { decay: { kind: 'power', exponent: options.gravityExponent } },
    );
    accessibility = units.map((u) => {
      const k = sub.indexOf(u.id);
      return k < 0 ? null : (h.values[k] as number);
    });
  }
  return {
    part: { exponent: options.gravityExponent, impedance, pairs, membership, urbanFlow, accessibility, absent },
    proximity: (a, b) => Math.max(proximityOf[a * n + b] as number, 0),
    proximityOf,
  };
}
