/** The readers–writer lock of the store and the result cache: orderings and eviction, without timing. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createResultCache } from '../src/result-cache.ts';
import { StoreLock } from '../src/store-lock.ts';

const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('StoreLock', () => {
  it('lets reads run together, makes a write wait for them, and holds new reads until the write is done', async () => {
    const lock = new StoreLock();
    const events: string[] = [];
    const r1 = deferred();
    const read1 = lock.read(async () => {
      events.push('r1 start');
      await r1.promise;
      events.push('r1 end');
    });
    const read2 = lock.read(async () => events.push('r2'));
    await read2;
    assert.equal(lock.readers, 1);
    const write = lock.write(async () => events.push('write'));
    const read3 = lock.read(async () => events.push('r3'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(events, ['r1 start', 'r2']);
    r1.resolve();
    await Promise.all([read1, write, read3]);
    assert.deepEqual(events, ['r1 start', 'r2', 'r1 end', 'write', 'r3']);
    assert.equal(lock.readers, 0);
    assert.equal(lock.writing, false);
  });

  it('lets a request that holds a read share write (no deadlock) and gives the share back after', async () => {
    const lock = new StoreLock();
    const result = await lock.read(async () => {
      assert.equal(lock.readers, 1);
      const inside = await lock.write(async () => {
        assert.equal(lock.readers, 0);
        return 'written';
      });
      assert.equal(lock.readers, 1);
      return inside;
    });
    assert.equal(result, 'written');
    assert.equal(lock.readers, 0);
  });

  it('releases the lock when the writer throws', async () => {
    const lock = new StoreLock();
    await assert.rejects(lock.write(async () => Promise.reject(new Error('boom'))));
    assert.equal(await lock.read(async () => 'read'), 'read');
  });
});

describe('createResultCache', () => {
  it('keys by data version, shares one computation, forgets failures and drops the least recently used', async () => {
    let version = 0;
    const cache = createResultCache({ maxEntries: 2, version: () => version });
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([cache.get('a', compute), cache.get('a', compute)]);
    assert.deepEqual([a, b, runs], [1, 1, 1]);
    version = 1;
    assert.equal(await cache.get('a', compute), 2);
    await assert.rejects(cache.get('bad', () => Promise.reject(new Error('no'))));
    await new Promise((resolve) => setImmediate(resolve));
    // 'bad' pushed out the oldest entry (version 0's 'a'), then was forgotten itself.
    assert.equal(cache.size, 1);
    assert.equal(await cache.get('a', compute), 2);
    await cache.get('b', compute);
    await cache.get('c', compute);
    assert.equal(cache.size, 2);
    cache.clear();
    assert.equal(cache.size, 0);
  });
});
