/**
 * The dashboard's files: `apps/web/dist` (the Vite build) served at `/`. A request path only ever selects a file
 * inside that folder — it is decoded, refused when it holds `..`, a backslash or a NUL, resolved under the folder and
 * checked to stay inside it; `/api`, `/openapi.json` and `/docs` are never touched. A path without a file extension
 * that names no file gets `index.html` (the app routes itself in the URL hash); a missing asset falls through to the
 * API's 404. Hashed assets are cached for a year, `index.html` is revalidated on every load.
 *
 * The folder is found by walking up from this module (sources, the server's and the CLI's bundles, compiled tests
 * all live inside the repository) until `apps/web/dist/index.html` exists, so a build made after the server started
 * is picked up; without a build, `/` keeps redirecting to the API docs.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';

/** Content types by file extension (anything else is not served). */
export const staticContentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths that belong to the API (never answered from the dashboard's folder). */
const apiPath = (path: string): boolean =>
  path === '/api' || path.startsWith('/api/') || path === '/openapi.json' || path === '/docs' || path.startsWith('/docs/');

/** The dashboard's build folder above `from` (`<ancestor>/apps/web/dist` holding an `index.html`), or `null`. */
export function findWebDist(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'apps', 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * The file under `root` a request path names, or `null` when the path is not one a file can have (`..`, a backslash,
 * a NUL, bad percent-encoding) or would leave `root`.
 */
export function staticFilePath(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((segment) => segment === '..')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Options of {@link mountStatic}. */
export interface StaticOptions {
  /** The folder to serve (default: found by {@link findWebDist}; `null` serves nothing). */
  readonly root?: string | null;
}

/** Serve the dashboard at `/` (register before the `/` → `/docs` redirect: without a build, that one answers). */
// biome-ignore lint/suspicious/noExplicitAny: any Hono app (its env and schema types do not matter here)
export function mountStatic(app: Hono<any, any, any>, options: StaticOptions = {}): void {
  let found: string | null = options.root === undefined ? null : options.root;
  const rootDir = (): string | null => (options.root !== undefined ? options.root : (found ??= findWebDist()));
  app.get('*', async (c, next) => {
    const path = c.req.path;
    const root = apiPath(path) ? null : rootDir();
    if (root === null) return next();
    let file = staticFilePath(root, path === '/' ? '/index.html' : path);
    if (file === null) return next();
    if (!(await isFile(file))) {
      // The app's own routes (no extension) get the page; a missing asset is a 404 from the API.
      if (extname(path) !== '') return next();
      file = join(root, 'index.html');
      if (!(await isFile(file))) return next();
    }
    const type = staticContentTypes[extname(file).toLowerCase()];
    if (type === undefined) return next();
    const immutable = file.startsWith(join(root, 'assets') + sep);
    return c.body(await readFile(file), 200, {
      'Content-Type': type,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
