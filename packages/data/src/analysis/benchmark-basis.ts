/**
 * The comparison basis of the benchmark: for one metro, a region × ISIC Rev.4 section matrix of one indicator, one
 * year and one source programme, with units, rings and populations, and what could not be put on it. The core's
 * `compareMetros` computes the scale-aware figures on it (packages/core/src/analysis/benchmark.ts).
 *
 * Rules (docs/methodology/from-measures-to-diagnosis.md, "Benchmark"):
 * - **Units**: the metro's members at its coarsest level with at least two members (JJJ provinces, Tokyo
 *   prefectures, New York counties). A unit set at a finer level is summed up to it through the regions' parents
 *   (Tokyo's Economic Census municipalities → prefectures).
 * - **Indicator**: employment when the metro has a unit set of employment whose classification reaches ISIC-4
 *   (else output, which is then never ranked against employment). Among several, the one whose industry cells
 *   cover the largest share of the published totals (Tokyo's prefecture table carries 7 divisions only, its
 *   municipalities all 18), then the default unit set, then id order.
 * - **One programme**: for the year, the source with the most published cells; every other source is ignored
 *   (New York: the Annual Business Survey for all counties, never QCEW for some).
 * - **Gaps are removed, never filled**: a withheld or missing cell drops its industry or its unit, greedily (the
 *   one that removes the most gap cells per data cell lost); a unit of the core is never dropped (the core is
 *   compared as one aggregate), so its gaps drop industries. Each is listed in `unmapped`.
 * - **Mapping**: each source code goes to its `main` ISIC sections (given weights, else equal shares; `partial`
 *   targets only when there is no main one) — direct, reversed (equal split), or through one intermediate
 *   classification. A code with no path (NAICS 99) is listed in `unmapped`.
 * - **Year**: the nearest the caller asks for ({@link benchmarkBasisYears} lists them; the core's
 *   `chooseBenchmarkYears` picks the closest years across metros). Population: the nearest year, best vintage.
 */
import type { BenchmarkBasis, BenchmarkUnmapped, Ring } from '@metrocoop/core';
import { type MetroDetail, showMetro, type UnitSetSummary } from '../store/queries.ts';
import type { Row, Store } from '../store/store.ts';
import { readCrosswalks } from './crosswalks.ts';

/** Options of {@link loadBenchmarkBasis}. */
export interface LoadBenchmarkBasisOptions {
  /** Target year: the basis takes the unit set's year nearest to it (the later on a tie). Default: its latest. */
  readonly year?: number;
  /** Read this unit set instead of choosing one (e.g. Tokyo's value-added `prefectures`, to show an unlike basis). */
  readonly unitSet?: string;
}

const str = (v: unknown): string => String(v);
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const vintageRank: Record<string, number> = { final: 0, revised: 1, single: 2, first: 3 };
const employmentIndicator = (indicator: string): boolean => /employ|persons|staff|workers/.test(indicator);
const placeholders = (n: number, offset: number): string => Array.from({ length: n }, (_, k) => `$${offset + k + 1}`).join(', ');

type Weights = Map<string, Map<string, number>>;

/**
 * The weights `from` → ISIC-4: direct, reversed, or through one intermediate classification (forward twice);
 * `null` when none.
 */
async function isicWeights(store: Store, from: string): Promise<Weights | null> {
  if (from === 'ISIC-4') return null;
  return (await readCrosswalks(store)).path(from, 'ISIC-4', false)?.weights ?? null;
}

