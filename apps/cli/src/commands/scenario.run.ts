/** The work of `metrocoop scenario` (loaded only when the command runs). */
import { readFileSync } from 'node:fs';
import { InvalidInputError, parseScenarioFile, parseScenarioMove, runScenario, type ScenarioMove, type ScenarioResult } from '@metrocoop/core';
import { loadPlanningContext, type Store } from '@metrocoop/data';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { checkMetroTarget, onMetro, writeOrPrint } from '../one-shot.ts';
import { progressMessages, withProgress } from '../progress.ts';
import { jsonText } from '../text/json.ts';
import { scenarioText } from '../text/scenario.ts';
import { messages, type ScenarioCommandOptions } from './scenario.ts';

/** The moves and note of the command line: `--move` (repeatable) or `--file`, never both. */
export function readScenario(opts: Pick<ScenarioCommandOptions, 'move' | 'file'>): { moves: ScenarioMove[]; note: string | null } {
  const given = opts.move ?? [];
  if (given.length === 0 && opts.file === undefined) throw new InvalidInputError(messages.needMoves, undefined, 'USAGE');
  if (given.length > 0 && opts.file !== undefined) throw new InvalidInputError(messages.bothMoves, undefined, 'USAGE');
  if (opts.file === undefined) return { moves: given.map((text, k) => parseScenarioMove(text, k + 1)), note: null };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(opts.file, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(messages.unreadable(opts.file, why), { file: opts.file }, 'INVALID_SCENARIO_FILE');
  }
  const file = parseScenarioFile(json, opts.file);
  return {
    moves: file.moves.map((m) => ({
      from: m.from,
      industry: m.industry,
      to: m.to,
      ...(m.amount === undefined ? {} : { amount: m.amount }),
      ...(m.share === undefined ? {} : { share: m.share }),
    })),
    note: file.note ?? null,
  };
}

export async function runScenarioCommand(ctx: CliContext, metro: string | undefined, opts: ScenarioCommandOptions, command: Command): Promise<void> {
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year)) throw new InvalidInputError(messages.badYear(opts.year), { year: opts.year }, 'USAGE');
  }
  checkMetroTarget(metro, opts, messages);
  // The moves are read (and their form checked) before any store is opened.
  const scenario = readScenario(opts);
  const run = async (store: Store, id: string): Promise<void> => {
    const result: ScenarioResult = await withProgress(ctx, progressMessages.analysing(id), async () => {
      // The analysis input and, beside it, the listed-firm relocations between its units (null outside China).
      const planning = await loadPlanningContext(store, id, { units: opts.units, ...(year === undefined ? {} : { year }) });
      return runScenario(planning.input, scenario.moves, { relocations: planning.relocations, note: scenario.note });
    });
    const text = opts.format === 'json' ? jsonText(result) : scenarioText(result, ctx.lang);
    writeOrPrint(ctx, text, opts.out, messages.wrote);
  };
  await onMetro(ctx, command, 'scenario', metro, opts, run);
}
