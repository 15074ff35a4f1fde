/**
 * @metrocoop/server — the HTTP API over the metrocoop store: `startServer` (bind, token rule, graceful shutdown),
 * `createApp` (the Hono app, for in-process use and tests) and the pieces route modules use.
 */
export type { AppOptions } from './app.ts';
export { contentSecurityPolicy, createApp, writeMethods } from './app.ts';
export type { ResultCache, RouteModule, ServerDeps, ServerLimits } from './context.ts';
export type { ServerDepsOptions, ServerRuntime } from './deps.ts';
export { createServerDeps, defaultLimits } from './deps.ts';
export type { ApiErrorBody, ApiIssue } from './errors.ts';
export { ApiError, errorBody, requestLanguage } from './errors.ts';
export { languageOf } from './language.ts';
export { serverMessages } from './messages.ts';
export { createResultCache } from './result-cache.ts';
export { routeModules } from './routes/index.ts';
export { errorResponses, errorSchema, summary } from './schemas.ts';
export type { RunningServer, StartServerOptions } from './start.ts';
export { checkBinding, defaultPort, isLoopback, startServer } from './start.ts';
export { findWebDist } from './static.ts';
