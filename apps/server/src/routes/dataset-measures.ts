/**
 * GET /api/datasets/{id}/measures: the measures document (docs/spec/measures.md) of data already in the store — one
 * dataset (what GET /api/datasets lists, the embedded `default` one included), one indicator, one classification at
 * one industry level, one year, one region level, optionally the regions of a metro or of one of its unit sets, and
 * one source per region. The matrix goes through the same code path as `POST /api/measures` (compute.ts
 * `measuresOfMatrix`), so the numbers are those of posting the same values.
 *
 * Choosing the data. A parameter left out is taken from the data when they have exactly one value for it (given the
 * other parameters); when they have several it is a 400 `AMBIGUOUS_SELECTION` whose issues list every such
 * parameter with its choices, and a value the data do not have is a 400 `NO_MATCHING_DATA` with the choices. So a
 * document never mixes indicators, years, industry levels (a section and its divisions) or region levels (a province
 * and its cities). A region with values from several sources is ambiguous too (`source=` picks one); among the
 * vintages of one source the store's rule picks the region's row: final, then revised, single, first (then the
 * latest vintage date).
 *
 * Gaps are never read as 0. A withheld cell, or an industry a region has no row for while others have, is a gap:
 * by default (`gaps=error`) the answer is 422 `GAPS_IN_MATRIX` listing every gap cell; `gaps=drop-regions` leaves
 * out the regions with a gap, `gaps=drop-industries` the industries with one, and the document's `notes` then say,
 * for each measure, which region or industry was left out and why (codes `GAP_DROPPED_REGION`,
 * `GAP_DROPPED_INDUSTRY`).
 *
 * The document is cached (serialised) by the parameters: the cache is keyed by the store's data version, so an
 * import or a delete is never answered from an older result.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { LocalizedText } from '@metrocoop/core';
import { type MeasureNote, RegionIndustryMatrix } from '@metrocoop/core/measures';
import { listDatasets, type Row, resolveMetroId } from '@metrocoop/data';
import type { RouteModule, ServerDeps } from '../context.ts';
import { ApiError, requestLanguage } from '../errors.ts';
import { serverMessages } from '../messages.ts';
import { errorResponses, summary } from '../schemas.ts';
import { type MeasuresRequest, measuresDocumentSchema, measuresOfMatrix, measuresQueryFields, measuresRequest, queryYear } from './compute.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);
/** A list for a message (`、` separates a Chinese one): the first `max` items, then how many more. */
const list = (items: readonly unknown[], sep: ', ' | '、', max = 20): string =>
  items.length <= max
    ? items.map(String).join(sep)
    : `${items.slice(0, max).map(String).join(sep)}${sep}${sep === '、' ? `…（另 ${items.length - max} 项）` : `… (${items.length - max} more)`}`;

/** The parameters that pick the data, in the order they narrow it. */
export const selectionParameters = ['indicator', 'classification', 'year', 'level', 'regionLevel'] as const;
type SelectionParameter = (typeof selectionParameters)[number];

/** How gaps (withheld or missing cells) are handled. */
export const gapPolicies = ['error', 'drop-regions', 'drop-industries'] as const;
type GapPolicy = (typeof gapPolicies)[number];

/** The level given to an industry or region the store's lists do not have. */
const unlisted = 'unlisted';