/** The basis level: the members' level with the fewest (≥ 2) members, then code order. */
function basisLevel(detail: MetroDetail): string | null {
  const counts = new Map<string, number>();
  for (const m of detail.members) counts.set(m.level, (counts.get(m.level) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).sort((a, b) => a[1] - b[1] || byKey(a[0], b[0]))[0]?.[0] ?? null;
}

/**
 * Every region's parent and level, read once per store for all the metros a benchmark compares (8,451 regions: the
 * official lists of the three countries); a store whose regions change (a user metro added) is read again.
 */
const regionTree = new WeakMap<Store, { count: number; rows: Promise<Row[]> }>();
async function regionRows(store: Store): Promise<Row[]> {
  const count = Number((await store.rows('SELECT count(*)::INTEGER AS n FROM regions'))[0]?.n ?? 0);
  const cached = regionTree.get(store);
  if (cached !== undefined && cached.count === count) return cached.rows;
  const rows = store.rows(`SELECT DISTINCT ON (id) id, parent, level FROM regions ORDER BY id, dataset = 'default' DESC`);
  regionTree.set(store, { count, rows });
  return rows;
}

/** Region → its ancestor (or itself) among `targets`, walking parents. */
async function ancestors(store: Store, targets: ReadonlySet<string>): Promise<{ up: (id: string) => string | null; level: (id: string) => string | null }> {
  const rows = await regionRows(store);
  const parent = new Map(rows.map((r) => [str(r.id), r.parent === null ? null : str(r.parent)]));
  const level = new Map(rows.map((r) => [str(r.id), r.level === null ? null : str(r.level)]));
  return {
    up: (id) => {
      let cur: string | null | undefined = id;
      for (let k = 0; k < 10 && cur !== null && cur !== undefined; k++) {
        if (targets.has(cur)) return cur;
        cur = parent.get(cur);
      }
      return null;
    },
    level: (id) => level.get(id) ?? null,
  };
}

interface Candidate {
  readonly set: UnitSetSummary;
  readonly indicator: 'employment' | 'output';
  readonly weights: Weights | null;
}

interface Context {
  readonly detail: MetroDetail;
  readonly level: string | null;
  readonly targets: readonly string[];
  readonly ring: ReadonlyMap<string, Ring>;
  readonly up: (id: string) => string | null;
  readonly levelOf: (id: string) => string | null;
  readonly candidates: readonly Candidate[];
}

async function context(store: Store, metro: string, only?: string): Promise<Context> {
  const detail = await showMetro(store, metro);
  const level = basisLevel(detail);
  const targets = detail.members.filter((m) => m.level === level).map((m) => m.region);
  const targetSet = new Set(targets);
  const ring = new Map(detail.members.map((m) => [m.region, m.ring as Ring]));
  const { up, level: levelOf } = await ancestors(store, targetSet);
  const candidates: Candidate[] = [];
  for (const set of detail.unitSets.filter((u) => only === undefined || u.id === only)) {
    const members = detail.unitSetMembers[set.id] ?? [];
    if (members.length === 0 || set.years.length === 0 || !members.every((r) => up(r) !== null)) continue;
    const weights = await isicWeights(store, set.classification);
    if (weights === null && set.classification !== 'ISIC-4' && only === undefined) continue;
    candidates.push({ set, indicator: employmentIndicator(set.indicator) ? 'employment' : 'output', weights });
  }
  if (candidates.length === 0) {
    // No unit set reaches ISIC: the default unit set on its own classification (never ranked against ISIC bases).
    const set = detail.unitSets.find((u) => (only === undefined ? u.isDefault : u.id === only)) ?? (only === undefined ? detail.unitSets[0] : undefined);
    if (set !== undefined) candidates.push({ set, indicator: employmentIndicator(set.indicator) ? 'employment' : 'output', weights: null });
  }
  return { detail, level, targets, ring, up, levelOf, candidates };
}

const nearestYear = (years: readonly number[], target: number | undefined): number | undefined =>
  target === undefined ? years[years.length - 1] : [...years].sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || b - a)[0];

