/**
 * Start the API on a host and port over one store the server holds (opened read-write, its holder recorded beside
 * it so that CLI commands waiting for it can say who holds it). Bound to 127.0.0.1 by default; bound beyond
 * loopback, writes need `Authorization: Bearer <METROCOOP_TOKEN>` and the server refuses to start without that
 * token. `close()` (and SIGINT/SIGTERM) shut down gracefully: stop accepting, let the requests in flight finish,
 * wait for the store's last user, close the store.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { type Language, MetroError } from '@metrocoop/core/errors';
import { defaultStorePath, type LoadProgress, Store } from '@metrocoop/data';
import { createApp } from './app.ts';
import type { ServerLimits } from './context.ts';
import { createServerDeps, type ServerRuntime } from './deps.ts';
import type { ErrorLog } from './errors.ts';
import { createListener } from './listener.ts';
import { serverMessages } from './messages.ts';
import { RateLimiter } from './rate-limit.ts';
import { ResponseCache } from './response-cache.ts';
import { warmUp } from './warm-up.ts';

/** The port when neither the option nor `PORT` gives one. */
export const defaultPort = 8787;

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** Interface to bind (default `127.0.0.1`). Anything but loopback needs a token. */
  readonly host?: string;
  /** Port (default: env `PORT`, else 8787; `0` = any free port). */
  readonly port?: number;
  /** The store file (default: env `METROCOOP_STORE`, else `./metrocoop.duckdb`); created and loaded when missing. */
  readonly storePath?: string;
  /** The write token (default: env `METROCOOP_TOKEN`). When set, writes need it, on any host. */
  readonly token?: string;
  /** Limits to change from the defaults. */
  readonly limits?: Partial<ServerLimits>;
  /** How long to wait for a store held by another process, in ms (default 0: fail at once). */
  readonly waitMs?: number;
  /** Stop on SIGINT and SIGTERM (default `true`). */
  readonly handleSignals?: boolean;
  /** Progress of the first load of the embedded dataset. */
  readonly onProgress?: (event: LoadProgress) => void;
  /** Messages of the shutdown, and stacks of internal errors (default: stderr). */
  readonly log?: ErrorLog;
  /** Language of the shutdown messages (default `en`). */
  readonly lang?: Language;
  /** Environment (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Behind a reverse proxy: count requests against the address the proxy appends to `X-Forwarded-For` (default:
   * env `METROCOOP_TRUST_PROXY` is `1` or `true`, else `false`: the socket's address).
   */
  readonly trustProxy?: boolean;
  /** Keep finished read answers and serve them again without the app (response-cache.ts; default `true`). */
  readonly responseCache?: boolean;
  /**
   * After listening, compute in the background what the dashboard opens with — the metros, and each embedded
   * metro's analysis and geometries — so the first visitor does not wait for them (warm-up.ts; default `true`).
   */
  readonly warmUp?: boolean;
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port` (IPv6 hosts in brackets). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly app: OpenAPIHono;
  readonly deps: ServerRuntime;
  /** Shut down gracefully (idempotent); resolves when the store is closed. */
  close(): Promise<void>;
  /** Resolves when the server has shut down (by `close()` or a signal). */
  readonly closed: Promise<void>;
  /** Resolves with the targets the warm-up computed (empty without the warm-up) once it is over. */
  readonly warmed: Promise<string[]>;
  /** The response cache (`null` when turned off). */
  readonly responses: ResponseCache | null;
}

/** Whether a host name or address is this machine only. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/** Refuse a binding beyond loopback without a token (`TOKEN_REQUIRED`, bilingual). */
export function checkBinding(host: string, token: string | undefined): void {
  if (!isLoopback(host) && (token === undefined || token === '')) throw new MetroError('TOKEN_REQUIRED', serverMessages.needsToken(host), { host });
}

function portOf(options: StartServerOptions, env: NodeJS.ProcessEnv): number {
  const raw = options.port ?? (env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : defaultPort);
  if (!Number.isInteger(raw) || raw < 0 || raw > 65535) throw new MetroError('USAGE', serverMessages.badPort(options.port ?? env.PORT), { port: raw });
  return raw;
}

/** Start the server; resolves once it listens. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  const port = portOf(options, env);
  const token = options.token ?? (env.METROCOOP_TOKEN === '' ? undefined : env.METROCOOP_TOKEN);
  checkBinding(host, token);
  const log: ErrorLog = options.log ?? ((line) => process.stderr.write(line));
  const lang = options.lang ?? 'en';
  const store = await Store.openDefault(options.storePath ?? defaultStorePath(env), {
    readOnly: false,
    waitMs: options.waitMs ?? 0,
    holder: { command: `metrocoop serve --host ${host} --port ${port}` },
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const deps = createServerDeps(store, options.limits === undefined ? {} : { limits: options.limits });
  const trustProxy = options.trustProxy ?? /^(1|true)$/i.test(env.METROCOOP_TRUST_PROXY ?? '');
  const limiter = new RateLimiter(deps.limits.ratePerMinute);
  const app = createApp(deps, { token, log, trustProxy, limiter });
  const responses = (options.responseCache ?? true) ? new ResponseCache() : null;
  let stopping = false;
  const fetch = (request: Request, env: unknown): Response | Promise<Response> => {
    if (stopping)
      return new Response(JSON.stringify({ error: { code: 'SHUTTING_DOWN', message: serverMessages.unavailable.en, issues: [] } }), {
        status: 503,
        headers: { 'content-type': 'application/json', connection: 'close' },
      });
    return app.fetch(request, env as object);
  };
  const server: Server = createServer(
    createListener({ fetch, cache: responses, dataVersion: deps.dataVersion, limiter, trustProxy, stopping: () => stopping }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  const warming = (options.warmUp ?? true) ? warmUp(url, () => stopping) : Promise.resolve([]);
  let closing: Promise<void> | undefined;
  const onSignal = () => {
    log(`${serverMessages.stopping[lang]}\n`);
    void close().then(() => log(`${serverMessages.stopped[lang]}\n`));
  };
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      stopping = true;
      if (handleSignals) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      await new Promise<void>((resolve) => {
        // Stops accepting; resolves when every connection has ended (idle keep-alive ones are closed now).
        server.close(() => resolve());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        // Requests in flight get the request timeout and a little more, then their connections are cut.
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, deps.limits.timeoutMs + 2000);
        force.unref();
      });
      await warming;
      // A request that timed out may still be working on the store: wait for the last one.
      await deps.lock.write(async () => undefined);
      store.close();
      resolveClosed();
    })());
  return { url, host, port: address.port, app, deps, close, closed, warmed: warming, responses };
}