/** The messages of this route (English and Chinese). */
export const datasetMeasuresMessages = {
  unknownDataset: (id: string, known: readonly string[]) =>
    t(
      `Unknown dataset ${show(id)}; the datasets are ${known.join(', ') || '(none)'} (GET /api/datasets).`,
      `未知的数据集 ${show(id)}；已有数据集：${known.join('、') || '（无）'}（见 GET /api/datasets）。`,
    ),
  noIndustryData: (id: string, scoped: boolean) =>
    t(
      `Dataset ${show(id)} has no values by industry${scoped ? ' for these regions' : ''}; measures need observations with a classification and an industry.`,
      `数据集 ${show(id)}${scoped ? '在这些地区' : ''}没有分行业的数值；计算测度需要带行业分类与行业的观测值。`,
    ),
  ambiguous: (id: string, choices: readonly { parameter: string; choices: readonly unknown[] }[]) =>
    t(
      `measures of dataset ${show(id)}: the data have several values of ${choices.map((c) => c.parameter).join(', ')}; choose one of each (${choices.map((c) => `${c.parameter}: ${list(c.choices, ', ')}`).join('; ')}). The issues list the choices.`,
      `数据集 ${show(id)} 的测度：数据中 ${choices.map((c) => c.parameter).join('、')} 有多个取值；请各选一个（${choices.map((c) => `${c.parameter}：${list(c.choices, '、')}`).join('；')}）。可选值见 issues。`,
    ),
  noMatch: (id: string, misses: readonly { parameter: string; value: unknown; choices: readonly unknown[] }[]) =>
    t(
      `measures of dataset ${show(id)}: no data for ${misses.map((m) => `${m.parameter}=${String(m.value)}`).join(', ')} (with the other parameters given); ${misses.map((m) => `${m.parameter}: choose one of ${list(m.choices, ', ') || '(none)'}`).join('; ')}.`,
      `数据集 ${show(id)} 的测度：没有 ${misses.map((m) => `${m.parameter}=${String(m.value)}`).join('、')} 的数据（在其他参数下）；${misses.map((m) => `${m.parameter} 请从 ${list(m.choices, '、') || '（无）'} 中选择`).join('；')}。`,
    ),
  issueAmbiguous: (parameter: string, choices: readonly unknown[]) =>
    t(
      `The data have several values of ${parameter}; choose one: ${list(choices, ', ')}.`,
      `数据中 ${parameter} 有多个取值；请选择其一：${list(choices, '、')}。`,
    ),
  issueNoMatch: (parameter: string, value: unknown, choices: readonly unknown[]) =>
    t(
      `No data for ${parameter}=${String(value)}; choose one of ${list(choices, ', ') || '(none)'}.`,
      `没有 ${parameter}=${String(value)} 的数据；请从 ${list(choices, '、') || '（无）'} 中选择。`,
    ),
  severalSources: (id: string, regions: number, sources: readonly string[]) =>
    t(
      `measures of dataset ${show(id)}: ${regions} region(s) have values from several sources (${sources.join(', ')}); a region's row must come from one source — choose one with source= (the issues list each region's sources).`,
      `数据集 ${show(id)} 的测度：${regions} 个地区的数值来自多个来源（${sources.join('、')}）；每个地区的一行须来自同一来源——请用 source= 选择其一（各地区的来源见 issues）。`,
    ),
  issueSources: (region: string, sources: readonly string[]) =>
    t(
      `Region ${region} has values from ${sources.join(', ')}; choose one with source=.`,
      `地区 ${region} 的数值来自 ${sources.join('、')}；请用 source= 选择其一。`,
    ),
  gaps: (id: string, cells: readonly string[]) =>
    t(
      `measures of dataset ${show(id)}: ${cells.length} cell(s) of the region × industry matrix are withheld or missing (${list(cells, ', ', 10)}); a gap is never read as 0. Add gaps=drop-regions or gaps=drop-industries to leave out the regions or the industries that have gaps, or narrow the selection (metro, unitSet, level).`,
      `数据集 ${show(id)} 的测度：地区 × 行业矩阵有 ${cells.length} 个单元格不公开或缺失（${list(cells, '、', 10)}）；缺口从不按 0 处理。可加 gaps=drop-regions 或 gaps=drop-industries 剔除有缺口的地区或行业，或缩小选择范围（metro、unitSet、level）。`,
    ),
  issueGap: (region: string, industry: string, kind: 'withheld' | 'missing') =>
    kind === 'withheld'
      ? t(`${region} × ${industry}: the value is withheld.`, `${region} × ${industry}：数值不公开。`)
      : t(`${region} × ${industry}: no value (the region has no row for this industry).`, `${region} × ${industry}：无数值（该地区没有此行业的数据）。`),
  nothingLeft: (id: string, policy: string) =>
    t(
      `measures of dataset ${show(id)}: with gaps=${policy} nothing is left of the matrix; try the other gap policy or narrow the selection.`,
      `数据集 ${show(id)} 的测度：按 gaps=${policy} 剔除后矩阵为空；请改用另一种缺口处理方式或缩小选择范围。`,
    ),
  unitMismatch: (id: string, units: readonly string[]) =>
    t(
      `measures of dataset ${show(id)}: the selected values are in several units (${units.join(', ')}); choose one source with source=.`,
      `数据集 ${show(id)} 的测度：所选数值的单位不一致（${units.join('、')}）；请用 source= 选择一个来源。`,
    ),
  tooManyCells: (regions: number, industries: number, limit: number) =>
    t(
      `measures: the matrix has ${regions} regions × ${industries} industries = ${regions * industries} cells; this server computes at most ${limit}. Narrow it with metro, unitSet, regionLevel or level.`,
      `measures：矩阵有 ${regions} 个地区 × ${industries} 个行业 = ${regions * industries} 个单元格；本服务器最多计算 ${limit} 个。请用 metro、unitSet、regionLevel 或 level 缩小范围。`,
    ),
  droppedRegion: (region: string, industries: readonly string[]) =>
    t(
      `Region ${region} is left out (gaps=drop-regions): its values for ${list(industries, ', ', 10)} are withheld or missing; a gap is never read as 0.`,
      `地区 ${region} 未纳入（gaps=drop-regions）：其 ${list(industries, '、', 10)} 行业的数值不公开或缺失；缺口从不按 0 处理。`,
    ),
  droppedIndustry: (industry: string, regions: readonly string[]) =>
    t(
      `Industry ${industry} is left out (gaps=drop-industries): its values in ${list(regions, ', ', 10)} are withheld or missing; a gap is never read as 0.`,
      `行业 ${industry} 未纳入（gaps=drop-industries）：其在 ${list(regions, '、', 10)} 的数值不公开或缺失；缺口从不按 0 处理。`,
    ),
} as const;

