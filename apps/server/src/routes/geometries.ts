/**
 * The geometry route: the map features of a metro's analysis units (`loadUnitGeometries` of the data package), the
 * GeoJSON the dashboard registers with ECharts before it draws a map. Cached by metro and unit set (cleared on any
 * write, like every result).
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { loadUnitGeometries, resolveMetroId } from '@metrocoop/data';
import type { RouteModule, ServerDeps } from '../context.ts';
import { errorResponses, summary } from '../schemas.ts';
import { metroParams } from './compute.ts';

const text = z.object({ en: z.string(), zh: z.string() });

const featureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    region: z.string(),
    source: z.string(),
    basis: z.enum(['boundary', 'children', 'point', 'child-points']).openapi({ description: 'how the feature was obtained' }),
  }),
  geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
});

/** The response: the features, the units without any, the sources of the boundaries and points, notes. */
export const unitGeometriesResponseSchema = z
  .object({
    metro: z.string(),
    unitSet: z.string(),
    geometries: z.object({ type: z.literal('FeatureCollection'), features: z.array(featureSchema) }),
    missing: z.array(z.string()).openapi({ description: 'units with neither a boundary nor a point' }),
    sources: z.array(z.string()),
    notes: z.array(text),
  })
  .openapi('UnitGeometries');

const geometriesRoute = createRoute({
  method: 'get',
  path: '/api/metros/{id}/geometries',
  tags: ['metros'],
  ...summary('The map features (GeoJSON) of a metro’s analysis units', '都市圈分析单元的地图要素（GeoJSON）'),
  request: {
    params: metroParams,
    query: z.object({
      units: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: 'unit set of the metro (default: the metro’s default unit set)', example: 'default' }),
    }),
  },
  responses: {
    200: { description: 'one GeoJSON feature per unit with a boundary or a point', content: { 'application/json': { schema: unitGeometriesResponseSchema } } },
    ...errorResponses(404),
  },
});

/** Registers `GET /api/metros/{id}/geometries`. */
export const registerGeometryRoutes: RouteModule = (app: OpenAPIHono, deps: ServerDeps) => {
  app.openapi(geometriesRoute, async (c) => {
    const id = await resolveMetroId(deps.store, c.req.valid('param').id);
    const units = c.req.valid('query').units ?? 'default';
    const loaded = await deps.cache.get(`geometries:${id}:${JSON.stringify(units)}`, () => loadUnitGeometries(deps.store, id, { units }));
    return c.json({ metro: id, unitSet: units, ...loaded } as never, 200);
  });
};
