/**
 * `loadUnitGeometries`: what a map of a metro's analysis units is drawn from — one GeoJSON feature per unit of a unit
 * set, read from the store:
 *
 * 1. the unit's own boundary from the `geometries` table (basis `boundary`);
 * 2. else, when every child region of the unit (regions whose `parent` is the unit) has a boundary, the union of
 *    the children's polygons as one MultiPolygon (basis `children`: e.g. Hebei drawn from its 11 prefecture-level
 *    cities; the internal borders stay visible, the outline is the unit's);
 * 3. else its representative point, exactly as the analysis loader takes it (`loadMetroAnalysisInput`): the
 *    region's own lon/lat, else the mean point of its child regions (basis `point` or `child-points`);
 * 4. else nothing: the unit is listed in `missing` (shown as a gap, never guessed).
 *
 * The result's feature type is structurally the viz package's `UnitGeometries` (`properties.region` = the unit id,
 * `properties.source` = the source id(s) of what is drawn, `|`-joined when several), with `properties.basis` saying
 * which of the four steps gave it. Features follow the unit ids in code-point order.
 */
import { type LocalizedText, NotFoundError } from '@metrocoop/core';
import { showMetro } from '../store/queries.ts';
import type { Row, Store } from '../store/store.ts';

/** Options of {@link loadUnitGeometries}. */
export interface LoadUnitGeometriesOptions {
  /** Unit set id, or `default` (the metro's default unit set). Default: `default`. */
  readonly units?: string;
}

/** How a unit's feature was obtained (see {@link loadUnitGeometries}). */
export type UnitGeometryBasis = 'boundary' | 'children' | 'point' | 'child-points';

/** One unit's feature. */
export interface UnitGeometryFeature {
  readonly type: 'Feature';
  readonly properties: { readonly region: string; readonly source: string; readonly basis: UnitGeometryBasis };
  readonly geometry: { readonly type: string; readonly coordinates: unknown };
}

/** The units' features: a GeoJSON FeatureCollection (the viz package's `UnitGeometries`). */
export interface UnitGeometries {
  readonly type: 'FeatureCollection';
  readonly features: readonly UnitGeometryFeature[];
}

/** What {@link loadUnitGeometries} returns. */
export interface LoadedUnitGeometries {
  /** One feature per unit that has a boundary or a point. */
  readonly geometries: UnitGeometries;
  /** Units with neither a boundary nor a point (code-point order). */
  readonly missing: string[];
  /** The source ids of the boundaries and points used (sorted). */
  readonly sources: string[];
  /** How units without a boundary of their own were drawn (bilingual; the point-only units in one note). */
  readonly notes: LocalizedText[];
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** A note names at most this many units. */
const shownInNote = 8;
const placeholders = (n: number): string => Array.from({ length: n }, (_, k) => `$${k + 1}`).join(', ');

/** The polygons of a Polygon or MultiPolygon geometry, as MultiPolygon coordinates. */
function polygonsOf(geometry: { type: string; coordinates: unknown }): unknown[] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) return geometry.coordinates;
  return [];
}

/** The boundaries of `ids` (the embedded dataset's first when several datasets have one), by region. */
async function boundaries(store: Store, ids: readonly string[]): Promise<Map<string, { geometry: { type: string; coordinates: unknown }; source: string }>> {
  const out = new Map<string, { geometry: { type: string; coordinates: unknown }; source: string }>();
  if (ids.length === 0) return out;
  const rows = await store.rows(
    `SELECT DISTINCT ON (region) region, geometry, source FROM geometries WHERE region IN (${placeholders(ids.length)})
     ORDER BY region, dataset = 'default' DESC, dataset`,
    [...ids],
  );
  for (const r of rows) out.set(str(r.region), { geometry: JSON.parse(str(r.geometry)), source: str(r.source) });
  return out;
}

/**
 * Read the map features of a metro's unit set.
 *
 * @throws {NotFoundError} `UNKNOWN_METRO` (from the store), `UNKNOWN_UNIT_SET`.
 * @example
 * const { geometries, missing } = await loadUnitGeometries(store, 'jjj');
 * // geometries.features: Beijing and Tianjin with their own boundaries, Hebei as the union of its 11 cities
 */