/** One candidate read for one year. */
async function readBasis(store: Store, ctx: Context, c: Candidate, year: number): Promise<BenchmarkBasis> {
  const members = [...(ctx.detail.unitSetMembers[c.set.id] ?? [])].sort(byKey);
  const args = [c.set.indicator, year, ...members];
  const list = placeholders(members.length, 2);
  const rows = await store.rows(
    `SELECT region, classification, industry, value, withheld, source, vintage FROM observations
     WHERE indicator = $1 AND year = $2 AND region IN (${list}) AND (classification = $${members.length + 3} OR classification IS NULL)`,
    [...args, c.set.classification],
  );
  const cells = rows.filter((r) => r.classification !== null && r.industry !== null);
  // One programme: the source with the most published cells.
  const published = new Map<string, number>();
  for (const r of cells) if (r.value !== null && r.withheld !== true) published.set(str(r.source), (published.get(str(r.source)) ?? 0) + 1);
  const source = [...published].sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))[0]?.[0] ?? '';
  const best = (rs: readonly Row[]): Map<string, Row> => {
    const out = new Map<string, Row>();
    for (const r of rs) {
      if (str(r.source) !== source) continue;
      const key = `${str(r.region)}\u0000${str(r.industry ?? '')}`;
      const prev = out.get(key);
      if (prev === undefined || (vintageRank[str(r.vintage)] ?? 9) < (vintageRank[str(prev.vintage)] ?? 9)) out.set(key, r);
    }
    return out;
  };
  const byCell = best(cells);
  const totals = best(rows.filter((r) => r.classification === null));
  const regionsWithData = [...new Set([...byCell.values()].map((r) => str(r.region)))].sort(byKey);
  const industries = [...new Set([...byCell.values()].map((r) => str(r.industry)))].sort(byKey);
  const unmapped: BenchmarkUnmapped[] = members
    .filter((m) => !regionsWithData.includes(m))
    .map((m) => ({ kind: 'unit', code: m, reason: 'no-data', value: null }));
  const value = (region: string, industry: string): number | null => {
    const r = byCell.get(`${region}\u0000${industry}`);
    return r === undefined || r.value === null || r.withheld === true ? null : Number(r.value);
  };
  // Gaps removed greedily; a core unit is never dropped.
  const dropR = new Set<string>();
  const dropI = new Set<string>();
  const isCore = (region: string): boolean => ctx.ring.get(ctx.up(region) ?? '') === 'core';
  for (;;) {
    const gaps: [string, string][] = [];
    for (const r of regionsWithData) if (!dropR.has(r)) for (const i of industries) if (!dropI.has(i) && value(r, i) === null) gaps.push([r, i]);
    if (gaps.length === 0) break;
    const byI = new Map<string, number>();
    const byR = new Map<string, number>();
    for (const [r, i] of gaps) {
      byI.set(i, (byI.get(i) ?? 0) + 1);
      if (!isCore(r)) byR.set(r, (byR.get(r) ?? 0) + 1);
    }
    const keptR = regionsWithData.length - dropR.size;
    const keptI = industries.length - dropI.size;
    const bestI = [...byI].sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))[0] as [string, number];
    const bestR = [...byR].sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))[0];
    if (bestR === undefined || bestI[1] / keptR >= bestR[1] / keptI) dropI.add(bestI[0]);
    else dropR.add(bestR[0]);
  }
  const keptRegions = regionsWithData.filter((r) => !dropR.has(r));
  // An industry dropped early whose gaps all lay in units dropped later comes back.
  for (const i of [...dropI].sort(byKey)) if (keptRegions.every((r) => value(r, i) !== null)) dropI.delete(i);
  const known = (rs: readonly string[], i: string): number => rs.reduce((s, r) => s + (value(r, i) ?? 0), 0);
  for (const i of [...dropI].sort(byKey)) unmapped.push({ kind: 'industry', code: i, reason: 'withheld', value: known(keptRegions, i) });
  for (const r of [...dropR].sort(byKey))
    unmapped.push({ kind: 'unit', code: r, reason: 'withheld', value: industries.reduce((s, i) => s + (value(r, i) ?? 0), 0) });
  const keptIndustries = industries.filter((i) => !dropI.has(i));
  const mapped = c.weights === null ? null : c.weights;
  for (const i of keptIndustries)
    if (mapped !== null && !mapped.has(i)) unmapped.push({ kind: 'industry', code: i, reason: 'no-isic-mapping', value: known(keptRegions, i) });

  // Sum to the basis units and map to sections.
  const targets = ctx.targets.filter((t) => keptRegions.some((r) => ctx.up(r) === t)).sort(byKey);
  const acc = new Map<string, Map<string, number>>(targets.map((t) => [t, new Map()]));
  let onBasis = 0;
  for (const r of keptRegions) {
    const row = acc.get(ctx.up(r) as string) as Map<string, number>;
    for (const i of keptIndustries) {
      const v = value(r, i) as number;
      const to = mapped === null ? new Map([[i, 1]]) : mapped.get(i);
      if (to === undefined) continue;
      for (const [s, w] of to) row.set(s, (row.get(s) ?? 0) + v * w);
      onBasis += v;
    }
  }
  const sections = [...new Set(targets.flatMap((t) => [...(acc.get(t) as Map<string, number>).keys()]))].sort(byKey);
  let totalSum = 0;
  let totalsComplete = true;
  for (const r of keptRegions) {
    const tot = totals.get(`${r}\u0000`);
    if (tot === undefined || tot.value === null || tot.withheld === true) totalsComplete = false;
    else totalSum += Number(tot.value);
  }

  // Populations of the basis units: nearest year, best vintage, then source.
  const popRows =
    targets.length === 0
      ? []
      : await store.rows(
          `SELECT region, year, value, vintage, source FROM observations WHERE indicator = 'population' AND classification IS NULL AND value IS NOT NULL AND region IN (${placeholders(targets.length, 0)})`,
          targets,
        );
  const pop = new Map<string, Row>();
  for (const t of targets) {
    const pick = popRows
      .filter((r) => str(r.region) === t)
      .sort(
        (a, b) =>
          Math.abs(Number(a.year) - year) - Math.abs(Number(b.year) - year) ||
          Number(b.year) - Number(a.year) ||
          (vintageRank[str(a.vintage)] ?? 9) - (vintageRank[str(b.vintage)] ?? 9) ||
          byKey(str(a.source), str(b.source)),
      )[0];
    if (pick !== undefined) pop.set(t, pick);
  }
  const popYears = new Map<number, number>();
  for (const r of pop.values()) popYears.set(Number(r.year), (popYears.get(Number(r.year)) ?? 0) + 1);
  const sourceLevel = members.map((m) => ctx.levelOf(m)).find((l) => l !== null) ?? null;
  const metro = ctx.detail;
  return {
    metro: { id: metro.id, nameEn: metro.nameEn, nameZh: metro.nameZh },
    indicator: c.indicator,
    sourceIndicator: c.set.indicator,
    classification: mapped === null ? c.set.classification : 'ISIC-4',
    sourceClassification: c.set.classification,
    year,
    source,
    unitSet: c.set.id,
    level: ctx.level,
    aggregatedFrom: sourceLevel !== null && sourceLevel !== ctx.level ? sourceLevel : null,
    coverage: totalsComplete && totalSum > 0 ? onBasis / totalSum : null,
    populationYear: [...popYears].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null,
    units: targets.map((t) => ({ id: t, ring: ctx.ring.get(t) ?? 'outer', population: pop.has(t) ? Number(pop.get(t)?.value) : null })),
    sections,
    values: targets.map((t) => sections.map((s) => (acc.get(t) as Map<string, number>).get(s) ?? 0)),
    unmapped,
  };
}

