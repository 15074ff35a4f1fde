/**
 * Several metrocoop processes on one store file, as a user runs them from two terminals (the compiled bin in child
 * processes): a command that finds the store held waits — saying who holds it — then runs; readers run side by side;
 * two imports at once both land; `--wait` bounds the wait (exit 1 with a message). The holder is a small child
 * process that opens the store through the data package and keeps it until told to let go, so that nothing here
 * depends on how long a command takes.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Store } from '@metrocoop/data';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { runBin } from './support/run-bin.ts';

const dataEntry = new URL('../../../packages/data/dist/index.js', import.meta.url).href;
const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** Run the bin; `onErr` sees stderr as it comes. */
const run = (args: readonly string[], onErr?: (err: string) => void) => runBin(args, onErr === undefined ? { env } : { env, onErr });

/** A process holding the store (writable, or read-only) as `metrocoop data import big.csv` would, until released. */
async function hold(store: string, mode: 'write' | 'read'): Promise<{ child: ChildProcess; release: () => Promise<void> }> {
  const script = `
    import { Store } from ${JSON.stringify(dataEntry)};
    const store = await Store.open(${JSON.stringify(store)}, { readOnly: ${mode === 'read'}, holder: { command: 'metrocoop data import big.csv' } });
    process.stdout.write('held\\n');
    process.stdin.on('data', () => { store.close(); process.exit(0); });
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'], env });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      if (String(chunk).includes('held')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the holder exited early (${code})`)));
  });
  const release = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.stdin?.write('go\n');
    await exited;
  };
  return { child, release };
}

describe('several processes on one store', () => {
  let dir = '';
  let store = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-concurrency-'));
    store = await storeCopyPath('embedded', dir, 'store.duckdb');
    // The copy is current: a first command would find nothing to load.
    const warm = await run(['--store', store, 'data', 'list']);
    assert.equal(warm.code, 0, warm.err);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a reader waits for a writer, names it, and succeeds once it is done', async () => {
    const holder = await hold(store, 'write');
    try {
      let released: Promise<void> | undefined;
      const reader = await run(['--store', store, 'data', 'list'], (err) => {
        if (released === undefined && /in use by/.test(err)) released = holder.release();
      });
      await released;
      assert.equal(reader.code, 0, reader.err);
      assert.match(
        reader.err,
        /The store .*store\.duckdb is in use by metrocoop data import big\.csv \(process \d+, writing, since \d\d:\d\d:\d\d\); waiting up to 30 s/,
      );
      assert.match(reader.out, /^jjj\s/m);
    } finally {
      await holder.release();
    }
  });

  it('readers run side by side while nothing writes', async () => {
    const holder = await hold(store, 'read');
    try {
      const [list, show] = await Promise.all([run(['--store', store, 'data', 'list']), run(['--store', store, 'data', 'show', 'jjj'])]);
      assert.equal(list.code, 0, list.err);
      assert.equal(show.code, 0, show.err);
      assert.doesNotMatch(list.err + show.err, /in use/);
    } finally {
      await holder.release();
    }
  });

  it('--wait 1 against a held store fails after a second with a message, exit 1', async () => {
    const holder = await hold(store, 'write');
    try {
      const started = Date.now();
      const en = await run(['--store', store, '--wait', '1', 'data', 'list']);
      assert.ok(Date.now() - started >= 1000);
      assert.equal(en.code, 1, en.err);
      assert.match(
        en.err,
        /still in use by metrocoop data import big\.csv \(process \d+, writing, since [\d:]+\) after waiting 1 s; try again when it has finished, wait longer with --wait SECONDS/,
      );
      assert.doesNotMatch(en.err, /Conflicting lock|unexpected failure|Store\.open/);
      const zh = await run(['--lang', 'zh', '--store', store, '--wait', '0', 'analyze', 'jjj']);
      assert.equal(zh.code, 1, zh.err);
      assert.match(zh.err, /等待 0 秒后，数据库 .* 仍被 metrocoop data import big\.csv（进程 \d+，写入中/);
    } finally {
      await holder.release();
    }
  });

  it('--wait takes seconds: anything else is a usage error (exit 2)', async () => {
    const bad = await run(['--store', store, '--wait', 'soon', 'data', 'list']);
    assert.equal(bad.code, 2, bad.err);
    assert.match(bad.err, /--wait: expected a number of seconds, 0 or more \(got "soon"\)/);
  });

  it('two imports at once both land, one after the other, nothing lost', async () => {
    const files = ['a', 'b'].map((name, k) => {
      const file = join(dir, `${name}.csv`);
      // Invented test values.
      writeFileSync(file, `地区,合计,第一产业,第二产业,第三产业\n石家庄市,${100 + k},10,40,${50 + k}\n唐山市,200,20,80,100\n`);
      return file;
    });
    const imports = await Promise.all(
      files.map((file, k) =>
        run([
          '--store',
          store,
          'data',
          'import',
          file,
          '--dataset',
          `concurrent-${k}`,
          '--year',
          '2019',
          '--indicator',
          'gdp',
          '--unit',
          '亿元',
          '--source',
          'nbs',
        ]),
      ),
    );
    for (const result of imports) {
      assert.equal(result.code, 0, result.err);
      assert.match(result.out, /Imported 8 observations/);
    }
    // One of them found the store held by the other and waited.
    assert.match(imports.map((r) => r.err).join(''), /in use by metrocoop .*data import/);
    const opened = await Store.open(store, { readOnly: true });
    try {
      for (const k of [0, 1]) assert.equal(await opened.count('observations', `concurrent-${k}`), 8);
    } finally {
      opened.close();
    }
  });
});
