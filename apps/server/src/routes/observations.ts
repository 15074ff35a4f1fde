/**
 * GET /api/observations?metro=&unitSet=&year=&indicator=&classification=&region=&limit=&offset=: stored numbers,
 * each with its unit, year, source and vintage (withheld cells as `value: null, withheld: true` — gaps stay gaps),
 * paged (`limit` ≤ the server's row limit) with the total count.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { resolveMetroId, vintageKinds } from '@metrocoop/data';
import type { RouteModule } from '../context.ts';
import { ApiError } from '../errors.ts';
import { serverMessages } from '../messages.ts';
import { columnList, modelRow } from '../rows.ts';
import { errorResponses, pagingQuery, summary } from '../schemas.ts';

const observationSchema = z
  .object({
    region: z.string(),
    year: z.number().int(),
    indicator: z.string(),
    classification: z.string().nullable(),
    industry: z.string().nullable(),
    value: z.number().nullable().openapi({ description: 'in the canonical unit; null when withheld' }),
    unit: z.string(),
    valueOriginal: z.number().nullable(),
    unitOriginal: z.string(),
    source: z.string(),
    vintage: z.enum(vintageKinds),
    vintageDate: z.string().nullable(),
    withheld: z.boolean(),
    breakInSeries: z.boolean(),
    estimated: z.boolean(),
    note: z.string().nullable(),
    dataset: z.string(),
  })
  .openapi('Observation');

const id = z.string().min(1).max(200);

export const registerObservationRoutes: RouteModule = (app, deps) => {
  const route = createRoute({
    method: 'get',
    path: '/api/observations',
    tags: ['data'],
    ...summary('Observations with filters, paged', '按条件查询观测值（分页）'),
    request: {
      query: z.object({
        metro: id.optional().openapi({ description: 'metro id: its members and unit-set members', example: 'jjj' }),
        unitSet: id
          .optional()
          .openapi({ description: 'a unit set of the metro: its members only (needs metro); also its indicator and classification unless given' }),
        region: id.optional().openapi({ description: 'one region id' }),
        year: z.coerce.number().int().min(1900).max(2100).optional(),
        indicator: id.optional().openapi({ example: 'employment' }),
        classification: id.optional().openapi({ description: 'a classification id, or `none` for totals only' }),
        ...pagingQuery(deps.limits.rows, 1000),
      }),
    },
    responses: {
      200: {
        description: 'A page of observations',
        content: {
          'application/json': {
            schema: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), observations: z.array(observationSchema) }),
          },
        },
      },
      ...errorResponses(404),
    },
  });

  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    if (q.unitSet !== undefined && q.metro === undefined)
      throw new ApiError(400, 'INVALID_REQUEST', serverMessages.unitSetNeedsMetro, [{ path: 'unitSet', message: 'needs metro' }]);
    const metro = q.metro === undefined ? undefined : await resolveMetroId(deps.store, q.metro);
    const key = `observations:${JSON.stringify([metro, q.unitSet, q.region, q.year, q.indicator, q.classification, q.limit, q.offset])}`;
    const page = await deps.cache.get(key, async () => {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const param = (v: string | number): string => {
        params.push(v);
        return `$${params.length}`;
      };
      let indicator = q.indicator;
      let classification = q.classification;
      if (metro !== undefined && q.unitSet !== undefined) {
        const sets = await deps.store.rows(`SELECT DISTINCT id, indicator, classification FROM unit_sets WHERE metro = $1 ORDER BY id`, [metro]);
        const set = sets.find((s) => s.id === q.unitSet);
        if (set === undefined) {
          throw new ApiError(
            404,
            'UNKNOWN_UNIT_SET',
            serverMessages.unknownUnitSet(
              metro,
              q.unitSet,
              sets.map((s) => String(s.id)),
            ),
          );
        }
        // A user metro's unit set may say `auto`: then the data decide, and no filter is added for it.
        if (indicator === undefined && set.indicator !== 'auto') indicator = String(set.indicator);
        if (classification === undefined && set.classification !== 'auto') classification = String(set.classification);
        where.push(`region IN (SELECT region FROM unit_set_members WHERE metro = ${param(metro)} AND unit_set = ${param(q.unitSet)})`);
      } else if (metro !== undefined) {
        const p = param(metro);
        where.push(`region IN (SELECT region FROM metro_members WHERE metro = ${p} UNION SELECT region FROM unit_set_members WHERE metro = ${p})`);
      }
      if (q.region !== undefined) where.push(`region = ${param(q.region)}`);
      if (q.year !== undefined) where.push(`year = ${param(q.year)}`);
      if (indicator !== undefined) where.push(`indicator = ${param(indicator)}`);
      if (classification === 'none') where.push('classification IS NULL');
      else if (classification !== undefined) where.push(`classification = ${param(classification)}`);
      const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = Number((await deps.store.rows(`SELECT count(*)::INTEGER AS n FROM observations ${filter}`, params))[0]?.n ?? 0);
      const rows = await deps.store.rows(
        `SELECT ${columnList('observations')} FROM observations ${filter}
         ORDER BY region, indicator, classification NULLS FIRST, industry NULLS FIRST, year, source, vintage, dataset
         LIMIT ${q.limit} OFFSET ${q.offset}`,
        params,
      );
      return { total, observations: rows.map((r) => modelRow('observations', r) as z.infer<typeof observationSchema>) };
    });
    return c.json({ total: page.total, limit: q.limit, offset: q.offset, observations: page.observations }, 200);
  });
};
