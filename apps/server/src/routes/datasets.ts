/**
 * The dataset routes: upload a file (CSV, XLSX or Parquet) as a dataset, list the datasets, delete one. An upload
 * is written by the server to a temp file it names itself (`upload.<ext>` in a fresh temp folder: nothing of the
 * request reaches the file system but the bytes), imported with `importFile` as the only writer, and removed. A
 * file with errors comes back as 422 with its whole validation report (every row's problem), and the store is
 * unchanged: the import is one transaction that is never committed. Every write clears the result cache.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { InvalidInputError, type LocalizedText } from '@metrocoop/core';
import {
  DataValidationError,
  datasetNameOf,
  deleteDataset,
  type ImportOptions,
  importFile,
  importFormats,
  listDatasets,
  type ValidationReport,
} from '@metrocoop/data';
import type { RouteModule, ServerDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { errorResponses, summary } from '../schemas.ts';
import { queryYear } from './compute.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The messages of these routes (English and Chinese). */
export const datasetMessages = {
  unknownType: (type: string, name: string | undefined) =>
    t(
      `Cannot tell the upload's format (Content-Type ${JSON.stringify(type)}${name === undefined ? '' : `, name ${JSON.stringify(name)}`}); send text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/vnd.apache.parquet, or name the file (name=hebei-2019.xlsx).`,
      `无法判断上传文件的格式（Content-Type ${JSON.stringify(type)}${name === undefined ? '' : `，文件名 ${JSON.stringify(name)}`}）；请使用 text/csv、application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 或 application/vnd.apache.parquet，或给出文件名（name=hebei-2019.xlsx）。`,
    ),
  empty: t('The upload is empty; send the file as the request body.', '上传内容为空；请将文件作为请求体发送。'),
  tooLarge: (bytes: number, limit: number) =>
    t(`The upload has ${bytes} bytes; this server accepts at most ${limit}.`, `上传文件有 ${bytes} 字节；本服务器最多接受 ${limit} 字节。`),
  protectedDataset: (name: string, why: string) =>
    t(`Dataset ${JSON.stringify(name)} cannot be deleted: ${why}`, `数据集 ${JSON.stringify(name)} 不能删除：${why}`),
} as const;

/** The upload formats, by media type and by file extension. */
const mediaTypeExtensions: Readonly<Record<string, string>> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.apache.parquet': 'parquet',
  'application/x-parquet': 'parquet',
};
const nameExtensions: Readonly<Record<string, string>> = { csv: 'csv', txt: 'csv', xlsx: 'xlsx', xlsm: 'xlsx', parquet: 'parquet', pq: 'parquet' };

/** The extension the server gives the upload: by Content-Type, else (octet-stream or none) by the file name's. */
export function uploadExtension(contentType: string | undefined, name: string | undefined): string | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const byType = mediaTypeExtensions[type];
  if (byType !== undefined) return byType;
  if (type !== '' && type !== 'application/octet-stream') return null;
  const ext = /\.([A-Za-z0-9]+)$/.exec(name ?? '')?.[1]?.toLowerCase();
  return ext === undefined ? null : (nameExtensions[ext] ?? null);
}

/**
 * Run `fn` with a fresh temp folder (removed afterwards, whatever happens). The server names everything in it; a
 * string `fn` returns or throws has the folder's path replaced by `shown` (no server path reaches a client).
 */
export async function withTempFolder<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'metrocoop-server-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `value` with every string's `from` replaced by `to` (deep; plain JSON data). */
export function replaceInStrings<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? v.split(from).join(to) : v)) as T;
}