// ------------------------------------------------------------------------------------------------ errors

/** One problem of the selection, its message in both languages (the handler picks the request's). */
interface SelectionIssue {
  readonly path: string;
  readonly code: string;
  readonly message: LocalizedText;
  readonly [key: string]: unknown;
}

/** A refusal computed without a language (the computation is shared by concurrent requests in any language). */
class SelectionError extends Error {
  constructor(
    readonly status: 400 | 404 | 422,
    readonly code: string,
    readonly text: LocalizedText,
    readonly issues: readonly SelectionIssue[] = [],
  ) {
    super(text.en);
    this.name = 'SelectionError';
  }
}

// ------------------------------------------------------------------------------------------------ the data

/** What the request fixes (given, or from a unit set); the rest comes from the data. */
interface Wanted {
  readonly indicator?: string | undefined;
  readonly classification?: string | undefined;
  readonly year?: number | undefined;
  readonly level?: string | undefined;
  readonly regionLevel?: string | undefined;
  readonly source?: string | undefined;
}

/** One kind of stored value by industry: its selection parameters and its source. */
type Combination = Record<SelectionParameter, string | number> & { readonly source: string };

/** The regions a request is limited to: SQL (a condition on `o.region`) and its parameters after the given offset. */
interface RegionScope {
  readonly sql: (offset: number) => string;
  readonly params: readonly string[];
}

/** The industries' and regions' levels (the embedded dataset's rows first), as SQL common table expressions. */
const levelTables = `WITH ind AS (SELECT DISTINCT ON (classification, code) classification, code, level FROM industries ORDER BY classification, code, dataset = 'default' DESC),
  reg AS (SELECT DISTINCT ON (id) id, level FROM regions ORDER BY id, dataset = 'default' DESC)`;
const levelJoins = `LEFT JOIN ind i ON i.classification = o.classification AND i.code = o.industry LEFT JOIN reg r ON r.id = o.region`;

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedDistinct = <T extends string | number>(values: readonly T[]): T[] =>
  [...new Set(values)].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : byKey(String(a), String(b))));

/** Every combination of the selection parameters and source in the dataset's values by industry (within the scope). */
async function combinations(deps: ServerDeps, dataset: string, scope: RegionScope | undefined): Promise<Combination[]> {
  const rows = await deps.store.rows(
    `${levelTables}
     SELECT o.indicator, o.classification, o.year, coalesce(i.level, '${unlisted}') AS industry_level, coalesce(r.level, '${unlisted}') AS region_level, o.source
     FROM observations o ${levelJoins}
     WHERE o.dataset = $1 AND o.classification IS NOT NULL AND o.industry IS NOT NULL${scope === undefined ? '' : ` AND ${scope.sql(1)}`}
     GROUP BY ALL`,
    [dataset, ...(scope?.params ?? [])],
  );
  return rows.map((r) => ({
    indicator: String(r.indicator),
    classification: String(r.classification),
    year: Number(r.year),
    level: String(r.industry_level),
    regionLevel: String(r.region_level),
    source: String(r.source),
  }));
}

