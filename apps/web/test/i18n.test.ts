import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decimal, formatCompact, formatNumber } from '../src/i18n.ts';

/** What `Intl.NumberFormat` writes (the reference `decimal` stands in for). */
const intl = (locale: string, x: number, min: number, max: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max }).format(x);

describe('decimal', () => {
  it('writes what Intl.NumberFormat writes for en-GB and zh-CN', () => {
    const cases: [number, number, number][] = [
      [0, 0, 0],
      [-0, 0, 0],
      [1234567, 0, 0],
      [-1234.5, 0, 0],
      [999.95, 1, 1],
      [1.45, 1, 1],
      [1.005, 0, 2],
      [0.000001234, 0, 6],
      [12.25, 1, 1],
      [-0.04, 1, 1],
      [99999.5, 0, 0],
      [5, 1, 1],
    ];
    for (const [x, min, max] of cases) {
      assert.equal(decimal(x, min, max), intl('en-GB', x, min, max), `${x} (${min}–${max} digits)`);
      assert.equal(decimal(x, min, max), intl('zh-CN', x, min, max), `${x} (${min}–${max} digits, zh-CN)`);
    }
  });

  it('agrees with Intl.NumberFormat on any finite number (property, fixed seed)', () => {
    const value = fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 100),
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 1000 + 0.0005),
    );
    fc.assert(
      fc.property(value, fc.constantFrom<[number, number]>([0, 0], [1, 1], [0, 6], [0, 3]), (x, [min, max]) => {
        assert.equal(decimal(x, min, max), intl('en-GB', x, min, max));
        assert.equal(decimal(x, min, max), intl('zh-CN', x, min, max));
      }),
      { seed: 12, numRuns: 2000 },
    );
  });
});

describe('formatNumber', () => {
  it('writes 3 significant digits below 1,000, whole grouped numbers above, percentages with one decimal, and a dash for a gap', () => {
    assert.equal(formatNumber('en', 0.123456), '0.123');
    assert.equal(formatNumber('zh', 1234567.8), '1,234,568');
    assert.equal(formatNumber('en', 0.4567, { percent: true }), '45.7%');
    assert.equal(formatNumber('zh', null), '—');
    assert.equal(formatNumber('en', Number.NaN), '—');
  });
});

describe('formatCompact', () => {
  it('writes large numbers in the words of each language', () => {
    assert.equal(formatCompact('zh', 110_000_000), '1.1亿');
    assert.equal(formatCompact('en', 110_000_000), '110 million');
    assert.equal(formatCompact('en', 2_345), '2,345');
  });
});
