/**
 * `metrocoop data list | show | export` (and, through data-import.ts, `data import | validate`).
 *
 * Every command opens the store named by the global `--store` (default env `METROCOOP_STORE` or
 * `./metrocoop.duckdb`), creating or migrating it and loading the embedded dataset when it is missing or stale
 * (progress on stderr). Output goes to stdout: a table, or JSON with `--json`.
 */

import { InvalidInputError, NotFoundError } from '@metrocoop/core';
import {
  type ExportFormat,
  exportFormats,
  exportTable,
  exportText,
  type IndicatorSummary,
  type LoadProgress,
  listMetros,
  type MetroDetail,
  type MetroSummary,
  type RegionDetail,
  Store,
  showMetro,
  showRegion,
  storeMessages,
} from '@metrocoop/data';
import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { type LocalizedText, pick } from '../i18n.ts';
import { registerImportCommands } from './data-import.ts';

const text = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The command texts (en / zh). */
const messages = {
  data: text('manage data: list, show, export, import, validate', '数据管理：列出、查看、导出、导入、校验'),
  list: text('list the metros with their regions, unit sets, indicators and sources', '列出都市圈及其地区、分析单元集、指标与来源'),
  show: text('show a metro or a region (by id)', '查看一个都市圈或地区（按编号）'),
  showArg: text(
    'a metro id (jjj, yrd, tokyo, nyc, boswash) or a region id (CN-110000, JP-13, US-36061, …)',
    '都市圈编号（jjj、yrd、tokyo、nyc、boswash）或地区编号（CN-110000、JP-13、US-36061 等）',
  ),
  export: text('export a table or a metro’s observations', '导出一张表或某都市圈的观测值'),
  exportArg: text('a table name (observations, regions, …) or metro:<id>', '表名（observations、regions 等）或 metro:<编号>'),
  json: text('print JSON instead of a table', '输出 JSON 而非表格'),
  format: text('output format', '输出格式'),
  out: text('output file (default: stdout for csv and json)', '输出文件（csv 与 json 默认输出到标准输出）'),
  dataset: text('only rows of this dataset (default: all)', '只导出该数据集的行（默认全部）'),
  layout: text(
    'observations as CSV: canonical (the 8 import columns), extended (+ vintage, withheld, flags, note: lossless re-import) or full (every column)',
    '观测值 CSV 的版式：canonical（导入用的 8 列）、extended（另加版本、隐去标记、注释等，可无损再导入）或 full（全部列）',
  ),
  loading: (path: string) => text(`Loading the embedded dataset into ${path} …\n`, `正在将内置数据集载入 ${path} …\n`),
  loadedTable: (table: string, rows: number, index: number, total: number) =>
    text(`  [${index}/${total}] ${table}: ${rows} rows\n`, `  [${index}/${total}] ${table}：${rows} 行\n`),
  loaded: (rows: number) => text(`Loaded ${rows} rows.\n`, `已载入 ${rows} 行。\n`),
  wrote: (rows: number, path: string) => text(`Wrote ${rows} rows to ${path}.\n`, `已将 ${rows} 行写入 ${path}。\n`),
  headers: {
    id: text('id', '编号'),
    name: text('name', '名称'),
    country: text('country', '国家'),
    members: text('members', '成员'),
    levels: text('regions by level', '各级地区'),
    unitSets: text('unit sets (* default)', '分析单元集（* 为默认）'),
    indicators: text('indicators', '指标'),
    observations: text('observations', '观测值'),
    sources: text('sources', '来源'),
  },
  level: {
    country: text('country', '国家'),
    province: text('province', '省级'),
    prefecture: text('prefecture', '都道府县'),
    city: text('city', '城市'),
    county: text('county', '县'),
    municipality: text('municipality', '市区町村'),
    msa: text('MSA', '大都市统计区'),
    state: text('state', '州'),
  } as Record<string, LocalizedText>,
  ring: { core: text('core', '核心'), inner: text('inner', '内圈'), outer: text('outer', '外圈') } as Record<string, LocalizedText>,
  metroTitle: (m: MetroSummary) => text(`${m.nameEn} (${m.id}, ${m.country})`, `${m.nameZh}（${m.id}，${m.country}）`),
  defaultUnitSet: text('default unit set', '默认分析单元集'),
  membersBy: text('members', '成员'),
  unitSetsTitle: text('unit sets', '分析单元集'),
  indicatorsTitle: text('indicators (years)', '指标（年份）'),
  sourcesTitle: text('sources', '来源'),
  knowledge: text('knowledge items', '知识条目'),
  regionTitle: (r: RegionDetail) =>
    text(`${r.nameEn}${r.nameZh === null ? '' : ` / ${r.nameZh}`} (${r.id})`, `${r.nameZh ?? r.nameEn}${r.nameZh === null ? '' : ` / ${r.nameEn}`}（${r.id}）`),
  levelLabel: text('level', '级别'),
  parent: text('parent', '上级'),
  none: text('none', '无'),
  metrosLabel: text('metros', '所属都市圈'),
  unitSetsLabel: text('unit sets', '分析单元集'),
  area: text('area', '面积'),
  gapsTitle: text('gaps', '缺口'),
  withheld: text('withheld', '隐去'),
  missingYear: text('missing year', '缺年份'),
  noGaps: text('none known', '未发现'),
  totals: text('totals', '合计'),
  rows: text('rows', '行'),
} as const;

