/**
 * `metrocoop serve`: the HTTP API (apps/server) on 127.0.0.1:8787 by default (`PORT`, `--port`, `--host`), over
 * the global `--store`, printing its address and running until interrupted (Ctrl+C / SIGTERM: a graceful stop).
 */

import type { LocalizedText } from '@metrocoop/core';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });
/** The command's texts (en / zh). */
export const messages = {
  description: t(
    'serve the HTTP API (OpenAPI at /openapi.json, docs at /docs) until interrupted',
    '启动 HTTP 接口服务（OpenAPI 见 /openapi.json，文档见 /docs），直到中断',
  ),
  host: t(
    'interface to bind (default 127.0.0.1; any other needs METROCOOP_TOKEN for writes)',
    '绑定的网络接口（默认 127.0.0.1；其他地址须设置 METROCOOP_TOKEN 才能写入）',
  ),
  port: t('port (default: env PORT, else 8787)', '端口（默认取环境变量 PORT，否则为 8787）'),
  trustProxy: t(
    'behind a reverse proxy: rate-limit each client by the address the proxy appends to X-Forwarded-For (or env METROCOOP_TRUST_PROXY=1)',
    '位于反向代理之后：按代理追加到 X-Forwarded-For 的地址对每个客户端限流（或设置环境变量 METROCOOP_TRUST_PROXY=1）',
  ),
  noWarmUp: t('do not compute the embedded metros’ analyses in the background at start', '启动时不在后台预先计算内置都市圈的分析'),
  loading: (path: string) => t(`Loading the embedded dataset into ${path} …\n`, `正在将内置数据集载入 ${path} …\n`),
};

/** The options of `serve` as commander gives them. */
export interface ServeOptions {
  host?: string;
  port?: string;
  trustProxy?: boolean;
  /** commander's negation of `--no-warm-up`. */
  warmUp?: boolean;
}

/** Register `metrocoop serve` (its work is loaded only when it runs). */
export function registerServeCommand(program: Command, ctx: CliContext): void {
  const p = (x: LocalizedText) => pick(x, ctx.lang);
  program
    .command('serve')
    .description(p(messages.description))
    .option('--host <host>', p(messages.host))
    .option('--port <port>', p(messages.port))
    .option('--trust-proxy', p(messages.trustProxy))
    .option('--no-warm-up', p(messages.noWarmUp))
    .action(async (opts: ServeOptions, command: Command) => {
      const { runServe } = await import('./serve.run.ts');
      await runServe(ctx, opts, command);
    });
}
