/**
 * The compute routes: a metro's analysis, plan, opportunities, a relocation scenario, the measures of posted data,
 * and the metro's report as a download. Each reads the store the server owns (never writes it); the analysis, the
 * plan (and so the opportunities) and the report model are cached by their parameters (the cache is cleared on any
 * write). The work is that of the CLI's commands (apps/cli/src/commands/analyze.run.ts, plan.run.ts,
 * scenario.run.ts, measures.run.ts, report.run.ts), without files: the report comes back as the response body.
 *
 * Errors are thrown as the core's classes (`InvalidInputError` → 400, `NotFoundError` → 404): the app's error
 * handler turns them into `{error:{code,message,issues}}`.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  analyzeMetro,
  InvalidInputError,
  type LocalizedText,
  type MetroAnalysis,
  type MetroPlan,
  metroAnalysisSchema,
  metroPlanSchema,
  opportunitiesPartSchema,
  type PlanOptions,
  parseCapabilityWeights,
  planMetro,
  runScenario,
  type ScenarioResult,
  scenarioFileSchema,
  scenarioResultSchema,
} from '@metrocoop/core';
import {
  type MeasureName,
  type MeasuresDocument,
  type MeasuresDocumentOptions,
  measureNames,
  parseMeasureList,
  parseMeasuresOptions,
  RegionIndustryMatrix,
  toMeasuresDocument,
} from '@metrocoop/core/measures';
import {
  analyzeMetroFromStore,
  computeMeasuresInParallel,
  defaultBenchmarkMetros,
  loadBenchmarkBases,
  loadPlanningContext,
  loadUnitGeometries,
  parseLongCsv,
  resolveMetroId,
  type Store,
} from '@metrocoop/data';
import { buildReport, type Report, type ReportSourceEntry, renderHtml, renderMarkdown, renderPdf, renderXlsx } from '@metrocoop/report';
import type { RouteModule, ServerDeps } from '../context.ts';
import { csvReportArchive, fileBase, markdownReportArchive, zipMediaType } from '../report-archive.ts';
import { errorResponses, summary } from '../schemas.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The messages of these routes (English and Chinese). */
export const computeMessages = {
  badYear: (got: string) =>
    t(`year must be an integer year, e.g. 2019 (got ${JSON.stringify(got)}).`, `year 应为整数年份，例如 2019（得到 ${JSON.stringify(got)}）。`),
  badNumber: (name: string, got: string, what: LocalizedText) =>
    t(`${name} must be ${what.en} (got ${JSON.stringify(got)}).`, `${name} 应为${what.zh}（得到 ${JSON.stringify(got)}）。`),
  integer: t('an integer ≥ 1', '≥ 1 的整数'),
  nonNegative: t('a number ≥ 0', '≥ 0 的数'),
  badWeights: (v: string) =>
    t(
      `weights is invalid (got ${JSON.stringify(v)}); expected name=number pairs separated by commas, names lq, relatedness, shift, chain (e.g. lq=1,chain=0.5).`,
      `weights 无效（得到 ${JSON.stringify(v)}）；应为以逗号分隔的 名称=数值，名称为 lq、relatedness、shift、chain（例如 lq=1,chain=0.5）。`,
    ),
  minAboveLeads: (min: number, leads: number) => t(`minLeads (${min}) must not exceed leads (${leads}).`, `minLeads（${min}）不能大于 leads（${leads}）。`),
  noData: t(
    'measures: send the data as JSON {"regions": [...], "industries": [...], "values": [...]} (one entry per row) or as a long CSV (Content-Type: text/csv) with columns region,industry,value.',
    'measures：请以 JSON {"regions": [...], "industries": [...], "values": [...]}（每行一项）或长表 CSV（Content-Type: text/csv，列 region,industry,value）发送数据。',
  ),
  lengths: (r: number, i: number, v: number) =>
    t(
      `measures: regions, industries and values must have the same length, one entry per row (got ${r}, ${i} and ${v}).`,
      `measures：regions、industries 与 values 的长度须相同，每行一项（得到 ${r}、${i}、${v}）。`,
    ),
  tooManyRows: (rows: number, limit: number) =>
    t(`measures: the data have ${rows} rows; this server accepts at most ${limit}.`, `measures：数据有 ${rows} 行；本服务器最多接受 ${limit} 行。`),
} as const;

// ------------------------------------------------------------------------------------------------ shared schemas

