/**
 * GET /api/classifications (each classification with its levels and industry count) and
 * GET /api/classifications/{id} (with its industries).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { NotFoundError } from '@metrocoop/core/errors';
import type { RouteModule } from '../context.ts';
import { columnList, modelRow } from '../rows.ts';
import { errorResponses, summary } from '../schemas.ts';

const classificationShape = {
  id: z.string().openapi({ example: 'GB4754-2017' }),
  nameEn: z.string(),
  nameZh: z.string(),
  levels: z.array(z.string()),
  source: z.string().nullable(),
  dataset: z.string(),
  industries: z.number().int().openapi({ description: 'number of industry codes' }),
};

const industrySchema = z
  .object({
    classification: z.string(),
    code: z.string(),
    nameZh: z.string().nullable(),
    nameEn: z.string().nullable(),
    nameLocal: z.string().nullable(),
    level: z.string(),
    parent: z.string().nullable(),
    dataset: z.string(),
  })
  .openapi('Industry');

const listRoute = createRoute({
  method: 'get',
  path: '/api/classifications',
  tags: ['reference'],
  ...summary('List industry classifications', '列出行业分类'),
  responses: {
    200: {
      description: 'Every classification',
      content: { 'application/json': { schema: z.object({ classifications: z.array(z.object(classificationShape).openapi('Classification')) }) } },
    },
    ...errorResponses(),
  },
});

const showRoute = createRoute({
  method: 'get',
  path: '/api/classifications/{id}',
  tags: ['reference'],
  ...summary('One classification with its industries', '单个行业分类及其行业'),
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: 'The classification',
      content: { 'application/json': { schema: z.object({ ...classificationShape, industryList: z.array(industrySchema) }) } },
    },
    ...errorResponses(404),
  },
});

type ClassificationOut = z.infer<z.ZodObject<typeof classificationShape>>;

export const registerClassificationRoutes: RouteModule = (app, deps) => {
  const list = () =>
    deps.cache.get('classifications', async () => {
      const rows = await deps.store.rows(
        `SELECT c.*, (SELECT count(DISTINCT code)::INTEGER FROM industries i WHERE i.classification = c.id) AS industries
         FROM (SELECT DISTINCT ON (id) ${columnList('classifications')} FROM classifications ORDER BY id, dataset = 'default' DESC) c ORDER BY c.id`,
      );
      return rows.map((r) => ({ ...modelRow('classifications', r), industries: Number(r.industries) }) as ClassificationOut);
    });

  app.openapi(listRoute, async (c) => c.json({ classifications: await list() }, 200));

  app.openapi(showRoute, async (c) => {
    const { id } = c.req.valid('param');
    const all = await list();
    const found = all.find((x) => x.id === id) ?? all.find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (found === undefined) {
      const known = all.map((x) => x.id).join(', ');
      throw new NotFoundError(
        { en: `Unknown classification ${JSON.stringify(id)}; known: ${known}.`, zh: `未知的行业分类 ${JSON.stringify(id)}；已有：${known}。` },
        { id },
        'UNKNOWN_CLASSIFICATION',
      );
    }
    const industries = await deps.cache.get(`industries:${found.id}`, async () => {
      const rows = await deps.store.rows(
        `SELECT DISTINCT ON (code) ${columnList('industries')} FROM industries WHERE classification = $1 ORDER BY code, dataset = 'default' DESC`,
        [found.id],
      );
      return rows.map((r) => modelRow('industries', r) as z.infer<typeof industrySchema>);
    });
    return c.json({ ...found, industryList: industries }, 200);
  });
};