export async function loadUnitGeometries(store: Store, metro: string, options: LoadUnitGeometriesOptions = {}): Promise<LoadedUnitGeometries> {
  const detail = await showMetro(store, metro);
  const unitSetId = options.units === undefined || options.units === 'default' ? detail.defaultUnitSet : options.units;
  const members = detail.unitSetMembers[unitSetId];
  if (members === undefined) {
    throw new NotFoundError(
      {
        en: `loadUnitGeometries: metro ${detail.id} has no unit set ${JSON.stringify(unitSetId)} (got an unknown id); choose one of ${Object.keys(detail.unitSetMembers).join(', ')}.`,
        zh: `loadUnitGeometries：都市圈 ${detail.id} 没有分析单元集 ${JSON.stringify(unitSetId)}；请从 ${Object.keys(detail.unitSetMembers).join('、')} 中选择。`,
      },
      { metro: detail.id, unitSet: unitSetId },
      'UNKNOWN_UNIT_SET',
    );
  }
  const units = [...members].sort(byKey);
  const regionRows: Row[] = await store.rows(
    `SELECT DISTINCT ON (id) id, name_en, name_zh, parent, lon, lat, source FROM regions ORDER BY id, dataset = 'default' DESC`,
  );
  const region = new Map(regionRows.map((r) => [str(r.id), r]));
  const children = new Map<string, string[]>();
  for (const r of regionRows) {
    const parent = strOrNull(r.parent);
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(str(r.id));
    children.set(parent, list);
  }
  const own = await boundaries(store, units);
  const withoutOwn = units.filter((u) => !own.has(u));
  const childIds = withoutOwn.flatMap((u) => children.get(u) ?? []);
  const childBoundaries = await boundaries(store, childIds);

  const features: UnitGeometryFeature[] = [];
  const missing: string[] = [];
  const sources = new Set<string>();
  const notes: LocalizedText[] = [];
  const pointOnly: string[] = [];
  const name = (id: string) => {
    const r = region.get(id);
    const en = r === undefined ? id : str(r.name_en);
    const zh = strOrNull(r?.name_zh) ?? en;
    return { en: en === id ? id : `${en} (${id})`, zh: zh === id ? id : `${zh}（${id}）` };
  };
  for (const id of units) {
    const mine = own.get(id);
    if (mine !== undefined) {
      features.push({ type: 'Feature', properties: { region: id, source: mine.source, basis: 'boundary' }, geometry: mine.geometry });
      sources.add(mine.source);
      continue;
    }
    const kids = [...(children.get(id) ?? [])].sort(byKey);
    if (kids.length > 0 && kids.every((k) => childBoundaries.has(k))) {
      const parts = kids.flatMap((k) => polygonsOf((childBoundaries.get(k) as { geometry: { type: string; coordinates: unknown } }).geometry));
      const kidSources = [...new Set(kids.map((k) => (childBoundaries.get(k) as { source: string }).source))].sort(byKey);
      for (const s of kidSources) sources.add(s);
      features.push({
        type: 'Feature',
        properties: { region: id, source: kidSources.join('|'), basis: 'children' },
        geometry: { type: 'MultiPolygon', coordinates: parts },
      });
      const n = name(id);
      notes.push({
        en: `${n.en} has no boundary of its own: it is drawn as the union of the boundaries of its ${kids.length} child regions.`,
        zh: `${n.zh}没有自身边界：按其 ${kids.length} 个下级地区边界的合并绘制。`,
      });
      continue;
    }
    const r = region.get(id);
    const lon = r?.lon;
    const lat = r?.lat;
    if (lon !== null && lon !== undefined && lat !== null && lat !== undefined) {
      const source = r?.source === null || r?.source === undefined ? 'regions' : str(r.source);
      features.push({
        type: 'Feature',
        properties: { region: id, source, basis: 'point' },
        geometry: { type: 'Point', coordinates: [Number(lon), Number(lat)] },
      });
      sources.add(source);
      pointOnly.push(id);
      continue;
    }
    // The analysis loader's fallback: the mean point of the child regions that have one.
    const located = kids.map((k) => region.get(k)).filter((k): k is Row => k !== undefined && k.lon !== null && k.lat !== null);
    if (located.length > 0) {
      const mean = [located.reduce((s, k) => s + Number(k.lon), 0) / located.length, located.reduce((s, k) => s + Number(k.lat), 0) / located.length];
      const kidSources = [...new Set(located.map((k) => (k.source === null ? 'regions' : str(k.source))))].sort(byKey);
      for (const s of kidSources) sources.add(s);
      features.push({
        type: 'Feature',
        properties: { region: id, source: kidSources.join('|'), basis: 'child-points' },
        geometry: { type: 'Point', coordinates: mean },
      });
      const n = name(id);
      notes.push({
        en: `${n.en} has neither a boundary nor a point of its own: it is drawn at the mean point of its ${located.length} child regions.`,
        zh: `${n.zh}既无自身边界也无代表点：以其 ${located.length} 个下级地区代表点的平均位置绘制。`,
      });
      continue;
    }
    missing.push(id);
  }
  if (pointOnly.length > 0) {
    const shown = pointOnly.slice(0, shownInNote).map(name);
    const more = pointOnly.length - shown.length;
    notes.push({
      en: `${pointOnly.length} ${pointOnly.length === 1 ? 'unit has' : 'units have'} no boundary in the store and ${pointOnly.length === 1 ? 'is' : 'are'} drawn as representative points: ${shown.map((n) => n.en).join('; ')}${more > 0 ? ` and ${more} more` : ''}.`,
      zh: `${pointOnly.length} 个单元在数据库中没有边界，以代表点绘制：${shown.map((n) => n.zh).join('、')}${more > 0 ? `等（另有 ${more} 个）` : ''}。`,
    });
  }
  return { geometries: { type: 'FeatureCollection', features }, missing, sources: [...sources].sort(byKey), notes };
}
