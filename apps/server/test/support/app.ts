/** An app over a fresh copy of the embedded store template, for in-process tests (no ports). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { openStoreCopy } from '../../../../packages/data/test/support/store-template.ts';
import { type AppOptions, createApp } from '../../src/app.ts';
import type { ServerLimits } from '../../src/context.ts';
import { createServerDeps, type ServerRuntime } from '../../src/deps.ts';

export interface TestApp {
  readonly app: OpenAPIHono;
  readonly deps: ServerRuntime;
  /** Lines the app logged (stacks of internal errors). */
  readonly logged: string[];
  readonly cleanup: () => void;
}

/** Create the app over a store copy; `limits` and app options as given. */
export async function testApp(options: { limits?: Partial<ServerLimits>; app?: AppOptions } = {}): Promise<TestApp> {
  const { store, cleanup } = await openStoreCopy('embedded');
  const deps = createServerDeps(store, options.limits === undefined ? {} : { limits: options.limits });
  const logged: string[] = [];
  const app = createApp(deps, { log: (line) => logged.push(line), ...options.app });
  return { app, deps, logged, cleanup };
}

/** The JSON body of a response. */
export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** The shape of an error body. */
export interface ErrorJson {
  error: { code: string; message: string; issues: { path?: string; code?: string; message: string }[] };
}