/** The selection: each parameter given or the data's only value; every ambiguity and every miss is collected. */
function select(dataset: string, all: readonly Combination[], wanted: Wanted): Record<SelectionParameter, string | number> {
  let rest = all;
  const fixed: Partial<Record<SelectionParameter, string | number>> = {};
  const ambiguous: { parameter: string; choices: readonly (string | number)[] }[] = [];
  const misses: { parameter: string; value: unknown; choices: readonly (string | number)[] }[] = [];
  // A source narrows the rest first (its data may have one indicator where the dataset has several).
  if (wanted.source !== undefined) {
    const sources = sortedDistinct(all.map((c) => c.source));
    if (sources.includes(wanted.source)) rest = rest.filter((c) => c.source === wanted.source);
    else misses.push({ parameter: 'source', value: wanted.source, choices: sources });
  }
  for (const parameter of selectionParameters) {
    const choices = sortedDistinct(rest.map((c) => c[parameter]));
    const want = wanted[parameter];
    if (want !== undefined && !choices.includes(want)) misses.push({ parameter, value: want, choices });
    else if (want === undefined && choices.length > 1) ambiguous.push({ parameter, choices });
    else {
      const value = want ?? (choices[0] as string | number);
      fixed[parameter] = value;
      rest = rest.filter((c) => c[parameter] === value);
    }
  }
  const issues: SelectionIssue[] = [
    ...misses.map((m) => ({
      path: m.parameter,
      code: 'no-match',
      value: m.value,
      choices: m.choices,
      message: datasetMeasuresMessages.issueNoMatch(m.parameter, m.value, m.choices),
    })),
    ...ambiguous.map((a) => ({
      path: a.parameter,
      code: 'ambiguous',
      choices: a.choices,
      message: datasetMeasuresMessages.issueAmbiguous(a.parameter, a.choices),
    })),
  ];
  if (misses.length > 0) throw new SelectionError(400, 'NO_MATCHING_DATA', datasetMeasuresMessages.noMatch(dataset, misses), issues);
  if (ambiguous.length > 0) throw new SelectionError(400, 'AMBIGUOUS_SELECTION', datasetMeasuresMessages.ambiguous(dataset, ambiguous), issues);
  return fixed as Record<SelectionParameter, string | number>;
}

const vintageRank: Readonly<Record<string, number>> = { final: 0, revised: 1, single: 2, first: 3 };

interface Cell {
  readonly value: number | null;
  readonly withheld: boolean;
  readonly unit: string;
}

/** One vintage of a region's values from one source: industry → cell. */
interface VintageGroup {
  readonly vintage: string;
  readonly date: string;
  readonly cells: Map<string, Cell>;
}

/** The rows grouped: region → source → vintage (with its date) → the group. */
function regionRows(rows: readonly Row[]): Map<string, Map<string, Map<string, VintageGroup>>> {
  const out = new Map<string, Map<string, Map<string, VintageGroup>>>();
  for (const r of rows) {
    const region = String(r.region);
    const source = String(r.source);
    const vintage = `${String(r.vintage)}\u0000${r.vintage_date === null || r.vintage_date === undefined ? '' : String(r.vintage_date)}`;
    let bySource = out.get(region);
    if (bySource === undefined) out.set(region, (bySource = new Map()));
    let byVintage = bySource.get(source);
    if (byVintage === undefined) bySource.set(source, (byVintage = new Map()));
    let group = byVintage.get(vintage);
    if (group === undefined) {
      group = { vintage: String(r.vintage), date: r.vintage_date === null || r.vintage_date === undefined ? '' : String(r.vintage_date), cells: new Map() };
      byVintage.set(vintage, group);
    }
    group.cells.set(String(r.industry), {
      value: r.value === null || r.value === undefined ? null : Number(r.value),
      withheld: r.withheld === true,
      unit: String(r.unit),
    });
  }
  return out;
}

