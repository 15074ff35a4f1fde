/**
 * The analysis result document's schema, as the data package has always offered it. It is defined once, in the core
 * (packages/core/src/analysis/result-schema.ts), next to the types it derives; this module only re-exports it.
 * The committed JSON Schema packages/data/schemas/metro-analysis.schema.json is generated from it
 * by packages/data/scripts/write-analysis-schema.ts; packages/data/test/analysis/result-schema.test.ts fails when the
 * file is out of date.
 */
export { metroAnalysisJsonSchema, metroAnalysisJsonSchemaText, metroAnalysisSchema } from '@metrocoop/core';
