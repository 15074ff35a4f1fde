/** The work of `metrocoop data import | validate` (loaded only when one of them runs). */
import { statSync } from 'node:fs';
import { InvalidInputError } from '@metrocoop/core';
import { DataValidationError, type ImportOptions, importFile, type ValidationReport, validateFile } from '@metrocoop/data';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { ExitCode } from '../errors.ts';
import { type LocalizedText, pick } from '../i18n.ts';
import { openCliStore } from '../store.ts';
import { humanise } from '../text/humanise.ts';
import { displayWidth } from '../text/table.ts';
import { type CommandOptions, messages } from './data-import.ts';

/** Files at least this large get progress lines on stderr even when stderr is not a terminal. */
const progressBytes = 50 * 2 ** 20;

function importOptions(opts: CommandOptions, ctx: CliContext, file: string): ImportOptions {
  const out: { -readonly [K in keyof ImportOptions]: ImportOptions[K] } = {};
  if (opts.format !== undefined) out.format = opts.format;
  if (opts.dataset !== undefined) out.dataset = opts.dataset;
  if (opts.regionPrefix !== undefined) out.regionPrefix = opts.regionPrefix;
  if (opts.classification !== undefined) out.classification = opts.classification;
  if (opts.unit !== undefined) out.unit = opts.unit;
  if (opts.indicator !== undefined) out.indicator = opts.indicator;
  if (opts.source !== undefined) out.source = opts.source;
  if (opts.sheet !== undefined) out.sheet = /^\d+$/.test(opts.sheet) ? Number(opts.sheet) : opts.sheet;
  if (opts.year !== undefined) {
    const y = Number(opts.year);
    if (!Number.isInteger(y) || y < 1900 || y > 2100)
      throw new InvalidInputError(messages.badNumber('--year', opts.year, ' 1900–2100 / an integer year between 1900 and 2100'), undefined, 'USAGE');
    out.year = y;
  }
  if (opts.replace === true) out.replace = true;
  if (opts.skipUnknownRegions === true) out.skipUnknownRegions = true;
  if (opts.earliestYear !== undefined) {
    const y = Number(opts.earliestYear);
    if (!Number.isInteger(y) || y < 1900 || y > 2100)
      throw new InvalidInputError(
        messages.badNumber('--earliest-year', opts.earliestYear, ' 1900–2100 / an integer year between 1900 and 2100'),
        undefined,
        'USAGE',
      );
    out.earliestYear = y;
  }
  if (opts.sumTolerance !== undefined) {
    const t = Number(opts.sumTolerance);
    if (!(t >= 0 && t <= 1))
      throw new InvalidInputError(messages.badNumber('--sum-tolerance', opts.sumTolerance, ' [0, 1] / a number in [0, 1]'), undefined, 'USAGE');
    out.sumTolerance = t;
  }
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // the report says FILE_NOT_READABLE
  }
  if (ctx.interactive || size >= progressBytes) {
    const started = performance.now();
    out.onProgress = (phase, info) => {
      const rows = info.rows === undefined ? '' : ` ${info.rows}`;
      ctx.err(`${pick(messages.phase[phase], ctx.lang)}${rows} … ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    };
  }
  return out;
}

/** The report with every message as the user of `command` reads it (no internal function names; text/humanise.ts). */
export function humaneReport(report: ValidationReport, command: string): ValidationReport {
  return {
    ...report,
    issues: report.issues.map((i) => ({ ...i, message: { en: humanise(i.message.en, command), zh: humanise(i.message.zh, command) } })),
  };
}

/** The report as a table in the user's language (at most 50 issues; the JSON has them all). */
export function reportText(raw: ValidationReport, lang: CliContext['lang'], command = 'data import'): string {
  const report = humaneReport(raw, command);
  let out = pick(messages.summary(report.file, report.format, report.rows, report.errorCount, report.warningCount), lang);
  if (report.issues.length === 0) return out;
  const h = messages.headers;
  const head = [h.severity, h.code, h.row, h.column, h.value, h.message].map((m) => pick(m, lang));
  const shown = report.issues.slice(0, 50);
  const rows = shown.map((i) => [
    pick(messages.severity[i.severity], lang),
    i.code,
    i.row === null ? '' : String(i.row),
    i.column ?? '',
    i.value === null ? '' : i.value.length > 30 ? `${i.value.slice(0, 29)}…` : i.value,
    pick(i.message, lang),
  ]);
  const width = (k: number) => Math.max(...[head, ...rows].map((r) => displayWidth(r[k] ?? '')));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  const widths = head.map((_, k) => (k === head.length - 1 ? 0 : width(k)));
  const line = (r: string[]) => `${r.map((c, k) => (k === r.length - 1 ? c : pad(c, widths[k] ?? 0))).join('  ')}\n`;
  out += line(head);
  for (const r of rows) out += line(r);
  if (report.issues.length > shown.length) out += pick(messages.more(report.issues.length - shown.length), lang);
  const omitted = Object.values(report.omitted).reduce((a, b) => a + b, 0);
  if (omitted > 0) out += pick(messages.omitted(omitted), lang);
  return out;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function runImport(ctx: CliContext, file: string, opts: CommandOptions, command: Command): Promise<void> {
  const t = (m: LocalizedText) => pick(m, ctx.lang);
  const options = importOptions(opts, ctx, file);
  const store = await openCliStore(command, ctx);
  try {
    const result = await importFile(store, file, options);
    if (opts.json === true) ctx.out(json({ ...humaneReport(result.report, 'data import'), dataset: result.dataset, imported: result.imported }));
    else {
      ctx.out(reportText(result.report, ctx.lang));
      ctx.out(t(messages.imported(result.imported, result.dataset)));
    }
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    if (opts.json === true) ctx.out(json({ ...humaneReport(error.report, 'data import'), dataset: null, imported: 0 }));
    else {
      ctx.out(reportText(error.report, ctx.lang));
      ctx.out(t(messages.notImported));
    }
    throw new ExitCode(1);
  } finally {
    store.close();
  }
}

export async function runValidate(ctx: CliContext, file: string, opts: CommandOptions, command: Command): Promise<void> {
  const t = (m: LocalizedText) => pick(m, ctx.lang);
  const options = importOptions(opts, ctx, file);
  const store = await openCliStore(command, ctx);
  let report: ValidationReport;
  try {
    report = await validateFile(store, file, options);
  } finally {
    store.close();
  }
  if (opts.json === true) ctx.out(json(humaneReport(report, 'data validate')));
  else {
    ctx.out(reportText(report, ctx.lang, 'data validate'));
    if (report.errorCount === 0) ctx.out(t(messages.valid));
  }
  if (report.errorCount > 0) throw new ExitCode(1);
}
