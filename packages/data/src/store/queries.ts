/**
 * Typed queries over the store: metros, regions, observations, and the region × industry matrix of a unit set.
 * Results are plain objects with numbers (never bigint) and camelCase keys.
 *
 * Vintage rule (documented in docs/cli-data.md): the same key (region, year, indicator, classification, industry)
 * may have several rows — one per source / vintage / dataset. A series never mixes them: for each region, the
 * rows of one (dataset, source, vintage) group are used for the whole row of the matrix. Groups are ranked by the
 * vintage preference (default `final` > `revised` > `single` > `first`; `vintage: 'first'` reverses it to prefer the
 * first publication), then by how many of the needed cells they cover, then by the later `vintageDate`, then by
 * dataset and source id (so the choice is deterministic). Every choice is reported with its alternatives.
 */
import { InvalidInputError, type MatrixOptions, NotFoundError, RegionIndustryMatrix } from '@metrocoop/core';
import { resolveUnitSetRow } from '../metro/unit-sets.ts';
import { type Observation, vintageKinds } from '../model/schemas.ts';
import { storeMessages } from './messages.ts';
import type { Row, Store } from './store.ts';

type VintageKind = (typeof vintageKinds)[number];

/** A unit set as listed. */
export interface UnitSetSummary {
  readonly id: string;
  readonly nameEn: string;
  readonly nameZh: string;
  /** Whether it is the metro's default unit set. */
  readonly isDefault: boolean;
  readonly indicator: string;
  readonly classification: string;
  readonly years: readonly number[];
  readonly memberCount: number;
  readonly noteEn: string | null;
  readonly noteZh: string | null;
}

/** An indicator available for a metro's or region's members. */
export interface IndicatorSummary {
  readonly indicator: string;
  /** Classifications it is broken down by (`null` = totals). */
  readonly classifications: readonly (string | null)[];
  readonly years: readonly number[];
  /** Number of observation rows. */
  readonly observations: number;
  /** Regions that have it. */
  readonly regions: number;
}

/** One metro with its counts ({@link listMetros}). */
export interface MetroSummary {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly country: string;
  readonly defaultUnitSet: string;
  readonly noteEn: string | null;
  readonly noteZh: string | null;
  /** Regions in metro_members. */
  readonly memberCount: number;
  /** Member regions by level (`province`, `city`, `county`, …). */
  readonly regionCounts: Readonly<Record<string, number>>;
  /** Member regions by ring (`core`, `inner`, `outer`). */
  readonly ringCounts: Readonly<Record<string, number>>;
  readonly unitSets: readonly UnitSetSummary[];
  /** Indicators with years, over the metro's members and unit-set members. */
  readonly indicators: readonly IndicatorSummary[];
  /** Observation rows over those regions. */
  readonly observationCount: number;
  /** Source ids of those observations. */
  readonly sources: readonly string[];
}

/** A member region of a metro. */
export interface MetroMemberDetail {
  readonly region: string;
  readonly nameZh: string | null;
  readonly nameEn: string;
  readonly level: string;
  readonly parent: string | null;
  readonly ring: string;
}

/** {@link showMetro}: the summary plus members and unit-set members. */
export interface MetroDetail extends MetroSummary {
  readonly members: readonly MetroMemberDetail[];
  /** Unit-set members by unit set id. */
  readonly unitSetMembers: Readonly<Record<string, readonly string[]>>;
  /** Knowledge items about the metro. */
  readonly knowledgeCount: number;
}

/** One indicator series of a region ({@link showRegion}). */
export interface RegionIndicator {
  readonly indicator: string;
  readonly classification: string | null;
  readonly unit: string;
  readonly years: readonly number[];
  readonly sources: readonly string[];
  readonly vintages: readonly string[];
  readonly observations: number;
  readonly withheld: number;
}

/** A gap in a region's data. */
export interface RegionGap {
  readonly indicator: string;
  readonly classification: string | null;
  readonly year: number;
  readonly industry: string | null;
  /** `withheld`: published as withheld / suppressed; `missing-year`: no row for a year inside the series' span. */
  readonly kind: 'withheld' | 'missing-year';
}

/** {@link showRegion}. */
export interface RegionDetail {
  readonly id: string;
  readonly nameZh: string | null;
  readonly nameEn: string;
  readonly nameLocal: string | null;
  readonly level: string;
  readonly parent: { readonly id: string; readonly nameEn: string | null; readonly nameZh: string | null } | null;
  readonly childCount: number;
  readonly lon: number | null;
  readonly lat: number | null;
  readonly areaKm2: number | null;
  readonly source: string | null;
  readonly metros: readonly { readonly metro: string; readonly ring: string }[];
  readonly unitSets: readonly { readonly metro: string; readonly unitSet: string }[];
  readonly indicators: readonly RegionIndicator[];
  readonly gaps: readonly RegionGap[];
  readonly hasGeometry: boolean;
}

