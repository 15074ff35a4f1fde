/** The installed entry point (apps/cli/bin/metrocoop.js) run as a user runs it: a child process, output captured. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../../bin/metrocoop.js', import.meta.url));

export interface BinResult {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Run `metrocoop …args`; `onErr` sees stderr (all of it so far) as it comes. */
export function runBin(
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv; readonly onErr?: (err: string) => void } = {},
): Promise<BinResult> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    err += chunk;
    options.onErr?.(err);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}
