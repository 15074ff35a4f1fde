/**
 * The holder files beside a store (store/lock.ts): written on open with a holder, removed on close, shared by the
 * read-only opens of one process, ignored and removed when their process is gone; DuckDB's lock message read.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { conflictPid, describeHolders, holderFilePath, isLockConflict, readHolders } from '../../src/store/lock.ts';
import { Store } from '../../src/store/store.ts';

describe('store holder files', () => {
  let dir = '';
  let path = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-lock-'));
    path = join(dir, 'store.duckdb');
    const store = await Store.open(path);
    await store.run('CREATE TABLE t (x INTEGER)');
    store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an open with a holder writes the file (pid, command, mode, time); close removes it', async () => {
    const store = await Store.open(path, { holder: { command: 'metrocoop data import a.csv' } });
    const file = holderFilePath(path);
    const record = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.equal(record.pid, process.pid);
    assert.equal(record.command, 'metrocoop data import a.csv');
    assert.equal(record.mode, 'write');
    assert.ok(!Number.isNaN(Date.parse(String(record.since))));
    store.close();
    assert.equal(existsSync(file), false);
  });

  it('read-only opens of one process share the file until the last closes', async () => {
    const a = await Store.open(path, { readOnly: true, holder: { command: 'metrocoop data list' } });
    const b = await Store.open(path, { readOnly: true, holder: { command: 'metrocoop data list' } });
    const file = holderFilePath(path);
    a.close();
    assert.equal(existsSync(file), true);
    b.close();
    assert.equal(existsSync(file), false);
  });

  it('an open without a holder writes nothing', async () => {
    const store = await Store.open(path);
    assert.equal(existsSync(holderFilePath(path)), false);
    store.close();
  });

  it('a holder file whose process is gone is ignored and removed', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(gone.stdout);
    const file = holderFilePath(path, pid);
    writeFileSync(file, JSON.stringify({ pid, command: 'metrocoop data import old.csv', mode: 'write', since: new Date().toISOString() }));
    assert.deepEqual(readHolders(path), []);
    assert.equal(existsSync(file), false);
  });

  it('names the holders for people, or the process DuckDB names when there is no file', () => {
    const reason = 'IO Error: Could not set lock on file "/x/store.duckdb": Conflicting lock is held in /usr/bin/node (PID 4242). See also …';
    assert.equal(isLockConflict(reason), true);
    assert.equal(isLockConflict('IO Error: Cannot open file "/x": No such file or directory'), false);
    assert.equal(conflictPid(reason), 4242);
    const holders = readHolders(path, 4242);
    assert.deepEqual(holders, [{ pid: 4242, command: null, mode: null, since: null }]);
    assert.deepEqual(describeHolders(holders), { en: 'another program (process 4242)', zh: '另一个程序（进程 4242）' });
    assert.deepEqual(describeHolders([{ pid: 7, command: 'metrocoop data import a.csv', mode: 'write', since: null }]), {
      en: 'metrocoop data import a.csv (process 7, writing)',
      zh: 'metrocoop data import a.csv（进程 7，写入中）',
    });
  });
});