/** The path parameter of a metro. */
export const metroParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'jjj', description: 'metro id (case-insensitive): jjj, yrd, tokyo, nyc, or a user metro' }),
});

const unitsQuery = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .openapi({ description: 'unit set of the metro (default: the metro’s default unit set), e.g. cities, provinces', example: 'default' });
const yearQuery = z.string().max(10).optional().openapi({ description: 'year of the data (default: the latest complete year)', example: '2019' });

/** The year of a query (`undefined` when not given). @throws {InvalidInputError} for anything but an integer. */
export function queryYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (value.trim() === '' || !Number.isInteger(year)) throw new InvalidInputError(computeMessages.badYear(value), { year: value }, 'INVALID_YEAR');
  return year;
}

/** The metros of `compare` (`undefined` = the defaults, `none` = none). */
function compareList(value: string | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === 'none') return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

// ------------------------------------------------------------------------------------------------ the work

/** The plan parameters of a request, checked (the core checks the rest). */
interface PlanParams {
  readonly units: string;
  readonly year: number | undefined;
  readonly options: PlanOptions;
  /** The parameters as a cache key part. */
  readonly key: string;
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (value.trim() === '' || !Number.isInteger(v) || v < 1)
    throw new InvalidInputError(computeMessages.badNumber(name, value, computeMessages.integer), { [name]: value }, 'INVALID_QUERY');
  return v;
}

function nonNegative(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (value.trim() === '' || !Number.isFinite(v) || v < 0)
    throw new InvalidInputError(computeMessages.badNumber(name, value, computeMessages.nonNegative), { [name]: value }, 'INVALID_QUERY');
  return v;
}

function planParams(q: {
  units?: string | undefined;
  year?: string | undefined;
  leads?: string | undefined;
  minLeads?: string | undefined;
  duplication?: string | undefined;
  weights?: string | undefined;
  sensitivity?: string | undefined;
}): PlanParams {
  const year = queryYear(q.year);
  const leadsPerUnit = positiveInteger('leads', q.leads);
  const minLeadsPerUnit = positiveInteger('minLeads', q.minLeads);
  // The core's default number of leads is 2 (positions.ts).
  if (minLeadsPerUnit !== undefined && minLeadsPerUnit > (leadsPerUnit ?? 2))
    throw new InvalidInputError(computeMessages.minAboveLeads(minLeadsPerUnit, leadsPerUnit ?? 2), { minLeads: minLeadsPerUnit }, 'INVALID_QUERY');
  const duplicationPenalty = nonNegative('duplication', q.duplication);
  const sensitivity = q.sensitivity === 'true';
  const weights = q.weights === undefined ? undefined : parseCapabilityWeights(q.weights);
  if (weights === null) throw new InvalidInputError(computeMessages.badWeights(q.weights as string), { weights: q.weights }, 'INVALID_QUERY');
  const units = q.units ?? 'default';
  return {
    units,
    year,
    options: {
      positions: {
        ...(leadsPerUnit === undefined ? {} : { leadsPerUnit }),
        ...(minLeadsPerUnit === undefined ? {} : { minLeadsPerUnit }),
        ...(duplicationPenalty === undefined ? {} : { duplicationPenalty }),
        ...(weights === undefined ? {} : { weights }),
        sensitivity,
      },
    },
    key: JSON.stringify([units, year ?? null, leadsPerUnit ?? null, minLeadsPerUnit ?? null, duplicationPenalty ?? null, weights ?? null, sensitivity]),
  };
}

/** The plan of a metro (as `metrocoop plan`: the analysis without benchmark, then the plan), cached. */
function cachedPlan(deps: ServerDeps, id: string, p: PlanParams): Promise<MetroPlan> {
  return deps.cache.get(`plan:${id}:${p.key}`, async () => {
    const loaded = await loadPlanningContext(deps.store, id, { units: p.units, ...(p.year === undefined ? {} : { year: p.year }) });
    return planMetro({ ...loaded, analysis: analyzeMetro(loaded.input) }, p.options);
  });
}

/** The store's source catalogue (citation, publisher, address of every source id), as the report cites it. */
async function sourceCatalogue(store: Store): Promise<ReportSourceEntry[]> {
  const rows = await store.rows(`SELECT DISTINCT ON (id) id, citation, publisher, url FROM sources ORDER BY id, dataset = 'default' DESC`);
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({ id: String(r.id), citation: str(r.citation) ?? String(r.id), publisher: str(r.publisher), url: str(r.url) }));
}

