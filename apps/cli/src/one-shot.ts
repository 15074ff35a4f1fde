/**
 * The metro a command runs on — a stored metro by id, or `--metro-file FILE [--data FILE]`: a user-defined metro in a
 * temporary store holding the embedded dataset, the metro and the data, removed afterwards — and where its output
 * goes. Shared by `analyze`, `plan`, `scenario` and `report` (imported only by their `*.run.ts` modules).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { InvalidInputError, type LocalizedText } from '@metrocoop/core';
import { addMetro, DataValidationError, importFile, resolveMetroId, Store } from '@metrocoop/data';
import type { Command } from 'commander';
import { reportText } from './commands/data-import.run.ts';
import type { CliContext } from './context.ts';
import { ExitCode } from './errors.ts';
import { pick } from './i18n.ts';
import { openCliStore } from './store.ts';

const temporary = (path: string): LocalizedText => ({
  en: `Working in a temporary store ${path} (removed afterwards) …\n`,
  zh: `在临时数据库 ${path} 中运行（结束后删除）…\n`,
});

/** Runs `work` on the metro of `metroFile` (and the data of `data`, when given) in a temporary store. */
export async function withOneShotMetro(
  ctx: CliContext,
  command: string,
  metroFile: string,
  data: string | undefined,
  work: (store: Store, id: string) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `metrocoop-${command}-`));
  const path = join(dir, 'metrocoop.duckdb');
  ctx.err(pick(temporary(path), ctx.lang));
  let store: Store | undefined;
  try {
    store = await Store.openDefault(path);
    const added = await addMetro(store, metroFile);
    if (data !== undefined) {
      try {
        await importFile(store, data, {
          dataset:
            basename(data)
              .replace(/\.[^.]*$/, '')
              .replace(/[^A-Za-z0-9_.:/-]/g, '-') || 'data',
        });
      } catch (error) {
        if (!(error instanceof DataValidationError)) throw error;
        ctx.err(reportText(error.report, ctx.lang, command));
        throw new ExitCode(1);
      }
    }
    await work(store, added.id);
  } finally {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The usage messages of a command that runs on a metro (each command words its own examples). */
export interface MetroTargetMessages {
  readonly needMetro: LocalizedText;
  readonly bothMetro: LocalizedText;
  readonly dataNeedsFile: LocalizedText;
}

/** Throws a USAGE error unless exactly one of a metro id and `--metro-file` is given, and `--data` only with the file. */
export function checkMetroTarget(
  metro: string | undefined,
  opts: { readonly metroFile?: string | undefined; readonly data?: string | undefined },
  m: MetroTargetMessages,
): void {
  if (metro === undefined && opts.metroFile === undefined) throw new InvalidInputError(m.needMetro, undefined, 'USAGE');
  if (metro !== undefined && opts.metroFile !== undefined) throw new InvalidInputError(m.bothMetro, undefined, 'USAGE');
  if (opts.data !== undefined && opts.metroFile === undefined) throw new InvalidInputError(m.dataNeedsFile, undefined, 'USAGE');
}

/**
 * Runs `work` on the metro the command names: a stored metro (the store opened as the command's store options say,
 * the id resolved), or a definition file in a temporary store ({@link withOneShotMetro}). Call
 * {@link checkMetroTarget} first.
 */
export async function onMetro(
  ctx: CliContext,
  command: Command,
  name: string,
  metro: string | undefined,
  opts: { readonly metroFile?: string | undefined; readonly data?: string | undefined },
  work: (store: Store, id: string) => Promise<void>,
): Promise<void> {
  if (opts.metroFile !== undefined) {
    await withOneShotMetro(ctx, name, opts.metroFile, opts.data, work);
    return;
  }
  const store = await openCliStore(command, ctx);
  try {
    await work(store, await resolveMetroId(store, metro as string));
  } finally {
    store.close();
  }
}

/** Writes `text` to `out` (saying so on stderr) or prints it. */
export function writeOrPrint(ctx: CliContext, text: string, out: string | undefined, wrote: (path: string) => LocalizedText): void {
  if (out === undefined) {
    ctx.out(text);
    return;
  }
  writeFileSync(out, text);
  ctx.err(pick(wrote(out), ctx.lang));
}
