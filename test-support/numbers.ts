/**
 * Numeric assertions shared by every package's tests: one way to compare numbers, with an explicit tolerance
 * (STYLE.md). A neutral folder, so that no package's tests reach into another package's test folder.
 */
import assert from 'node:assert/strict';

/** Assert `|actual − expected| ≤ tol` (absolute), with a message naming the place. */
export function assertClose(actual: number, expected: number, tol = 1e-12, where = ''): void {
  if (!(Math.abs(actual - expected) <= tol)) {
    assert.fail(`${where ? `${where}: ` : ''}expected ${expected}, got ${actual} (|diff| ${Math.abs(actual - expected)} > ${tol})`);
  }
}

/** Assert two arrays are equal element-wise within `tol`; `null` must match `null`. */
export function assertAllClose(actual: ArrayLike<number | null>, expected: ArrayLike<number | null>, tol = 1e-12, where = ''): void {
  assert.equal(actual.length, expected.length, `${where}: length`);
  for (let k = 0; k < expected.length; k++) {
    const a = actual[k];
    const e = expected[k];
    if (e === null || e === undefined || a === null || a === undefined) {
      assert.equal(a ?? null, e ?? null, `${where}[${k}]`);
    } else assertClose(a, e, tol, `${where}[${k}]`);
  }
}

/** Assert nested matrices equal within `tol`. */
export function assertMatrixClose(
  actual: readonly (readonly (number | null)[])[],
  expected: readonly (readonly (number | null)[])[],
  tol = 1e-12,
  where = '',
): void {
  assert.equal(actual.length, expected.length, `${where}: rows`);
  for (let r = 0; r < expected.length; r++) assertAllClose(actual[r] as (number | null)[], expected[r] as (number | null)[], tol, `${where}[${r}]`);
}
