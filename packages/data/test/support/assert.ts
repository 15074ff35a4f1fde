/** Numeric assertions of the data package's tests: those of test-support/numbers.ts, shared by every package. */
export { assertAllClose, assertClose } from '../../../../test-support/numbers.ts';
