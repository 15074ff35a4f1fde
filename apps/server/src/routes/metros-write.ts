/**
 * The metro write routes: add a user metro from a definition (the JSON of `metrocoop metro add`, docs/own-metro.md),
 * remove one. The definition is checked by the data package (every problem with its JSON path, in both languages)
 * and written by the server to a temp folder under names it chooses (`definition.json`, `travel-times.csv`): a
 * definition names its travel-time CSV by a file path, which a request may not do, so the API takes the CSV's text
 * in `travelTimesCsv` beside the definition instead. Both run as the only writer and clear the result cache.
 */
import { writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { InvalidInputError, type LocalizedText } from '@metrocoop/core';
import { addMetro, MetroDefinitionError, metroDefinitionJsonSchema, removeMetro } from '@metrocoop/data';
import type { RouteModule, ServerDeps } from '../context.ts';
import { ApiError, requestLanguage } from '../errors.ts';
import { errorResponses, summary } from '../schemas.ts';
import { metroParams } from './compute.ts';
import { replaceInStrings, withTempFolder } from './datasets.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The messages of these routes (English and Chinese). */
export const metroWriteMessages = {
  notJson: t(
    'The body is not a JSON object: send the metro definition (docs/own-metro.md) as JSON.',
    '请求体不是 JSON 对象：请以 JSON 发送都市圈定义（见 docs/own-metro.md）。',
  ),
  mediaType: (got: string) =>
    t(
      `Send the metro definition as application/json (got Content-Type ${JSON.stringify(got)}).`,
      `请以 application/json 发送都市圈定义（得到 Content-Type ${JSON.stringify(got)}）。`,
    ),
  travelFile: t(
    'This server reads no file named in a request: send the travel-time CSV as text in "travelTimesCsv" beside the definition (columns from,to,minutes,mode,source).',
    '服务器不读取请求中指定的文件：请将通行时间 CSV 的文本放在定义旁的 "travelTimesCsv" 中发送（列 from,to,minutes,mode,source）。',
  ),
  travelNotText: t('"travelTimesCsv" must be the text of the travel-time CSV.', '"travelTimesCsv" 应为通行时间 CSV 的文本。'),
  tooLarge: (bytes: number, limit: number) =>
    t(`The definition has ${bytes} bytes; this server accepts at most ${limit}.`, `定义有 ${bytes} 字节；本服务器最多接受 ${limit} 字节。`),
} as const;

/** The definition's JSON Schema as an OpenAPI schema: the definition, plus the travel-time CSV as text. */
function definitionBodySchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = metroDefinitionJsonSchema() as { $schema?: unknown; properties?: Record<string, unknown> } & Record<string, unknown>;
  return {
    ...schema,
    properties: {
      ...(schema.properties ?? {}),
      travelTimes: {
        type: 'object',
        description: 'not read from a file by the API: give the CSV in travelTimesCsv (this key may then be left out)',
        properties: { file: { type: 'string' } },
      },
      travelTimesCsv: { type: 'string', description: 'the travel-time CSV (from,to,minutes,mode,source) as text; replaces travelTimes.file' },
    },
  };
}

const addedSchema = z
  .object({
    id: z.string(),
    dataset: z.string(),
    members: z.number().int(),
    newRegions: z.array(z.string()),
    unitSets: z.array(z.string()),
    defaultUnitSet: z.string(),
    travelTimes: z.number().int(),
    boundaries: z.number().int(),
  })
  .openapi('AddedMetro');

