/** The work of `metrocoop metro add | list | show | remove` (loaded only when one of them runs). */
import { addMetro, listMetroOrigins, removeMetro, resolveMetroId } from '@metrocoop/data';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { withStore } from '../store.ts';
import { formatTable } from '../text/table.ts';
import { runDataShow } from './data.run.ts';
import { messages } from './metro.ts';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function runMetroAdd(ctx: CliContext, file: string, options: { json?: boolean }, command: Command): Promise<void> {
  const result = await withStore(command, ctx, (store) => addMetro(store, file));
  if (options.json === true) ctx.out(json(result));
  else ctx.out(pick(messages.added(result.id, result.members, result.newRegions.length, result.unitSets.join(', '), result.travelTimes), ctx.lang));
}

export async function runMetroList(ctx: CliContext, options: { json?: boolean }, command: Command): Promise<void> {
  const metros = await withStore(command, ctx, (store) => listMetroOrigins(store));
  if (options.json === true) {
    ctx.out(json(metros));
    return;
  }
  const h = messages.headers;
  const headers = [h.id, h.name, h.country, h.origin, h.members].map((x) => pick(x, ctx.lang));
  const rows = metros.map((m) => [
    m.id,
    ctx.lang === 'zh' ? m.nameZh : m.nameEn,
    m.country,
    pick(m.origin === 'embedded' ? messages.embedded : messages.user, ctx.lang),
    String(m.members),
  ]);
  ctx.out(formatTable(headers, rows));
}

export async function runMetroShow(ctx: CliContext, id: string, options: { json?: boolean }, command: Command): Promise<void> {
  const metro = await withStore(command, ctx, (store) => resolveMetroId(store, id));
  await runDataShow(ctx, metro, options, command);
}

export async function runMetroRemove(ctx: CliContext, id: string, options: { json?: boolean }, command: Command): Promise<void> {
  const result = await withStore(command, ctx, (store) => removeMetro(store, id));
  if (options.json === true) ctx.out(json(result));
  else
    ctx.out(
      pick(
        messages.removed(
          result.id,
          Object.values(result.rows).reduce((s, n) => s + n, 0),
        ),
        ctx.lang,
      ),
    );
}
