import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError, NotFoundError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { defaultPresenceOptions, presence } from '../../src/specialisation/presence.ts';
import { tiny, tinyWithZeroRow } from './arbitrary.ts';

// tiny(): LQ = [1.875, 0.4166…; 0.4166…, 1.3888…]
const pop = { labels: ['A', 'B'], values: new Float64Array([10, 90]) };

describe('presence', () => {
  it('marks LQ ≥ 1 by default', () => assert.deepEqual([...presence(tiny()).values], [1, 0, 0, 1]));

  it('uses the threshold t (≥, not >)', () => {
    assert.deepEqual([...presence(tiny(), { threshold: 1.5 }).values], [1, 0, 0, 0]);
    assert.deepEqual([...presence(tiny(), { threshold: 0.4 }).values], [1, 1, 1, 1]);
    const equal = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [1, 1],
        [1, 1],
      ],
    );
    assert.deepEqual([...presence(equal).values], [1, 1, 1, 1]); // LQ exactly 1 counts
  });

  it('applies the RPOP test (x_ri/pop_r)/(x_i/Σpop)', () => {
    // Σpop = 100; A: (30/10)/(40/100) = 7.5, (10/10)/(60/100) = 1.67; B: (10/90)/0.4 = 0.28, (50/90)/0.6 = 0.93
    assert.deepEqual([...presence(tiny(), { test: 'rpop', population: pop }).values], [1, 1, 0, 0]);
    assert.deepEqual([...presence(tiny(), { test: 'rpop', population: pop, rpopThreshold: 2 }).values], [1, 0, 0, 0]);
  });

  it('"both" is present when either test passes (py-ecomplexity adds the binaries)', () => {
    assert.deepEqual([...presence(tiny(), { test: 'both', population: pop }).values], [1, 1, 0, 1]);
  });

  it('never marks a zero-total region kept by zeroTotals "keep" (t > 0)', () => {
    assert.deepEqual([...presence(tinyWithZeroRow()).values], [1, 0, 0, 1, 0, 0]);
  });

  it('refuses RPOP without population, with a missing region, or a zero population with activity', () => {
    const ok = (code: string, cls: typeof InvalidInputError | typeof NotFoundError) => (e: unknown) =>
      e instanceof cls && (e as InvalidInputError).code === code;
    assert.throws(() => presence(tiny(), { test: 'rpop' }), ok('MISSING_POPULATION', InvalidInputError));
    assert.throws(() => presence(tiny(), { test: 'rpop', population: { labels: ['A'], values: new Float64Array([1]) } }), ok('UNKNOWN_LABEL', NotFoundError));
    assert.throws(
      () => presence(tiny(), { test: 'rpop', population: { labels: ['A', 'B'], values: new Float64Array([0, 5]) } }),
      ok('ZERO_POPULATION', InvalidInputError),
    );
    assert.throws(() => presence(tiny(), { threshold: -1 }), ok('INVALID_OPTION', InvalidInputError));
    assert.throws(() => presence(tiny(), { test: 'rca' as never }), ok('INVALID_OPTION', InvalidInputError));
  });

  it('exports its defaults', () => assert.deepEqual(defaultPresenceOptions, { threshold: 1, test: 'lq', rpopThreshold: 1 }));
});
