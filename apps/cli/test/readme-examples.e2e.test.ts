/**
 * Every `npx metrocoop …` example in README.md's code blocks, run as a user would (the compiled bin, in an empty
 * folder, on a copy of the embedded store through METROCOOP_STORE), must exit 0. The inputs the README names are
 * provided: `table.csv` is JJJ's 2020 urban-unit employment by GB/T 4754 section (3 provinces × 19, from the store),
 * `big.csv` a synthetic 60 × 25 table; files of the repository (docs/examples/…) are found from its root. An example
 * that needs a file only the user has (their own yearbook) is skipped, and the test says which and why. A `serve`
 * example runs until stopped: it must print its address and answer `/api/health`, then stop with exit 0 on SIGTERM
 * (on a free port instead of the one it names, which another program may hold).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Store } from '@metrocoop/data';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { bin, runBin } from './support/run-bin.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** An example: its words after `npx metrocoop`, and where stdout is redirected (`> FILE`), if anywhere. */
interface Example {
  readonly line: string;
  readonly args: readonly string[];
  readonly stdoutTo: string | null;
}

/** The `npx metrocoop` lines of the README's fenced code blocks (comments and `\` continuations handled). */
export function readmeExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  let fence = false;
  let pending = '';
  for (const raw of markdown.split('\n')) {
    if (/^\s*```/.test(raw)) {
      fence = !fence;
      pending = '';
      continue;
    }
    if (!fence) continue;
    const line = pending + raw.replace(/\s+#\s.*$/, '').trim();
    if (line.endsWith('\\')) {
      pending = `${line.slice(0, -1)} `;
      continue;
    }
    pending = '';
    if (!line.startsWith('npx metrocoop')) continue;
    const words = line.split(/\s+/).slice(2);
    const redirect = words.indexOf('>');
    examples.push({
      line,
      args: redirect < 0 ? words : words.slice(0, redirect),
      stdoutTo: redirect < 0 ? null : (words[redirect + 1] ?? null),
    });
  }
  return examples;
}

/** Files only a user has: the examples that read them are skipped, with the reason. */
const userFiles: Readonly<Record<string, string>> = {
  'my-yearbook.xlsx': "the user's own statistical yearbook (an example of the command, not a file the repository ships)",
};

const inputLike = /\.(csv|tsv|txt|xlsx|json|ya?ml|parquet)$/i;
const outputOptions = new Set(['--out']);

const run = (args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) => runBin(args, { cwd, env });

/** Run a `serve` example: wait for its address, ask `/api/health`, stop it with SIGTERM; its exit code and output. */
async function runServe(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; health: number; err: string }> {
  const port = args.indexOf('--port');
  const onFreePort = port < 0 ? [...args, '--port', '0'] : args.map((a, k) => (k === port + 1 ? '0' : a));
  const child = spawn(process.execPath, [bin, ...onFreePort], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise<string | null>((resolve) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /^(http:\/\/\S+)$/m.exec(out);
      if (found) resolve(found[1] ?? null);
    });
    void exited.then(() => resolve(null));
  });
  let health = 0;
  if (url !== null) health = (await fetch(`${url}/api/health`)).status;
  child.kill('SIGTERM');
  return { code: await exited, health, err };
}

describe('README.md examples', () => {
  const examples = readmeExamples(readFileSync(join(root, 'README.md'), 'utf8'));
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-readme-'));
    const store = await storeCopyPath('embedded', dir, 'metrocoop.duckdb');
    env = { ...process.env, METROCOOP_STORE: store, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const opened = await Store.open(store, { readOnly: true });
    try {
      const rows = await opened.rows(
        `SELECT region, industry, sum(value) AS value FROM observations
         WHERE indicator = 'employment_urban_units' AND year = 2020 AND industry IS NOT NULL AND region IN ('CN-110000', 'CN-120000', 'CN-130000')
         GROUP BY region, industry ORDER BY region, industry`,
      );
      assert.ok(rows.length >= 3 * 15, `JJJ's 2020 employment by section: ${rows.length} rows`);
      writeFileSync(join(dir, 'table.csv'), `region,industry,value\n${rows.map((r) => `${r.region},${r.industry},${r.value}`).join('\n')}\n`);
    } finally {
      opened.close();
    }
    // Synthetic values: 60 regions × 25 industries.
    const big = ['region,industry,value'];
    for (let r = 0; r < 60; r++) for (let i = 0; i < 25; i++) big.push(`R${r},I${i},${1 + ((r * 7 + i * 13) % 40)}`);
    writeFileSync(join(dir, 'big.csv'), `${big.join('\n')}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the examples', () => {
    assert.ok(examples.length >= 10, `only ${examples.length} examples found`);
  });

  for (const example of examples) {
    it(example.line, async (t) => {
      const args: string[] = [];
      for (let k = 0; k < example.args.length; k++) {
        const word = example.args[k] as string;
        const isOutput = outputOptions.has(example.args[k - 1] ?? '');
        if (!isOutput && inputLike.test(word) && !word.startsWith('-')) {
          const reason = userFiles[word];
          if (reason !== undefined) {
            t.skip(`needs ${word}: ${reason}`);
            return;
          }
          if (!existsSync(join(dir, word))) {
            // A file of the repository (docs/examples/…), named from its root.
            const inRepo = join(root, word);
            assert.ok(existsSync(inRepo), `the example reads ${word}, which neither the test provides nor the repository has`);
            args.push(inRepo);
            continue;
          }
        }
        args.push(word);
      }
      if (args[0] === 'serve') {
        const served = await runServe(args, dir, env);
        assert.equal(served.health, 200, `${example.line}: no answer from /api/health\n${served.err}`);
        assert.equal(served.code, 0, `${example.line}: stopped with ${served.code}\n${served.err}`);
        return;
      }
      const result = await run(args, dir, env);
      assert.equal(result.code, 0, `${example.line}\n${result.err}`);
      assert.doesNotMatch(result.err, /unexpected failure/);
      if (example.stdoutTo !== null) {
        writeFileSync(join(dir, example.stdoutTo), result.out);
        assert.ok(result.out.length > 0, `${example.line}: nothing on stdout`);
      }
    });
  }
});
