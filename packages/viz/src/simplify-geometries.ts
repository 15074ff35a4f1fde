/**
 * Boundaries simplified for a screen: the Douglas–Peucker algorithm on every ring of every (multi)polygon and on
 * every line, with one tolerance for the whole map — by default half a pixel when the map's longer side is drawn
 * 1,000 px wide (`extent / 2000`), so the outline a reader sees does not change while most points go (the three
 * provinces of JJJ: 18,567 points in the stored boundaries). Coordinates are kept as they are (no rounding); a ring
 * keeps its first and last point and at least four points, and a ring the tolerance would flatten is kept whole, so
 * no unit and no island disappears. Neighbours are simplified apart, so a shared border may differ by up to the
 * tolerance on either side — by design below a pixel. Points and unknown geometry types pass through unchanged.
 * Work is linear in the points kept plus n log n at worst per ring (an explicit stack, a typed-array mask).
 */
import type { UnitGeometries } from './chart.ts';

type Position = readonly number[];
type Ring = readonly Position[];

/** Options of {@link simplifyGeometries}. */
export interface SimplifyOptions {
  /** Largest distance, in coordinate units, between the outline and a dropped point (default: extent / 2000). */
  readonly tolerance?: number;
}

/** What {@link simplifyGeometries} did. */
export interface SimplifiedGeometries {
  readonly geometries: UnitGeometries;
  /** The tolerance used, in coordinate units. */
  readonly tolerance: number;
  readonly pointsBefore: number;
  readonly pointsAfter: number;
}

/** The points of `line` that Douglas–Peucker keeps at `tolerance` (first and last always). */
export function simplifyLine(line: Ring, tolerance: number): Position[] {
  const n = line.length;
  if (n <= 2 || !(tolerance > 0)) return line.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const limit = tolerance * tolerance;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop() as number;
    const first = stack.pop() as number;
    const a = line[first] as Position;
    const b = line[last] as Position;
    const ax = a[0] as number;
    const ay = a[1] as number;
    const dx = (b[0] as number) - ax;
    const dy = (b[1] as number) - ay;
    const length2 = dx * dx + dy * dy;
    let far = -1;
    let farDistance = limit;
    for (let i = first + 1; i < last; i++) {
      const p = line[i] as Position;
      const px = (p[0] as number) - ax;
      const py = (p[1] as number) - ay;
      let d2: number;
      if (length2 === 0) d2 = px * px + py * py;
      else {
        // Distance to the segment (not the infinite line): a closed ring's first and last points coincide.
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
        const ex = px - t * dx;
        const ey = py - t * dy;
        d2 = ex * ex + ey * ey;
      }
      if (d2 > farDistance) {
        farDistance = d2;
        far = i;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push(first, far, far, last);
    }
  }
  const out: Position[] = [];
  for (let i = 0; i < n; i++) if (keep[i] === 1) out.push(line[i] as Position);
  return out;
}

/** A ring simplified, or kept whole when simplifying would leave fewer than four points. */
function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const out = simplifyLine(ring, tolerance);
  return out.length >= 4 ? out : ring;
}

function countPoints(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  let n = 0;
  for (const c of coordinates) n += countPoints(c);
  return n;
}

function extentOf(geometries: UnitGeometries): number {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const x = c[0] as number;
      const y = c[1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      return;
    }
    for (const child of c) visit(child);
  };
  for (const f of geometries.features) visit(f.geometry.coordinates);
  return Number.isFinite(minX) ? Math.max(maxX - minX, maxY - minY) : 0;
}

function simplifyGeometry(geometry: { readonly type: string; readonly coordinates: unknown }, tolerance: number): { type: string; coordinates: unknown } {
  const { type, coordinates } = geometry;
  switch (type) {
    case 'LineString':
      return { type, coordinates: simplifyLine(coordinates as Ring, tolerance) };
    case 'MultiLineString':
    case 'Polygon':
      return { type, coordinates: (coordinates as Ring[]).map((r) => (type === 'Polygon' ? simplifyRing(r, tolerance) : simplifyLine(r, tolerance))) };
    case 'MultiPolygon':
      return { type, coordinates: (coordinates as Ring[][]).map((polygon) => polygon.map((r) => simplifyRing(r, tolerance))) };
    default:
      return { type, coordinates };
  }
}

/** The features of `geometries` with simplified outlines (see the module comment); the input is not changed. */
export function simplifyGeometries(geometries: UnitGeometries, options: SimplifyOptions = {}): SimplifiedGeometries {
  const tolerance = options.tolerance ?? extentOf(geometries) / 2000;
  let before = 0;
  let after = 0;
  const features = geometries.features.map((f) => {
    const geometry = simplifyGeometry(f.geometry, tolerance);
    before += countPoints(f.geometry.coordinates);
    after += countPoints(geometry.coordinates);
    return { ...f, geometry };
  });
  return { geometries: { ...geometries, features }, tolerance, pointsBefore: before, pointsAfter: after };
}