/** The parameters of one computation (the request's, checked). */
interface DatasetMeasuresParams {
  readonly dataset: string;
  readonly metro: string | undefined;
  readonly unitSet: string | undefined;
  readonly wanted: Wanted;
  readonly gaps: GapPolicy;
  readonly zeroTotals: 'error' | 'drop' | 'keep' | undefined;
  readonly request: MeasuresRequest;
}

/** The measures document of a stored dataset, serialised. @throws {SelectionError} and the core's errors. */
async function datasetMeasures(deps: ServerDeps, p: DatasetMeasuresParams): Promise<string> {
  const store = deps.store;
  const known = (await listDatasets(store)).map((d) => d.name);
  if (!known.includes(p.dataset)) throw new SelectionError(404, 'UNKNOWN_DATASET', datasetMeasuresMessages.unknownDataset(p.dataset, known));

  // The regions: a unit set's members, or a metro's members and unit-set members; a unit set also names its
  // indicator and classification (unless the request does, or the unit set says `auto`).
  let scope: RegionScope | undefined;
  let wanted = p.wanted;
  if (p.metro !== undefined) {
    const metro = await resolveMetroId(store, p.metro);
    if (p.unitSet !== undefined) {
      const sets = await store.rows(`SELECT DISTINCT id, indicator, classification FROM unit_sets WHERE metro = $1 ORDER BY id`, [metro]);
      const set = sets.find((s) => s.id === p.unitSet);
      if (set === undefined) {
        const ids = sets.map((s) => String(s.id));
        throw new SelectionError(404, 'UNKNOWN_UNIT_SET', serverMessages.unknownUnitSet(metro, p.unitSet, ids));
      }
      const unitSet = p.unitSet;
      scope = {
        sql: (k) => `o.region IN (SELECT region FROM unit_set_members WHERE metro = $${k + 1} AND unit_set = $${k + 2})`,
        params: [metro, unitSet],
      };
      wanted = {
        ...wanted,
        indicator: wanted.indicator ?? (set.indicator === 'auto' ? undefined : String(set.indicator)),
        classification: wanted.classification ?? (set.classification === 'auto' ? undefined : String(set.classification)),
      };
    } else {
      scope = {
        sql: (k) => `o.region IN (SELECT region FROM metro_members WHERE metro = $${k + 1} UNION SELECT region FROM unit_set_members WHERE metro = $${k + 1})`,
        params: [metro],
      };
    }
  }

  const all = await combinations(deps, p.dataset, scope);
  if (all.length === 0) throw new SelectionError(422, 'NO_INDUSTRY_DATA', datasetMeasuresMessages.noIndustryData(p.dataset, scope !== undefined));
  const s = select(p.dataset, all, wanted);

  const params: (string | number)[] = [p.dataset, s.indicator, s.classification, s.year, s.level, s.regionLevel];
  if (wanted.source !== undefined) params.push(wanted.source);
  const offset = params.length;
  const rows = await store.rows(
    `${levelTables}
     SELECT o.region, o.industry, o.value, o.withheld, o.unit, o.source, o.vintage, o.vintage_date
     FROM observations o ${levelJoins}
     WHERE o.dataset = $1 AND o.indicator = $2 AND o.classification = $3 AND o.year = $4 AND o.industry IS NOT NULL
       AND coalesce(i.level, '${unlisted}') = $5 AND coalesce(r.level, '${unlisted}') = $6${wanted.source === undefined ? '' : ' AND o.source = $7'}
       ${scope === undefined ? '' : `AND ${scope.sql(offset)}`}
     ORDER BY o.region, o.source, o.vintage, o.industry`,
    [...params, ...(scope?.params ?? [])],
  );

  // One source per region (else ambiguous), then its best vintage.
  const grouped = regionRows(rows);
  const several = [...grouped].filter(([, bySource]) => bySource.size > 1);
  if (several.length > 0) {
    const sources = sortedDistinct(several.flatMap(([, bySource]) => [...bySource.keys()]));
    throw new SelectionError(
      400,
      'AMBIGUOUS_SELECTION',
      datasetMeasuresMessages.severalSources(p.dataset, several.length, sources),
      several.map(([region, bySource]) => {
        const choices = sortedDistinct([...bySource.keys()]);
        return { path: 'source', code: 'ambiguous', region, choices, message: datasetMeasuresMessages.issueSources(region, choices) };
      }),
    );
  }
  const chosen = new Map<string, Map<string, Cell>>();
  for (const [region, bySource] of grouped) {
    const [byVintage] = bySource.values();
    const groups = [...(byVintage?.values() ?? [])];
    groups.sort((a, b) => (vintageRank[a.vintage] ?? 9) - (vintageRank[b.vintage] ?? 9) || byKey(b.date, a.date));
    const best = groups[0];
    if (best !== undefined) chosen.set(region, best.cells);
  }

  // The grid: every region × every industry any region has; a withheld or missing cell is a gap.
  const regions = [...chosen.keys()].sort(byKey);
  const industries = sortedDistinct([...chosen.values()].flatMap((cells) => [...cells.keys()]));
  const gaps: { region: string; industry: string; kind: 'withheld' | 'missing' }[] = [];
  for (const region of regions) {
    const cells = chosen.get(region) as Map<string, Cell>;
    for (const industry of industries) {
      const cell = cells.get(industry);
      if (cell === undefined) gaps.push({ region, industry, kind: 'missing' });
      else if (cell.withheld || cell.value === null) gaps.push({ region, industry, kind: cell.withheld ? 'withheld' : 'missing' });
    }
  }
  if (gaps.length > 0 && p.gaps === 'error') {
    throw new SelectionError(
      422,
      'GAPS_IN_MATRIX',
      datasetMeasuresMessages.gaps(
        p.dataset,
        gaps.map((g) => `${g.region}×${g.industry} (${g.kind})`),
      ),
      gaps.map((g) => ({
        path: 'gaps',
        code: g.kind,
        region: g.region,
        industry: g.industry,
        message: datasetMeasuresMessages.issueGap(g.region, g.industry, g.kind),
      })),
    );
  }
  const dropRegions = new Map<string, string[]>();
  const dropIndustries = new Map<string, string[]>();
  for (const g of gaps) {
    if (p.gaps === 'drop-regions') dropRegions.set(g.region, [...(dropRegions.get(g.region) ?? []), g.industry]);
    else dropIndustries.set(g.industry, [...(dropIndustries.get(g.industry) ?? []), g.region]);
  }
  const keptRegions = regions.filter((r) => !dropRegions.has(r));
  const keptIndustries = industries.filter((i) => !dropIndustries.has(i));
  if (keptRegions.length === 0 || keptIndustries.length === 0)
    throw new SelectionError(422, 'GAPS_IN_MATRIX', datasetMeasuresMessages.nothingLeft(p.dataset, p.gaps));
  if (keptRegions.length * keptIndustries.length > deps.limits.rows) {
    throw new SelectionError(400, 'TOO_MANY_CELLS', datasetMeasuresMessages.tooManyCells(keptRegions.length, keptIndustries.length, deps.limits.rows));
  }

  const long: { region: string; industry: string; value: number }[] = [];
  const units = new Set<string>();
  for (const region of keptRegions) {
    const cells = chosen.get(region) as Map<string, Cell>;
    for (const industry of keptIndustries) {
      const cell = cells.get(industry) as Cell;
      units.add(cell.unit);
      long.push({ region, industry, value: cell.value as number });
    }
  }
  if (units.size > 1) throw new SelectionError(422, 'UNIT_MISMATCH', datasetMeasuresMessages.unitMismatch(p.dataset, sortedDistinct([...units])));

  // The same path as POST /api/measures from here on.
  const matrix = RegionIndustryMatrix.fromLongRows(long, p.zeroTotals === undefined ? {} : { zeroTotals: p.zeroTotals });
  const doc = await measuresOfMatrix(matrix, p.request);
  const dropped: MeasureNote[] = [];
  for (const measure of p.request.names) {
    for (const [region, missing] of dropRegions)
      dropped.push({ measure, axis: 'region', label: region, code: 'GAP_DROPPED_REGION', message: datasetMeasuresMessages.droppedRegion(region, missing) });
    for (const [industry, where] of dropIndustries)
      dropped.push({
        measure,
        axis: 'industry',
        label: industry,
        code: 'GAP_DROPPED_INDUSTRY',
        message: datasetMeasuresMessages.droppedIndustry(industry, where),
      });
  }
  return JSON.stringify(dropped.length === 0 ? doc : { ...doc, notes: [...(doc.notes ?? []), ...dropped] });
}

