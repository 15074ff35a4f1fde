/**
 * GET /api/regions?metro=&level=&limit=&offset= (regions, optionally of one metro — members and unit-set members —
 * with their ring) and GET /api/regions/{id} (one region: names, parent, metros, indicators with years and sources,
 * and its gaps). A region listed in several datasets is shown once, the embedded dataset's row first.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { regionLevels, resolveMetroId, showRegion } from '@metrocoop/data';
import type { RouteModule } from '../context.ts';
import { modelRow } from '../rows.ts';
import { errorResponses, mutable, pagingQuery, summary } from '../schemas.ts';

const regionSchema = z
  .object({
    id: z.string(),
    nameZh: z.string().nullable(),
    nameEn: z.string(),
    nameLocal: z.string().nullable(),
    level: z.string(),
    parent: z.string().nullable(),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    areaKm2: z.number().nullable(),
    source: z.string().nullable(),
    dataset: z.string(),
    ring: z.string().nullable().openapi({ description: 'ring in the metro (core, inner, outer); null when not asked for a metro or not a member' }),
  })
  .openapi('Region');

const regionDetailSchema = z
  .object({
    id: z.string(),
    nameZh: z.string().nullable(),
    nameEn: z.string(),
    nameLocal: z.string().nullable(),
    level: z.string(),
    parent: z.object({ id: z.string(), nameEn: z.string().nullable(), nameZh: z.string().nullable() }).nullable(),
    childCount: z.number().int(),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    areaKm2: z.number().nullable(),
    source: z.string().nullable(),
    metros: z.array(z.object({ metro: z.string(), ring: z.string() })),
    unitSets: z.array(z.object({ metro: z.string(), unitSet: z.string() })),
    indicators: z.array(
      z.object({
        indicator: z.string(),
        classification: z.string().nullable(),
        unit: z.string(),
        years: z.array(z.number().int()),
        sources: z.array(z.string()),
        vintages: z.array(z.string()),
        observations: z.number().int(),
        withheld: z.number().int(),
      }),
    ),
    gaps: z.array(
      z.object({
        indicator: z.string(),
        classification: z.string().nullable(),
        year: z.number().int(),
        industry: z.string().nullable(),
        kind: z.enum(['withheld', 'missing-year']),
      }),
    ),
    hasGeometry: z.boolean(),
  })
  .openapi('RegionDetail');

export const registerRegionRoutes: RouteModule = (app, deps) => {
  const listRoute = createRoute({
    method: 'get',
    path: '/api/regions',
    tags: ['regions'],
    ...summary('List regions, optionally of one metro and one level', '列出地区（可按都市圈与层级筛选）'),
    request: {
      query: z.object({
        metro: z.string().min(1).max(100).optional().openapi({ description: 'metro id: its members and unit-set members', example: 'jjj' }),
        level: z.enum(regionLevels).optional().openapi({ description: 'region level' }),
        ...pagingQuery(deps.limits.rows, 1000),
      }),
    },
    responses: {
      200: {
        description: 'A page of regions',
        content: {
          'application/json': {
            schema: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), regions: z.array(regionSchema) }),
          },
        },
      },
      ...errorResponses(404),
    },
  });

  const showRoute = createRoute({
    method: 'get',
    path: '/api/regions/{id}',
    tags: ['regions'],
    ...summary('One region: indicators with years and sources, gaps', '单个地区：指标（年份与来源）、数据缺口'),
    request: {
      params: z.object({
        id: z
          .string()
          .min(1)
          .max(100)
          .openapi({ param: { name: 'id', in: 'path' }, example: 'CN-11' }),
      }),
    },
    responses: {
      200: { description: 'The region', content: { 'application/json': { schema: regionDetailSchema } } },
      ...errorResponses(404),
    },
  });

  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const metro = q.metro === undefined ? undefined : await resolveMetroId(deps.store, q.metro);
    const result = await deps.cache.get(`regions:${JSON.stringify([metro, q.level, q.limit, q.offset])}`, async () => {
      const where: string[] = [];
      const params: string[] = [];
      if (metro !== undefined) {
        params.push(metro);
        where.push(`r.id IN (SELECT region FROM metro_members WHERE metro = $1 UNION SELECT region FROM unit_set_members WHERE metro = $1)`);
      }
      if (q.level !== undefined) {
        params.push(q.level);
        where.push(`r.level = $${params.length}`);
      }
      const base = `FROM (SELECT DISTINCT ON (id) * FROM regions ORDER BY id, dataset = 'default' DESC) r ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
      const ring = metro === undefined ? 'NULL::VARCHAR AS ring' : `(SELECT min(m.ring) FROM metro_members m WHERE m.metro = $1 AND m.region = r.id) AS ring`;
      const total = Number((await deps.store.rows(`SELECT count(*)::INTEGER AS n ${base}`, params))[0]?.n ?? 0);
      const rows = await deps.store.rows(`SELECT r.*, ${ring} ${base} ORDER BY r.id LIMIT ${q.limit} OFFSET ${q.offset}`, params);
      return { total, rows };
    });
    const regions = result.rows.map((r) => ({ ...(modelRow('regions', r) as z.infer<typeof regionSchema>), ring: r.ring === null ? null : String(r.ring) }));
    return c.json({ total: result.total, limit: q.limit, offset: q.offset, regions }, 200);
  });

  app.openapi(showRoute, async (c) => {
    const { id } = c.req.valid('param');
    const region = await deps.cache.get(`region:${id}`, () => showRegion(deps.store, id));
    return c.json(mutable(region), 200);
  });
};
