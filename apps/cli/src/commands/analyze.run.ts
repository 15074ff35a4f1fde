/** The work of `metrocoop analyze` (loaded only when the command runs). */
import { InvalidInputError, type LocalizedText, type MetroAnalysis } from '@metrocoop/core';
import { analyzeMetroFromStore, type Store } from '@metrocoop/data';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { checkMetroTarget, onMetro, writeOrPrint } from '../one-shot.ts';
import { progressMessages, withProgress } from '../progress.ts';
import { analysisText } from '../text/analysis.ts';
import { jsonText } from '../text/json.ts';
import { type AnalyzeOptions, messages } from './analyze.ts';

/** Every part the analysis could not compute, with why (the result's `absent` lists), as text lines. */
export function absentText(result: MetroAnalysis, lang: CliContext['lang']): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'absent' && Array.isArray(v)) {
          for (const a of v as { what: string; reason: LocalizedText }[]) {
            const line = `- ${a.what}: ${pick(a.reason, lang)}`;
            if (!seen.has(line)) lines.push(line);
            seen.add(line);
          }
        } else walk(v);
      }
    }
  };
  walk(result);
  return lines.length === 0 ? '' : `\n${pick(messages.absentTitle, lang)}\n${lines.join('\n')}\n`;
}

export async function runAnalyze(ctx: CliContext, metro: string | undefined, opts: AnalyzeOptions, command: Command): Promise<void> {
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year)) throw new InvalidInputError(messages.badYear(opts.year), { year: opts.year }, 'USAGE');
  }
  checkMetroTarget(metro, opts, messages);
  const compare =
    opts.compare === undefined
      ? undefined
      : opts.compare === 'none'
        ? []
        : opts.compare
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '');
  const analyse = async (store: Store, id: string): Promise<void> => {
    const result = await withProgress(ctx, progressMessages.analysing(id), () =>
      analyzeMetroFromStore(store, id, {
        units: opts.units,
        ...(year === undefined ? {} : { year }),
        ...(compare === undefined ? {} : { compare }),
      }),
    );
    const text = opts.format === 'json' ? jsonText(result) : `${analysisText(result, ctx.lang)}${absentText(result, ctx.lang)}`;
    writeOrPrint(ctx, text, opts.out, messages.wrote);
  };
  await onMetro(ctx, command, 'analyze', metro, opts, analyse);
}