// ------------------------------------------------------------------------------------------------ the route

const text = (max: number) => z.string().min(1).max(max);

const datasetMeasuresRoute = createRoute({
  method: 'get',
  path: '/api/datasets/{id}/measures',
  tags: ['compute'],
  ...summary(
    'The measures of a stored dataset: one indicator, year, classification level and region level (the document of POST /api/measures)',
    '对已存数据集计算测度：单一指标、年份、行业分类层级与地区层级（与 POST /api/measures 的文档相同）',
  ),
  request: {
    params: z.object({
      id: text(200).openapi({
        param: { name: 'id', in: 'path' },
        example: 'default',
        description: 'a dataset of GET /api/datasets (default: the embedded one)',
      }),
    }),
    query: z.object({
      indicator: text(100)
        .optional()
        .openapi({ description: 'indicator (default: the only one the data have by industry; else 400 with the choices)', example: 'employment_urban_units' }),
      classification: text(100)
        .optional()
        .openapi({ description: 'industry classification (default: the only one; else 400 with the choices)', example: 'GBT4754-2017' }),
      year: z.string().max(10).optional().openapi({ description: 'year (default: the only one; else 400 with the choices)', example: '2019' }),
      level: text(100)
        .optional()
        .openapi({ description: 'industry level of the classification, e.g. section, division (default: the only one; else 400)', example: 'section' }),
      regionLevel: text(100)
        .optional()
        .openapi({ description: 'region level, e.g. province, prefecture, county (default: the only one; else 400)', example: 'province' }),
      metro: text(100).optional().openapi({ description: 'only the regions of this metro (members and unit-set members)', example: 'jjj' }),
      unitSet: text(100).optional().openapi({
        description: 'only the members of this unit set of the metro (needs metro); its indicator and classification unless given',
        example: 'provinces',
      }),
      source: text(200).optional().openapi({ description: 'only values of this source (needed when a region has values from several sources)' }),
      gaps: z.enum(gapPolicies).optional().openapi({
        description: 'withheld or missing cells: error (default, 422 listing them), drop-regions, drop-industries (reported in notes); never read as 0',
      }),
      ...measuresQueryFields,
    }),
  },
  responses: {
    200: { description: 'the measures document (as POST /api/measures)', content: { 'application/json': { schema: measuresDocumentSchema } } },
    ...errorResponses(404, 422),
  },
});

