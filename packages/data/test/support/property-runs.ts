/**
 * fast-check run counts of the data package's property tests, in one place. A case that touches DuckDB costs tens
 * of milliseconds (a file written, an import in a transaction), so those properties run few cases; pure helpers may
 * run many. The seeds stay fixed in each test, so a smaller count runs a prefix of the same cases.
 */
export const propertyRuns = {
  /** A property whose every case runs SQL against a store (import, export, queries). */
  duckdb: 10,
  /** A property of pure TypeScript helpers (no store, no files). */
  pure: 100,
} as const;