/** An observation as stored (with its dataset). */
export type StoredObservation = Observation & { readonly dataset: string };

/** Filter of {@link observations}; every field optional, combined with AND. */
export interface ObservationFilter {
  readonly regions?: readonly string[];
  /** The metro's members and unit-set members. */
  readonly metro?: string;
  readonly indicator?: string;
  /** A classification id, or `null` for totals only. */
  readonly classification?: string | null;
  readonly industries?: readonly string[];
  readonly years?: readonly number[];
  readonly source?: string;
  readonly vintage?: VintageKind;
  readonly dataset?: string;
  /** Include withheld rows (default `true`). */
  readonly withheld?: boolean;
}

/** How withheld or missing cells of a matrix are treated. */
export type GapPolicy = 'error' | 'zero' | 'drop-regions' | 'drop-industries';

/** Vintage preference: `preferred` (final > revised > single > first), `first`, or an explicit order. */
export type VintagePreference = 'preferred' | 'first' | readonly VintageKind[];

/** Options of {@link unitSetMatrix}. */
export interface UnitSetMatrixOptions {
  /** Which vintage to prefer when several exist (default `preferred`: final > revised > single > first). */
  readonly vintage?: VintagePreference;
  /** Use only this source id. */
  readonly source?: string;
  /** Use only this dataset (default: every dataset). */
  readonly dataset?: string;
  /**
   * Withheld or missing cells: `error` (default; lists them), `zero` (treat as 0 — an explicit choice, reported),
   * `drop-regions` (leave out regions with a gap), `drop-industries` (leave out industries with a gap).
   */
  readonly gaps?: GapPolicy;
  /** Industry level to use (default: the classification's first level, when the industries table lists it). */
  readonly level?: string;
  /** Options passed to the matrix constructor (zero totals, order). */
  readonly matrix?: Omit<MatrixOptions, 'duplicates'>;
  /**
   * `per-region` (default): each region's row from its own best (dataset, source, vintage) group — rows may come
   * from different statistical programmes. `one`: one source (programme) for the whole matrix — the source that
   * covers the most members (then the most reported cells, the best vintage, the source id); a member that has
   * data only from other sources gets no row and is listed in `outsideProgramme`, never filled from them.
   */
  readonly programme?: 'per-region' | 'one';
}

/** Defaults of {@link UnitSetMatrixOptions}. */
export const defaultUnitSetMatrixOptions = { vintage: 'preferred', gaps: 'error' } as const;

/** A withheld or missing matrix cell and what was done with it. */
export interface MatrixGap {
  readonly region: string;
  readonly industry: string;
  readonly kind: 'withheld' | 'missing';
  readonly treatment: 'zero' | 'dropped-region' | 'dropped-industry' | 'error';
}

/** Which rows a region's matrix row came from. */
export interface VintageChoice {
  readonly region: string;
  readonly dataset: string;
  readonly source: string;
  readonly vintage: string;
  readonly vintageDate: string | null;
  /** The groups not used. */
  readonly alternatives: readonly { readonly dataset: string; readonly source: string; readonly vintage: string; readonly cells: number }[];
}

