import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '@metrocoop/core';
import { Command } from 'commander';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { defaultReportPath } from '../src/commands/report.run.ts';
import { registerReportCommand } from '../src/commands/report.ts';
import type { CliContext } from '../src/context.ts';

const dir = mkdtempSync(join(tmpdir(), 'metrocoop-report-test-'));
const examples = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));
const storePath = join(dir, 'store.duckdb');

async function run(args: string[], lang: 'en' | 'zh' = 'en'): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = { lang, out: (s) => (out += s), err: (s) => (err += s), interactive: false };
  const program = new Command('metrocoop').option('--store <file>').exitOverride();
  registerReportCommand(program, ctx);
  for (const c of program.commands) c.exitOverride();
  await program.parseAsync(['--store', storePath, ...args], { from: 'user' });
  return { out, err };
}

const h2 = (html: string): string[] => [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1] as string);
const isUsage = (e: unknown) => e instanceof InvalidInputError && e.code === 'USAGE';

describe('metrocoop report', () => {
  before(async () => {
    await storeCopyPath('embedded', dir, 'store.duckdb');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the JJJ report as one self-contained HTML page in English, with Table 5’s numbers and their sources', async () => {
    const file = join(dir, 'jjj.html');
    const { err } = await run(['report', 'jjj', '--out', file]);
    assert.match(err, /Wrote the report to .*jjj\.html\./);
    const html = readFileSync(file, 'utf8');
    assert.deepEqual(h2(html).slice(1, 4), ['1. Overview', '2. Industry distribution', '3. Positions: stated in plans, revealed today, and the optimum']);
    assert.equal(h2(html).at(-1), 'Sources');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\b(src|href)="(?!#)/i);
    // Beijing's row of Table 5: population and GDP (in millions of CNY) of 2020, NBS revised.
    assert.match(
      html,
      /<tr><td class="text short">Beijing<\/td><td class="text short">core<\/td><td class="num">16,411<\/td><td class="num">21,890,000<\/td><td class="num">3,594,330<\/td>/,
    );
    assert.match(html, /Population: 2020, NBS_REVISED_CUDAV \(revised\)/);
    assert.match(html, /<code>NBS_REVISED_CUDAV<\/code> — NBS provincial GDP and year-end resident population/);
    // Tianjin and Hebei compete (the paper's most similar pair).
    assert.match(html, /<tr><td class="text">Tianjin–Hebei<\/td><td class="text short">competing<\/td>/);
  });

  it('speaks Chinese with --lang zh: every heading Chinese', async () => {
    const file = join(dir, 'jjj-zh.html');
    await run(['report', 'jjj', '--out', file], 'zh');
    const html = readFileSync(file, 'utf8');
    const headings = h2(html);
    assert.equal(headings[1], '1. 概况');
    assert.equal(headings.length, 12);
    for (const h of headings) assert.doesNotMatch(h, /[A-Za-z]/, h);
    assert.match(html, /<tr><td class="text">天津市—河北省<\/td><td class="text short">同质竞争<\/td>/);
  });

  it('reports on every embedded metro in both languages: ten chapters, every chart drawn or its absence said', async () => {
    for (const metro of ['yrd', 'tokyo', 'nyc', 'boswash']) {
      for (const lang of ['en', 'zh'] as const) {
        const file = join(dir, `${metro}-${lang}.html`);
        await run(['report', metro, '--compare', 'none', '--out', file], lang);
        const html = readFileSync(file, 'utf8');
        const headings = h2(html);
        assert.equal(headings.length, 12, `${metro} ${lang}: ${headings.join(' | ')}`);
        if (lang === 'zh') for (const h of headings) assert.doesNotMatch(h, /[A-Za-z]/, `${metro}: ${h}`);
        assert.ok((html.match(/<svg/g) ?? []).length >= 5, `${metro} ${lang}: charts drawn`);
        assert.doesNotMatch(html, /<script/i);
      }
    }
  });

  it('writes Markdown with its charts as SVG files beside it, in both languages', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const file = join(dir, `md-${lang}`, 'jjj.md');
      const { err } = await run(['report', 'jjj', '--format', 'md', '--out', file], lang);
      const md = readFileSync(file, 'utf8');
      const headings = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1] as string);
      assert.equal(headings.length, 12);
      assert.equal(headings[1], lang === 'zh' ? '1. 概况' : '1. Overview');
      if (lang === 'zh') for (const h of headings) assert.doesNotMatch(h, /[A-Za-z]/, h);
      const links = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => decodeURI(m[1] as string));
      for (const link of links) {
        assert.match(link, /^jjj-charts\/[A-Za-z0-9_-]+\.svg$/);
        assert.match(readFileSync(join(dir, `md-${lang}`, link), 'utf8'), /^<svg /);
      }
      const written = existsSync(join(dir, `md-${lang}`, 'jjj-charts')) ? readdirSync(join(dir, `md-${lang}`, 'jjj-charts')).length : 0;
      assert.equal(written, links.length);
      assert.match(err, lang === 'zh' ? /已将报告写入/ : /Wrote the report to/);
    }
  });

  it('prints HTML or Markdown to standard output with --out -', async () => {
    const { out } = await run(['report', 'jjj', '--format', 'md', '--out', '-']);
    assert.match(out, /^# Industrial cooperation in Beijing–Tianjin–Hebei\n/);
    assert.doesNotMatch(out, /!\[/);
  });

  it('writes the XLSX workbook and the CSV folder', async () => {
    const xlsx = join(dir, 'jjj.xlsx');
    await run(['report', 'jjj', '--format', 'xlsx', '--out', xlsx]);
    assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), 'PK');
    const csv = join(dir, 'jjj-csv');
    const { err } = await run(['report', 'jjj', '--format', 'csv', '--out', csv]);
    assert.ok(readdirSync(csv).includes('overview.csv'));
    assert.match(err, /CSV files to/);
  });

  it('reports on a metro of one’s own (--metro-file with --data) from a temporary store', async () => {
    const file = join(dir, 'boston.html');
    const { err } = await run(['report', '--metro-file', join(examples, 'boston-msa.json'), '--data', join(examples, 'boston-msa.csv'), '--out', file]);
    assert.match(err, /temporary store/);
    const html = readFileSync(file, 'utf8');
    assert.equal(h2(html).length, 12);
    assert.match(html, /<h1>Industrial cooperation in [^<]*Boston/);
  });

  it('names the default file after the metro and the format', () => {
    assert.equal(defaultReportPath('jjj', 'html'), 'jjj-report.html');
    assert.equal(defaultReportPath('jjj', 'csv'), 'jjj-report-csv');
    assert.equal(defaultReportPath('my metro/x', 'pdf'), 'my-metro-x-report.pdf');
  });

  it('refuses usage errors before any work', async () => {
    await assert.rejects(run(['report', 'jjj', '--format', 'pdf', '--out', '-']), isUsage);
    await assert.rejects(run(['report']), isUsage);
    await assert.rejects(run(['report', 'jjj', '--year', 'soon']), isUsage);
    await assert.rejects(run(['report', 'jjj', '--out', dir]), isUsage);
  });
});
