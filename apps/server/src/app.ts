/**
 * The API app: an OpenAPIHono whose routes are declared with zod schemas (validation and `/openapi.json` from one
 * source), `/docs` rendered from that document, one error boundary (errors.ts), and the limits and safety around
 * every request, in this order: security headers → rate limit (per remote address) → token for writes → body limit
 * (per route: uploads get the larger limit) → timeout → a read share of the store (store-lock.ts) → the route.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { RouteModule } from './context.ts';
import type { ServerRuntime } from './deps.ts';
import { docsStyle, renderDocsPage } from './docs-page.ts';
import { ApiError, type ErrorLog, errorBody, errorResponse, requestLanguage, validationResponse } from './errors.ts';
import { serverMessages } from './messages.ts';
import { clientKey, RateLimiter } from './rate-limit.ts';
import { routeModules } from './routes/index.ts';
import { mountStatic } from './static.ts';
import { metrocoopVersion } from './version.ts';

/** Options of {@link createApp}. */
export interface AppOptions {
  /**
   * The token write requests (POST, PUT, PATCH, DELETE) must carry as `Authorization: Bearer <token>`; `undefined`
   * leaves writes open (only ever on loopback: {@link startServer} refuses otherwise).
   */
  readonly token?: string | undefined;
  /**
   * The client key of the rate limit (default: the socket's remote address, or with {@link trustProxy} the address
   * the proxy appended to `X-Forwarded-For`; `local` for in-process requests).
   */
  readonly clientAddress?: (c: Context) => string;
  /** Count requests against the address a reverse proxy reports (rate-limit.ts, `clientKey`); default `false`. */
  readonly trustProxy?: boolean;
  /** The rate limiter (default: a new one at `limits.ratePerMinute`); the server shares it with its response cache. */
  readonly limiter?: RateLimiter;
  /** The route modules (default: every module in routes/index.ts). */
  readonly routes?: readonly RouteModule[];
  /** Where the stacks of internal errors go (default: stderr). */
  readonly log?: ErrorLog;
  /** Clock of the rate limit, in ms (tests). */
  readonly now?: () => number;
}

/** Methods that change the store (they need the token when one is set). */
export const writeMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The Content-Security-Policy: everything from this origin only, no inline script, no framing, no plugins. */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Media types of a request body that count as a JSON document (the rest are uploads). */
const isJsonMedia = (type: string): boolean => /^application\/([a-z0-9.+-]*\+)?json$/i.test(type.trim()) || type === 'application/x-www-form-urlencoded';

interface RouteShape {
  readonly method: string;
  readonly pattern: RegExp;
  readonly upload: boolean;
}

const socketClientAddress =
  (trustProxy: boolean) =>
  (c: Context): string => {
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    return clientKey(incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), trustProxy);
  };

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Create the app over the server's dependencies (the store stays the caller's to close). */
export function createApp(deps: ServerRuntime, options: AppOptions = {}): OpenAPIHono {
  const log: ErrorLog = options.log ?? ((line) => process.stderr.write(line));
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return validationResponse(c, result.error, result.target);
      return undefined;
    },
  });
  app.onError((error, c) => errorResponse(error, c, log));
  app.notFound((c) => c.json(errorBody('NOT_FOUND', serverMessages.notFoundRoute(c.req.method, c.req.path)[requestLanguage(c)]), 404));

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy,
      crossOriginEmbedderPolicy: true,
      xFrameOptions: 'DENY',
      strictTransportSecurity: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );

  const limiter = options.limiter ?? new RateLimiter(deps.limits.ratePerMinute, options.now);
  const clientAddress = options.clientAddress ?? socketClientAddress(options.trustProxy ?? false);
  app.use('*', async (c, next) => {
    const decision = limiter.take(clientAddress(c));
    if (!decision.allowed) {
      throw new ApiError(429, 'RATE_LIMITED', serverMessages.rateLimited(limiter.perMinute, decision.retryAfterSeconds), [], {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }
    await next();
    c.header('RateLimit-Limit', String(limiter.perMinute));
    c.header('RateLimit-Remaining', String(decision.remaining));
  });

  const token = options.token;
  if (token !== undefined) {
    const expected = digest(token);
    app.use('*', async (c, next) => {
      if (writeMethods.has(c.req.method)) {
        const header = c.req.header('authorization') ?? '';
        const match = /^Bearer\s+(.+)$/i.exec(header.trim());
        if (match === null) throw new ApiError(401, 'TOKEN_REQUIRED', serverMessages.tokenMissing, [], { 'WWW-Authenticate': 'Bearer' });
        if (!timingSafeEqual(digest(match[1] ?? ''), expected)) throw new ApiError(403, 'TOKEN_INVALID', serverMessages.tokenWrong);
      }
      await next();
    });
  }

  // Body limits per route: the routes' declared body media types say which ones take uploads.
  let shapes: readonly RouteShape[] = [];
  const tooLarge = (limit: number) => (c: Context) => {
    throw new ApiError(413, 'PAYLOAD_TOO_LARGE', serverMessages.tooLarge(limit), []);
    // biome-ignore lint/correctness/noUnreachable: the type of onError needs a Response
    return c.res;
  };
  const smallLimit = bodyLimit({ maxSize: deps.limits.bodyBytes, onError: tooLarge(deps.limits.bodyBytes) });
  const uploadLimit = bodyLimit({ maxSize: deps.limits.uploadBytes, onError: tooLarge(deps.limits.uploadBytes) });
  app.use('*', async (c, next) => {
    const upload = shapes.some((s) => s.upload && s.method === c.req.method && s.pattern.test(c.req.path));
    return (upload ? uploadLimit : smallLimit)(c, next);
  });

  app.use('*', timeoutMiddleware(deps.limits.timeoutMs));
  app.use('*', (_c, next) => deps.lock.read(next));

  let openapi: ReturnType<OpenAPIHono['getOpenAPIDocument']> | undefined;
  const document = () =>
    (openapi ??= app.getOpenAPIDocument({
      openapi: '3.0.3',
      info: {
        title: 'metrocoop API',
        version: metrocoopVersion(),
        description:
          'Measure, diagnose and plan industrial cooperation inside metropolitan areas. Errors: {"error":{"code","message","issues"}}; Accept-Language: zh for Chinese messages.',
      },
      servers: [{ url: '/' }],
    }));
  app.get('/openapi.json', (c) => c.json(document()));
  app.get('/docs', (c) => c.html(renderDocsPage(document(), requestLanguage(c))));
  app.get('/docs/style.css', (c) => c.body(docsStyle, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  mountStatic(app);
  app.get('/', (c) => c.redirect('/docs'));

  for (const register of options.routes ?? routeModules) register(app, deps);

  shapes = app.openAPIRegistry.definitions.flatMap((d) => {
    if (d.type !== 'route') return [];
    const media = Object.keys(d.route.request?.body?.content ?? {});
    const pattern = new RegExp(`^${d.route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return [{ method: d.route.method.toUpperCase(), pattern, upload: media.some((m) => !isJsonMedia(m)) }];
  });
  return app;
}

/** Stop a request that runs longer than `ms` with a 503 (the work itself finishes in the background). */
function timeoutMiddleware(ms: number): MiddlewareHandler {
  return async (_c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ApiError(503, 'TIMEOUT', serverMessages.timeout(ms))), ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
