/**
 * The map under every map chart: which units are drawn as areas and which as points, where each unit sits (for
 * flows and labels), the GeoJSON to register, and the frame of the view.
 *
 * - A unit is an area when the geometries have a Polygon or MultiPolygon for it; else a point, at the analysis's
 *   representative point (`units[].lon/lat`) or the geometries' Point; else it is not drawn (`unlocated`).
 * - Where a unit sits (`anchors`): its representative point, else its Point, else the centre of its largest part.
 * - Far-off units are left out of the frame (`offFrame`), so that remote island municipalities do not shrink the
 *   metro to a dot: the units outside the main group of neighbouring anchors (single linkage at max(3 × the median
 *   nearest-neighbour distance, 0.5°)), when the groups left out hold no more than a quarter of the located units.
 * - Far-off small parts of a unit are not drawn (`trimmed`): a part under 5 % of the unit's area, more than 0.5°
 *   (about 50 km) outside the box of its large parts, and outside the frame of everything else widened by a tenth
 *   (Tokyo-to's Izu and Ogasawara islands on a map of the prefectures).
 * - Without any area (no geometries given), the map is an empty frame around the points.
 */
import type { LocalizedText, MetroAnalysis } from '@metrocoop/core';
import type { ChartAbsence, ChartLanguage, UnitGeometries } from '../chart.ts';
import { chartAbsence, gapColor, haloLabel } from './style.ts';

type Position = readonly [number, number];
type Box = [west: number, south: number, east: number, north: number];
type Feature = UnitGeometries['features'][number];

export interface MapLayer {
  /** The name to register the map under. */
  readonly name: string;
  /** The polygons to register (trimmed; a transparent frame when no unit is an area). */
  readonly geoJson: UnitGeometries;
  /** Units drawn as areas. */
  readonly areas: ReadonlySet<string>;
  /** Units drawn as points (no area), in the units' order. */
  readonly pointUnits: readonly string[];
  /** Where each drawn unit sits (lon, lat). */
  readonly anchors: ReadonlyMap<string, Position>;
  /** Units with neither an area nor a point. */
  readonly unlocated: readonly string[];
  /** Units left out of the frame (far off). */
  readonly offFrame: readonly string[];
  /** Units some of whose far-off small parts are not drawn. */
  readonly trimmed: readonly string[];
  /** The view: [[west, north], [east, south]] (ECharts `boundingCoords`). */
  readonly frame: readonly [Position, Position];
  /** cos(mid-latitude): the geo's aspect scale, so that shapes are not stretched. */
  readonly aspectScale: number;
  /** The sources of the drawn geometries (feature `properties.source`, split at `|`). */
  readonly sources: readonly string[];
  /** Some point units sit at the analysis's representative points (no feature of theirs in the geometries). */
  readonly analysisPoints: boolean;
  /** Units drawn as the union of their child regions' boundaries (feature `basis: 'children'`). */
  readonly fromChildren: readonly string[];
}

/** The frame feature's region id (never a unit). */
export const frameRegion = '__frame__';

const isPosition = (p: unknown): p is Position => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number';

/** The polygons (each a list of rings) of a Polygon or MultiPolygon. */
function partsOf(geometry: Feature['geometry']): Position[][][] {
  const c = geometry.coordinates;
  if (!Array.isArray(c)) return [];
  if (geometry.type === 'Polygon') return [c as Position[][]];
  if (geometry.type === 'MultiPolygon') return c as Position[][][];
  return [];
}

function boxOf(points: readonly Position[]): Box | null {
  if (points.length === 0) return null;
  let [w, s, e, n] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const [x, y] of points) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