/** Display width of a string (CJK and full-width characters count 2). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

/** A plain text table with padded columns. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, k) => Math.max(width(h), ...rows.map((r) => width(r[k] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, k) => c + ' '.repeat((widths[k] as number) - width(c)))
      .join('  ')
      .trimEnd();
  return `${[line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}

/** Years as ranges: 2008, 2012–2016, 2019. */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let k = 0; k < sorted.length; ) {
    let j = k;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(j === k ? String(sorted[k]) : `${sorted[k]}–${sorted[j]}`);
    k = j + 1;
  }
  return parts.join(', ');
}

/**
 * Open the store of the global `--store` option with the embedded dataset loaded (progress on stderr). Other data
 * commands (import, validate) may use it too.
 */
export async function openCliStore(command: Command, ctx: CliContext): Promise<Store> {
  const path = String(command.optsWithGlobals<{ store?: string }>().store ?? process.env.METROCOOP_STORE ?? './metrocoop.duckdb');
  return Store.openDefault(path, {
    onProgress: (e: LoadProgress) => {
      if (e.phase === 'start') ctx.err(pick(messages.loading(path), ctx.lang));
      else if (e.phase === 'table' && ctx.interactive) ctx.err(pick(messages.loadedTable(e.table ?? '', e.rows ?? 0, e.index, e.total), ctx.lang));
      else if (e.phase === 'done') ctx.err(pick(messages.loaded(e.rows ?? 0), ctx.lang));
    },
  });
}