/** Registers GET /api/datasets/{id}/measures. */
export const registerDatasetMeasuresRoutes: RouteModule = (app: OpenAPIHono, deps: ServerDeps) => {
  app.openapi(datasetMeasuresRoute, async (c) => {
    const q = c.req.valid('query');
    const { id } = c.req.valid('param');
    if (q.unitSet !== undefined && q.metro === undefined)
      throw new ApiError(400, 'INVALID_REQUEST', serverMessages.unitSetNeedsMetro, [{ path: 'unitSet', message: 'needs metro' }]);
    // Checked before any data are read: the measures and their options, the year.
    const request = measuresRequest(q);
    const year = queryYear(q.year);
    const params: DatasetMeasuresParams = {
      dataset: id,
      metro: q.metro,
      unitSet: q.unitSet,
      wanted: { indicator: q.indicator, classification: q.classification, year, level: q.level, regionLevel: q.regionLevel, source: q.source },
      gaps: q.gaps ?? 'error',
      zeroTotals: q.zeroTotals,
      request,
    };
    const key = `dataset-measures:${JSON.stringify([id, q.metro?.toLowerCase() ?? null, q.unitSet ?? null, params.wanted, params.gaps, q.zeroTotals ?? null, request.key])}`;
    let body: string;
    try {
      body = await deps.cache.get(key, () => datasetMeasures(deps, params));
    } catch (error) {
      if (!(error instanceof SelectionError)) throw error;
      const lang = requestLanguage(c);
      throw new ApiError(
        error.status,
        error.code,
        error.text,
        error.issues.map((i) => ({ ...i, message: i.message[lang] })),
      );
    }
    return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' }) as never;
  });
};
