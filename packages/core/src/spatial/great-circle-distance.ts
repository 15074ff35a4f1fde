/**
 * Great-circle distance on a sphere by the haversine formula (numerically stable for short distances).
 * Reference: Sinnott R.W. (1984) "Virtues of the haversine", Sky and Telescope 68(2), 159. Mean Earth radius
 * 6,371.0088 km (IUGG mean radius R₁; Moritz 2000, Geodetic Reference System 1980). Error vs the ellipsoid ≤ 0.5 %.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import { spatialMessages } from './messages.ts';

/** A point in degrees (WGS 84 longitude and latitude). */
export interface GeoPoint {
  readonly lon: number;
  readonly lat: number;
}

/** A labelled point, e.g. a city seat. */
export interface LabelledGeoPoint extends GeoPoint {
  readonly label: string;
}

/** Options of the great-circle functions. */
export interface GreatCircleOptions {
  /** Sphere radius in km. Default 6,371.0088 (IUGG mean Earth radius); must be > 0. */
  readonly radiusKm?: number;
}

/** Defaults of {@link GreatCircleOptions}. */
export const defaultGreatCircleOptions = { radiusKm: 6371.0088 } as const satisfies Required<GreatCircleOptions>;

const rad = Math.PI / 180;

function checkPoint(fn: string, p: GeoPoint, name: string): void {
  if (!(Math.abs(p.lat) <= 90))
    throw new InvalidInputError(spatialMessages.badCoordinate(fn, `latitude of ${name}`, p.lat, '[−90, 90]'), { lat: p.lat }, 'INVALID_COORDINATE');
  if (!(Math.abs(p.lon) <= 180))
    throw new InvalidInputError(spatialMessages.badCoordinate(fn, `longitude of ${name}`, p.lon, '[−180, 180]'), { lon: p.lon }, 'INVALID_COORDINATE');
}

function radiusOf(fn: string, options: GreatCircleOptions): number {
  const r = options.radiusKm ?? defaultGreatCircleOptions.radiusKm;
  if (!(r > 0 && Number.isFinite(r)))
    throw new InvalidInputError(spatialMessages.invalidOption(fn, 'radiusKm', r, 'a finite number > 0'), undefined, 'INVALID_OPTION');
  return r;
}

/** Haversine on radians; internal. */
function haversine(lon1: number, lat1: number, lon2: number, lat2: number, radius: number): number {
  const s1 = Math.sin((lat2 - lat1) / 2);
  const s2 = Math.sin((lon2 - lon1) / 2);
  const h = s1 * s1 + Math.cos(lat1) * Math.cos(lat2) * s2 * s2;
  return 2 * radius * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Great-circle distance in km between two points: `2R·asin(√(sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2)))`.
 *
 * Throws `InvalidInputError` `INVALID_COORDINATE` (latitude outside ±90, longitude outside ±180, NaN) and
 * `INVALID_OPTION` (radius).
 *
 * @example
 * greatCircleDistance({ lon: 116.405, lat: 39.905 }, { lon: 117.190, lat: 39.126 }); // ≈ 110 (Beijing–Tianjin)
 */
export function greatCircleDistance(a: GeoPoint, b: GeoPoint, options: GreatCircleOptions = {}): number {
  const fn = 'greatCircleDistance';
  checkPoint(fn, a, 'a');
  checkPoint(fn, b, 'b');
  return haversine(a.lon * rad, a.lat * rad, b.lon * rad, b.lat * rad, radiusOf(fn, options));
}

/**
 * Symmetric matrix of great-circle distances (km) between labelled points, 0 on the diagonal. Errors as
 * {@link greatCircleDistance}. Cost n²/2 haversines.
 *
 * @example
 * greatCircleDistanceMatrix([{ label: 'BJ', lon: 116.4, lat: 39.9 }, { label: 'TJ', lon: 117.2, lat: 39.1 }]);
 */
export function greatCircleDistanceMatrix(points: readonly LabelledGeoPoint[], options: GreatCircleOptions = {}): LabelledMatrix {
  const fn = 'greatCircleDistanceMatrix';
  const radius = radiusOf(fn, options);
  const n = points.length;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  points.forEach((p, k) => {
    checkPoint(fn, p, JSON.stringify(p.label));
    lon[k] = p.lon * rad;
    lat[k] = p.lat * rad;
  });
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = haversine(lon[i] as number, lat[i] as number, lon[j] as number, lat[j] as number, radius);
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  const labels = points.map((p) => p.label);
  return labelledMatrix(labels, labels, d);
}
