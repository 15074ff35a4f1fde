/** GET /api/health: the server is up, its version, uptime and the store's schema version (never the store's path). */
import { createRoute, z } from '@hono/zod-openapi';
import type { RouteModule } from '../context.ts';
import { errorResponses, summary } from '../schemas.ts';
import { metrocoopVersion } from '../version.ts';

const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string().openapi({ example: '0.1.0' }),
    uptimeSeconds: z.number().openapi({ description: 'seconds since the server process started' }),
    store: z.object({
      open: z.boolean(),
      schemaVersion: z.number().int().nullable(),
    }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  ...summary('Health: version, uptime, store state', '健康检查：版本、运行时长、数据库状态'),
  responses: { 200: { description: 'The server is up', content: { 'application/json': { schema: healthSchema } } }, ...errorResponses() },
});

export const registerHealthRoutes: RouteModule = (app, deps) => {
  app.openapi(route, async (c) => {
    const open = deps.store.isOpen;
    // The schema version changes only when the store is migrated, which happens at start: read it once per data version.
    const schemaVersion = open ? await deps.cache.get('schema-version', () => deps.store.schemaVersion()) : null;
    return c.json(
      { status: 'ok' as const, version: metrocoopVersion(), uptimeSeconds: Math.round(process.uptime() * 10) / 10, store: { open, schemaVersion } },
      200,
    );
  });
};
