/** The version of metrocoop: the root package.json's (`name` = `metrocoop`), found from this file upwards. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The version, read once (`unknown` when no metrocoop package.json is found). */
export function metrocoopVersion(): string {
  if (cached !== undefined) return cached;
  cached = 'unknown';
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
        if (pkg.name === 'metrocoop' && typeof pkg.version === 'string') return (cached = pkg.version);
      } catch {
        // unreadable: keep looking upwards
      }
    }
    if (dirname(dir) === dir) return cached;
  }
}
