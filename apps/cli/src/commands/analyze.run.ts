/** The work of `metrocoop analyze` (loaded only when the command runs). */
import { writeFileSync } from 'node:fs';
import { InvalidInputError } from '@metrocoop/core';
import { analyzeMetroFromStore } from '@metrocoop/data';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { openCliStore } from '../store.ts';
import { analysisText } from '../text/analysis.ts';
import { jsonText } from '../text/json.ts';
import { type AnalyzeOptions, messages } from './analyze.ts';

export async function runAnalyze(ctx: CliContext, metro: string, opts: AnalyzeOptions, command: Command): Promise<void> {
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year)) throw new InvalidInputError(messages.badYear(opts.year), { year: opts.year }, 'USAGE');
  }
  const compare =
    opts.compare === undefined
      ? undefined
      : opts.compare === 'none'
        ? []
        : opts.compare
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '');
  const store = await openCliStore(command, ctx);
  try {
    const result = await analyzeMetroFromStore(store, metro, {
      units: opts.units,
      ...(year === undefined ? {} : { year }),
      ...(compare === undefined ? {} : { compare }),
    });
    const text = opts.format === 'json' ? jsonText(result) : analysisText(result, ctx.lang);
    if (opts.out !== undefined) {
      writeFileSync(opts.out, text);
      ctx.err(pick(messages.wrote(opts.out), ctx.lang));
    } else ctx.out(text);
  } finally {
    store.close();
  }
}