/** The candidate a metro's basis is read from: employment first, then the best coverage, the default, the id. */
async function chooseCandidate(store: Store, ctx: Context): Promise<Candidate | undefined> {
  const scored: { c: Candidate; coverage: number }[] = [];
  for (const c of ctx.candidates) {
    const latest = c.set.years[c.set.years.length - 1] as number;
    const b = await readBasis(store, ctx, c, latest);
    scored.push({ c, coverage: b.coverage ?? 0 });
  }
  const rank = (c: Candidate): number => (c.indicator === 'employment' ? 0 : 1) + (c.weights === null && c.set.classification !== 'ISIC-4' ? 2 : 0);
  return scored.sort(
    (a, b) => rank(a.c) - rank(b.c) || b.coverage - a.coverage || Number(b.c.set.isDefault) - Number(a.c.set.isDefault) || byKey(a.c.set.id, b.c.set.id),
  )[0]?.c;
}

/** The years a metro's basis can be read for (its chosen unit set's years), ascending; `[]` when it has none. */
export async function benchmarkBasisYears(store: Store, metro: string, unitSet?: string): Promise<number[]> {
  const ctx = await context(store, metro, unitSet);
  const c = await chooseCandidate(store, ctx);
  return c === undefined ? [] : [...c.set.years];
}

/**
 * Read one metro's comparison basis.
 *
 * @throws {NotFoundError} `UNKNOWN_METRO`; returns a basis with no units when the metro has no unit set at all.
 * @example
 * const jjj = await loadBenchmarkBasis(store, 'jjj', { year: 2017 });
 * jjj.indicator; // 'employment'
 * jjj.classification; // 'ISIC-4'
 */
export async function loadBenchmarkBasis(store: Store, metro: string, options: LoadBenchmarkBasisOptions = {}): Promise<BenchmarkBasis> {
  const ctx = await context(store, metro, options.unitSet);
  const c = await chooseCandidate(store, ctx);
  const year = c === undefined ? undefined : nearestYear(c.set.years, options.year);
  if (c === undefined || year === undefined) {
    return {
      metro: { id: ctx.detail.id, nameEn: ctx.detail.nameEn, nameZh: ctx.detail.nameZh },
      indicator: 'none',
      sourceIndicator: 'none',
      classification: 'none',
      sourceClassification: 'none',
      year: options.year ?? 0,
      source: '',
      unitSet: '',
      level: ctx.level,
      aggregatedFrom: null,
      coverage: null,
      populationYear: null,
      units: [],
      sections: [],
      values: [],
      unmapped: [],
    };
  }
  return readBasis(store, ctx, c, year);
}