const uploadQuery = z.object({
  name: z.string().min(1).max(200).optional().openapi({
    description: 'the file name (its extension tells the format when the Content-Type does not; its base name is the default dataset name)',
    example: 'hebei-2019.xlsx',
  }),
  dataset: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'dataset name (default: the base name of name, else "upload"); not "default"', example: 'hebei-2019' }),
  format: z.enum(importFormats).optional().openapi({ description: 'importer (default detected from the extension and the header row)' }),
  regionPrefix: z.enum(['CN', 'JP', 'US']).optional().openapi({ description: 'country prefix of bare region codes (130100 → CN-130100)' }),
  classification: z.string().max(100).optional().openapi({ description: 'classification of industry columns or rows (default detected)' }),
  year: z.string().max(10).optional().openapi({ description: 'year of rows without one' }),
  unit: z.string().max(100).optional().openapi({ description: 'unit as published of rows without one (万人, 亿元, thousand USD…)' }),
  indicator: z.string().max(100).optional().openapi({ description: 'indicator of rows without one (gdp, employment_urban_units…)' }),
  source: z.string().max(200).optional().openapi({ description: 'source id of rows without one' }),
  sheet: z.string().max(100).optional().openapi({ description: 'XLSX worksheet name or 1-based number (default the first)' }),
  replace: z.enum(['true', 'false']).optional().openapi({ description: 'replace a dataset of that name (default false: refused)' }),
  skipUnknownRegions: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'leave out rows of regions the store does not know (default false: errors)' }),
});

const reportSchema = z
  .object({
    file: z.string(),
    format: z.string(),
    encoding: z.string().nullable(),
    rows: z.number().int(),
    observations: z.number().int(),
    skippedRows: z.number().int(),
    issues: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['error', 'warning']),
        file: z.string(),
        row: z.number().int().nullable(),
        column: z.string().nullable(),
        value: z.string().nullable(),
        expected: z.string().nullable(),
        message: z.union([z.string(), z.object({ en: z.string(), zh: z.string() })]),
      }),
    ),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    omitted: z.record(z.string(), z.number().int()),
  })
  .openapi('ValidationReport', { description: 'the validation report of an uploaded file: every problem with its row and column' });

const datasetSchema = z
  .object({
    name: z.string(),
    kind: z.string().nullable().openapi({ description: 'embedded (protected), import, folder, metro (a user metro’s definition)' }),
    origin: z.string().nullable().openapi({ description: 'the file or folder the dataset came from: its name only (the server never shows its own paths)' }),
    sources: z.array(z.string()),
    observations: z.number().int(),
    regions: z.number().int(),
    firstYear: z.number().int().nullable(),
    lastYear: z.number().int().nullable(),
    loadedAt: z.string().nullable(),
  })
  .openapi('Dataset');

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/datasets',
  tags: ['datasets'],
  ...summary('Upload a file (CSV, XLSX, Parquet) as a dataset; the validation report comes back', '上传文件（CSV、XLSX、Parquet）作为数据集；返回校验报告'),
  request: {
    query: uploadQuery,
    body: {
      required: true,
      description: 'the file itself as the raw body (not multipart)',
      content: {
        'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
        'application/vnd.apache.parquet': { schema: z.string().openapi({ format: 'binary' }) },
        'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
  responses: {
    201: {
      description: 'imported: the dataset, the observations written and the report (warnings only)',
      content: { 'application/json': { schema: z.object({ dataset: z.string(), imported: z.number().int(), report: reportSchema }) } },
    },
    ...errorResponses(413, 415),
    422: {
      description: 'the file has errors: nothing was imported; the report lists every problem',
      content: {
        'application/json': {
          schema: z.object({
            error: z.object({ code: z.literal('DATA_VALIDATION'), message: z.string(), issues: z.array(z.unknown()) }),
            report: reportSchema,
          }),
        },
      },
    },
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/datasets',
  tags: ['datasets'],
  ...summary('The datasets of the store (the embedded one first)', '数据库中的数据集（内置数据集在前）'),
  responses: {
    200: { description: 'every dataset', content: { 'application/json': { schema: z.object({ datasets: z.array(datasetSchema) }) } } },
    ...errorResponses(),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/datasets/{id}',
  tags: ['datasets'],
  ...summary(
    'Delete a dataset (not the embedded one, nor a user metro’s definition: DELETE /api/metros/{id})',
    '删除数据集（内置数据集与用户都市圈的定义除外：后者用 DELETE /api/metros/{id}）',
  ),
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(200)
        .openapi({ param: { name: 'id', in: 'path' }, example: 'hebei-2019' }),
    }),
  },
  responses: {
    200: {
      description: 'deleted: rows per table',
      content: { 'application/json': { schema: z.object({ name: z.string(), deleted: z.record(z.string(), z.number().int()) }) } },
    },
    ...errorResponses(404),
    409: { description: 'a protected dataset (embedded, or a metro definition)', content: errorResponses()[400].content },
  },
});