const union = (a: Box | null, b: Box | null): Box | null =>
  a === null ? b : b === null ? a : [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/** Shoelace area of a polygon's outer ring (square degrees; only compared within one unit). */
function area(polygon: readonly Position[][]): number {
  const ring = (polygon[0] ?? []).filter(isPosition);
  let s = 0;
  for (let k = 0; k < ring.length; k++) {
    const p = ring[k] as Position;
    const q = ring[(k + 1) % ring.length] as Position;
    s += p[0] * q[1] - q[0] * p[1];
  }
  return Math.abs(s) / 2;
}

/** Distance in degrees between two boxes (0 when they overlap). */
function boxGap(a: Box, b: Box): number {
  const dx = Math.max(0, a[0] - b[2], b[0] - a[2]);
  const dy = Math.max(0, a[1] - b[3], b[1] - a[3]);
  return Math.hypot(dx, dy);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** A short stable hash (FNV-1a, base 36) of a string. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The indexes of the far-off points: single-linkage groups at max(3 × the median nearest-neighbour distance, 0.5°);
 * every group but the largest, when together they hold no more than a quarter of the points (else none).
 */
function farOff(points: readonly Position[], dist: (p: Position, q: Position) => number): number[] {
  const n = points.length;
  if (n <= 2) return [];
  const nearest = points.map((p, i) => Math.min(...points.map((q, j) => (i === j ? Number.POSITIVE_INFINITY : dist(p, q)))));
  const reach = Math.max(3 * median(nearest), 0.5);
  const parent = points.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (dist(points[i] as Position, points[j] as Position) <= reach) parent[root(i)] = root(j);
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) size.set(root(i), (size.get(root(i)) ?? 0) + 1);
  const main = [...size].sort((p, q) => q[1] - p[1] || p[0] - q[0])[0]?.[0];
  const out = points.map((_, i) => i).filter((i) => root(i) !== main);
  return out.length * 4 <= n ? out : [];
}

/** Build the map of `units` from `geometries` (either may lack units: see the file header). */
export function mapLayer(
  key: string,
  units: readonly { readonly id: string; readonly lon: number | null; readonly lat: number | null }[],
  geometries: UnitGeometries | null | undefined,
): MapLayer {
  const featureOf = new Map<string, Feature>();
  for (const f of geometries?.features ?? []) if (!featureOf.has(f.properties.region)) featureOf.set(f.properties.region, f);
  const polygons = new Map<string, Position[][][]>();
  const anchors = new Map<string, Position>();
  const unlocated: string[] = [];
  for (const u of units) {
    const f = featureOf.get(u.id);
    const parts = f === undefined ? [] : partsOf(f.geometry);
    if (parts.length > 0) polygons.set(u.id, parts);
    if (u.lon !== null && u.lat !== null) anchors.set(u.id, [u.lon, u.lat]);
    else if (f !== undefined && f.geometry.type === 'Point' && isPosition(f.geometry.coordinates)) anchors.set(u.id, f.geometry.coordinates);
    else if (parts.length > 0) {
      const largest = [...parts].sort((p, q) => area(q) - area(p))[0] as Position[][];
      const b = boxOf((largest[0] ?? []).filter(isPosition)) as Box;
      anchors.set(u.id, [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]);
    } else unlocated.push(u.id);
  }

  // Far-off units: the units outside the main group of neighbours (single linkage at max(3 × the median
  // nearest-neighbour distance, 0.5°)), when the groups left out hold no more than a quarter of the located units.
  const ids = [...anchors.keys()];
  const centre: Position = [median(ids.map((id) => (anchors.get(id) as Position)[0])), median(ids.map((id) => (anchors.get(id) as Position)[1]))];
  const cos = Math.cos((centre[1] * Math.PI) / 180);
  const dist = (p: Position, q: Position) => Math.hypot((p[0] - q[0]) * cos, p[1] - q[1]);
  const offFrame = farOff(
    ids.map((id) => anchors.get(id) as Position),
    dist,
  ).map((k) => ids[k] as string);
  const off = new Set(offFrame);

  // Far-off small parts of the drawn areas: a part under 5 % of its unit's area, more than 0.5° outside the box of
  // the unit's large parts, is drawn only when it lies inside the frame of everything else (widened by a tenth).
  const drawnParts = new Map<string, { kept: Position[][][]; far: Position[][][] }>();
  let frame: Box | null = null;
  for (const u of units) {
    const parts = polygons.get(u.id);
    if (parts === undefined || off.has(u.id)) continue;
    const areas = parts.map(area);
    const total = areas.reduce((s, x) => s + x, 0);
    const large = parts.filter((_, k) => (areas[k] as number) >= 0.05 * total);
    const main = large.reduce<Box | null>((b, p) => union(b, boxOf((p[0] ?? []).filter(isPosition))), null);
    const kept: Position[][][] = [];
    const far: Position[][][] = [];
    parts.forEach((p, k) => {
      const b = boxOf((p[0] ?? []).filter(isPosition));
      if ((areas[k] as number) >= 0.05 * total || main === null || b === null || boxGap(b, main) <= 0.5) kept.push(p);
      else far.push(p);
    });
    for (const p of kept) frame = union(frame, boxOf((p[0] ?? []).filter(isPosition)));
    drawnParts.set(u.id, { kept, far });
  }
  const pointUnits = units.filter((u) => !polygons.has(u.id) && anchors.has(u.id) && !off.has(u.id)).map((u) => u.id);
  let analysisPoints = false;
  const pointSources: string[] = [];
  for (const id of pointUnits) {
    const p = anchors.get(id) as Position;
    frame = union(frame, [p[0], p[1], p[0], p[1]]);
    const f = featureOf.get(id);
    if (f === undefined) analysisPoints = true;
    for (const s of (f?.properties.source ?? '').split('|')) if (s !== '') pointSources.push(s);
  }
  const features: Feature[] = [];
  const trimmed: string[] = [];
  const sources = new Set<string>(pointSources);
  const core: Box | null = frame;
  const widen = core === null ? 0 : Math.max(0.2, 0.1 * Math.max(core[2] - core[0], core[3] - core[1]));
  for (const [id, { kept, far }] of drawnParts) {
    const inside = far.filter((p) => {
      const b = boxOf((p[0] ?? []).filter(isPosition));
      return core !== null && b !== null && b[0] >= core[0] - widen && b[2] <= core[2] + widen && b[1] >= core[1] - widen && b[3] <= core[3] + widen;
    });
    if (inside.length < far.length) trimmed.push(id);
    const all = [...kept, ...inside];
    for (const p of inside) frame = union(frame, boxOf((p[0] ?? []).filter(isPosition)));
    const f = featureOf.get(id) as Feature;
    for (const s of (f.properties.source ?? '').split('|')) if (s !== '') sources.add(s);
    features.push({
      type: 'Feature',
      properties: { region: id, ...(f.properties.source === undefined ? {} : { source: f.properties.source }) },
      geometry: all.length === 1 ? { type: 'Polygon', coordinates: all[0] } : { type: 'MultiPolygon', coordinates: all },
    });
  }
  const box: Box = frame ?? [centre[0] - 1, centre[1] - 1, centre[0] + 1, centre[1] + 1];
  const pad = Math.max(0.05, 0.04 * Math.max(box[2] - box[0], box[3] - box[1]));
  const padded: Box = [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad];
  if (features.length === 0) {
    const [w, s, e, n] = padded;
    features.push({
      type: 'Feature',
      properties: { region: frameRegion },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    });
  }
  const areasDrawn = new Set(features.map((f) => f.properties.region).filter((r) => r !== frameRegion));
  return {
    name: `metrocoop-${key}-${hash([...areasDrawn].join(',') + (trimmed.length > 0 ? `|${trimmed.join(',')}` : ''))}`,
    geoJson: { type: 'FeatureCollection', features },
    areas: areasDrawn,
    pointUnits,
    anchors: new Map([...anchors].filter(([id]) => !off.has(id))),
    unlocated,
    offFrame,
    trimmed,
    frame: [
      [padded[0], padded[3]],
      [padded[2], padded[1]],
    ],
    aspectScale: Math.max(0.3, Math.cos((((padded[1] + padded[3]) / 2) * Math.PI) / 180)),
    sources: [...sources].sort(),
    analysisPoints,
    fromChildren: [...areasDrawn].filter((id) => featureOf.get(id)?.properties.basis === 'children'),
  };
}

/** Whether the layer has anything to draw. */
export const hasMap = (layer: MapLayer): boolean => layer.areas.size > 0 || layer.pointUnits.length > 0;

/**
 * The map of an analysis' units (keyed by metro and unit set), or — when no unit has a boundary or a point — the
 * chart's absence saying so: the first step of every map chart.
 */
export function unitsMapOrAbsence(
  a: Pick<MetroAnalysis, 'metro' | 'unitSet' | 'units'>,
  geometries: UnitGeometries | null | undefined,
  id: string,
  title: LocalizedText,
): MapLayer | ChartAbsence {
  const layer = mapLayer(`${a.metro.id}-${a.unitSet.id}`, a.units, geometries);
  if (hasMap(layer)) return layer;
  return chartAbsence(id, title, {
    en: 'No unit has a boundary or a representative point: there is nothing to draw a map on.',
    zh: '没有任何单元有边界或代表点，无法绘制地图。',
  });
}

/** Whether a map step gave the chart's absence. */
export const isAbsence = (x: MapLayer | ChartAbsence): x is ChartAbsence => 'kind' in x && x.kind === 'absent';

/**
 * The `geo` component of a map chart: the registered map by unit id (`nameProperty: 'region'`), display names
 * through `nameMap`, the frame, areas without a value in grey; no labels (see {@link labelSeries}).
 */
export function geoComponent(layer: MapLayer, names: ReadonlyMap<string, string>, options: { readonly left?: number } = {}): Record<string, unknown> {
  const nameMap: Record<string, string> = {};
  for (const id of layer.areas) nameMap[id] = names.get(id) ?? id;
  return {
    map: layer.name,
    nameProperty: 'region',
    nameMap,
    boundingCoords: layer.frame.map((p) => [...p]),
    aspectScale: layer.aspectScale,
    roam: false,
    left: options.left ?? 24,
    right: 24,
    top: 24,
    bottom: 24,
    itemStyle: { areaColor: gapColor, borderColor: '#ffffff', borderWidth: 0.8 },
    label: { show: false },
    emphasis: { disabled: true },
    regions:
      layer.areas.size === 0 ? [{ name: frameRegion, itemStyle: { areaColor: 'transparent', borderWidth: 0 }, label: { show: false }, silent: true }] : [],
  };
}

/**
 * A series of labels where the units sit (their anchors): the unit's name, and a second line from `extra` (e.g. its
 * value) when given; `null` = no labels (too many units to name). Silent, no symbol, outside any visual map.
 */
export function labelSeries(layer: MapLayer, names: ReadonlyMap<string, string>, extra: ((id: string) => string) | null, show = true): Record<string, unknown> {
  const points = new Set(layer.pointUnits);
  return {
    type: 'scatter',
    coordinateSystem: 'geo',
    geoIndex: 0,
    silent: true,
    symbolSize: 0,
    z: 5,
    data: show
      ? [...layer.anchors.keys()].map((id) => {
          const p = layer.anchors.get(id) as Position;
          const second = extra === null ? '' : extra(id);
          return {
            name: names.get(id) ?? id,
            value: [p[0], p[1]],
            label: { formatter: second === '' ? (names.get(id) ?? id) : `${names.get(id) ?? id}\n${second}`, position: points.has(id) ? 'right' : 'inside' },
          };
        })
      : [],
    label: { show: true, ...haloLabel, distance: 8 },
  };
}

/** The caption's sentence about what the map leaves out or draws otherwise (empty when nothing). */
export function mapNotes(layer: MapLayer, names: ReadonlyMap<string, string>, lang: ChartLanguage, listOf: (xs: readonly string[]) => string): string {
  const n = (ids: readonly string[]) => listOf(ids.map((id) => names.get(id) ?? id));
  const out: string[] = [];
  if (layer.fromChildren.length > 0)
    out.push(
      lang === 'zh'
        ? `按下级地区边界合并绘制（内部线条为下级地区界线）：${n(layer.fromChildren)}。`
        : `Drawn from the boundaries of their child regions (the inner lines are those regions' borders): ${n(layer.fromChildren)}.`,
    );
  if (layer.pointUnits.length > 0 && layer.areas.size > 0)
    out.push(lang === 'zh' ? `无边界、以代表点绘制：${n(layer.pointUnits)}。` : `Drawn as points (no boundary): ${n(layer.pointUnits)}.`);
  if (layer.unlocated.length > 0)
    out.push(
      lang === 'zh'
        ? `${layer.unlocated.length} 个单元既无边界也无代表点，未绘制：${n(layer.unlocated)}。`
        : `${layer.unlocated.length} ${layer.unlocated.length === 1 ? 'unit has' : 'units have'} neither a boundary nor a point and ${layer.unlocated.length === 1 ? 'is' : 'are'} not drawn: ${n(layer.unlocated)}.`,
    );
  if (layer.offFrame.length > 0)
    out.push(lang === 'zh' ? `远离主体、未纳入图幅：${n(layer.offFrame)}。` : `Far off and outside the frame: ${n(layer.offFrame)}.`);
  if (layer.trimmed.length > 0)
    out.push(lang === 'zh' ? `远离主体的小岛未绘出：${n(layer.trimmed)}。` : `Far-off small islands not drawn: ${n(layer.trimmed)}.`);
  if (layer.sources.length > 0)
    out.push(lang === 'zh' ? `边界与位置来源：${layer.sources.join('、')}。` : `Boundaries and points: ${layer.sources.join(', ')}.`);
  if (layer.analysisPoints)
    out.push(
      lang === 'zh' ? '无边界数据的单元画在分析所用的代表点上。' : 'Units without geometry data are drawn at the representative points the analysis uses.',
    );
  return out.join(lang === 'zh' ? '' : ' ');
}
