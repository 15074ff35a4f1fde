/**
 * `writeJsonNumber` writes exactly `JSON.stringify(x)` — the shortest round-trip decimal in ECMAScript's layout —
 * for every double: edge values, random bit patterns, and the kinds of values measures produce.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mulberry32 } from '@metrocoop/core';
import { jsonNumber, maxJsonNumberLength, writeJsonNumber } from '../../src/io/json-number.ts';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const fromBits = (high: number, low: number): number => {
  u32[1] = high;
  u32[0] = low;
  return f64[0] as number;
};
/** The adjacent doubles of a positive finite x. */
const neighbours = (x: number): number[] => {
  f64[0] = x;
  const low = u32[0] as number;
  const high = u32[1] as number;
  const up = low === 0xffffffff ? fromBits(high + 1, 0) : fromBits(high, low + 1);
  const down = low === 0 ? fromBits(high - 1, 0xffffffff) : fromBits(high, low - 1);
  return [down, x, up];
};

function mismatches(values: Iterable<number>): string[] {
  const bad: string[] = [];
  for (const x of values) {
    const expected = JSON.stringify(x);
    const actual = jsonNumber(x);
    if (actual !== expected && bad.length < 10) bad.push(`${expected} written as ${actual}`);
  }
  return bad;
}

function* randomValues(seed: number, count: number, draw: (random: () => number) => number): Generator<number> {
  const random = mulberry32(seed);
  for (let k = 0; k < count; k++) yield draw(random);
}

describe('writeJsonNumber', () => {
  it('writes the text of JSON.stringify for edge values (integers, signs, powers of ten, limits, subnormals, non-finite as null)', () => {
    const edges = [
      0,
      -0,
      1,
      -1,
      2,
      10,
      100,
      8896,
      123456789,
      -123456789,
      2 ** 31,
      2 ** 32,
      2 ** 53 - 1,
      2 ** 53,
      2 ** 53 + 2,
      2 ** 60,
      1e15,
      1e16,
      1e17,
      1e20,
      1e21,
      1e22,
      1e100,
      1e308,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.MAX_SAFE_INTEGER,
      0.1,
      0.2,
      0.3,
      0.1 + 0.2,
      1 / 3,
      2 / 3,
      -1 / 3,
      0.5,
      0.25,
      0.125,
      1.5,
      123.456,
      1e-5,
      1e-6,
      0.000001,
      0.0000011,
      9.999999e-7,
      1e-7,
      -1e-7,
      1.5e-7,
      1e-300,
      2.2250738585072014e-308,
      5e-324,
      -5e-324,
      2.225073858507201e-308,
      4.9406564584124654e-324,
      1e15 + 0.5,
      9007199254740.992,
      0.30000000000000004,
      9999999999999998,
      1.7976931348623157e308,
      Number.EPSILON,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    assert.deepEqual(mismatches(edges), []);
    assert.equal(jsonNumber(-0), '0');
    assert.equal(jsonNumber(Number.NaN), 'null');
    assert.equal(jsonNumber(Number.NEGATIVE_INFINITY), 'null');
    assert.equal(jsonNumber(1e-7), '1e-7');
    assert.equal(jsonNumber(1e21), '1e+21');
  });

  it('matches around every power of two and of ten (both neighbours included)', () => {
    const values: number[] = [];
    for (let e = -1074; e <= 1023; e++) for (const x of neighbours(2 ** e)) values.push(x, -x, 1.5 * x);
    for (let e = -323; e <= 308; e++) for (const x of neighbours(Number(`1e${e}`))) values.push(x, -x, 3 * x, 7 * x);
    assert.deepEqual(mismatches(values), []);
  });

  it('matches on random doubles of every kind (uniform, log-uniform, ratios of integers, decimals, random bits)', () => {
    const n = 100_000;
    assert.deepEqual(mismatches(randomValues(1, n, (r) => r())), []);
    assert.deepEqual(mismatches(randomValues(2, n, (r) => (r() - 0.3) * 10 ** Math.floor(r() * 40 - 15))), []);
    assert.deepEqual(mismatches(randomValues(3, n, (r) => Math.floor(r() * 5000) / Math.floor(1 + r() * 5000))), []);
    assert.deepEqual(mismatches(randomValues(4, n, (r) => Math.round(r() * 1e6) / 10 ** Math.floor(r() * 9))), []);
    assert.deepEqual(mismatches(randomValues(5, n, (r) => fromBits(Math.floor(r() * 2 ** 32), Math.floor(r() * 2 ** 32)))), []);
    assert.deepEqual(mismatches(randomValues(6, n, (r) => fromBits(0x3e000000 + Math.floor(r() * 0x0a000000), Math.floor(r() * 2 ** 32)))), []);
  });

  it('writes at the given offset, returns the end, and stays within maxJsonNumberLength', () => {
    const out = new Uint8Array(8 + maxJsonNumberLength).fill(0x78);
    for (const x of [-2.2250738585072014e-308, -1.2345678901234566e-7, -0.0000012345678901234567, 0.1, Number.NaN]) {
      const end = writeJsonNumber(out, 8, x);
      assert.ok(end - 8 <= maxJsonNumberLength);
      assert.equal(Buffer.from(out.subarray(8, end)).toString('latin1'), JSON.stringify(x));
      assert.equal(out[7], 0x78, 'nothing written before the offset');
    }
  });
});
