/**
 * fast-check run counts of the core's property tests, in one place. The core is pure, so its properties can run
 * many cases; the count falls with the cost of one case. The seeds stay fixed in each test, so a count runs a
 * prefix of the same cases (raise one here to search wider, locally).
 */
export const propertyRuns = {
  /** Closed-form kernels on small matrices (quotients, similarity, LU, input-output, spatial weights, shift-share). */
  kernel: 100,
  /** Iterative and spectral methods (eigen solvers, complexity, relatedness, gradient, communities). */
  iterative: 50,
  /** The whole metro analysis on a generated input. */
  pipeline: 25,
} as const;
