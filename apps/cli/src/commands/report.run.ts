/** The work of `metrocoop report` (loaded only when the command runs). */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { analyzeMetro, InvalidInputError, type LocalizedText, planMetro } from '@metrocoop/core';
import { defaultBenchmarkMetros, loadBenchmarkBases, loadPlanningContext, loadUnitGeometries, type Store } from '@metrocoop/data';
import { buildReport, type Report, type ReportSourceEntry, renderCsv, renderHtml, renderMarkdown, renderPdf, renderXlsx } from '@metrocoop/report';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { checkMetroTarget, onMetro } from '../one-shot.ts';
import { type ProgressLabel, withProgress } from '../progress.ts';
import { messages, type ReportCommandOptions, type ReportFormat } from './report.ts';

/** The progress line of the command (its own label: progress.ts keeps the shared ones). */
export const reportProgress = (id: string, format: ReportFormat): ProgressLabel => ({
  working: (s) => ({ en: `Writing the ${format} report of ${id} … ${s} s`, zh: `正在生成 ${id} 的 ${format} 报告 … ${s} 秒` }),
  done: (s) => ({ en: `Wrote the ${format} report of ${id} in ${s} s.`, zh: `${id} 的 ${format} 报告生成完成，用时 ${s} 秒。` }),
});

/** The default output of a metro's report: `<metro>-report.<ext>` in the working directory (CSV: a folder). */
export function defaultReportPath(id: string, format: ReportFormat): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '-') || 'metro';
  return format === 'csv' ? `${safe}-report-csv` : `${safe}-report.${format}`;
}

/** The metros to compare with, from `--compare` (`undefined` = the defaults). */
function compareList(value: string | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The store's source catalogue (citation, publisher, address of every source id). */
async function sourceCatalogue(store: Store): Promise<ReportSourceEntry[]> {
  const rows = await store.rows(`SELECT DISTINCT ON (id) id, citation, publisher, url FROM sources ORDER BY id, dataset = 'default' DESC`);
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({ id: String(r.id), citation: str(r.citation) ?? String(r.id), publisher: str(r.publisher), url: str(r.url) }));
}

/** Read, analyse, plan and build the report of metro `id`. */
async function makeReport(ctx: CliContext, store: Store, id: string, opts: ReportCommandOptions, year: number | undefined, tick: () => void): Promise<Report> {
  const loaded = await loadPlanningContext(store, id, { units: opts.units, ...(year === undefined ? {} : { year }) });
  tick();
  // The analysis as `analyze` makes it (with the benchmark), and the plan from that same analysis.
  const others = [...new Set(compareList(opts.compare) ?? defaultBenchmarkMetros)].filter((m) => m !== id);
  const benchmark = others.length === 0 ? undefined : await loadBenchmarkBases(store, [id, ...others]);
  tick();
  const analysis = analyzeMetro(benchmark === undefined ? loaded.input : { ...loaded.input, benchmark });
  tick();
  const plan = await planMetro({ ...loaded, analysis }, { positions: { sensitivity: opts.sensitivity === true } });
  tick();
  // The maps' boundaries (else points) of the same units; a unit with neither is left off the maps, never guessed.
  const { geometries } = await loadUnitGeometries(store, id, { units: opts.units });
  const sources = await sourceCatalogue(store);
  return buildReport({ analysis, plan, geometries, lang: ctx.lang, sources });
}

/** Write `content` to `path`, refusing a folder. */
function writeFile(path: string, content: string | Uint8Array): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new InvalidInputError(messages.outIsFolder(path), { out: path }, 'USAGE');
  const dir = dirname(path);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  writeFileSync(path, content);
}

/**
 * Render the report in the format and write it (or print it with `--out -`); returns what to tell the user on
 * stderr once the progress line is closed (`null` when the report went to stdout).
 */
async function writeReport(ctx: CliContext, report: Report, format: ReportFormat, out: string): Promise<LocalizedText | null> {
  const lang = ctx.lang;
  switch (format) {
    case 'html': {
      const html = renderHtml(report, lang);
      if (out === '-') {
        ctx.out(html);
        return null;
      }
      writeFile(out, html);
      return messages.wrote(out);
    }
    case 'md': {
      if (out === '-') {
        ctx.out(renderMarkdown(report, lang, { noFiles: true }).markdown);
        return null;
      }
      const assetDir = `${basename(out, extname(out))}-charts`;
      const { markdown, files } = renderMarkdown(report, lang, { assetDir });
      writeFile(out, markdown);
      for (const f of files) writeFile(join(dirname(out), f.name), f.content);
      return messages.wroteMarkdown(out, files.length, join(dirname(out), assetDir));
    }
    case 'pdf':
      writeFile(out, await renderPdf(renderHtml(report, lang)));
      return messages.wrote(out);
    case 'xlsx':
      writeFile(out, await renderXlsx(report, lang));
      return messages.wrote(out);
    case 'csv': {
      if (existsSync(out) && !statSync(out).isDirectory()) throw new InvalidInputError(messages.outIsFile(out), { out }, 'USAGE');
      mkdirSync(out, { recursive: true });
      const files = renderCsv(report, lang);
      for (const f of files) writeFileSync(join(out, f.name), f.content);
      return messages.wroteCsv(out, files.length);
    }
  }
}

export async function runReport(ctx: CliContext, metro: string | undefined, opts: ReportCommandOptions, command: Command): Promise<void> {
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year)) throw new InvalidInputError(messages.badYear(opts.year), { year: opts.year }, 'USAGE');
  }
  checkMetroTarget(metro, opts, messages);
  const format = opts.format;
  if (opts.out === '-' && format !== 'html' && format !== 'md') throw new InvalidInputError(messages.noStdout(format), { format }, 'USAGE');
  const work = async (store: Store, id: string): Promise<void> => {
    const out = opts.out ?? defaultReportPath(id, format);
    const said = await withProgress(ctx, reportProgress(id, format), async (progress) => {
      const report = await makeReport(ctx, store, id, opts, year, () => progress.tick());
      progress.tick();
      return writeReport(ctx, report, format, out);
    });
    if (said !== null) ctx.err(pick(said, ctx.lang));
  };
  await onMetro(ctx, command, 'report', metro, opts, work);
}