async function withStore<T>(command: Command, ctx: CliContext, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCliStore(command, ctx);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function levelText(counts: Readonly<Record<string, number>>, lang: CliContext['lang']): string {
  return Object.entries(counts)
    .map(([level, n]) => `${messages.level[level] === undefined ? level : pick(messages.level[level] as LocalizedText, lang)} ${n}`)
    .join(', ');
}

function listText(metros: readonly MetroSummary[], lang: CliContext['lang']): string {
  const h = messages.headers;
  const headers = [h.id, h.name, h.country, h.members, h.levels, h.unitSets, h.indicators, h.observations, h.sources].map((t) => pick(t, lang));
  const rows = metros.map((m) => [
    m.id,
    lang === 'zh' ? m.nameZh : m.nameEn,
    m.country,
    String(m.memberCount),
    levelText(m.regionCounts, lang),
    m.unitSets.map((u) => `${u.id}${u.isDefault ? '*' : ''}`).join(', '),
    String(m.indicators.length),
    String(m.observationCount),
    String(m.sources.length),
  ]);
  return formatTable(headers, rows);
}

function indicatorLines(indicators: readonly IndicatorSummary[], lang: CliContext['lang']): string[] {
  return indicators.map((i) => {
    const cls = i.classifications.map((c) => c ?? pick(messages.totals, lang)).join(', ');
    return `  ${i.indicator} [${cls}]: ${yearRanges(i.years)} (${i.observations} ${pick(messages.rows, lang)})`;
  });
}

function metroText(m: MetroDetail, lang: CliContext['lang']): string {
  const lines: string[] = [pick(messages.metroTitle(m), lang)];
  const note = lang === 'zh' ? (m.noteZh ?? m.noteEn) : (m.noteEn ?? m.noteZh);
  if (note !== null) lines.push(note);
  lines.push(`${pick(messages.defaultUnitSet, lang)}: ${m.defaultUnitSet}`, '');
  lines.push(`${pick(messages.membersBy, lang)} (${m.memberCount}; ${levelText(m.regionCounts, lang)})`);
  for (const ring of ['core', 'inner', 'outer']) {
    const members = m.members.filter((x) => x.ring === ring);
    if (members.length === 0) continue;
    const names = members.map((x) => `${lang === 'zh' ? (x.nameZh ?? x.nameEn) : x.nameEn} ${x.region}`);
    lines.push(`  ${pick(messages.ring[ring] as LocalizedText, lang)} (${members.length}): ${names.join(', ')}`);
  }
  lines.push('', pick(messages.unitSetsTitle, lang));
  for (const u of m.unitSets) {
    const name = lang === 'zh' ? u.nameZh : u.nameEn;
    lines.push(
      `  ${u.id}${u.isDefault ? '*' : ''} ${name}: ${u.memberCount} × ${u.classification}, ${u.indicator}; ${yearRanges(u.years) || pick(messages.none, lang)}`,
    );
  }
  lines.push('', pick(messages.indicatorsTitle, lang), ...indicatorLines(m.indicators, lang));
  lines.push('', `${pick(messages.sourcesTitle, lang)} (${m.sources.length}): ${m.sources.join(', ')}`);
  lines.push(`${pick(messages.knowledge, lang)}: ${m.knowledgeCount}`);
  return `${lines.join('\n')}\n`;
}

function regionText(r: RegionDetail, lang: CliContext['lang']): string {
  const none = pick(messages.none, lang);
  const level = messages.level[r.level] === undefined ? r.level : pick(messages.level[r.level] as LocalizedText, lang);
  const parent = r.parent === null ? none : `${(lang === 'zh' ? r.parent.nameZh : r.parent.nameEn) ?? r.parent.nameEn ?? ''} ${r.parent.id}`.trim();
  const lines: string[] = [
    pick(messages.regionTitle(r), lang),
    `${pick(messages.levelLabel, lang)}: ${level}`,
    `${pick(messages.parent, lang)}: ${parent}`,
    `${pick(messages.metrosLabel, lang)}: ${r.metros.length === 0 ? none : r.metros.map((m) => `${m.metro} (${pick(messages.ring[m.ring] ?? text(m.ring, m.ring), lang)})`).join(', ')}`,
    `${pick(messages.unitSetsLabel, lang)}: ${r.unitSets.length === 0 ? none : r.unitSets.map((u) => `${u.metro}/${u.unitSet}`).join(', ')}`,
  ];
  if (r.areaKm2 !== null) lines.push(`${pick(messages.area, lang)}: ${r.areaKm2} km²`);
  lines.push('', pick(messages.indicatorsTitle, lang));
  for (const i of r.indicators) {
    lines.push(
      `  ${i.indicator} [${i.classification ?? pick(messages.totals, lang)}] ${i.unit}: ${yearRanges(i.years)} — ${i.sources.join(', ')}; ${i.vintages.join('/')}${i.withheld > 0 ? `; ${pick(messages.withheld, lang)} ${i.withheld}` : ''}`,
    );
  }
  lines.push('', `${pick(messages.gapsTitle, lang)} (${r.gaps.length})`);
  if (r.gaps.length === 0) lines.push(`  ${pick(messages.noGaps, lang)}`);
  const shown = r.gaps.slice(0, 40);
  for (const g of shown) {
    const kind = pick(g.kind === 'withheld' ? messages.withheld : messages.missingYear, lang);
    lines.push(`  ${g.indicator} [${g.classification ?? pick(messages.totals, lang)}] ${g.year}${g.industry === null ? '' : ` ${g.industry}`}: ${kind}`);
  }
  if (r.gaps.length > shown.length) lines.push(`  … (+${r.gaps.length - shown.length})`);
  return `${lines.join('\n')}\n`;
}

/** Is `id` a metro, a region, or neither? */
async function showAny(store: Store, id: string): Promise<{ kind: 'metro'; value: MetroDetail } | { kind: 'region'; value: RegionDetail }> {
  try {
    return { kind: 'metro', value: await showMetro(store, id) };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  try {
    return { kind: 'region', value: await showRegion(store, id) };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const metros = (await listMetros(store)).map((m) => m.id);
    throw new NotFoundError(storeMessages.unknownMetroOrRegion('data show', id, metros), { id }, 'UNKNOWN_ID');
  }
}

/** `metrocoop data …`. */
export function registerDataCommands(program: Command, ctx: CliContext): void {
  const t = (m: LocalizedText) => pick(m, ctx.lang);
  const data = program.command('data').description(t(messages.data));

  data
    .command('list')
    .description(t(messages.list))
    .option('--json', t(messages.json))
    .action(async (options: { json?: boolean }, command: Command) => {
      const metros = await withStore(command, ctx, (store) => listMetros(store));
      ctx.out(options.json === true ? json(metros) : listText(metros, ctx.lang));
    });

  data
    .command('show')
    .description(t(messages.show))
    .argument('<id>', t(messages.showArg))
    .option('--json', t(messages.json))
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const found = await withStore(command, ctx, (store) => showAny(store, id));
      if (options.json === true) ctx.out(json({ kind: found.kind, ...found.value }));
      else ctx.out(found.kind === 'metro' ? metroText(found.value, ctx.lang) : regionText(found.value, ctx.lang));
    });

  data
    .command('export')
    .description(t(messages.export))
    .argument('<what>', t(messages.exportArg))
    .addOption(new Option('--format <format>', t(messages.format)).choices([...exportFormats]).makeOptionMandatory())
    .option('--out <file>', t(messages.out))
    .option('--dataset <name>', t(messages.dataset))
    .addOption(new Option('--layout <layout>', t(messages.layout)).choices(['canonical', 'extended', 'full']).default('canonical'))
    .action(
      async (what: string, options: { format: ExportFormat; out?: string; dataset?: string; layout: 'canonical' | 'extended' | 'full' }, command: Command) => {
        const exportOptions = { layout: options.layout, ...(options.dataset === undefined ? {} : { dataset: options.dataset }) };
        if (options.out === undefined && (options.format === 'xlsx' || options.format === 'parquet')) {
          throw new InvalidInputError(storeMessages.needsOutFile('data export', options.format), { format: options.format }, 'USAGE');
        }
        await withStore(command, ctx, async (store) => {
          if (options.out === undefined) {
            const result = await exportText(store, what, options.format, exportOptions);
            ctx.out(result.text);
          } else {
            const result = await exportTable(store, what, options.format, options.out, exportOptions);
            ctx.err(t(messages.wrote(result.rows, options.out)));
          }
        });
      },
    );

  registerImportCommands(data, ctx);
}
