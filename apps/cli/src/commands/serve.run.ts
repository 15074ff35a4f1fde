/** The work of `metrocoop serve` (loaded only when the command runs). */
import { InvalidInputError } from '@metrocoop/core/errors';
import { findWebDist, serverMessages, startServer } from '@metrocoop/server';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { waitMilliseconds } from '../store.ts';
import { messages, type ServeOptions } from './serve.ts';

/** Start the server and resolve when it has stopped (SIGINT / SIGTERM). */
export async function runServe(ctx: CliContext, opts: ServeOptions, command: Command): Promise<void> {
  const storePath = String(command.optsWithGlobals<{ store?: string }>().store ?? process.env.METROCOOP_STORE ?? './metrocoop.duckdb');
  let port: number | undefined;
  if (opts.port !== undefined) {
    port = Number(opts.port);
    if (opts.port.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
      throw new InvalidInputError(serverMessages.badPort(opts.port), { port: opts.port }, 'USAGE');
    }
  }
  const running = await startServer({
    ...(opts.host === undefined ? {} : { host: opts.host }),
    ...(port === undefined ? {} : { port }),
    storePath,
    ...(opts.trustProxy === true ? { trustProxy: true } : {}),
    ...(opts.warmUp === false ? { warmUp: false } : {}),
    waitMs: waitMilliseconds(command),
    lang: ctx.lang,
    log: (line) => ctx.err(line),
    onProgress: (e) => {
      if (e.phase === 'start') ctx.err(pick(messages.loading(storePath), ctx.lang));
    },
  });
  ctx.out(`${running.url}\n`);
  ctx.err(`${pick(serverMessages.listening(running.url, findWebDist() !== null), ctx.lang)}\n`);
  await running.closed;
}
