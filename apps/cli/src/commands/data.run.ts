/** The work of `metrocoop data list | show | export` (loaded only when one of them runs). */
import { InvalidInputError, NotFoundError } from '@metrocoop/core';
import {
  type DatasetInfo,
  deleteDataset,
  exportTable,
  exportText,
  type IndicatorSummary,
  listDatasets,
  listMetros,
  type MetroDetail,
  type MetroSummary,
  type RegionDetail,
  type Store,
  showMetro,
  showRegion,
  storeMessages,
} from '@metrocoop/data';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { type LocalizedText, pick } from '../i18n.ts';
import { withStore } from '../store.ts';
import { formatTable, yearRanges } from '../text/table.ts';
import { type DataExportOptions, messages } from './data.ts';

const text = (en: string, zh: string): LocalizedText => ({ en, zh });

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

export async function runDataList(ctx: CliContext, options: { json?: boolean }, command: Command): Promise<void> {
  const metros = await withStore(command, ctx, (store) => listMetros(store));
  ctx.out(options.json === true ? json(metros) : listText(metros, ctx.lang));
}

export async function runDataShow(ctx: CliContext, id: string, options: { json?: boolean }, command: Command): Promise<void> {
  const found = await withStore(command, ctx, (store) => showAny(store, id));
  if (options.json === true) ctx.out(json({ kind: found.kind, ...found.value }));
  else ctx.out(found.kind === 'metro' ? metroText(found.value, ctx.lang) : regionText(found.value, ctx.lang));
}

export async function runDataExport(ctx: CliContext, what: string, options: DataExportOptions, command: Command): Promise<void> {
  const t = (m: LocalizedText) => pick(m, ctx.lang);
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
}

function datasetsText(datasets: readonly DatasetInfo[], lang: CliContext['lang']): string {
  const h = messages.datasetHeaders;
  const headers = [h.name, h.kind, h.source, h.rows, h.regions, h.years, h.loadedAt].map((m) => pick(m, lang));
  const rows = datasets.map((d) => {
    const sources = d.sources.length > 3 ? `${d.sources.slice(0, 3).join(', ')}, … (${d.sources.length})` : d.sources.join(', ');
    const origin = d.kind === 'embedded' ? 'metrocoop' : (d.origin ?? '');
    return [
      d.name,
      d.kind ?? '',
      [origin, sources].filter((x) => x !== '').join('; '),
      String(d.observations),
      String(d.regions),
      d.firstYear === null ? '' : d.firstYear === d.lastYear ? String(d.firstYear) : `${d.firstYear}–${d.lastYear}`,
      d.loadedAt ?? '',
    ];
  });
  return formatTable(headers, rows);
}

export async function runDataDatasets(ctx: CliContext, options: { json?: boolean }, command: Command): Promise<void> {
  const datasets = await withStore(command, ctx, (store) => listDatasets(store));
  ctx.out(options.json === true ? json(datasets) : datasetsText(datasets, ctx.lang));
}

export async function runDataDelete(ctx: CliContext, name: string, options: { json?: boolean }, command: Command): Promise<void> {
  const result = await withStore(command, ctx, (store) => deleteDataset(store, name));
  const rows = Object.values(result.deleted).reduce((a, b) => a + b, 0);
  ctx.out(options.json === true ? json(result) : pick(messages.deleted(result.name, rows), ctx.lang));
}
