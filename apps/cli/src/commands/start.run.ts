/** The work of `metrocoop start` (loaded only when the command runs). */
import type { BenchmarkBasis, LocalizedText } from '@metrocoop/core';
import { analyzeMetroFromStore } from '@metrocoop/data';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { openCliStore } from '../store.ts';
import { analysisText } from '../text/analysis.ts';
import { defaultStartMetros, messages, type StartOptions } from './start.ts';

export async function runStart(ctx: CliContext, opts: StartOptions, command: Command): Promise<void> {
  const p = (x: LocalizedText) => pick(x, ctx.lang);
  const metros =
    opts.metros === undefined
      ? [...defaultStartMetros]
      : opts.metros
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
  const top = Math.max(0, Number.parseInt(opts.findings, 10) || 0);
  const store = await openCliStore(command, ctx);
  try {
    // Tokyo and New York are the benchmarks of every metro: read each comparison basis once.
    const benchmarkCache = new Map<string, BenchmarkBasis>();
    for (const [k, metro] of metros.entries()) {
      ctx.err(p(messages.progress(metro, k + 1, metros.length)));
      const compare = metros.filter((m) => m !== metro && (m === 'tokyo' || m === 'nyc'));
      const result = await analyzeMetroFromStore(store, metro, { compare, benchmarkCache });
      ctx.out(`${messages.rule}\n${analysisText(result, ctx.lang, top)}\n`);
    }
    ctx.out(p(messages.footer));
  } finally {
    store.close();
  }
}
