/** GET /api/sources: every source the numbers cite (citation, publisher, table, where found, URL, licence). */
import { createRoute, z } from '@hono/zod-openapi';
import type { RouteModule } from '../context.ts';
import { columnList, modelRow } from '../rows.ts';
import { errorResponses, summary } from '../schemas.ts';

const sourceSchema = z
  .object({
    id: z.string(),
    citation: z.string(),
    publisher: z.string(),
    table: z.string().nullable(),
    whereFound: z.string().nullable(),
    url: z.string().nullable(),
    licence: z.string().nullable(),
    notes: z.string().nullable(),
    dataset: z.string(),
  })
  .openapi('Source');

const route = createRoute({
  method: 'get',
  path: '/api/sources',
  tags: ['reference'],
  ...summary('List the sources of the data', '列出数据来源'),
  request: {
    query: z.object({ dataset: z.string().min(1).max(200).optional().openapi({ description: 'only the sources of this dataset' }) }),
  },
  responses: {
    200: { description: 'Every source', content: { 'application/json': { schema: z.object({ sources: z.array(sourceSchema) }) } } },
    ...errorResponses(),
  },
});

export const registerSourceRoutes: RouteModule = (app, deps) => {
  app.openapi(route, async (c) => {
    const { dataset } = c.req.valid('query');
    const sources = await deps.cache.get(`sources:${dataset ?? ''}`, async () => {
      const rows = await deps.store.rows(
        `SELECT ${columnList('sources')} FROM sources ${dataset === undefined ? '' : 'WHERE dataset = $1'} ORDER BY id, dataset`,
        dataset === undefined ? undefined : [dataset],
      );
      return rows.map((r) => modelRow('sources', r) as z.infer<typeof sourceSchema>);
    });
    return c.json({ sources }, 200);
  });
};