/**
 * The report formats offered as downloads. The formats of several files come as one ZIP archive
 * (report-archive.ts): `csv` (one CSV per table, as `metrocoop report --format csv` writes the folder) and `md-zip`
 * (the Markdown with its charts as SVG files); `md` alone is the Markdown with each chart named, not drawn.
 */
export const reportFormats = ['html', 'md', 'xlsx', 'pdf', 'csv', 'md-zip'] as const;
type ReportFormat = (typeof reportFormats)[number];

const reportMediaTypes: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: zipMediaType,
  'md-zip': zipMediaType,
};

/** The download's file name: `<metro>-report.<format>`, or for an archive `<metro>-report-csv.zip`, `<metro>-report-md.zip`. */
export function reportFileName(base: string, format: ReportFormat): string {
  if (format === 'csv') return `${base}-report-csv.zip`;
  if (format === 'md-zip') return `${base}-report-md.zip`;
  return `${base}-report.${format}`;
}

/** The report model of a metro (as `metrocoop report`: the analysis with its benchmark, and the plan from it), cached. */
function cachedReport(
  deps: ServerDeps,
  id: string,
  units: string,
  year: number | undefined,
  compare: readonly string[] | undefined,
  lang: 'en' | 'zh',
): Promise<Report> {
  const key = `report:${id}:${JSON.stringify([units, year ?? null, compare ?? null, lang])}`;
  return deps.cache.get(key, async () => {
    const store = deps.store;
    const loaded = await loadPlanningContext(store, id, { units, ...(year === undefined ? {} : { year }) });
    const others = [...new Set(compare ?? defaultBenchmarkMetros)].filter((m) => m !== id);
    const benchmark = others.length === 0 ? undefined : await loadBenchmarkBases(store, [id, ...others]);
    const analysis = analyzeMetro(benchmark === undefined ? loaded.input : { ...loaded.input, benchmark });
    const plan = await planMetro({ ...loaded, analysis }, {});
    const { geometries } = await loadUnitGeometries(store, id, { units });
    return buildReport({ analysis, plan, geometries, lang, sources: await sourceCatalogue(store) });
  });
}

// ------------------------------------------------------------------------------------------------ the routes

const analysisRoute = createRoute({
  method: 'get',
  path: '/api/metros/{id}/analysis',
  tags: ['compute'],
  ...summary('The analysis of a metro (as `metrocoop analyze --format json`)', '都市圈的分析（同 `metrocoop analyze --format json`）'),
  request: {
    params: metroParams,
    query: z.object({
      units: unitsQuery,
      year: yearQuery,
      compare: z
        .string()
        .max(200)
        .optional()
        .openapi({ description: 'metros to benchmark against, comma-separated, or none (default tokyo,nyc)', example: 'tokyo,nyc' }),
    }),
  },
  responses: {
    200: {
      description: 'the analysis document (packages/data/schemas/metro-analysis.schema.json)',
      content: { 'application/json': { schema: metroAnalysisSchema } },
    },
    ...errorResponses(404),
  },
});

const planQuery = z.object({
  units: unitsQuery,
  year: yearQuery,
  leads: z.string().max(10).optional().openapi({ description: 'lead industries per unit, integer ≥ 1 (default 2)', example: '2' }),
  minLeads: z.string().max(10).optional().openapi({ description: 'fewest lead industries per unit, 1 ≤ minLeads ≤ leads (default 1)', example: '1' }),
  duplication: z.string().max(20).optional().openapi({ description: 'penalty on duplicated leads across units, ≥ 0', example: '0.5' }),
  weights: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'capability weights, name=value pairs: lq, relatedness, shift, chain (defaults 1, 0.5, 0.5, 0.5)', example: 'lq=1,chain=1' }),
  sensitivity: z.enum(['true', 'false']).optional().openapi({ description: 'add the sensitivity of the positions to the weights (slower)' }),
});

const planRoute = createRoute({
  method: 'get',
  path: '/api/metros/{id}/plan',
  tags: ['compute'],
  ...summary('The plan of a metro (as `metrocoop plan --format json`)', '都市圈的规划（同 `metrocoop plan --format json`）'),
  request: { params: metroParams, query: planQuery },
  responses: {
    200: { description: 'the plan document (packages/data/schemas/metro-plan.schema.json)', content: { 'application/json': { schema: metroPlanSchema } } },
    ...errorResponses(404),
  },
});

