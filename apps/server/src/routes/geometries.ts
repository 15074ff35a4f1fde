/**
 * The geometry route: the map features of a metro's analysis units (`loadUnitGeometries` of the data package), the
 * GeoJSON the dashboard registers with ECharts before it draws a map. `detail=screen` simplifies the outlines for a
 * screen (packages/viz, simplify-geometries.ts: at most half a pixel off on a map 1,000 px across), which is what the
 * dashboard asks for; the default `full` gives the stored boundaries as they are. Cached by metro, unit set and
 * detail (cleared on any write, like every result).
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { loadUnitGeometries, resolveMetroId } from '@metrocoop/data';
import { simplifyGeometries } from '@metrocoop/viz';
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
    detail: z.enum(['full', 'screen']),
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
      detail: z.enum(['full', 'screen']).default('full').openapi({
        description:
          'full (default): the stored boundaries as they are; screen: outlines simplified (Douglas–Peucker) to within half a pixel of a map 1,000 px across — what the dashboard draws',
      }),
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
    const q = c.req.valid('query');
    const units = q.units ?? 'default';
    const full = () => deps.cache.get(`geometries:${id}:${JSON.stringify(units)}`, () => loadUnitGeometries(deps.store, id, { units }));
    const loaded =
      q.detail === 'full'
        ? await full()
        : await deps.cache.get(`geometries-screen:${id}:${JSON.stringify(units)}`, async () => {
            const stored = await full();
            return { ...stored, geometries: simplifyGeometries(stored.geometries).geometries };
          });
    return c.json({ metro: id, unitSet: units, detail: q.detail, ...loaded } as never, 200);
  });
};
