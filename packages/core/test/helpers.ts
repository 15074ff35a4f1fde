/** Test helpers shared by the core's tests: the numeric assertions of test-support/numbers.ts. */
export { assertAllClose, assertClose, assertMatrixClose } from '../../../test-support/numbers.ts';