const opportunitiesRoute = createRoute({
  method: 'get',
  path: '/api/metros/{id}/opportunities',
  tags: ['compute'],
  ...summary('The opportunities of a metro (the plan’s opportunities part)', '都市圈的合作机会（规划中的机会部分）'),
  request: { params: metroParams, query: planQuery },
  responses: {
    200: { description: 'the opportunities part of the plan', content: { 'application/json': { schema: opportunitiesPartSchema } } },
    ...errorResponses(404),
  },
});

const scenarioRoute = createRoute({
  method: 'post',
  path: '/api/metros/{id}/scenario',
  tags: ['compute'],
  ...summary('Run a relocation scenario (the scenario file of `metrocoop scenario --file`)', '运行产业迁移情景（`metrocoop scenario --file` 的情景文件）'),
  request: {
    params: metroParams,
    query: z.object({ units: unitsQuery, year: yearQuery }),
    body: { required: true, content: { 'application/json': { schema: scenarioFileSchema } } },
  },
  responses: {
    200: { description: 'the scenario result: every figure before and after the moves', content: { 'application/json': { schema: scenarioResultSchema } } },
    ...errorResponses(404, 413, 415),
  },
});

const longDataSchema = z
  .object({
    regions: z.array(z.string().min(1)).openapi({ example: ['A', 'A', 'B', 'B'] }),
    industries: z.array(z.string().min(1)).openapi({ example: ['x', 'y', 'x', 'y'] }),
    values: z.array(z.number().finite().min(0)).openapi({ example: [10, 5, 2, 8] }),
  })
  .strict()
  .openapi('LongData', { description: 'long-form data: one entry per row in each of the three arrays (region, industry, value)' });

/** The measures document (docs/spec/measures.md), as both measures routes answer it. */
export const measuresDocumentSchema = z
  .object({
    regions: z.array(z.string()),
    industries: z.array(z.string()),
    measures: z.record(z.string(), z.union([z.array(z.number().nullable()), z.array(z.array(z.number().nullable()))])),
    notes: z
      .array(
        z.object({
          measure: z.string(),
          axis: z.enum(['region', 'industry', 'cell']),
          label: z.string(),
          code: z.string(),
          message: z.object({ en: z.string(), zh: z.string() }),
        }),
      )
      .optional(),
  })
  .openapi('MeasuresDocument', { description: 'the measures contract (docs/spec/measures.md): vectors follow regions or industries; matrices row-major' });

const oneOrMany = z.union([z.string(), z.array(z.string())]);

/** The query parameters both measures routes share: which measures, their options, and zero totals. */
export const measuresQueryFields = {
  measures: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: `all (default) or a comma-separated list of: ${measureNames.join(', ')}`, example: 'lq,krugmanSpecialization' }),
  option: oneOrMany.optional().openapi({ description: 'measure option name=value (repeatable), e.g. threshold=1, components=largest', example: 'threshold=1' }),
  zeroTotals: z.enum(['error', 'drop', 'keep']).optional().openapi({ description: 'regions or industries whose total is 0 (default error)' }),
};

/** The measures a request asks for and their options, checked (before any data are read), and as a cache key part. */
export interface MeasuresRequest {
  readonly names: readonly MeasureName[];
  readonly options: MeasuresDocumentOptions;
  readonly key: string;
}

/** The measures and options of a query (`measures`, `option`). @throws {InvalidInputError} `UNKNOWN_MEASURE`, `INVALID_OPTION`. */
export function measuresRequest(q: { measures?: string | undefined; option?: string | string[] | undefined }): MeasuresRequest {
  const names = parseMeasureList(q.measures ?? 'all');
  const options = parseMeasuresOptions(q.option === undefined ? [] : Array.isArray(q.option) ? q.option : [q.option]);
  return { names, options, key: JSON.stringify([names, options]) };
}

/** The measures document of a matrix: the one code path of `POST /api/measures` and `GET /api/datasets/{id}/measures`. */
export async function measuresOfMatrix(matrix: RegionIndustryMatrix, request: MeasuresRequest): Promise<MeasuresDocument> {
  const { results, notes } = await computeMeasuresInParallel(matrix, request.names, request.options);
  return toMeasuresDocument(matrix, results, notes);
}