/** Registers the dataset routes (upload, list, delete). */
export const registerDatasetRoutes: RouteModule = (app: OpenAPIHono, deps: ServerDeps) => {
  app.openapi(uploadRoute, async (c) => {
    const q = c.req.valid('query');
    const ext = uploadExtension(c.req.header('content-type'), q.name);
    if (ext === null)
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', datasetMessages.unknownType(c.req.header('content-type') ?? '', q.name), [
        { in: 'header', path: 'content-type' },
      ]);
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    const limit = deps.limits.uploadBytes;
    if (Number.isFinite(declared) && declared > limit) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', datasetMessages.tooLarge(declared, limit));
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length > limit) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', datasetMessages.tooLarge(bytes.length, limit));
    if (bytes.length === 0) throw new ApiError(400, 'EMPTY_UPLOAD', datasetMessages.empty);
    const shown = q.name ?? `upload.${ext}`;
    const year = queryYear(q.year);
    const sheet = q.sheet === undefined ? undefined : /^\d+$/.test(q.sheet) ? Number(q.sheet) : q.sheet;
    const options: ImportOptions = {
      dataset: q.dataset ?? (q.name === undefined ? 'upload' : datasetNameOf(q.name)),
      ...(q.format === undefined ? {} : { format: q.format }),
      ...(q.regionPrefix === undefined ? {} : { regionPrefix: q.regionPrefix }),
      ...(q.classification === undefined ? {} : { classification: q.classification }),
      ...(year === undefined ? {} : { year }),
      ...(q.unit === undefined ? {} : { unit: q.unit }),
      ...(q.indicator === undefined ? {} : { indicator: q.indicator }),
      ...(q.source === undefined ? {} : { source: q.source }),
      ...(sheet === undefined ? {} : { sheet }),
      replace: q.replace === 'true',
      skipUnknownRegions: q.skipUnknownRegions === 'true',
    };
    const result = await deps.write(() =>
      withTempFolder(async (dir) => {
        const file = join(dir, `upload.${ext}`);
        await writeFile(file, bytes);
        try {
          return replaceInStrings(await importFile(deps.store, file, options), file, shown);
        } catch (error) {
          // The report names the file as given to importFile: show the client's name instead of the temp path.
          if (error instanceof DataValidationError) throw new DataValidationError(replaceInStrings(error.report, file, shown) as ValidationReport);
          if (error instanceof InvalidInputError) throw new InvalidInputError(replaceInStrings(error.messages, file, shown), undefined, error.code);
          throw error;
        } finally {
          deps.cache.clear();
        }
      }),
    );
    return c.json({ dataset: result.dataset, imported: result.imported, report: result.report } as never, 201);
  });

  app.openapi(listRoute, async (c) => {
    // The origin is a path on the server's machine: only its last part is shown (no internals in responses).
    const datasets = (await listDatasets(deps.store)).map((d) => ({ ...d, origin: d.origin === null ? null : basename(d.origin) }));
    return c.json({ datasets } as never, 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    const result = await deps.write(async () => {
      try {
        return await deleteDataset(deps.store, id);
      } catch (error) {
        if (error instanceof InvalidInputError && error.code === 'PROTECTED_DATASET') throw new ApiError(409, error.code, error.messages);
        throw error;
      } finally {
        deps.cache.clear();
      }
    });
    return c.json({ name: result.name, deleted: { ...result.deleted } }, 200);
  });
};