const addRoute = createRoute({
  method: 'post',
  path: '/api/metros',
  tags: ['metros'],
  ...summary('Add a user metro from a definition (as `metrocoop metro add`)', '由定义添加用户都市圈（同 `metrocoop metro add`）'),
  request: {
    body: {
      required: true,
      description:
        'the metro definition (packages/data/schemas/metro-definition.schema.json; docs/own-metro.md), checked by the server with every problem listed',
      content: { 'application/json': { schema: definitionBodySchema() } },
    },
  },
  responses: {
    201: { description: 'added', content: { 'application/json': { schema: addedSchema } } },
    ...errorResponses(413, 415),
    409: { description: 'the id is taken (an embedded metro, or a user metro already added)', content: errorResponses()[400].content },
    422: { description: 'the definition has problems: each with its JSON path (issues); nothing was added', content: errorResponses()[400].content },
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/api/metros/{id}',
  tags: ['metros'],
  ...summary('Remove a user metro (embedded metros cannot be removed)', '删除用户都市圈（内置都市圈不可删除）'),
  request: { params: metroParams },
  responses: {
    200: {
      description: 'removed: rows deleted per table',
      content: { 'application/json': { schema: z.object({ id: z.string(), dataset: z.string(), rows: z.record(z.string(), z.number().int()) }) } },
    },
    ...errorResponses(404),
    409: { description: 'an embedded metro', content: errorResponses()[400].content },
  },
});

/** Codes of a definition that is fine but whose id is taken. */
const conflictCodes = new Set(['EMBEDDED_METRO', 'METRO_EXISTS']);

/** Registers the metro write routes (add, remove). */
export const registerMetroWriteRoutes: RouteModule = (app: OpenAPIHono, deps: ServerDeps) => {
  app.openapi(addRoute, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', metroWriteMessages.mediaType(type));
    const text = await c.req.text();
    if (text.length > deps.limits.bodyBytes) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', metroWriteMessages.tooLarge(text.length, deps.limits.bodyBytes));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'MALFORMED_BODY', metroWriteMessages.notJson);
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'MALFORMED_BODY', metroWriteMessages.notJson);
    const { travelTimesCsv, ...definition } = body as Record<string, unknown>;
    if (travelTimesCsv !== undefined && typeof travelTimesCsv !== 'string')
      throw new ApiError(422, 'INVALID_METRO_DEFINITION', metroWriteMessages.travelNotText, [{ path: '$.travelTimesCsv', code: 'TRAVEL_NOT_TEXT' }]);
    if (travelTimesCsv === undefined && definition.travelTimes !== undefined)
      throw new ApiError(422, 'INVALID_METRO_DEFINITION', metroWriteMessages.travelFile, [{ path: '$.travelTimes.file', code: 'TRAVEL_FILE_NOT_READ' }]);
    if (travelTimesCsv !== undefined) definition.travelTimes = { file: 'travel-times.csv' };
    const lang = requestLanguage(c);
    const added = await deps.write(() =>
      withTempFolder(async (dir) => {
        const file = join(dir, 'definition.json');
        await writeFile(file, JSON.stringify(definition));
        if (travelTimesCsv !== undefined) await writeFile(join(dir, 'travel-times.csv'), travelTimesCsv);
        try {
          return await addMetro(deps.store, file);
        } catch (error) {
          if (!(error instanceof MetroDefinitionError)) throw error;
          // Every problem with its JSON path; the temp folder never shown (the files are definition.json, travel-times.csv).
          const issues = replaceInStrings(error.issues, `${dir}${sep}`, '').map((i) => ({ ...i, message: i.message[lang] }));
          const conflict = issues.length > 0 && issues.every((i) => conflictCodes.has(i.code));
          throw new ApiError(conflict ? 409 : 422, error.code, replaceInStrings(error.messages, `${dir}${sep}`, ''), issues);
        } finally {
          deps.cache.clear();
        }
      }),
    );
    return c.json({ ...added, newRegions: [...added.newRegions], unitSets: [...added.unitSets] }, 201);
  });

  app.openapi(removeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const removed = await deps.write(async () => {
      try {
        return await removeMetro(deps.store, id);
      } catch (error) {
        if (error instanceof InvalidInputError && error.code === 'EMBEDDED_METRO') throw new ApiError(409, error.code, error.messages);
        throw error;
      } finally {
        deps.cache.clear();
      }
    });
    return c.json({ id: removed.id, dataset: removed.dataset, rows: { ...removed.rows } }, 200);
  });
};