/** {@link unitSetMatrix}. */
export interface UnitSetMatrixResult {
  readonly matrix: RegionIndustryMatrix;
  readonly metro: string;
  readonly unitSet: string;
  readonly year: number;
  readonly indicator: string;
  readonly classification: string;
  readonly unit: string;
  readonly level: string | null;
  readonly gapPolicy: GapPolicy;
  readonly gaps: readonly MatrixGap[];
  readonly choices: readonly VintageChoice[];
  /** Industries of the level that no member has for that year (left out; listed, not silently dropped). */
  readonly absentIndustries: readonly string[];
  /** Members with no row at all for that year (their whole row is a gap). */
  readonly regionsWithoutData: readonly string[];
  /** With `programme: 'one'`: the matrix's source; otherwise `null`. */
  readonly programme: string | null;
  /** With `programme: 'one'`: members with data only from other sources (their whole row is a gap), and those sources. */
  readonly outsideProgramme: readonly { readonly region: string; readonly sources: readonly string[] }[];
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Run queries one after the other (one DuckDB connection runs one query at a time). */
async function inOrder<T extends readonly (() => Promise<unknown>)[]>(...thunks: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const thunk of thunks) out.push(await thunk());
  return out as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

/** Regions of a metro: members ∪ unit-set members (SQL fragment; `$1` = metro). */
const metroRegionsSql = `SELECT region FROM metro_members WHERE metro = $1 UNION SELECT region FROM unit_set_members WHERE metro = $1`;

async function metroRows(store: Store, id?: string): Promise<Row[]> {
  return store.rows(
    `SELECT DISTINCT ON (id) id, name_zh, name_en, country, default_unit_set, note_en, note_zh FROM metros ${id === undefined ? '' : 'WHERE id = $1'} ORDER BY id, dataset = 'default' DESC`,
    id === undefined ? undefined : [id],
  );
}

async function summarise(store: Store, metro: Row): Promise<MetroSummary> {
  const id = str(metro.id);
  const args = [id];
  const [levels, rings, unitSets, indicators, totals] = await inOrder(
    () =>
      store.rows(
        `SELECT r.level, count(DISTINCT m.region)::INTEGER AS n FROM metro_members m JOIN regions r ON r.id = m.region WHERE m.metro = $1 GROUP BY r.level ORDER BY r.level`,
        args,
      ),
    () => store.rows(`SELECT ring, count(DISTINCT region)::INTEGER AS n FROM metro_members WHERE metro = $1 GROUP BY ring ORDER BY ring`, args),
    () =>
      store.rows(
        `SELECT DISTINCT ON (u.id) u.id, u.metro, u.dataset, u.name_en, u.name_zh, u.indicator, u.classification, u.years, u.note_en, u.note_zh,
        (SELECT count(DISTINCT region)::INTEGER FROM unit_set_members s WHERE s.metro = u.metro AND s.unit_set = u.id) AS members
       FROM unit_sets u WHERE u.metro = $1 ORDER BY u.id, u.dataset = 'default' DESC`,
        args,
      ),
    () =>
      store.rows(
        `SELECT indicator, list(DISTINCT classification ORDER BY classification NULLS FIRST) AS classifications,
              list(DISTINCT year ORDER BY year) AS years, count(*)::INTEGER AS n, count(DISTINCT region)::INTEGER AS regions
       FROM observations WHERE region IN (${metroRegionsSql}) GROUP BY indicator ORDER BY indicator`,
        args,
      ),
    () =>
      store.rows(
        `SELECT (SELECT count(DISTINCT region)::INTEGER FROM metro_members WHERE metro = $1) AS members,
              count(*)::INTEGER AS n, list(DISTINCT source ORDER BY source) AS sources
       FROM observations WHERE region IN (${metroRegionsSql})`,
        args,
      ),
  );
  const defaultUnitSet = str(metro.default_unit_set);
  const total = totals[0] ?? {};
  // A user metro's unit sets: years (and an `auto` indicator or classification) from the data (metro/unit-sets.ts).
  for (let k = 0; k < unitSets.length; k++) unitSets[k] = await resolveUnitSetRow(store, unitSets[k] as Row);
  return {
    id,
    nameZh: str(metro.name_zh),
    nameEn: str(metro.name_en),
    country: str(metro.country),
    defaultUnitSet,
    noteEn: strOrNull(metro.note_en),
    noteZh: strOrNull(metro.note_zh),
    memberCount: Number(total.members ?? 0),
    regionCounts: Object.fromEntries(levels.map((r) => [str(r.level), Number(r.n)])),
    ringCounts: Object.fromEntries(rings.map((r) => [str(r.ring), Number(r.n)])),
    unitSets: unitSets.map((u) => ({
      id: str(u.id),
      nameEn: str(u.name_en),
      nameZh: str(u.name_zh),
      isDefault: str(u.id) === defaultUnitSet,
      indicator: str(u.indicator),
      classification: str(u.classification),
      years: numbers(u.years),
      memberCount: Number(u.members),
      noteEn: strOrNull(u.note_en),
      noteZh: strOrNull(u.note_zh),
    })),
    indicators: indicators.map((r) => ({
      indicator: str(r.indicator),
      classifications: (Array.isArray(r.classifications) ? r.classifications : []).map(strOrNull),
      years: numbers(r.years),
      observations: Number(r.n),
      regions: Number(r.regions),
    })),
    observationCount: Number(total.n ?? 0),
    sources: strings(total.sources),
  };
}

/** Every metro with names, member counts by level and ring, unit sets, indicators with years, and source ids. */
export async function listMetros(store: Store): Promise<MetroSummary[]> {
  const metros = await metroRows(store);
  const out: MetroSummary[] = [];
  for (const m of metros) out.push(await summarise(store, m));
  return out;
}

async function knownMetros(store: Store): Promise<string[]> {
  return (await store.rows('SELECT DISTINCT id FROM metros ORDER BY id')).map((r) => str(r.id));
}

/** A metro id as stored, matched without regard to case (`Tokyo` → `tokyo`); the id itself when none matches. */
export async function storedMetroId(store: Store, id: string): Promise<string> {
  const rows = await store.rows('SELECT DISTINCT id FROM metros WHERE lower(id) = lower($1) ORDER BY id = $1 DESC, id LIMIT 1', [id]);
  return rows.length === 0 ? id : str(rows[0]?.id);
}

/** One metro in detail (the id matched without regard to case). @throws {NotFoundError} `UNKNOWN_METRO`. */
export async function showMetro(store: Store, given: string): Promise<MetroDetail> {
  const id = await storedMetroId(store, given);
  const rows = await metroRows(store, id);
  const metro = rows[0];
  if (metro === undefined) throw new NotFoundError(storeMessages.unknownMetro('showMetro', given, await knownMetros(store)), { id: given }, 'UNKNOWN_METRO');
  const summary = await summarise(store, metro);
  const [members, unitSetMembers, knowledge] = await inOrder(
    () =>
      store.rows(
        `SELECT DISTINCT m.region, r.name_zh, r.name_en, r.level, r.parent, m.ring FROM metro_members m
       LEFT JOIN (SELECT DISTINCT ON (id) * FROM regions ORDER BY id, dataset = 'default' DESC) r ON r.id = m.region
       WHERE m.metro = $1 ORDER BY CASE m.ring WHEN 'core' THEN 0 WHEN 'inner' THEN 1 ELSE 2 END, m.region`,
        [id],
      ),
    () =>
      store.rows(
        `SELECT unit_set, list(DISTINCT region ORDER BY region) AS regions FROM unit_set_members WHERE metro = $1 GROUP BY unit_set ORDER BY unit_set`,
        [id],
      ),
    () => store.rows(`SELECT count(*)::INTEGER AS n FROM knowledge WHERE metro = $1`, [id]),
  );
  return {
    ...summary,
    members: members.map((m) => ({
      region: str(m.region),
      nameZh: strOrNull(m.name_zh),
      nameEn: m.name_en === null ? str(m.region) : str(m.name_en),
      level: m.level === null ? 'unknown' : str(m.level),
      parent: strOrNull(m.parent),
      ring: str(m.ring),
    })),
    unitSetMembers: Object.fromEntries(unitSetMembers.map((r) => [str(r.unit_set), strings(r.regions)])),
    knowledgeCount: Number(knowledge[0]?.n ?? 0),
  };
}

/** One region: names, level, parent, metros, indicators with years and sources, and its gaps. @throws {NotFoundError} `UNKNOWN_REGION`. */
export async function showRegion(store: Store, id: string): Promise<RegionDetail> {
  const rows = await store.rows(`SELECT * FROM regions WHERE id = $1 ORDER BY dataset = 'default' DESC LIMIT 1`, [id]);
  const region = rows[0];
  if (region === undefined) throw new NotFoundError(storeMessages.unknownRegion('showRegion', id), { id }, 'UNKNOWN_REGION');
  const parentId = strOrNull(region.parent);
  const [parent, children, metros, unitSets, indicators, withheld, geometry] = await inOrder(
    () => (parentId === null ? Promise.resolve([] as Row[]) : store.rows(`SELECT name_en, name_zh FROM regions WHERE id = $1 LIMIT 1`, [parentId])),
    () => store.rows(`SELECT count(DISTINCT id)::INTEGER AS n FROM regions WHERE parent = $1`, [id]),
    () => store.rows(`SELECT DISTINCT metro, ring FROM metro_members WHERE region = $1 ORDER BY metro`, [id]),
    () => store.rows(`SELECT DISTINCT metro, unit_set FROM unit_set_members WHERE region = $1 ORDER BY metro, unit_set`, [id]),
    () =>
      store.rows(
        `SELECT indicator, classification, unit, list(DISTINCT year ORDER BY year) AS years, list(DISTINCT source ORDER BY source) AS sources,
              list(DISTINCT vintage ORDER BY vintage) AS vintages, count(*)::INTEGER AS n, count(*) FILTER (WHERE withheld)::INTEGER AS withheld
       FROM observations WHERE region = $1 GROUP BY indicator, classification, unit ORDER BY indicator, classification NULLS FIRST, unit`,
        [id],
      ),
    () =>
      store.rows(
        `SELECT DISTINCT indicator, classification, year, industry FROM observations WHERE region = $1 AND (withheld OR value IS NULL)
       ORDER BY indicator, classification NULLS FIRST, year, industry NULLS FIRST`,
        [id],
      ),
    () => store.rows(`SELECT count(*)::INTEGER AS n FROM geometries WHERE region = $1`, [id]),
  );
  const gaps: RegionGap[] = withheld.map((r) => ({
    indicator: str(r.indicator),
    classification: strOrNull(r.classification),
    year: Number(r.year),
    industry: strOrNull(r.industry),
    kind: 'withheld' as const,
  }));
  // Missing years: inside the span of each (indicator, classification) series, years with no row at all.
  const seriesYears = new Map<string, { indicator: string; classification: string | null; years: Set<number> }>();
  for (const r of indicators) {
    const key = `${str(r.indicator)}\u0000${strOrNull(r.classification) ?? ''}`;
    let entry = seriesYears.get(key);
    if (entry === undefined) seriesYears.set(key, (entry = { indicator: str(r.indicator), classification: strOrNull(r.classification), years: new Set() }));
    for (const y of numbers(r.years)) entry.years.add(y);
  }
  for (const { indicator, classification, years } of seriesYears.values()) {
    const list = [...years].sort((a, b) => a - b);
    const first = list[0];
    const last = list.at(-1);
    if (first === undefined || last === undefined) continue;
    for (let y = first; y <= last; y++) {
      if (!years.has(y)) gaps.push({ indicator, classification, year: y, industry: null, kind: 'missing-year' });
    }
  }
  gaps.sort(
    (a, b) =>
      byKey(a.indicator, b.indicator) || byKey(a.classification ?? '', b.classification ?? '') || a.year - b.year || byKey(a.industry ?? '', b.industry ?? ''),
  );
  return {
    id,
    nameZh: strOrNull(region.name_zh),
    nameEn: str(region.name_en),
    nameLocal: strOrNull(region.name_local),
    level: str(region.level),
    parent: parentId === null ? null : { id: parentId, nameEn: strOrNull(parent[0]?.name_en), nameZh: strOrNull(parent[0]?.name_zh) },
    childCount: Number(children[0]?.n ?? 0),
    lon: numOrNull(region.lon),
    lat: numOrNull(region.lat),
    areaKm2: numOrNull(region.area_km2),
    source: strOrNull(region.source),
    metros: metros.map((m) => ({ metro: str(m.metro), ring: str(m.ring) })),
    unitSets: unitSets.map((u) => ({ metro: str(u.metro), unitSet: str(u.unit_set) })),
    indicators: indicators.map((r) => ({
      indicator: str(r.indicator),
      classification: strOrNull(r.classification),
      unit: str(r.unit),
      years: numbers(r.years),
      sources: strings(r.sources),
      vintages: strings(r.vintages),
      observations: Number(r.n),
      withheld: Number(r.withheld),
    })),
    gaps,
    hasGeometry: Number(geometry[0]?.n ?? 0) > 0,
  };
}

function toObservation(r: Row): StoredObservation {
  return {
    region: str(r.region),
    year: Number(r.year),
    indicator: str(r.indicator),
    classification: strOrNull(r.classification),
    industry: strOrNull(r.industry),
    value: numOrNull(r.value),
    unit: str(r.unit),
    valueOriginal: numOrNull(r.value_original),
    unitOriginal: str(r.unit_original),
    source: str(r.source),
    vintage: str(r.vintage) as VintageKind,
    vintageDate: strOrNull(r.vintage_date),
    withheld: r.withheld === true,
    breakInSeries: r.break_in_series === true,
    estimated: r.estimated === true,
    note: strOrNull(r.note),
    dataset: str(r.dataset),
  };
}

/** Observations matching a filter, sorted by region, indicator, classification, industry, year, source. */
export async function observations(store: Store, filter: ObservationFilter = {}): Promise<StoredObservation[]> {
  const where: string[] = [];
  const params: (string | number | boolean)[] = [];
  const param = (value: string | number | boolean): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const inList = (column: string, values: readonly (string | number)[]): void => {
    where.push(values.length === 0 ? 'false' : `${column} IN (${values.map((v) => param(v)).join(', ')})`);
  };
  if (filter.regions !== undefined) inList('region', filter.regions);
  if (filter.metro !== undefined) {
    const p = param(filter.metro);
    where.push(`region IN (SELECT region FROM metro_members WHERE metro = ${p} UNION SELECT region FROM unit_set_members WHERE metro = ${p})`);
  }
  if (filter.indicator !== undefined) where.push(`indicator = ${param(filter.indicator)}`);
  if (filter.classification === null) where.push('classification IS NULL');
  else if (filter.classification !== undefined) where.push(`classification = ${param(filter.classification)}`);
  if (filter.industries !== undefined) inList('industry', filter.industries);
  if (filter.years !== undefined) inList('year', filter.years);
  if (filter.source !== undefined) where.push(`source = ${param(filter.source)}`);
  if (filter.vintage !== undefined) where.push(`vintage = ${param(filter.vintage)}`);
  if (filter.dataset !== undefined) where.push(`dataset = ${param(filter.dataset)}`);
  if (filter.withheld === false) where.push('NOT withheld');
  const rows = await store.rows(
    `SELECT * FROM observations ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY region, indicator, classification NULLS FIRST, industry NULLS FIRST, year, source, vintage, dataset`,
    params,
  );
  return rows.map(toObservation);
}

function vintageOrder(preference: VintagePreference): readonly VintageKind[] {
  if (preference === 'preferred') return ['final', 'revised', 'single', 'first'];
  if (preference === 'first') return ['first', 'single', 'revised', 'final'];
  if (Array.isArray(preference) && preference.every((v) => (vintageKinds as readonly string[]).includes(v))) return preference;
  throw new InvalidInputError(
    storeMessages.invalidOption('unitSetMatrix', 'vintage', preference, '"preferred", "first" or an array of first/revised/final/single'),
    undefined,
    'INVALID_OPTION',
  );
}

/**
 * The region × industry matrix of a metro's unit set for one year: rows = the unit set's members, columns = the
 * industries of the unit set's classification (at `level`, default the classification's top level) that any member
 * has that year, values = the unit set's indicator in its canonical unit. One (dataset, source, vintage) group per
 * region (see the module's vintage rule); withheld and missing cells handled by `gaps` — never silently zero.
 *
 * @throws {NotFoundError} `UNKNOWN_METRO`, `UNKNOWN_UNIT_SET`.
 * @throws {InvalidInputError} `NO_DATA_FOR_YEAR`, `GAPS_IN_MATRIX` (gaps: "error"; `details.gaps` lists the cells),
 *   `UNIT_MISMATCH`, `INVALID_OPTION`, and the matrix constructor's errors (negative values, zero totals).
 * @example
 * const { matrix, gaps, choices } = await unitSetMatrix(store, 'jjj', 'cities', 2019, { gaps: 'drop-regions' });
 */
export async function unitSetMatrix(
  store: Store,
  metro: string,
  unitSet: string,
  year: number,
  options: UnitSetMatrixOptions = {},
): Promise<UnitSetMatrixResult> {
  const fn = 'unitSetMatrix';
  const gapPolicy = options.gaps ?? defaultUnitSetMatrixOptions.gaps;
  if (!['error', 'zero', 'drop-regions', 'drop-industries'].includes(gapPolicy)) {
    throw new InvalidInputError(
      storeMessages.invalidOption(fn, 'gaps', gapPolicy, '"error", "zero", "drop-regions" or "drop-industries"'),
      undefined,
      'INVALID_OPTION',
    );
  }
  const order = vintageOrder(options.vintage ?? defaultUnitSetMatrixOptions.vintage);
  if (!Number.isInteger(year)) throw new InvalidInputError(storeMessages.invalidOption(fn, 'year', year, 'an integer year'), undefined, 'INVALID_OPTION');
  if ((await metroRows(store, metro)).length === 0) {
    throw new NotFoundError(storeMessages.unknownMetro(fn, metro, await knownMetros(store)), { metro }, 'UNKNOWN_METRO');
  }
  const sets = await store.rows(
    `SELECT metro, id, dataset, indicator, classification FROM unit_sets WHERE metro = $1 AND id = $2 ORDER BY dataset = 'default' DESC LIMIT 1`,
    [metro, unitSet],
  );
  const set = sets[0] === undefined ? undefined : await resolveUnitSetRow(store, sets[0]);
  if (set === undefined) {
    const known = (await store.rows(`SELECT DISTINCT id FROM unit_sets WHERE metro = $1 ORDER BY id`, [metro])).map((r) => str(r.id));
    throw new NotFoundError(storeMessages.unknownUnitSet(fn, metro, unitSet, known), { metro, unitSet }, 'UNKNOWN_UNIT_SET');
  }
  const indicator = str(set.indicator);
  const classification = str(set.classification);
  const members = (await store.rows(`SELECT DISTINCT region FROM unit_set_members WHERE metro = $1 AND unit_set = $2 ORDER BY region`, [metro, unitSet])).map(
    (r) => str(r.region),
  );

  // Industry level: the option, else the classification's first level when the industries table knows it.
  let level: string | null = options.level ?? null;
  if (level === null) {
    const cls = await store.rows(`SELECT levels FROM classifications WHERE id = $1 LIMIT 1`, [classification]);
    const first = strings(cls[0]?.levels)[0];
    if (first !== undefined) {
      const known = await store.rows(`SELECT count(*)::INTEGER AS n FROM industries WHERE classification = $1 AND level = $2`, [classification, first]);
      if (Number(known[0]?.n ?? 0) > 0) level = first;
    }
  }
  const levelCodes =
    level === null
      ? null
      : new Set(
          (await store.rows(`SELECT DISTINCT code FROM industries WHERE classification = $1 AND level = $2`, [classification, level])).map((r) => str(r.code)),
        );

  const params: (string | number)[] = [indicator, classification, year, metro, unitSet];
  let extra = '';
  if (options.source !== undefined) {
    params.push(options.source);
    extra += ` AND o.source = $${params.length}`;
  }
  if (options.dataset !== undefined) {
    params.push(options.dataset);
    extra += ` AND o.dataset = $${params.length}`;
  }
  const rows = await store.rows(
    `SELECT o.region, o.industry, o.value, o.unit, o.withheld, o.source, o.vintage, o.vintage_date, o.dataset
     FROM observations o
     WHERE o.indicator = $1 AND o.classification = $2 AND o.year = $3 AND o.industry IS NOT NULL${extra}
       AND o.region IN (SELECT region FROM unit_set_members WHERE metro = $4 AND unit_set = $5)
     ORDER BY o.region, o.dataset, o.source, o.vintage, o.industry`,
    params,
  );
  const usable = levelCodes === null ? rows : rows.filter((r) => levelCodes.has(str(r.industry)));
  if (usable.length === 0) {
    const years = (
      await store.rows(
        `SELECT DISTINCT year FROM observations WHERE indicator = $1 AND classification = $2 AND region IN (SELECT region FROM unit_set_members WHERE metro = $3 AND unit_set = $4) ORDER BY year`,
        [indicator, classification, metro, unitSet],
      )
    ).map((r) => Number(r.year));
    throw new InvalidInputError(storeMessages.noYearData(fn, metro, unitSet, year, years), { metro, unitSet, year, years }, 'NO_DATA_FOR_YEAR');
  }

  const rank = (v: VintageKind): number => {
    const k = order.indexOf(v);
    return k < 0 ? order.length : k;
  };
  // Group rows by region, then by (dataset, source, vintage).
  interface Group {
    dataset: string;
    source: string;
    vintage: VintageKind;
    vintageDate: string | null;
    cells: Map<string, { value: number | null; withheld: boolean; unit: string }>;
  }
  const byRegion = new Map<string, Map<string, Group>>();
  for (const r of usable) {
    const region = str(r.region);
    let groups = byRegion.get(region);
    if (groups === undefined) byRegion.set(region, (groups = new Map()));
    const key = `${str(r.dataset)}\u0000${str(r.source)}\u0000${str(r.vintage)}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        dataset: str(r.dataset),
        source: str(r.source),
        vintage: str(r.vintage) as VintageKind,
        vintageDate: strOrNull(r.vintage_date),
        cells: new Map(),
      };
      groups.set(key, group);
    }
    const date = strOrNull(r.vintage_date);
    if (date !== null && (group.vintageDate === null || date > group.vintageDate)) group.vintageDate = date;
    group.cells.set(str(r.industry), { value: numOrNull(r.value), withheld: r.withheld === true, unit: str(r.unit) });
  }
  // One programme for the whole matrix (option): the source covering the most members, then the most reported
  // cells (a member's best group of that source), then the best vintage, then the source id.
  let programme: string | null = null;
  const outsideProgramme: { region: string; sources: string[] }[] = [];
  if (options.programme === 'one') {
    const score = new Map<string, { members: number; cells: number; rank: number }>();
    for (const region of members) {
      const best = new Map<string, { cells: number; rank: number }>();
      for (const g of byRegion.get(region)?.values() ?? []) {
        const reported = [...g.cells.values()].filter((c) => !c.withheld && c.value !== null).length;
        const prev = best.get(g.source);
        best.set(g.source, { cells: Math.max(prev?.cells ?? 0, reported), rank: Math.min(prev?.rank ?? order.length, rank(g.vintage)) });
      }
      for (const [source, b] of best) {
        const acc = score.get(source) ?? { members: 0, cells: 0, rank: order.length };
        score.set(source, { members: acc.members + 1, cells: acc.cells + b.cells, rank: Math.min(acc.rank, b.rank) });
      }
    }
    programme = [...score].sort((x, y) => y[1].members - x[1].members || y[1].cells - x[1].cells || x[1].rank - y[1].rank || byKey(x[0], y[0]))[0]?.[0] ?? null;
    for (const region of members) {
      const groups = [...(byRegion.get(region)?.values() ?? [])];
      if (groups.length > 0 && !groups.some((g) => g.source === programme))
        outsideProgramme.push({ region, sources: [...new Set(groups.map((g) => g.source))].sort(byKey) });
    }
  }
  // Industries: the level's codes that some member has that year (in the programme, with `programme: 'one'`).
  const industrySet = new Set(usable.filter((r) => programme === null || str(r.source) === programme).map((r) => str(r.industry)));
  const industries = [...industrySet].sort(byKey);
  const absentIndustries = levelCodes === null ? [] : [...levelCodes].filter((c) => !industrySet.has(c)).sort(byKey);

  const choices: VintageChoice[] = [];
  const chosen = new Map<string, Group>();
  for (const region of members) {
    const groups = [...(byRegion.get(region)?.values() ?? [])].filter((g) => programme === null || g.source === programme);
    if (groups.length === 0) continue;
    groups.sort(
      (a, b) =>
        rank(a.vintage) - rank(b.vintage) ||
        b.cells.size - a.cells.size ||
        byKey(b.vintageDate ?? '', a.vintageDate ?? '') ||
        byKey(a.dataset, b.dataset) ||
        byKey(a.source, b.source),
    );
    const best = groups[0] as Group;
    chosen.set(region, best);
    choices.push({
      region,
      dataset: best.dataset,
      source: best.source,
      vintage: best.vintage,
      vintageDate: best.vintageDate,
      alternatives: groups.slice(1).map((g) => ({ dataset: g.dataset, source: g.source, vintage: g.vintage, cells: g.cells.size })),
    });
  }

  // Units: one canonical unit for the whole matrix.
  const units = new Set<string>();
  for (const g of chosen.values()) for (const c of g.cells.values()) units.add(c.unit);
  if (units.size !== 1) {
    throw new InvalidInputError(
      storeMessages.invalidOption(fn, 'unit', [...units].sort(), 'one unit for every cell of the matrix (the data mixes units)'),
      { units: [...units] },
      'UNIT_MISMATCH',
    );
  }
  const unit = [...units][0] as string;

  // Fill values and collect gaps.
  const nR = members.length;
  const nI = industries.length;
  const values = new Float64Array(nR * nI);
  const gapCells: { r: number; i: number; kind: 'withheld' | 'missing' }[] = [];
  const regionsWithoutData: string[] = [];
  const outside = new Set(outsideProgramme.map((o) => o.region));
  for (let r = 0; r < nR; r++) {
    const region = members[r] as string;
    const group = chosen.get(region);
    if (group === undefined && !outside.has(region)) regionsWithoutData.push(region);
    for (let i = 0; i < nI; i++) {
      const cell = group?.cells.get(industries[i] as string);
      if (cell === undefined) gapCells.push({ r, i, kind: 'missing' });
      else if (cell.withheld || cell.value === null) gapCells.push({ r, i, kind: cell.withheld ? 'withheld' : 'missing' });
      else values[r * nI + i] = cell.value;
    }
  }
  const label = (g: { r: number; i: number; kind: string }): string => `${members[g.r]}×${industries[g.i]} (${g.kind})`;
  if (gapCells.length > 0 && gapPolicy === 'error') {
    throw new InvalidInputError(
      storeMessages.gapsInMatrix(fn, gapCells.length, gapCells.map(label)),
      { gaps: gapCells.map((g) => ({ region: members[g.r], industry: industries[g.i], kind: g.kind })) },
      'GAPS_IN_MATRIX',
    );
  }
  const dropR = new Set<number>();
  const dropI = new Set<number>();
  if (gapPolicy === 'drop-regions') for (const g of gapCells) dropR.add(g.r);
  if (gapPolicy === 'drop-industries') for (const g of gapCells) dropI.add(g.i);
  const treatment: MatrixGap['treatment'] = gapPolicy === 'zero' ? 'zero' : gapPolicy === 'drop-regions' ? 'dropped-region' : 'dropped-industry';
  const gaps: MatrixGap[] = gapCells.map((g) => ({ region: members[g.r] as string, industry: industries[g.i] as string, kind: g.kind, treatment }));

  const keepR = members.map((_, r) => r).filter((r) => !dropR.has(r));
  const keepI = industries.map((_, i) => i).filter((i) => !dropI.has(i));
  const kept = new Float64Array(keepR.length * keepI.length);
  for (let a = 0; a < keepR.length; a++) {
    const base = (keepR[a] as number) * nI;
    for (let b = 0; b < keepI.length; b++) kept[a * keepI.length + b] = values[base + (keepI[b] as number)] as number;
  }
  const matrix = RegionIndustryMatrix.fromWide(
    keepR.map((r) => members[r] as string),
    keepI.map((i) => industries[i] as string),
    kept,
    options.matrix ?? {},
  );
  return {
    matrix,
    metro,
    unitSet,
    year,
    indicator,
    classification,
    unit,
    level,
    gapPolicy,
    gaps,
    choices,
    absentIndustries,
    regionsWithoutData,
    programme,
    outsideProgramme,
  };
}
