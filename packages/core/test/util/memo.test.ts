import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identityKey, memoOn, releaseDerivedData } from '../../src/util/memo.ts';

describe('memoOn', () => {
  it('computes once per owner and key, and again after releaseDerivedData', () => {
    const owner = {};
    let calls = 0;
    const compute = () => ++calls;
    assert.equal(memoOn(owner, 'k', compute), 1);
    assert.equal(memoOn(owner, 'k', compute), 1);
    assert.equal(memoOn(owner, 'other', compute), 2);
    assert.equal(memoOn({}, 'k', compute), 3, 'another owner has its own cache');
    releaseDerivedData(owner);
    assert.equal(memoOn(owner, 'k', compute), 4);
  });

  it('does not cache a computation that throws', () => {
    const owner = {};
    assert.throws(() =>
      memoOn(owner, 'k', () => {
        throw new Error('no');
      }),
    );
    assert.equal(
      memoOn(owner, 'k', () => 5),
      5,
    );
  });

  it('keys objects by identity', () => {
    const a = {};
    assert.equal(identityKey(a), identityKey(a));
    assert.notEqual(identityKey(a), identityKey({}));
  });
});
