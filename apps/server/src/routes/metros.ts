/**
 * GET /api/metros (embedded and user-defined, with members, unit sets, indicators and sources) and
 * GET /api/metros/{id} (one metro with its members). Cached by the data version.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { listMetroOrigins, listMetros, type MetroOrigin, showMetro } from '@metrocoop/data';
import type { RouteModule, ServerDeps } from '../context.ts';
import { errorResponses, mutable, summary } from '../schemas.ts';

const unitSetSchema = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  isDefault: z.boolean(),
  indicator: z.string(),
  classification: z.string(),
  years: z.array(z.number().int()),
  memberCount: z.number().int(),
  noteEn: z.string().nullable(),
  noteZh: z.string().nullable(),
});

const indicatorSchema = z.object({
  indicator: z.string(),
  classifications: z.array(z.string().nullable()).openapi({ description: 'classifications it is broken down by (null = totals)' }),
  years: z.array(z.number().int()),
  observations: z.number().int(),
  regions: z.number().int(),
});

const metroSummaryShape = {
  id: z.string().openapi({ example: 'jjj' }),
  nameZh: z.string(),
  nameEn: z.string(),
  country: z.string(),
  origin: z.enum(['embedded', 'user']).openapi({ description: 'embedded (shipped) or user (added by a user)' }),
  dataset: z.string(),
  defaultUnitSet: z.string(),
  noteEn: z.string().nullable(),
  noteZh: z.string().nullable(),
  memberCount: z.number().int(),
  regionCounts: z.record(z.string(), z.number().int()),
  ringCounts: z.record(z.string(), z.number().int()),
  unitSets: z.array(unitSetSchema),
  indicators: z.array(indicatorSchema),
  observationCount: z.number().int(),
  sources: z.array(z.string()),
};

const metroSummarySchema = z.object(metroSummaryShape).openapi('MetroSummary');

const metroDetailSchema = z
  .object({
    ...metroSummaryShape,
    members: z.array(
      z.object({
        region: z.string(),
        nameZh: z.string().nullable(),
        nameEn: z.string(),
        level: z.string(),
        parent: z.string().nullable(),
        ring: z.string(),
      }),
    ),
    unitSetMembers: z.record(z.string(), z.array(z.string())),
    knowledgeCount: z.number().int(),
  })
  .openapi('MetroDetail');

export const metroIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'jjj', description: 'metro id (case-insensitive)' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/metros',
  tags: ['metros'],
  ...summary('List metros (embedded and user-defined)', '列出都市圈（内置的与用户定义的）'),
  responses: {
    200: { description: 'Every metro', content: { 'application/json': { schema: z.object({ metros: z.array(metroSummarySchema) }) } } },
    ...errorResponses(),
  },
});

const showRoute = createRoute({
  method: 'get',
  path: '/api/metros/{id}',
  tags: ['metros'],
  ...summary('One metro: members by ring, unit sets, indicators, sources', '单个都市圈：各圈层成员、单元集、指标、来源'),
  request: { params: metroIdParam },
  responses: {
    200: { description: 'The metro', content: { 'application/json': { schema: metroDetailSchema } } },
    ...errorResponses(404),
  },
});

async function origins(deps: ServerDeps): Promise<Map<string, MetroOrigin>> {
  const list = await deps.cache.get('metro-origins', () => listMetroOrigins(deps.store));
  return new Map(list.map((m) => [m.id, m]));
}

const originOf = (map: Map<string, MetroOrigin>, id: string) => {
  const o = map.get(id);
  return { origin: o?.origin ?? ('embedded' as const), dataset: o?.dataset ?? 'default' };
};

export const registerMetroRoutes: RouteModule = (app, deps) => {
  app.openapi(listRoute, async (c) => {
    const [metros, byId] = [await deps.cache.get('metros', () => listMetros(deps.store)), await origins(deps)];
    return c.json({ metros: metros.map((m) => mutable({ ...m, ...originOf(byId, m.id) })) }, 200);
  });
  app.openapi(showRoute, async (c) => {
    const { id } = c.req.valid('param');
    const metro = await deps.cache.get(`metro:${id.toLowerCase()}`, () => showMetro(deps.store, id));
    const byId = await origins(deps);
    return c.json(mutable({ ...metro, ...originOf(byId, metro.id) }), 200);
  });
};