const measuresRoute = createRoute({
  method: 'post',
  path: '/api/measures',
  tags: ['compute'],
  ...summary('The measures of posted data (as `metrocoop measures --format json`)', '对提交的数据计算测度（同 `metrocoop measures --format json`）'),
  request: {
    query: z.object({
      measures: measuresQueryFields.measures,
      option: measuresQueryFields.option,
      duplicates: z.enum(['error', 'sum', 'first']).optional().openapi({ description: 'repeated (region, industry) rows (default error)' }),
      zeroTotals: measuresQueryFields.zeroTotals,
    }),
    body: {
      // Not `required`: a required JSON body would be checked as JSON whatever the media type (the CSV too).
      required: false,
      content: {
        'application/json': { schema: longDataSchema },
        'text/csv': {
          schema: z
            .string()
            .openapi({ description: 'long CSV with columns region,industry,value (UTF-8)', example: 'region,industry,value\nA,x,10\nA,y,5\nB,x,2\nB,y,8\n' }),
        },
      },
    },
  },
  responses: {
    200: { description: 'the measures document', content: { 'application/json': { schema: measuresDocumentSchema } } },
    ...errorResponses(413, 415),
  },
});

const reportRoute = createRoute({
  method: 'get',
  path: '/api/metros/{id}/report',
  tags: ['compute'],
  ...summary('The report of a metro as a download (as `metrocoop report`)', '下载都市圈报告（同 `metrocoop report`）'),
  request: {
    params: metroParams,
    query: z.object({
      format: z.enum(reportFormats).default('html').openapi({
        description:
          'html (default; self-contained page), md (charts named, not drawn), xlsx, pdf, csv (ZIP of one CSV per table with contents.csv and sources.csv), md-zip (ZIP of the Markdown with its SVG charts)',
      }),
      lang: z.enum(['en', 'zh']).default('en').openapi({ description: 'language of the report (default en)' }),
      units: unitsQuery,
      year: yearQuery,
      compare: z.string().max(200).optional().openapi({ description: 'metros to benchmark against, comma-separated, or none (default tokyo,nyc)' }),
    }),
  },
  responses: {
    200: {
      description:
        'the report file (Content-Disposition: attachment; filename="<metro>-report.<format>"; csv: "<metro>-report-csv.zip", md-zip: "<metro>-report-md.zip")',
      content: {
        'text/html': { schema: z.string() },
        'text/markdown': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        [zipMediaType]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...errorResponses(404),
  },
});

/** The metro's id (case-insensitive), resolved once per data version: cached reads never reach DuckDB. */
function metroId(deps: ServerDeps, raw: string): Promise<string> {
  return deps.cache.get(`metro-id:${raw.toLowerCase()}`, () => resolveMetroId(deps.store, raw));
}

/** A cached document served as its serialised text (serialised once, not on every read). */
function jsonText(deps: ServerDeps, key: string, make: () => Promise<unknown>): Promise<string> {
  return deps.cache.get(`json:${key}`, async () => JSON.stringify(await make()));
}

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8' };

/** Registers the compute routes (analysis, plan, opportunities, scenario, measures, report). */
export const registerComputeRoutes: RouteModule = (app: OpenAPIHono, deps: ServerDeps) => {
  app.openapi(analysisRoute, async (c) => {
    const q = c.req.valid('query');
    const id = await metroId(deps, c.req.valid('param').id);
    const year = queryYear(q.year);
    const compare = compareList(q.compare);
    const units = q.units ?? 'default';
    const key = `analysis:${id}:${JSON.stringify([units, year ?? null, compare ?? null])}`;
    const text = await jsonText(deps, key, () =>
      deps.cache.get(
        key,
        (): Promise<MetroAnalysis> =>
          analyzeMetroFromStore(deps.store, id, { units, ...(year === undefined ? {} : { year }), ...(compare === undefined ? {} : { compare }) }),
      ),
    );
    return c.body(text, 200, jsonHeaders) as never;
  });

  app.openapi(planRoute, async (c) => {
    const id = await metroId(deps, c.req.valid('param').id);
    const params = planParams(c.req.valid('query'));
    const text = await jsonText(deps, `plan:${id}:${params.key}`, () => cachedPlan(deps, id, params));
    return c.body(text, 200, jsonHeaders) as never;
  });

  app.openapi(opportunitiesRoute, async (c) => {
    const id = await metroId(deps, c.req.valid('param').id);
    const plan = await cachedPlan(deps, id, planParams(c.req.valid('query')));
    return c.json(plan.opportunities as never, 200);
  });

  app.openapi(scenarioRoute, async (c) => {
    const q = c.req.valid('query');
    const id = await resolveMetroId(deps.store, c.req.valid('param').id);
    const year = queryYear(q.year);
    const file = c.req.valid('json');
    const moves = file.moves.map((m) => ({
      from: m.from,
      industry: m.industry,
      to: m.to,
      ...(m.amount === undefined ? {} : { amount: m.amount }),
      ...(m.share === undefined ? {} : { share: m.share }),
    }));
    const planning = await loadPlanningContext(deps.store, id, { units: q.units ?? 'default', ...(year === undefined ? {} : { year }) });
    const result: ScenarioResult = runScenario(planning.input, moves, { relocations: planning.relocations, note: file.note ?? null });
    return c.json(result as never, 200);
  });

  app.openapi(measuresRoute, async (c) => {
    const q = c.req.valid('query');
    const request = measuresRequest(q);
    const matrixOptions = {
      ...(q.duplicates === undefined ? {} : { duplicates: q.duplicates }),
      ...(q.zeroTotals === undefined ? {} : { zeroTotals: q.zeroTotals }),
    };
    const contentType = c.req.header('content-type') ?? '';
    let matrix: RegionIndustryMatrix;
    if (/^text\/csv\b/i.test(contentType)) {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      let rows = 0;
      for (const b of bytes) if (b === 0x0a) rows++;
      if (rows > deps.limits.rows + 1)
        throw new InvalidInputError(computeMessages.tooManyRows(rows - 1, deps.limits.rows), { rows: rows - 1 }, 'TOO_MANY_ROWS');
      if (bytes.length === 0) throw new InvalidInputError(computeMessages.noData, undefined, 'NO_DATA');
      matrix = parseLongCsv(bytes, 'body', matrixOptions);
    } else if (/^application\/json\b/i.test(contentType)) {
      // The route's validator has checked a JSON body (and its gate refused media types other than JSON and CSV).
      const body = c.req.valid('json') as z.output<typeof longDataSchema>;
      const n = body.regions.length;
      if (body.industries.length !== n || body.values.length !== n)
        throw new InvalidInputError(computeMessages.lengths(n, body.industries.length, body.values.length), undefined, 'SHAPE_MISMATCH');
      if (n === 0) throw new InvalidInputError(computeMessages.noData, undefined, 'NO_DATA');
      if (n > deps.limits.rows) throw new InvalidInputError(computeMessages.tooManyRows(n, deps.limits.rows), { rows: n }, 'TOO_MANY_ROWS');
      const rows = body.regions.map((region, k) => ({ region, industry: body.industries[k] as string, value: body.values[k] as number }));
      matrix = RegionIndustryMatrix.fromLongRows(rows, matrixOptions);
    } else throw new InvalidInputError(computeMessages.noData, undefined, 'NO_DATA');
    return c.json((await measuresOfMatrix(matrix, request)) as never, 200);
  });

  app.openapi(reportRoute, async (c) => {
    const q = c.req.valid('query');
    const id = await resolveMetroId(deps.store, c.req.valid('param').id);
    const year = queryYear(q.year);
    const report = await cachedReport(deps, id, q.units ?? 'default', year, compareList(q.compare), q.lang);
    const format = q.format;
    // File names (of the download and inside an archive) from the metro's stored id and the report model only.
    const base = fileBase(id);
    let body: string | Uint8Array;
    switch (format) {
      case 'html':
        body = renderHtml(report, q.lang);
        break;
      case 'md':
        body = renderMarkdown(report, q.lang, { noFiles: true }).markdown;
        break;
      case 'xlsx':
        body = await renderXlsx(report, q.lang);
        break;
      case 'pdf':
        body = await renderPdf(renderHtml(report, q.lang));
        break;
      case 'csv':
        body = await csvReportArchive(report, q.lang, base);
        break;
      case 'md-zip':
        body = await markdownReportArchive(report, q.lang, base);
        break;
    }
    c.header('Content-Type', reportMediaTypes[format]);
    c.header('Content-Disposition', `attachment; filename="${reportFileName(base, format)}"`);
    return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200) as never;
  });
};
